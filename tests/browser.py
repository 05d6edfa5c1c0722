"""Browser helpers for the tests: serve a built site and drive Debian's Chromium.

Plain functions and context managers, no fixtures, so any test module can use them:

    with serve(build.site) as base_url, chromium(viewport={"width": 390, "height": 800}) as context:
        page = context.new_page()
        page.goto(base_url + "what-is-an-iep/")

Chromium runs offline with the flags of scripts/offline_chromium.py.
Tests using them are marked `@pytest.mark.browser`; `require_browser()` skips them when
Chromium or playwright is missing.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from iep_tools.offline_chromium import FLAGS as CHROMIUM_FLAGS
from iep_tools.offline_chromium import executable as chromium_executable

SERVE_SITE = Path(__file__).resolve().parent.parent / "scripts" / "serve_site.py"
# For page.evaluate: resolves once every running animation and transition has finished.
SETTLED = "() => Promise.all(document.getAnimations().map(animation => animation.finished))"


def require(tool: str, present: bool, install: str) -> None:
    """Skip the calling test when a tool is missing on a developer's machine; in CI
    (`CI` set, as .ci/run and GitHub Actions do) fail instead, so a missing install
    step cannot pass as green."""
    if not present:
        message = f"{tool} is missing: {install} (bash scripts/test.sh does it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def require_browser() -> None:
    """Chromium and playwright, for the calling test (see `require`)."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        require("playwright", False, "pip install -r requirements-dev.txt")
    require("Chromium", chromium_executable() is not None, "apt-get install chromium")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serve(directory: Path, timeout: float = 10.0) -> Iterator[str]:
    """Serve `directory` over HTTP on 127.0.0.1; yields the base URL ('http://127.0.0.1:PORT/').

    scripts/serve_site.py serves it as a static host does: gzip, and the 404 page."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, str(SERVE_SITE), str(directory), "--port", str(port)],
        cwd=directory, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base_url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                urllib.request.urlopen(base_url, timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the test server for {directory} did not start") from None
                time.sleep(0.05)
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=5)


@contextmanager
def playwright_session() -> Iterator[Any]:
    """One Playwright driver; start several Chromium contexts from it with `chromium(session)`.

    Inside another session (e.g. the session-wide `browser_context` fixture) it yields that
    one: Playwright allows only one driver per thread at a time."""
    if _sessions:
        yield _sessions[-1]
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        _sessions.append(playwright)
        try:
            yield playwright
        finally:
            _sessions.pop()


_sessions: list = []  # the running Playwright driver, if any


@contextmanager
def chromium(session=None, user_data_dir: Path | None = None, **context_options) -> Iterator[Any]:
    """A Playwright browser context on Debian's Chromium, with a fresh profile.

    `session`: a `playwright_session()` to reuse (Playwright allows one per thread at a time);
    without it the context gets its own. `context_options`: viewport, has_touch, locale, ...
    """
    if session is None:
        with playwright_session() as own, chromium(own, user_data_dir, **context_options) as context:
            yield context
        return
    with tempfile.TemporaryDirectory(prefix="chromium-") as fresh:
        context = session.chromium.launch_persistent_context(
            str(user_data_dir or fresh),
            executable_path=chromium_executable(),
            headless=True,
            args=CHROMIUM_FLAGS,
            **context_options,
        )
        try:
            yield context
        finally:
            context.close()


class PageProblems(list):
    """What a page does wrong while watched, as readable lines: console errors, uncaught
    exceptions, failed requests, HTTP errors and requests to any host but the test server.

        problems = PageProblems(page, base_url)
        page.goto(...)
        assert not problems
    """

    def __init__(self, page, base_url: str):
        super().__init__()
        self._page = page
        self._local = (base_url, "data:", "blob:", "about:")
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.append(f"uncaught error on {page.url}: {error}"))
        page.on("requestfailed", self._failed)
        page.on("response", self._response)
        page.on("request", self._request)

    def _console(self, message) -> None:
        if message.type == "error":
            self.append(f"console error on {self._page.url}: {message.text}")

    def _failed(self, request) -> None:
        if request.failure != "net::ERR_ABORTED":  # left behind by the next navigation
            self.append(f"request failed on {self._page.url}: {request.url} ({request.failure})")

    def _response(self, response) -> None:
        if response.status >= 400:
            self.append(f"HTTP {response.status} on {self._page.url}: {response.url}")

    def _request(self, request) -> None:
        if not request.url.startswith(self._local):
            self.append(f"request to another host on {self._page.url}: {request.url}")


def search_with(page, query: str) -> None:
    """Type `query` into Material's open search box and wait for its results. The whole
    text goes in at once (fill), then one key press: Material reads the box on keyup.
    (Typed key by key, an accented letter arrives as a text insertion that a fast next
    key can overtake in Material's phone layout.)"""
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for()
