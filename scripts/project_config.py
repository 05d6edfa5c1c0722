"""Copies of this project, for the tests and scripts that build changed versions of it:
the parts a build needs, and mkdocs.yml read and written as data with its `!ENV` tags
kept as written (PyYAML's safe loader refuses them)."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
# What the project needs besides docs/ to build.
PROJECT_PARTS = ["mkdocs.yml", "brand.yml", "brand", "hooks", "overrides", "data"]


def copy_parts(dest: Path, parts: list[str] = PROJECT_PARTS, project: Path = ROOT) -> Path:
    """Copy `parts` of the project (files or folders) into `dest`, which is made."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in parts:
        source = project / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, dest / part)
    return dest


def load_config(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def dump_config(settings: dict, path: Path) -> None:
    path.write_text(yaml.dump(settings, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")


class _EnvTag(list):
    """`!ENV [NAME, default]`, kept as written."""


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: _EnvTag(loader.construct_sequence(node)))
_Dumper.add_representer(_EnvTag, lambda dumper, value: dumper.represent_sequence("!ENV", list(value), flow_style=True))
