"""Check every link of the whole site, in every language, once all languages are built.

static-i18n builds each language on its own, so MkDocs' validation never sees a link into
another language, and some links it never checks at all. This hook collects each built
page's links and element ids, keyed by the built file, then checks them all together:

- every link MkDocs does not validate resolves to a built page or file, and its anchor to
  an element id of that page: raw HTML links in pages, links added by hooks (glossary),
  links in the theme (nav, tabs, footer, language switcher, notices) and the 404 pages;
- a Markdown link into another language's folder (`../en/esy.md#who` in es/team.md) leads
  to that language's page (link_check_markdown.py; MkDocs would silently pick the page of
  the language being built) and its anchor is checked;
- a page links within its own language. A link into another language is a warning unless
  it is marked: `{ hreflang=en }` (or `{ data-lang-link }`) after a Markdown link, an
  `hreflang` attribute on an HTML link (as the language switcher and the notices have).

Markdown links within a language are MkDocs' own to check: they are not checked twice.
Each written page is read (parsed for its ids and links) beside the build, in a second
process where there can be one (build_worker.py).
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
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

import build_worker
from i18n_context import build_language, building_other_languages, default_language, language_prefix
from link_check_markdown import MarkdownLinks, Written

log = logging.getLogger("mkdocs.hooks.link_check")

_PARSER = etree.HTMLParser()
_BATCH = 16  # written pages per job sent to the worker
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")  # mailto:, https:, ...


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
    ids: set[str] = field(default_factory=set)
    # Each _Link as a plain tuple, which the garbage collector stops tracking: a big site
    # has hundreds of thousands of links, kept until every language is built.
    links: list[tuple] = field(default_factory=list)


class _State:
    def __init__(self) -> None:
        self.pages: dict[str, _Page] = {}  # by built file: 'es/team/index.html'
        self.written: dict[str, list[Written]] = {}  # Markdown links by src_uri, until on_post_page
        self.unsent: list[tuple[_Page, str, list[Written]]] = []  # pages to read, sent in batches
        self.reading: list[tuple[_Page, object, int]] = []  # (page, its batch's job, index in it)
        self.problems: list[str] = []


_state = _State()
_markdown = MarkdownLinks()


def on_config(config: MkDocsConfig) -> None:
    if not any(extension is _markdown for extension in config.markdown_extensions):
        config.markdown_extensions.append(_markdown)


def on_pre_build(*, config: MkDocsConfig) -> None:
    if build_language(config) == default_language(config):
        _state.__init__()  # a new `mkdocs build` (or serve rebuild) starts with the default language


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    _markdown.start_page(page.file, files, config)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    """Keep the links the page's Markdown wrote until the page is written out."""
    for link in _markdown.links:
        if link.target is not None and link.target.href is None:
            _state.problems.append(_not_found(page.file.src_uri, link))
    _state.written[page.file.src_uri] = _markdown.links
    _markdown.links = []


@event_priority(-100)  # the page as written, with what hooks and templates added (glossary links)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> None:
    record = _Page(
        build_language(config), page.file.src_uri, page.file.url,
        getattr(page.file, "norm_src_uri", page.file.src_uri), page.meta.get("template") or "main.html",
    )
    _read_later(record, output, _state.written.pop(page.file.src_uri, []))
    _state.pages[page.file.dest_uri] = record


@event_priority(-100)
def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> None:
    if template_name == "404.html":
        lang = build_language(config)
        path = language_prefix(lang, config) + template_name
        record = _Page(lang, path, path, None, template_name)
        _read_later(record, output, [])
        _state.pages[path] = record


@event_priority(-300)  # after static-i18n (-100) has built the other languages
def on_post_build(*, config: MkDocsConfig) -> None:
    if building_other_languages(config):
        return
    _finish_reading()
    root = urlsplit(config.site_url or "/").path or "/"
    root = root if root.endswith("/") else root + "/"
    site = Path(config.site_dir)
    in_templates: dict[tuple, list] = {}
    for page in _state.pages.values():
        for stored in page.links:
            link = _Link._make(stored)
            for key, problem in _check(page, link, root, site):
                if link.origin == "template":
                    in_templates.setdefault((page.lang, key), []).append((page, link, problem))
                else:
                    _state.problems.append(f"Doc file '{page.src_uri}' contains a link '{link.written}', but {problem}")
    for occurrences in in_templates.values():
        page, link, problem = next((found for found in occurrences if found[0].norm), occurrences[0])
        where = f"doc file '{page.src_uri}'" if page.norm else f"'{page.src_uri}'"
        others = len(occurrences) - 1
        more = f" (and {others} more page{'s' if others > 1 else ''})" if others else ""
        _state.problems.append(
            f"Template '{page.template}' for {where}{more} contains a link '{link.written}', but {problem}"
        )
    for problem in _state.problems:
        log.warning(problem)
    _state.__init__()


