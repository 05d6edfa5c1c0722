"""What the tools and tests know about the project without building it: its parts, its
languages, its pages, and its mkdocs.yml read and written as data.

mkdocs.yml keeps its `!ENV` tags as written when read here (PyYAML's safe loader refuses
them), so a copy written back builds like the original.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from mkdocs.utils.meta import get_data

ROOT = Path(__file__).resolve().parent.parent
# What the project needs besides docs/ to build.
PROJECT_PARTS = ["mkdocs.yml", "brand.yml", "brand", "hooks", "overrides", "data"]


def copy_parts(dest: Path, parts: list[str] = PROJECT_PARTS, project: Path = ROOT) -> Path:
    """Copy `parts` of the project (files or folders) into `dest`, which is made."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in parts:
        source = project / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        elif source.exists():
            shutil.copy2(source, dest / part)
    return dest


def load_config(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def dump_config(settings: dict, path: Path) -> None:
    path.write_text(yaml.dump(settings, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")


def i18n_languages(settings: dict) -> list[dict]:
    """The i18n plugin's language entries in a loaded mkdocs.yml."""
    for plugin in settings.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return [entry for entry in (plugin["i18n"] or {}).get("languages") or [] if isinstance(entry, dict)]
    raise ValueError("mkdocs.yml has no i18n plugin with languages.")


def languages(root: Path = ROOT) -> dict[str, str]:
    """{'en': '', 'es': 'es/'}: each built language, default first, and its folder in the site."""
    entries = [entry for entry in i18n_languages(load_config(root / "mkdocs.yml")) if entry.get("build", True)]
    entries.sort(key=lambda entry: not entry.get("default"))
    return {entry["locale"]: "" if entry.get("default") else f"{entry['locale']}/" for entry in entries}


def markdown_extensions(root: Path = ROOT) -> tuple[list[str], dict[str, dict]]:
    """mkdocs.yml's Markdown extensions and their settings, as Python-Markdown takes them."""
    names, configs = [], {}
    for item in load_config(root / "mkdocs.yml").get("markdown_extensions") or []:
        if isinstance(item, dict):
            (name, options), = item.items()
            names.append(name)
            configs[name] = options or {}
        else:
            names.append(item)
    return names, configs


def front_matter(text: str) -> tuple[str, dict]:
    """A page's Markdown without its front matter, and the front matter (as MkDocs reads it)."""
    return get_data(text)


def page_paths(root: Path = ROOT) -> list[str]:
    """Every page the site will have, as URL paths: '', 'what-is-an-iep/', '404.html',
    'es/', ... Each language has the union of all pages (fallbacks) and its own 404 page."""
    names = sorted({page.relative_to(folder).as_posix()
                    for folder in (root / "docs").iterdir() if folder.is_dir()
                    for page in folder.rglob("*.md")})
    paths = [url_of(name) for name in names] + ["404.html"]
    return [prefix + path for prefix in languages(root).values() for path in paths]


def built_page_paths(site: Path) -> list[str]:
    """The same, read from a built site: every .html file."""
    paths = []
    for page in sorted(site.rglob("*.html")):
        path = page.relative_to(site).as_posix()
        paths.append(path[: -len("index.html")] if path.endswith("index.html") else path)
    return paths


def page_file(site: Path, url_path: str) -> Path:
    """The file a URL path is served from: 'what-is-an-iep/' -> site/what-is-an-iep/index.html."""
    path = site / url_path.lstrip("/")
    return path / "index.html" if url_path.endswith("/") or url_path in ("", "/") else path


def not_found_page(site: Path, url_path: str) -> Path | None:
    """The 404 page a static host answers a missing address with: the language's own."""
    folder = url_path.lstrip("/").split("/", 1)[0]
    for page in ([site / folder / "404.html"] if folder else []) + [site / "404.html"]:
        if page.is_file():
            return page
    return None


def url_of(name: str) -> str:
    """The URL path of a page file in a language folder: 'index.md' -> '', 'team.md' -> 'team/'."""
    stem = name[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


class _EnvTag(list):
    """`!ENV [NAME, default]`, kept as written."""


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: _EnvTag(loader.construct_sequence(node)))  # type: ignore[arg-type]
_Dumper.add_representer(_EnvTag, lambda dumper, value: dumper.represent_sequence("!ENV", list(value), flow_style=True))
