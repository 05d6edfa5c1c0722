"""Build real sites for the tests: the project itself, or a fixture project copied from it.

Builds run `mkdocs build --strict` in a subprocess (static-i18n patches MkDocs while it
builds, so one process per build keeps the builds independent) and always write into a
temporary directory, never into the repository's site/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml
from lxml import html as lxml_html

ROOT = Path(__file__).resolve().parent.parent
# What a project needs besides docs/ to build: copied into fixture projects.
PROJECT_PARTS = ["mkdocs.yml", "brand.yml", "brand", "hooks", "overrides", "data"]


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
    project = dest / "project"
    project.mkdir(parents=True)
    for part in PROJECT_PARTS + (["docs"] if with_docs else []):
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, project / part)
    return project


class _EnvTag(list):
    """mkdocs.yml's `!ENV [NAME, default]`, kept as written."""


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: _EnvTag(loader.construct_sequence(node)))
_Dumper.add_representer(_EnvTag, lambda dumper, value: dumper.represent_sequence("!ENV", list(value), flow_style=True))


def make_project(dest: Path, pages: dict[str, str], config: dict | None = None) -> Path:
    """A small fixture project: this project's config, hooks and theme with the given
    pages ({'en/index.md': '# Home', ...}) and no fixed nav."""
    project = copy_project(dest, with_docs=False)
    settings = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    settings.pop("nav", None)
    settings.update(config or {})
    text = yaml.dump(settings, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")
    for name, text in pages.items():
        path = project / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return project
