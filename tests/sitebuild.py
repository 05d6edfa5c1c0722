"""Build real sites for the tests: the project itself, or a fixture project copied from it.

Builds run in this process, as MkDocs' own tests do (`load_config` + `build`), into a
temporary directory, never the repository's site/. The hooks keep no state between builds
(hooks/iep_guide/state.py), so two builds in one process are independent. Every message
the build logs is kept, so tests can compare the exact list of warnings.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from lxml import html as lxml_html
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

from iep_tools.project import PROJECT_PARTS, ROOT, copy_parts, dump_config
from iep_tools.project import load_config as read_settings

__all__ = ["ROOT", "Build", "build", "copy_project", "make_project"]


@dataclass
class Build:
    ok: bool
    site: Path
    messages: list[tuple[str, str]] = field(default_factory=list)  # (level name, message)

    @property
    def warnings(self) -> list[str]:
        """Every warning and error the build logged, in order, without the level."""
        return [message for level, message in self.messages if level in ("WARNING", "ERROR")]

    @property
    def log(self) -> str:
        return "\n".join(f"{level:<7} -  {message}" for level, message in self.messages)

    def page(self, url_path: str):
        """Parse a built page: 'what-is-an-iep/' or 'es/404.html'."""
        path = self.site / url_path
        if url_path.endswith("/") or url_path == "":
            path = path / "index.html"
        return lxml_html.fromstring(path.read_bytes())

    def text(self, url_path: str, xpath: str = "//article") -> str:
        """The visible text of a part of a page, white space collapsed: without scripts, styles
        and what is hidden until a script shows it (the Listen button)."""
        (part,) = self.page(url_path).xpath(xpath)
        for unseen in part.xpath(".//script | .//style | .//*[@hidden]"):
            unseen.drop_tree()
        return " ".join(part.text_content().split())


def build(project: Path, dest: Path, env: dict[str, str] | None = None, strict: bool = True) -> Build:
    """Build `project` into dest/site; `env`: environment variables for this build only."""
    site = dest / "site"
    result = Build(False, site)
    with _environment(env or {}), _captured(result.messages):
        try:
            config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=strict)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build.build(config)
            finally:
                config.plugins.on_shutdown()
            result.ok = True
        except (Abort, ConfigurationError) as error:
            if not str(error).startswith("Aborted with"):
                result.messages.append(("ERROR", str(error)))
    return result


def copy_project(dest: Path, with_docs: bool = True) -> Path:
    """A copy of this project to change freely in a test."""
    return copy_parts(dest / "project", PROJECT_PARTS + (["docs"] if with_docs else []))


def make_project(dest: Path, pages: dict[str, str], config: dict | None = None) -> Path:
    """A small fixture project: this project's config, hooks and theme with the given
    pages ({'en/index.md': '# Home', ...}) and no fixed nav."""
    project = copy_project(dest, with_docs=False)
    settings = read_settings(project / "mkdocs.yml")
    settings.pop("nav", None)
    dump_config(_merged(settings, config or {}), project / "mkdocs.yml")
    for name, text in pages.items():
        path = project / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return project


def _merged(settings: dict, changes: dict) -> dict:
    """`settings` with `changes` applied; mappings are merged key by key ({'extra': {'iep': ...}})."""
    merged = dict(settings)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merged(merged[key], value)
        else:
            merged[key] = value
    return merged


@contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


class _Keep(logging.Handler):
    def __init__(self, into: list[tuple[str, str]]) -> None:
        super().__init__(logging.INFO)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append((record.levelname, record.getMessage()))


@contextmanager
def _captured(into: list[tuple[str, str]]) -> Iterator[None]:
    logger = logging.getLogger("mkdocs")
    handler, level = _Keep(into), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
