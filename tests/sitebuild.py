"""Build real sites for the tests: the project itself, or a fixture project copied from it.

Builds run `mkdocs build --strict` in a subprocess (static-i18n patches MkDocs while it
builds, so one process per build keeps the builds independent) and always write into a
temporary directory, never into the repository's site/.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from lxml import html as lxml_html

from project_config import PROJECT_PARTS, ROOT, copy_parts, dump_config, load_config  # noqa: F401 (ROOT: for the tests)



@dataclass
class Build:
    returncode: int
    log: str
    site: Path

    @property
    def warnings(self) -> list[str]:
        return [line for line in self.log.splitlines() if line.startswith(("WARNING", "ERROR"))]

    def page(self, url_path: str):
        """Parse a built page: 'what-is-an-iep/' or 'es/404.html'."""
        path = self.site / url_path
        if url_path.endswith("/") or url_path == "":
            path = path / "index.html"
        return lxml_html.fromstring(path.read_bytes())


def build(project: Path, dest: Path, env: dict | None = None, strict: bool = True) -> Build:
    site = dest / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "-d", str(site), "-f", str(project / "mkdocs.yml")]
    if strict:
        command.append("--strict")
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    result = subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True)
    return Build(result.returncode, result.stdout + result.stderr, site)


def copy_project(dest: Path, with_docs: bool = True) -> Path:
    """A copy of this project to change freely in a test."""
    return copy_parts(dest / "project", PROJECT_PARTS + (["docs"] if with_docs else []))


def make_project(dest: Path, pages: dict[str, str], config: dict | None = None) -> Path:
    """A small fixture project: this project's config, hooks and theme with the given
    pages ({'en/index.md': '# Home', ...}) and no fixed nav."""
    project = copy_project(dest, with_docs=False)
    settings = load_config(project / "mkdocs.yml")
    settings.pop("nav", None)
    settings.update(config or {})
    dump_config(settings, project / "mkdocs.yml")
    for name, text in pages.items():
        path = project / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return project
