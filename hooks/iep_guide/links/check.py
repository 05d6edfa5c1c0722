"""Check every link of the whole site, in every language, once all languages are built.

static-i18n builds each language on its own, so MkDocs' validation never sees a link into
another language, and some links it never checks at all. This hook collects each built
page's links and element ids, keyed by the built file, then checks them all together:

- every link MkDocs does not validate resolves to a built page or file, and its anchor to
  an element id of that page: raw HTML links in pages, links added by hooks (glossary),
  links in the templates (header, language switcher, notices, contact) and the 404 pages.
  Material's navigation (sidebar, table of contents, tabs, footer) is left out: Material
  writes it from MkDocs' own navigation, whose every entry is a page MkDocs resolved;
- a Markdown link into another language's folder (`../en/esy.md#who` in es/team.md) leads
  to that language's page (markdown.py; MkDocs would silently pick the page of
  the language being built) and its anchor is checked;
- a page links within its own language. A link into another language is a warning unless
  it is marked: `{ hreflang=en }` (or `{ data-lang-link }`) after a Markdown link, an
  `hreflang` attribute on an HTML link (as the language switcher and the notices have).

Markdown links within a language are MkDocs' own to check: they are not checked twice.
Each page is recorded as it is written; once every language is built, each written file is
parsed once, for its ids and links (in one loop: three times faster than between the
renderings of the pages, where the parser's code and data are out of the CPU's caches).
Problems are warnings on `mkdocs.hooks.link_check`, worded like MkDocs' own, so a strict
build fails on them. A problem in a template is reported once, with the number of pages.
"""

from __future__ import annotations

import difflib
import logging
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

from lxml import etree
from mkdocs.utils import get_relative_url

from .markdown import Written, is_marked

log = logging.getLogger("mkdocs.hooks.link_check")

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")  # mailto:, https:, ...
# Material's navigation, written from MkDocs' navigation: sidebar and table of contents, tabs, footer.
_NAVIGATION = re.compile(rb'<nav\b[^>]*\bclass="(?:md-nav|md-tabs|md-footer)[^"]*"')
_IDS = etree.XPath("//@id | //a/@name", smart_strings=False)


class _Link(NamedTuple):
    href: str  # as in the built HTML
    written: str  # as the author wrote it (for template links: as the template wrote it)
    origin: str  # 'markdown', 'content' (raw HTML or added by a hook) or 'template'
    hreflang: str | None
    marked: bool
    target_src: str | None = None  # a Markdown link's target doc, 'en/esy.md'
    suggestion: str | None = None  # a Markdown link to the same page in the page's language


@dataclass
class _Page:
    lang: str
    src_uri: str  # 'es/team.md', or 'es/404.html' for a 404 page
    url: str  # 'es/team/'
    norm: str | None  # 'team.md' in every language; None for a 404 page
    template: str
    markdown_links: list[Written]  # what the page's Markdown wrote, until the page is read
    ids: set[str] = field(default_factory=set)
    links: list[_Link] = field(default_factory=list)


