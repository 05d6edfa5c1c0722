"""The pages the real site is made of, known before it is built (for test parameters).

Every language folder under docs/ is built as a whole site, under its own prefix ('' for
the default language, 'es/' for Spanish); a page missing in a language is shown from the
default one, so every language has the union of all pages, plus its own 404 page.
"""

from __future__ import annotations

from pathlib import Path

from project_config import ROOT, load_config


def languages(root: Path = ROOT) -> dict[str, str]:
    """{'en': '', 'es': 'es/'}: each built language and its folder in the site."""
    config = load_config(root / "mkdocs.yml")
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    return {
        lang["locale"]: "" if lang.get("default") else f"{lang['locale']}/"
        for lang in i18n["languages"]
        if lang.get("build", True)
    }


def page_paths(root: Path = ROOT) -> list[str]:
    """Every built page as a URL path: '', 'what-is-an-iep/', '404.html', 'es/', ..."""
    names = sorted({page.relative_to(folder).as_posix()
                    for folder in (root / "docs").iterdir() if folder.is_dir()
                    for page in folder.rglob("*.md")})
    paths = [_url(name) for name in names] + ["404.html"]
    return [prefix + path for prefix in languages(root).values() for path in paths]


def built_page_paths(site: Path) -> list[str]:
    """The same, read from a built site: every .html file."""
    paths = []
    for page in sorted(site.rglob("*.html")):
        path = page.relative_to(site).as_posix()
        paths.append(path[: -len("index.html")] if path.endswith("index.html") else path)
    return paths


def _url(name: str) -> str:
    stem = name[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"
