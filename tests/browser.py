"""Browser helpers for the tests: serve a built site and drive Debian's Chromium.

Plain functions and context managers, no fixtures, so any test module can use them:

    with serve(build.site) as base_url, chromium(viewport={"width": 390, "height": 800}) as context:
        page = context.new_page()
        page.goto(base_url + "what-is-an-iep/")

Chromium runs offline with every flag from /work/shared/reference/browser-testing.md.
Tests using them are marked `@pytest.mark.browser`; `require_browser()` skips them when
Chromium or playwright is missing.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def require_browser() -> None:
    """Skip the calling test when Chromium or playwright is not installed."""
    pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("Chromium is not installed (apt-get install chromium)")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serve(directory: Path, timeout: float = 10.0) -> Iterator[str]:
    """Serve `directory` over HTTP on 127.0.0.1; yields the base URL ('http://127.0.0.1:PORT/')."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port)],
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
def playwright_session() -> Iterator[object]:
    """One Playwright driver; start several Chromium contexts from it with `chromium(session)`."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@contextmanager
def chromium(session=None, user_data_dir: Path | None = None, **context_options) -> Iterator[object]:
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
            executable_path=CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"),
            headless=True,
            args=CHROMIUM_FLAGS,
            **context_options,
        )
        try:
            yield context
        finally:
            context.close()