@dataclass
class LinkRecords:
    """Every written page of every language, until all are built and checked."""

    pages: dict[str, _Page] = field(default_factory=dict)  # by built file: 'es/team/index.html'
    problems: list[str] = field(default_factory=list)
    parser: etree.HTMLParser = field(default_factory=lambda: etree.HTMLParser(collect_ids=False))

    def markdown_links(self, src_uri: str, links: list[Written]) -> list[Written]:
        """The Markdown links a page wrote, after its Markdown is rendered: a link whose
        target in another language does not exist is a problem now."""
        for link in links:
            if link.target is not None and link.target.href is None:
                self.problems.append(_not_found(src_uri, link))
        return links

    def page(self, *, lang: str, src_uri: str, url: str, dest_uri: str, norm: str | None, template: str,
             markdown_links: list[Written]) -> None:
        """A page being written to `dest_uri` in the site folder, read once all are built."""
        self.pages[dest_uri] = _Page(lang, src_uri, url, norm, template, markdown_links)

    def report(self, site_url: str | None, site_dir: Path) -> list[str]:
        """Every problem of the whole site, once all languages are built."""
        for dest_uri, page in self.pages.items():
            page.ids, page.links = _read((site_dir / dest_uri).read_bytes(), page.markdown_links, self.parser)
            page.markdown_links = []
        root = urlsplit(site_url or "/").path or "/"
        root = root if root.endswith("/") else root + "/"
        in_templates: dict[tuple, list] = {}
        for page in self.pages.values():
            for link in page.links:
                for key, problem in _check(self, page, link, root, site_dir):
                    if link.origin == "template":
                        in_templates.setdefault((page.lang, key), []).append((page, link, problem))
                    else:
                        self.problems.append(f"Doc file '{page.src_uri}' contains a link '{link.written}', but {problem}")
        for occurrences in in_templates.values():
            page, link, problem = next((found for found in occurrences if found[0].norm), occurrences[0])
            where = f"doc file '{page.src_uri}'" if page.norm else f"'{page.src_uri}'"
            others = len(occurrences) - 1
            more = f" (and {others} more page{'s' if others > 1 else ''})" if others else ""
            self.problems.append(
                f"Template '{page.template}' for {where}{more} contains a link '{link.written}', but {problem}"
            )
        return self.problems


def _read(output: bytes, markdown_links: list[Written], parser) -> tuple[set[str], list[_Link]]:
    """A written page's element ids, and its links: those in its content (Material's
    <article>), each matched with the Markdown link that wrote it if any, then the
    template's."""
    body = output.find(b"<body")  # the head has no link to check, and no id a link could target
    tree = etree.fromstring(_without_navigation(output[body:] if body != -1 else output), parser)
    ids = set(_IDS(tree))
    links = []
    written: dict[str, list[Written]] = {}
    for link in markdown_links:
        written.setdefault(link.href, []).append(link)
    for article in tree.iter("article"):
        for element in _anchors(article):
            href = element.get("href")
            source = written[href].pop(0) if written.get(href) else None
            if source is None:
                links.append(_link(element, "content"))
            elif source.target is not None and source.target.href is not None:
                links.append(_link(element, "markdown", source.written, source.target.src_uri,
                                    source.target.suggestion))
            # else: a Markdown link within the language (MkDocs checks it) or already reported
        article.getparent().remove(article)  # what is left is the template's
        break
    links.extend(_link(element, "template") for element in _anchors(tree))
    return ids, links


def _without_navigation(output: bytes) -> bytes:
    """The page without Material's navigation, cut out before parsing: most of a page's
    markup, and the parse is most of the check's time."""
    kept, position = [], 0
    while (start := _NAVIGATION.search(output, position)) is not None:
        end, depth = start.start(), 0
        while True:  # to the </nav> that closes it, past any nav inside
            opening, closing = output.find(b"<nav", end), output.find(b"</nav>", end)
            if closing == -1:
                return output  # not well formed: parse it all
            if opening != -1 and opening < closing:
                depth, end = depth + 1, opening + 4
            else:
                depth, end = depth - 1, closing + 6
                if depth == 0:
                    break
        kept.append(output[position:start.start()])
        position = end
    kept.append(output[position:])
    return b"".join(kept)


def _check(records: LinkRecords, page: _Page, link: _Link, root: str, site: Path) -> list[tuple[tuple, str]]:
    """The link's problems: (what the problem is about, the problem)."""
    resolved = _resolve(root + page.url, link.href)
    if resolved is None:
        return []  # another site, mailto:, tel:
    path, raw_fragment = resolved
    fragment = unquote(raw_fragment)
    rel = path[len(root):] if path.startswith(root) else path
    built = rel + "index.html" if rel == "" or rel.endswith("/") else rel
    target = records.pages.get(built)
    if target is None:
        if path.startswith(root) and (site / built).is_file():
            return []  # a file: an image, the sitemap, a search index
        hint = _guess_page(records, page, rel, raw_fragment)
        return [(("missing", built), f"the target '{rel or './'}' is not a page or file of the built site.{hint}")]
    problems: list[tuple[tuple, str]] = []
    if fragment and fragment not in target.ids:
        guess = difflib.get_close_matches(fragment, sorted(target.ids), n=1)
        hint = f" Did you mean '{_with_fragment(link.written, guess[0])}'?" if guess else ""
        if target is page:
            problem = "there is no such anchor on this page."
        else:
            doc = f"the doc '{target.src_uri}'" if target.norm else f"'{target.src_uri}'"
            problem = f"{doc} does not contain an anchor '#{fragment}'."
        problems.append((("anchor", built, fragment), problem + hint))
    if link.hreflang and _primary(link.hreflang) != _primary(target.lang):
        problems.append((("hreflang", built), (
            f"its hreflang '{link.hreflang}' is not the language of the target "
            f"'{_shown(link, target)}' ('{target.lang}')."
        )))
    elif target.lang != page.lang and not link.marked:
        problems.append((("language", built), _other_language(records, page, link, target, raw_fragment)))
    return problems


