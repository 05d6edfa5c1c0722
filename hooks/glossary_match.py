"""Find glossary terms in rendered HTML and wrap them in links.

One Aho-Corasick automaton per language holds every match form, lowercased and padded
so that it only matches on Unicode word boundaries; a hit is kept when its acronyms
(words with two or more capitals: "IDEA", "IEPs") have the exact case. Overlapping hits: leftmost, then longest.
The HTML is walked with lxml, text and tails only, never inside skipped elements; all the
texts of a page are searched in one pass of the automaton.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence

import ahocorasick
from lxml import etree

from glossary_data import lower_same_length

# Elements whose text is never marked (their whole subtree).
SKIP_TAGS = frozenset(
    "h1 h2 h3 h4 h5 h6 a code pre kbd samp var abbr dfn button summary label select option "
    "textarea script style svg math template noscript title iframe object".split()
)
# Elements with one of these classes are skipped too (`no-glossary` lets authors opt out).
SKIP_CLASSES = frozenset({"no-glossary", "glossary-entries", "glossary-tips", "headerlink"})
LINK_CLASS = "glossary-term"
# lxml.html's parser without its element classes (plain elements are faster to walk): the
# same libxml2 parse, the same serialisation.
PARSER = etree.HTMLParser()
_WORD = re.compile(r"\w+")
# Part of a word: what \w means, and combining accents (NFD "evaluación" is one word).
_WORD_CHAR = re.compile(r"[\w\u0300-\u036f]")


class _Boundaries(dict):
    """A str.translate table that turns every character that is not part of a word into a
    space. It fills itself with the characters it meets (a few hundred on any site), so
    after the first pages translating is a C loop."""

    def __missing__(self, char: int) -> int:
        value = char if _WORD_CHAR.match(chr(char)) else 32
        self[char] = value
        return value


_BOUNDARIES = _Boundaries()
_GAP = " "  # between the texts of a page searched together: a word boundary
_FULL_HTML = re.compile(r"^\s*<(?:html|!doctype)", re.I)  # as lxml.html tells a document from a fragment

LinkFactory = Callable[[str, str], etree._Element]
"""(entry id, matched text) -> a new `<a>` element."""


class Matcher:
    """Every match form of one language's glossary, in one automaton.

    Text and forms are searched lowercased, with every non-word character turned into a
    space and a space added at both ends: a key " form " can then only be found on word
    boundaries, so the automaton reports whole words only (no Python loop over partial hits).
    """

    def __init__(self, forms: Iterable[tuple[str, str]]):
        """`forms`: (match form, entry id) pairs."""
        self._automaton = ahocorasick.Automaton()
        # key -> (entry id, the (offset, text) of its acronyms, compared case-sensitively), as
        # plain tuples of strings, which the garbage collector stops tracking.
        candidates: dict[str, list[tuple[str, tuple[tuple[int, str], ...]]]] = {}
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
        # Whether the text right after a linked term, searched on its own, can hold a hit
        # that the whole text does not: with a form that starts or ends with punctuation
        # ("(IEP)"), or a Greek sigma (lowercased by context). See mark_tree.
        self.rescan_tails = any(
            key.startswith("  ") or key.endswith("  ") or "σ" in key or "ς" in key for key in candidates
        )

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping (start, end, entry id) hits in `text`, leftmost-longest."""
        return [hit[1:] for hit in self.find_in([text])]

    def find_in(self, texts: Sequence[str]) -> list[tuple[int, int, int, str]]:
        """`find` for each of `texts` in one pass: (index of the text, start, end, entry id),
        in order."""
        if self._empty or not texts:
            return []
        # The texts joined by a space; a hit across one is dropped below. Lowercasing the
        # whole at once is lowercasing each text (a space ends a final sigma's context).
        joined = _GAP.join(texts)
        lowered = joined.lower()
        if len(lowered) != len(joined):
            lowered = _GAP.join(map(lower_same_length, texts))
        starts, position = [], 0
        for text in texts:
            starts.append(position)
            position += len(text) + len(_GAP)
        hits = []
        # Index i in the searched string is index i - 1 in `joined`; a key spans its two spaces.
        for last, (length, options) in self._automaton.iter(f" {lowered.translate(_BOUNDARIES)} "):
            start, end = last - length + 1, last - 1
            index = bisect_right(starts, start) - 1
            if end - starts[index] > len(texts[index]):
                continue  # runs into the next text
            for entry_id, exact in options:
                if all(joined.startswith(part, start + offset) for offset, part in exact):
                    hits.append((start, end, index, entry_id))
                    break
        if len(hits) > 1:
            hits.sort(key=lambda hit: (hit[0], -hit[1]))
            chosen, cursor = [], 0
            for hit in hits:
                if hit[0] >= cursor:
                    chosen.append(hit)
                    cursor = hit[1]
            hits = chosen
        return [(index, start - starts[index], end - starts[index], entry_id) for start, end, index, entry_id in hits]


