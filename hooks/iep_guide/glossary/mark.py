"""Mark glossary terms while Markdown builds a page, as Python-Markdown's abbr extension does.

`GlossaryExtension` adds a treeprocessor that runs after MkDocs has resolved the page's
links (priority 0): it walks the element tree, texts and tails only, never inside skipped
elements (headings, links, code, `.no-glossary`...), finds every match form in one pass
of the language's automaton (match.py), and wraps each first occurrence in a link to the
glossary entry. Raw HTML blocks, which Markdown keeps aside, are not marked: write HTML
that should be marked with `markdown` (md_in_html).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from .match import LINK_CLASS, Matcher

# Elements whose text is never marked (their whole subtree).
SKIP_TAGS = frozenset(
    ["h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "kbd", "samp", "var", "abbr", "dfn", "button", "summary",
     "label", "select", "option", "textarea", "script", "style", "svg", "math", "template", "noscript", "title", "iframe",
     "object"]
)
# Elements with one of these classes are skipped too (`no-glossary` lets authors opt out).
SKIP_CLASSES = frozenset({"no-glossary", "glossary-entries", "glossary-tips", "headerlink"})

LinkFactory = Callable[[str, str], ET.Element]
"""(entry id, matched text) -> a new `<a>` element."""


@dataclass
class PageTerms:
    """What the treeprocessor needs to mark one page, set before the page is rendered."""

    matcher: Matcher  # the forms of the language the page is written in
    make_link: LinkFactory
    allowed: Mapping[str, object]  # the ids the reader's glossary has
    every: bool = False
    used: list[str] | None = None  # filled with the ids linked, in order


class GlossaryExtension(Extension):
    """Added to `markdown_extensions` once per build; `page` is set for each page to mark
    (None: the page is not marked)."""

    def __init__(self) -> None:
        super().__init__()
        self.page: PageTerms | None = None

    def extendMarkdown(self, md: Markdown) -> None:
        # After MkDocs' relpath (0), which would take the new links for links to check.
        md.treeprocessors.register(_Marker(md, self), "iep_glossary", -5)


class _Marker(Treeprocessor):
    def __init__(self, md: Markdown, extension: GlossaryExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: ET.Element) -> None:
        page = self.extension.page
        if page is None:
            return
        page.used = mark_tree(root, page.matcher, page.make_link, every=page.every, allowed=page.allowed)


def mark_tree(root: ET.Element, matcher: Matcher, make_link: LinkFactory, *, every: bool = False,
              allowed: Mapping[str, object] | None = None) -> list[str]:
    """Mark terms below `root` in place; returns the ids newly linked, in order of appearance.

    Terms already linked by an earlier run count as seen, so marking twice changes nothing.
    `allowed`: only these ids are linked (others still take their text span).
    """
    seen = set() if every else {a.get("data-glossary-id") for a in _existing_links(root)}
    used: list[str] = []

    def links_for(text: str, hits) -> tuple[str | None, list[ET.Element]] | None:
        """Split `text` into a leading string and new links (their tails hold the rest)."""
        links: list[ET.Element] = []
        head, last = None, 0
        for start, end, entry_id in hits:
            if entry_id in seen or (allowed is not None and entry_id not in allowed):
                continue
            if not every:
                seen.add(entry_id)
            if entry_id not in used:
                used.append(entry_id)
            link = make_link(entry_id, text[start:end])
            if links:
                links[-1].tail = text[last:start]
            else:
                head = text[:start]
            links.append(link)
            last = end
        if not links:
            return None
        links[-1].tail = text[last:] or None
        return head or None, links

    def with_rescanned_tails(links: list[ET.Element]) -> list[ET.Element]:
        """The links, each followed by those found when its tail is searched on its own (as
        marking one text at a time would: usually nothing new)."""
        if not matcher.rescan_tails:
            return links
        result = []
        for link in links:
            result.append(link)
            again = links_for(link.tail, matcher.find(link.tail)) if link.tail else None
            if again:
                link.tail, more = again
                result.extend(with_rescanned_tails(more))
        return result

    pieces = _texts(root)
    by_piece: dict[int, list[tuple[int, int, str]]] = {}
    for index, start, end, entry_id in matcher.find_in([text for _, _, text in pieces]):
        by_piece.setdefault(index, []).append((start, end, entry_id))
    for index, hits in by_piece.items():
        parent, child, text = pieces[index]
        result = links_for(text, hits)
        if result is None:
            continue
        head, links = result
        links = with_rescanned_tails(links)
        if child is None:  # the parent's own text
            parent.text = head
            position = 0
        else:  # the tail of `child`
            child.tail = head
            position = next(i for i, element in enumerate(parent) if element is child) + 1
        for offset, link in enumerate(links):
            parent.insert(position + offset, link)
    return used


def _texts(root: ET.Element) -> list[tuple[ET.Element, ET.Element | None, str]]:
    """The texts terms may be marked in, in document order: (element, None, its text) or
    (parent, child, the child's tail)."""
    pieces: list[tuple[ET.Element, ET.Element | None, str]] = []
    append = pieces.append

    def walk(element: ET.Element) -> None:
        text = element.text
        if text and not text.isspace():
            append((element, None, text))
        for child in element:
            if isinstance(child.tag, str) and not _skipped(child):
                walk(child)
            tail = child.tail
            if tail and not tail.isspace():
                append((element, child, tail))

    walk(root)
    return pieces


def _existing_links(root: ET.Element):
    for a in root.iter("a"):
        if LINK_CLASS in (a.get("class") or "").split() and a.get("data-glossary-id"):
            yield a


def _skipped(element: ET.Element) -> bool:
    if element.tag.lower() in SKIP_TAGS:
        return True
    classes = element.get("class")
    return classes is not None and not SKIP_CLASSES.isdisjoint(classes.split())
