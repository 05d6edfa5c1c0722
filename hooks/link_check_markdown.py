"""Markdown links into another language's folder, for hooks/link_check.py.

In es/team.md, MkDocs (through static-i18n) turns `[x](../en/esy.md#who)` into a link
to the Spanish page es/esy/, and in en/index.md it reports `../es/team.md` as not found.
This extension resolves such links to the page they name in the other language, before
MkDocs' own link processor, and records every Markdown link as the author wrote it so
link_check.py can name it in its messages.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from i18n_context import build_language, languages

HIDDEN = "link-check:"  # MkDocs leaves a URL with a scheme as it is


@dataclass
class Target:
    """A Markdown link's target in another language's folder."""

    lang: str
    src_uri: str  # 'en/esy.md'
    href: str | None  # the built page, relative to the linking page; None when not found
    suggestion: str | None  # the same page in the linking page's own folder, as a Markdown link


@dataclass
class Written:
    """A link as the author wrote it in Markdown, and where it leads once built."""

    written: str
    href: str = ""
    target: Target | None = None


class MarkdownLinks(Extension):
    """Added to `markdown_extensions` once; `start_page` tells it the page being rendered."""

    def __init__(self) -> None:
        super().__init__()
        self.page_file: File | None = None
        self.files: Files | None = None
        self.docs_dir = Path()
        self.languages: list[str] = []
        self.build_lang = ""
        self.links: list[Written] = []

    def start_page(self, page_file: File, files: Files, config: MkDocsConfig) -> None:
        self.page_file, self.files, self.docs_dir = page_file, files, Path(config.docs_dir)
        self.languages, self.build_lang = languages(config), build_language(config)
        self.links = []

    def extendMarkdown(self, md: Markdown) -> None:
        before = _Before(md, self)
        # After attr_list (8) and toc (5), before MkDocs' relpath (0); then after it.
        md.treeprocessors.register(before, "link_check_before", 0.5)
        md.treeprocessors.register(_After(md, before), "link_check_after", -1)

    def target(self, href: str) -> Target | None:
        """The target of a link into another language's folder, else None (MkDocs handles it)."""
        page_file = self.page_file
        scheme, netloc, path, query, fragment = urlsplit(href)
        if page_file is None or scheme or netloc or not path or path.startswith(("/", "\\")):
            return None
        src_uri = posixpath.normpath(posixpath.join(posixpath.dirname(page_file.src_uri), unquote(path)))
        lang, _, norm = src_uri.partition("/")
        own = getattr(page_file, "locale", None)
        if not src_uri.endswith(".md") or lang not in self.languages or lang in (own, self.build_lang):
            return None
        here_uri = f"{own}/{norm}"
        suggestion = urlunsplit(("", "", get_relative_url(here_uri, page_file.src_uri), query, fragment))
        here = self.files.get_file_from_path(norm) if self.files is not None else None
        other = getattr(here, "alternates", {}).get(lang) if here is not None else None
        if other is None or other.src_uri != src_uri:
            exists = (self.docs_dir / here_uri).is_file()
            return Target(lang, src_uri, None, suggestion if exists else None)
        built = urlunsplit(("", "", other.url_relative_to(page_file), query, fragment))
        return Target(lang, src_uri, built, suggestion)


class _Before(Treeprocessor):
    def __init__(self, md: Markdown, extension: MarkdownLinks) -> None:
        super().__init__(md)
        self.extension = extension
        self.seen: list[tuple[object, Written]] = []

    def run(self, root) -> None:
        self.seen = []
        for element in root.iter("a"):
            href = element.get("href")
            if href is None:
                continue
            link = Written(href, target=self.extension.target(href))
            if link.target is not None:
                element.set("href", f"{HIDDEN}{len(self.seen)}")
            self.seen.append((element, link))


class _After(Treeprocessor):
    def __init__(self, md: Markdown, before: _Before) -> None:
        super().__init__(md)
        self.before = before

    def run(self, root) -> None:
        for element, link in self.before.seen:
            target = link.target
            if target is not None:
                element.set("href", target.href or link.written)
                marked = "hreflang" in element.attrib or "data-lang-link" in element.attrib  # `{ data-lang-link }`: None
                if target.href and marked and not element.get("hreflang"):
                    element.set("hreflang", target.lang)
            link.href = element.get("href", "")
            self.before.extension.links.append(link)
        self.before.seen = []