def mark_html(html: str, matcher: Matcher, make_link: LinkFactory, *, every: bool = False,
              allowed: Mapping[str, object] | None = None) -> tuple[str, list[str]] | None:
    """Mark terms in an HTML fragment; None when nothing was marked (the HTML stays as it is)."""
    if not html.strip():
        return None
    root = _fragment(html)
    used = mark_tree(root, matcher, make_link, every=every, allowed=allowed)
    if not used:
        return None
    out = etree.tostring(root, encoding="unicode", method="html", with_tail=False)
    return out[len("<div>"):-len("</div>")], used


def mark_tree(root: etree._Element, matcher: Matcher, make_link: LinkFactory, *, every: bool = False,
              allowed: Mapping[str, object] | None = None) -> list[str]:
    """Mark terms below `root` in place; returns the ids newly linked, in order of appearance.

    Terms already linked by an earlier run count as seen, so marking twice changes nothing.
    `allowed`: only these ids are linked (others still take their text span).
    """
    seen = set() if every else {a.get("data-glossary-id") for a in _existing_links(root)}
    used: list[str] = []

    def links_for(text: str, hits) -> tuple[str | None, list[etree._Element]] | None:
        """Split `text` into a leading string and the new links (their tails hold the rest)."""
        links, head, last = [], None, 0
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

    pieces = _texts(root)
    by_piece: dict[int, list[tuple[int, int, str]]] = {}
    for index, start, end, entry_id in matcher.find_in([text for _, _, text in pieces]):
        by_piece.setdefault(index, []).append((start, end, entry_id))
    for index, hits in by_piece.items():
        element, is_tail, text = pieces[index]
        result = links_for(text, hits)
        if result is None:
            continue
        head, links = result
        if is_tail:
            element.tail = head
            anchor = element
            for link in links:
                anchor.addnext(link)
                anchor = link
            continue
        element.text = head
        for position, link in enumerate(links):
            element.insert(position, link)
        if matcher.rescan_tails:
            # The text after each of these links is searched again on its own, as marking
            # one text at a time always did (usually it finds nothing new).
            for link in links:
                if link.tail:
                    again = links_for(link.tail, matcher.find(link.tail))
                    if again:
                        link.tail, more = again
                        anchor = link
                        for new in more:
                            anchor.addnext(new)
                            anchor = new
    return used


def _texts(root: etree._Element) -> list[tuple[etree._Element, bool, str]]:
    """The texts terms may be marked in, in document order: (element, is its tail, text)."""
    pieces: list[tuple[etree._Element, bool, str]] = []
    append = pieces.append

    def walk(element: etree._Element) -> None:
        text = element.text
        if text and not text.isspace():
            append((element, False, text))
        for child in element:
            if isinstance(child.tag, str) and not _skipped(child):
                walk(child)
            tail = child.tail
            if tail and not tail.isspace():
                append((child, True, tail))

    walk(root)
    return pieces


def _fragment(html: str) -> etree._Element:
    """lxml.html.fragment_fromstring(html, create_parent="div"), with plain elements: the
    parsed <body> renamed, its leading text kept only when it is not just whitespace."""
    if not _FULL_HTML.match(html):
        html = f"<html><body>{html}</body></html>"
    document = etree.fromstring(html, PARSER)
    if document is None:
        raise etree.ParserError("Document is empty")
    bodies = [element for element in document if element.tag == "body"]
    assert len(bodies) == 1, f"too many bodies: {bodies!r} in {html!r}"
    root = bodies[0]
    root.tag = "div"
    root.attrib.clear()
    if root.text is not None and not root.text.strip():
        root.text = None
    return root


def _existing_links(root: etree._Element):
    for a in root.iter("a"):
        if LINK_CLASS in (a.get("class") or "").split() and a.get("data-glossary-id"):
            yield a


def _skipped(element: etree._Element) -> bool:
    if element.tag.lower() in SKIP_TAGS:
        return True
    classes = element.get("class")
    return bool(classes) and not SKIP_CLASSES.isdisjoint(classes.split())


def _compile(form: str, entry_id: str) -> tuple[str, tuple[tuple[int, str], ...]]:
    exact = tuple(
        (m.start(), m.group()) for m in _WORD.finditer(form) if sum(ch.isupper() for ch in m.group()) >= 2
    )
    return entry_id, exact


def _searchable(text: str) -> str:
    """Lowercased, non-word characters as spaces, a space at each end; same length plus two."""
    return f" {lower_same_length(text).translate(_BOUNDARIES)} "
