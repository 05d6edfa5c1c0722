"""Markdown links into another language's folder, for check.py.

In es/team.md, MkDocs (through static-i18n) turns `[x](../en/esy.md#who)` into a link
to the Spanish page es/esy/, and in en/index.md it reports `../es/team.md` as not found.
This extension resolves such links to the page they name in the other language, before
MkDocs' own link processor, and records every Markdown link as the author wrote it so
check.py can name it in its messages.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from .. import static_i18n

HIDDEN = "link-check:"  # MkDocs leaves a URL with a scheme as it is
MARKS = ("hreflang", "data-lang-link")  # attributes that mark a link into another language as meant


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
        self.page_lang = ""
        self.links: list[Written] = []

    def start_page(self, page_file: File, files: Files, config: MkDocsConfig) -> None:
        self.page_file, self.files, self.docs_dir = page_file, files, Path(config.docs_dir)
        self.languages, self.build_lang = static_i18n.languages(config), static_i18n.build_language(config)
        self.page_lang = static_i18n.source_language(page_file, config)
        self.links = []

    def extendMarkdown(self, md: Markdown) -> None:
        hide = _HideOtherLanguages(md, self)
        # After attr_list (8) and toc (5), before MkDocs' relpath (0); then after it.
        md.treeprocessors.register(hide, "iep_links_hide", 0.5)
        md.treeprocessors.register(_Record(md, hide), "iep_links_record", -1)

    def target(self, href: str) -> Target | None:
        """The target of a link into another language's folder, else None (MkDocs handles it)."""
        page_file = self.page_file
        if ".." not in href:
            return None  # a link that does not go up cannot leave the page's language folder
        scheme, netloc, path, query, fragment = urlsplit(href)
        if page_file is None or scheme or netloc or not path or path.startswith(("/", "\\")):
            return None
        src_uri = posixpath.normpath(posixpath.join(posixpath.dirname(page_file.src_uri), unquote(path)))
        lang, _, norm = src_uri.partition("/")
        own = self.page_lang
        if not src_uri.endswith(".md") or lang not in self.languages or lang in (own, self.build_lang):
            return None
        here_uri = f"{own}/{norm}"
        suggestion = urlunsplit(("", "", get_relative_url(here_uri, page_file.src_uri), query, fragment))
        here = self.files.get_file_from_path(norm) if self.files is not None else None
        other = static_i18n.alternates(here).get(lang) if here is not None else None
        if other is None or other.src_uri != src_uri:
            exists = (self.docs_dir / here_uri).is_file()
            return Target(lang, src_uri, None, suggestion if exists else None)
        built = urlunsplit(("", "", other.url_relative_to(page_file), query, fragment))
        return Target(lang, src_uri, built, suggestion)


def is_marked(element) -> bool:
    """A link into another language is meant when it has one of MARKS (`{ hreflang=en }`)."""
    return any(name in element.attrib for name in MARKS)


class _HideOtherLanguages(Treeprocessor):
    """Before MkDocs' relpath: links into another language's folder get a hidden URL, so
    MkDocs neither rewrites them nor reports them."""

    def __init__(self, md: Markdown, extension: MarkdownLinks) -> None:
        super().__init__(md)
        self.extension = extension
        self.seen: list[tuple[ET.Element, Written]] = []

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


class _Record(Treeprocessor):
    """After MkDocs' relpath: hidden links get the other language's page, and every link is
    recorded as written."""

    def __init__(self, md: Markdown, before: _HideOtherLanguages) -> None:
        super().__init__(md)
        self.before = before

    def run(self, root) -> None:
        for element, link in self.before.seen:
            target = link.target
            if target is not None:
                element.set("href", target.href or link.written)
                if target.href and is_marked(element) and not element.get("hreflang"):  # `{ data-lang-link }`
                    element.set("hreflang", target.lang)
            link.href = element.get("href", "")
            self.before.extension.links.append(link)
        self.before.seen = []