def _read_later(record: _Page, output: str, markdown_links: list[Written]) -> None:
    """Have the written page read beside the build (build_worker.py), in batches."""
    _state.unsent.append((record, output, markdown_links))
    if len(_state.unsent) >= _BATCH:
        _send()


def _send() -> None:
    if _state.unsent:
        job = build_worker.submit("link_check", [(output, links) for _, output, links in _state.unsent])
        _state.reading.extend((record, job, index) for index, (record, _, _) in enumerate(_state.unsent))
        _state.unsent = []


def _finish_reading() -> None:
    """Every page's ids and links, once every language is built."""
    _send()
    for record, job, index in _state.reading:
        record.ids, record.links = job.result()[index]
    _state.reading = []
    build_worker.stop()


def _read_pages(pages: list[tuple[str, list[Written]]]) -> list[tuple[set[str], list[tuple]]]:
    """The `_read` of each (output, Markdown links) pair: a job of build_worker.py."""
    return [_read(output, markdown_links) for output, markdown_links in pages]


def _read(output: str, markdown_links: list[Written]) -> tuple[set[str], list[tuple]]:
    """A written page's element ids, and its links: those in its content (Material's
    <article>), each matched with the Markdown link that wrote it if any, then the
    template's."""
    tree = etree.fromstring(output, _PARSER)
    ids = {str(value) for value in tree.xpath("//@id | //a/@name")}
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


def _check(page: _Page, link: _Link, root: str, site: Path) -> list[tuple[tuple, str]]:
    """The link's problems: (what the problem is about, the problem)."""
    resolved = _resolve(root + page.url, link.href)
    if resolved is None:
        return []  # another site, mailto:, tel:
    path, raw_fragment = resolved
    fragment = unquote(raw_fragment)
    rel = path[len(root):] if path.startswith(root) else path
    built = rel + "index.html" if rel == "" or rel.endswith("/") else rel
    target = _state.pages.get(built)
    if target is None:
        if path.startswith(root) and (site / built).is_file():
            return []  # a file: an image, the sitemap, a search index
        hint = _guess_page(page, rel, raw_fragment)
        return [(("missing", built), f"the target '{rel or './'}' is not a page or file of the built site.{hint}")]
    problems = []
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
        problems.append((("language", built), _other_language(page, link, target, raw_fragment)))
    return problems


def _other_language(page: _Page, link: _Link, target: _Page, fragment: str) -> str:
    if link.origin == "markdown":
        guess = link.suggestion
        mark = f"add {{ hreflang={target.lang} }} after the link"
    else:
        same = next((p for p in _state.pages.values() if p.lang == page.lang and p.norm == target.norm and p.norm), None)
        guess = _relative(same.url, page.url, fragment) if same is not None else None
        mark = f'add hreflang="{target.lang}" to the link'
    hint = f" Did you mean '{guess}'?" if guess else ""
    return (
        f"the target '{_shown(link, target)}' is in another language ('{target.lang}').{hint} "
        f"To link to another language on purpose, {mark}."
    )


def _guess_page(page: _Page, rel: str, fragment: str) -> str:
    urls = sorted({p.url for p in _state.pages.values() if p.lang == page.lang and p.norm})
    guess = difflib.get_close_matches(rel, urls, n=1)
    return f" Did you mean '{_relative(guess[0], page.url, fragment)}'?" if guess else ""


def _not_found(src_uri: str, link: Written) -> str:
    hint = f" Did you mean '{link.target.suggestion}'?" if link.target.suggestion else ""
    return (
        f"Doc file '{src_uri}' contains a link '{link.written}', but the target "
        f"'{link.target.src_uri}' is not found among documentation files.{hint}"
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
          suggestion: str | None = None) -> tuple:
    """A link as stored: the fields of _Link in a plain tuple."""
    href = element.get("href")
    marked = "hreflang" in element.attrib or "data-lang-link" in element.attrib
    return (href, written or href, origin, element.get("hreflang"), marked, target_src, suggestion)


build_worker.register("link_check", _read_pages)