def _other_language(records: LinkRecords, page: _Page, link: _Link, target: _Page, fragment: str) -> str:
    if link.origin == "markdown":
        guess = link.suggestion
        mark = f"add {{ hreflang={target.lang} }} after the link"
    else:
        same = next((p for p in records.pages.values() if p.lang == page.lang and p.norm == target.norm and p.norm), None)
        guess = _relative(same.url, page.url, fragment) if same is not None else None
        mark = f'add hreflang="{target.lang}" to the link'
    hint = f" Did you mean '{guess}'?" if guess else ""
    return (
        f"the target '{_shown(link, target)}' is in another language ('{target.lang}').{hint} "
        f"To link to another language on purpose, {mark}."
    )


def _guess_page(records: LinkRecords, page: _Page, rel: str, fragment: str) -> str:
    urls = sorted({p.url for p in records.pages.values() if p.lang == page.lang and p.norm})
    guess = difflib.get_close_matches(rel, urls, n=1)
    return f" Did you mean '{_relative(guess[0], page.url, fragment)}'?" if guess else ""


def _not_found(src_uri: str, link: Written) -> str:
    target = link.target
    assert target is not None  # a link into another language's folder
    hint = f" Did you mean '{target.suggestion}'?" if target.suggestion else ""
    return (
        f"Doc file '{src_uri}' contains a link '{link.written}', but the target "
        f"'{target.src_uri}' is not found among documentation files.{hint}"
    )


def _shown(link: _Link, target: _Page) -> str:
    return link.target_src or "/" + target.url


def _relative(url: str, from_url: str, fragment: str) -> str:
    relative = get_relative_url(url, from_url)
    if url.endswith("/") or url == "":
        relative = relative.rstrip("/") + "/" if relative not in ("", ".") else "./"
    return relative + (f"#{fragment}" if fragment else "")


def _resolve(base: str, href: str) -> tuple[str, str] | None:
    """Where `href` leads from the page at path `base` ('/es/team/'), as urljoin would:
    (the normalized site path, the fragment as written); None for another site or scheme."""
    if href.startswith("//") or _SCHEME.match(href):
        return None
    rest, _, fragment = href.partition("#")
    path = rest.partition("?")[0]
    if not path:
        path = base
    elif not path.startswith("/"):
        path = base[: base.rfind("/") + 1] + path
    return _normalize(unquote(path)), fragment


def _normalize(path: str) -> str:
    """'/./' is '/', '/es/a/../b/' is '/es/b/', '/es/a/..' is '/es/' (as in a URL: the
    home page's URL is './', its parent's '..')."""
    normal = posixpath.normpath(path)
    return normal if normal.endswith("/") or not path.endswith(("/", "/.", "/..")) else normal + "/"


def _with_fragment(href: str, fragment: str) -> str:
    return href.partition("#")[0] + "#" + fragment


def _primary(lang: str) -> str:
    return lang.replace("_", "-").split("-")[0].lower()


def _anchors(tree) -> list:
    return [element for element in tree.iter("a") if element.get("href") is not None]


def _link(element, origin: str, written: str | None = None, target_src: str | None = None,
          suggestion: str | None = None) -> _Link:
    href = element.get("href")
    return _Link(href, written or href, origin, element.get("hreflang"), is_marked(element), target_src, suggestion)
