"""Find glossary terms in text: one Aho-Corasick automaton per language.

It holds every match form, lowercased and padded so that it only matches on Unicode word
boundaries; a hit is kept when its acronyms (words with two or more capitals: "IDEA",
"IEPs") have the exact case. Overlapping hits: leftmost, then longest. All the texts of a
page are searched in one pass (`find_in`).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence

import ahocorasick

from .data import lower_same_length

LINK_CLASS = "glossary-term"
_WORD = re.compile(r"\w+")
# Part of a word: what \w means, and combining accents (NFD "evaluación" is one word).
_WORD_CHAR = re.compile(r"[\w\u0300-\u036f]")


class _Boundaries(dict):
    """A str.translate table that turns every character that is not part of a word into a
    space. It fills itself with the characters it meets (a few hundred on any site), so
    after the first pages translating is a C loop. Each Matcher has its own."""

    def __missing__(self, char: int) -> int:
        value = char if _WORD_CHAR.match(chr(char)) else 32
        self[char] = value
        return value


_GAP = " "  # between the texts of a page searched together: a word boundary


class Matcher:
    """Every match form of one language's glossary, in one automaton.

    Text and forms are searched lowercased, with every non-word character turned into a
    space and a space added at both ends: a key " form " can then only be found on word
    boundaries, so the automaton reports whole words only (no Python loop over partial hits).
    """

    def __init__(self, forms: Iterable[tuple[str, str]]):
        """`forms`: (match form, entry id) pairs."""
        self._automaton = ahocorasick.Automaton()
        self._boundaries = _Boundaries()
        # key -> (entry id, the (offset, text) of its acronyms, compared case-sensitively), as
        # plain tuples of strings, which the garbage collector stops tracking.
        candidates: dict[str, list[tuple[str, tuple[tuple[int, str], ...]]]] = {}
        for form, entry_id in forms:
            form = unicodedata.normalize("NFC", form.strip())
            if not _WORD.search(form):
                continue  # nothing a word boundary could hold
            candidates.setdefault(self._searchable(form), []).append(_compile(form, entry_id))
        for key, options in candidates.items():
            self._automaton.add_word(key, (len(key), tuple(options)))
        if candidates:
            self._automaton.make_automaton()
        self._empty = not candidates
        # Whether the text right after a linked term, searched on its own, can hold a hit
        # that the whole text does not: with a form that starts or ends with punctuation
        # ("(IEP)"), or a Greek sigma (lowercased by context). See mark.mark_tree.
        self.rescan_tails = any(
            key.startswith("  ") or key.endswith("  ") or "σ" in key or "ς" in key for key in candidates
        )

    def _searchable(self, text: str) -> str:
        """Lowercased, non-word characters as spaces, a space at each end; same length plus two."""
        return f" {lower_same_length(text).translate(self._boundaries)} "

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
        for last, (length, options) in self._automaton.iter(f" {lowered.translate(self._boundaries)} "):
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


def _compile(form: str, entry_id: str) -> tuple[str, tuple[tuple[int, str], ...]]:
    exact = tuple(
        (m.start(), m.group()) for m in _WORD.finditer(form) if sum(ch.isupper() for ch in m.group()) >= 2
    )
    return entry_id, exact
