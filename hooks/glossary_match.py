"""Find glossary terms in rendered HTML and wrap them in links.

One Aho-Corasick automaton per language holds every match form, lowercased and padded
so that it only matches on Unicode word boundaries; a hit is kept when its acronyms
(words with two or more capitals: "IDEA", "IEPs") have the exact case. Overlapping hits: leftmost, then longest.
The HTML is walked with lxml, text and tails only, never inside skipped elements.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import ahocorasick
from lxml import etree
from lxml import html as lxml_html

from glossary_data import lower_same_length

# Elements whose text is never marked (their whole subtree).
SKIP_TAGS = frozenset(
    "h1 h2 h3 h4 h5 h6 a code pre kbd samp var abbr dfn button summary label select option "
    "textarea script style svg math template noscript title iframe object".split()
)
# Elements with one of these classes are skipped too (`no-glossary` lets authors opt out).
SKIP_CLASSES = frozenset({"no-glossary", "glossary-entries", "glossary-tips", "headerlink"})
LINK_CLASS = "glossary-term"
_WORD = re.compile(r"\w+")
# Not part of a word: what \W means, except combining accents (NFD "evaluación" is one word).
_NON_WORD = re.compile(r"[^\w\u0300-\u036f]")

LinkFactory = Callable[[str, str], etree._Element]
"""(entry id, matched text) -> a new `<a>` element."""


@dataclass(frozen=True)
class _Form:
    entry_id: str
    exact: tuple[tuple[int, str], ...]  # (offset, text) of the acronyms, compared case-sensitively


class Matcher:
    """Every match form of one language's glossary, in one automaton.

    Text and forms are searched lowercased, with every non-word character turned into a
    space and a space added at both ends: a key " form " can then only be found on word
    boundaries, so the automaton reports whole words only (no Python loop over partial hits).
    """

    def __init__(self, forms: Iterable[tuple[str, str]]):
        """`forms`: (match form, entry id) pairs."""
        self._automaton = ahocorasick.Automaton()
        candidates: dict[str, list[_Form]] = {}
        for form, entry_id in forms:
            form = unicodedata.normalize("NFC", form.strip())
            if not _WORD.search(form):
                continue  # nothing a word boundary could hold
            candidates.setdefault(_searchable(form), []).append(_compile(form, entry_id))
        for key, options in candidates.items():
            self._automaton.add_word(key, (len(key), tuple(options)))
        if candidates:
            self._automaton.make_automaton()
        self._empty = not candidates

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping (start, end, entry id) hits in `text`, leftmost-longest."""
        if self._empty or not text:
            return []
        hits = []
        # Index i in the searched string is index i - 1 in `text`; a key spans its two spaces.
        for last, (length, options) in self._automaton.iter(_searchable(text)):
            start, end = last - length + 1, last - 1
            for form in options:
                if all(text.startswith(part, start + offset) for offset, part in form.exact):
                    hits.append((start, end, form.entry_id))
                    break
        if len(hits) > 1:
            hits.sort(key=lambda hit: (hit[0], -hit[1]))
            chosen, cursor = [], 0
            for hit in hits:
                if hit[0] >= cursor:
                    chosen.append(hit)
                    cursor = hit[1]
            return chosen
        return hits


def mark_html(html: str, matcher: Matcher, make_link: LinkFactory, *, every: bool = False,
              allowed: Mapping[str, object] | None = None) -> tuple[str, list[str]] | None:
    """Mark terms in an HTML fragment; None when nothing was marked (the HTML stays as it is)."""
    if not html.strip():
        return None
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    used = mark_tree(root, matcher, make_link, every=every, allowed=allowed)
    if not used:
        return None
    out = etree.tostring(root, encoding="unicode", method="html")
    return out[len("<div>"):-len("</div>")], used


def mark_tree(root: etree._Element, matcher: Matcher, make_link: LinkFactory, *, every: bool = False,
              allowed: Mapping[str, object] | None = None) -> list[str]:
    """Mark terms below `root` in place; returns the ids newly linked, in order of appearance.

    Terms already linked by an earlier run count as seen, so marking twice changes nothing.
    `allowed`: only these ids are linked (others still take their text span).
    """
    seen = set() if every else {a.get("data-glossary-id") for a in _existing_links(root)}
    used: list[str] = []

    def link_text(text: str) -> tuple[str, list[etree._Element]] | None:
        """Split `text` into a leading string and the new links (their tails hold the rest)."""
        if text.isspace():
            return None
        links, head, last = [], None, 0
        for start, end, entry_id in matcher.find(text):
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

    def walk(element: etree._Element) -> None:
        if element.text:
            result = link_text(element.text)
            if result:
                element.text, links = result
                for index, link in enumerate(links):
                    element.insert(index, link)
        for child in list(element):
            if isinstance(child.tag, str) and not _skipped(child):
                walk(child)
            if child.tail:
                result = link_text(child.tail)
                if result:
                    child.tail, links = result
                    position = element.index(child)
                    for offset, link in enumerate(links, start=1):
                        element.insert(position + offset, link)

    walk(root)
    return used


def _existing_links(root: etree._Element):
    for a in root.iter("a"):
        if LINK_CLASS in (a.get("class") or "").split() and a.get("data-glossary-id"):
            yield a


def _skipped(element: etree._Element) -> bool:
    if element.tag.lower() in SKIP_TAGS:
        return True
    classes = element.get("class")
    return bool(classes) and not SKIP_CLASSES.isdisjoint(classes.split())


def _compile(form: str, entry_id: str) -> _Form:
    exact = tuple(
        (m.start(), m.group()) for m in _WORD.finditer(form) if sum(ch.isupper() for ch in m.group()) >= 2
    )
    return _Form(entry_id, exact)


def _searchable(text: str) -> str:
    """Lowercased, non-word characters as spaces, a space at each end; same length plus two."""
    return f" {_NON_WORD.sub(' ', lower_same_length(text))} "
