"""One language's search index, in parts, so that a search loads only what it needs.

Every section of every page (pages.py) is a place: page `p`, section `s` (0 is the page
itself). The index maps keys (text.py: folded stems) to the words the site writes for them,
and each word to its places:

    key -> [[[word, places, values], ...]]       the key's words, each as written (lowercased)
    places   (page delta, section) pairs, flattened: pages in order, so the numbers stay small
    values   per place: how often the word occurs there << 1, | 1 when it is in the title

Besides keys, the shards hold:
- aliases: a folded word the site writes whose key differs ("evaluacion" -> "evalu"), so the
  browser finds a word written without stemming it; a list when folding joins two keys (and a
  key that is also such a word has the other keys as its entry's second item);
- glossary entries: "~<key>" lists the entries with a match form whose first word has that
  key, as [[the form's keys], entry id]; "#<entry id>" is [forms, places, values]: every place
  where any form of the entry occurs (so each form finds the pages of all of them). It is
  written in each shard that lists the entry.

Shards are ranges of keys in order (`bounds`: the first key of each), about SHARD_BYTES of
JSON each. Also written (files.py): the sections of each page for the results (`chunks`:
title and first words, CHUNK sections a file), page titles in blocks of BLOCK pages (for
results past the first twenty), and the words of TYPO_MIN letters or more in buckets by their
first two letters and by their last two, for typos (one wrong letter never changes both).

The work is linear in the text: a Counter per section, one list step per different word of a
section, and the glossary's forms of several words found by one automaton pass over the
section's words.
"""

from __future__ import annotations

import operator
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain

import ahocorasick

from ..glossary.data import Glossary
from .pages import Page
from .text import Keys, words

SHARD_BYTES = 32_000  # JSON bytes of a term shard, before compression (about 8 KB gzip)
CHUNK = 32  # sections per file of a page's sections
BLOCK = 256  # pages per file of titles
TEASER = 280  # characters of a section's text shown in a result
TYPO_MIN = 5  # letters a word needs for typo tolerance
VOCABULARY_BUCKET = 256  # words per typo bucket, about

Place = tuple[int, int]  # (page, section)


@dataclass
class Index:
    stemmer: str | None  # the Snowball algorithm, or None: words are folded only
    shards: list[dict] = field(default_factory=list)
    bounds: list[str] = field(default_factory=list)
    chunks: dict[str, list] = field(default_factory=dict)  # 'page-chunk' -> [location, [[anchor, title, teaser], ...]]
    titles: list[list] = field(default_factory=list)  # per block: [[location, title], ...]
    vocabulary: list[list[str]] = field(default_factory=list)  # typo buckets: by first letters, then by last
    pages: int = 0
    sections: int = 0

    @property
    def buckets(self) -> int:
        return len(self.vocabulary) // 2


class _Places(dict):
    """word -> its places so far, flat: [page, section, value, page, section, value, ...]."""

    def __missing__(self, word: str) -> list[int]:
        places: list[int] = []
        self[word] = places
        return places


def build(pages: list[Page], keys: Keys, glossary: Glossary | None = None) -> Index:
    index = Index(keys.algorithm, pages=len(pages))
    found = _Places()
    phrases = _Phrases(glossary, keys)
    for p, page in enumerate(pages):
        chunk: list[list] = []
        for s, section in enumerate(page.sections):
            if s % CHUNK == 0:
                chunk = []
                index.chunks[f"{p}-{s // CHUNK}"] = [page.location, chunk]
            chunk.append([section.anchor, section.title, _teaser(section.text)])
            title, text = words(section.title), words(section.text)
            counts = Counter(text)
            counts.update(title)
            for word, count in counts.items():
                found[word] += (p, s, count << 1)
            for word in set(title):
                found[word][-1] |= 1
            phrases.find(counts, title, text, (p, s))
        index.sections += len(page.sections)
    by_key: dict[str, list[str]] = {}
    for word in found:
        if not keys.is_stop(word):
            by_key.setdefault(keys[word], []).append(word)
    entries = {key: [[[word, *_encode(found[word])] for word in sorted(group)]] for key, group in by_key.items()}
    hits = phrases.hits
    for entry_id, forms in phrases.one_word.items():
        places = hits.setdefault(entry_id, {})
        for word in (word for key in forms for word in by_key.get(key, ())):
            _merge(places, found[word])
    index.shards, index.bounds = _shards(entries, _aliases(by_key, keys), phrases)
    index.titles = [[[page.location, page.title] for page in pages[start:start + BLOCK]]
                    for start in range(0, len(pages), BLOCK)]
    index.vocabulary = _vocabulary(by_key, keys)
    return index


def bucket(first: str, second: str, count: int) -> int:
    """The typo bucket of two letters (code points), as search/engine.js computes it."""
    return (ord(first) * 31 + ord(second)) % count


# ---------------------------------------------------------------------------------------------
# Glossary


class _Phrases:
    """The glossary: each entry's one-word forms, as keys, and its forms of several words,
    found in each section's text as written (lowercased, " word word ") by one automaton."""

    def __init__(self, glossary: Glossary | None, keys: Keys):
        self.one_word: dict[str, set[str]] = {}  # entry id -> keys of its one-word forms
        self.first_words: set[str] = set()
        self.hits: dict[str, dict[Place, int]] = {}  # entry id -> {place: value}
        self.lists: dict[str, list] = {}  # first key of a form -> [[the form's keys], entry id], ...
        self.forms: dict[str, list[str]] = {}  # entry id -> its forms, lowercased
        self._automaton = ahocorasick.Automaton()
        for entry in glossary.entries.values() if glossary is not None else ():
            self.forms[entry.id] = [" ".join(words(form)) for form in entry.forms]
            for form in entry.forms:
                form_words = words(form)
                form_keys = [keys[word] for word in form_words]
                if not form_keys:
                    continue
                if [form_keys, entry.id] not in self.lists.setdefault(form_keys[0], []):
                    self.lists[form_keys[0]].append([form_keys, entry.id])
                if len(form_keys) == 1:
                    self.one_word.setdefault(entry.id, set()).add(form_keys[0])
                    continue
                self.first_words.add(form_words[0])
                needle = " " + " ".join(form_words) + " "
                ids = self._automaton.get(needle, ())
                if entry.id not in ids:
                    self._automaton.add_word(needle, (*ids, entry.id))
        if self.first_words:
            self._automaton.make_automaton()

    def find(self, counts: Counter, title: list[str], text: list[str], place: Place) -> None:
        """The forms of several words in one section (title or text)."""
        if not self.first_words or self.first_words.isdisjoint(counts):
            return
        for part, in_title in ((text, 0), (title, 1)):
            for _, ids in self._automaton.iter(" " + " ".join(part) + " "):
                for entry_id in ids:
                    places = self.hits.setdefault(entry_id, {})
                    places[place] = places.get(place, 0) + 2 | in_title


def _merge(places: dict[Place, int], flat: list[int]) -> None:
    """Add a word's places (flat, as _Places holds them) to a glossary entry's."""
    for i in range(0, len(flat), 3):
        place, value = (flat[i], flat[i + 1]), flat[i + 2]
        old = places.get(place, 0)
        places[place] = ((old >> 1) + (value >> 1)) << 1 | ((old | value) & 1)


def _glossary_value(forms: list[str], places: dict[Place, int]) -> list:
    ordered = sorted(places)
    flat = [number for place in ordered for number in place]
    return [forms, *_encode(flat, [places[place] for place in ordered], step=2)]


# ---------------------------------------------------------------------------------------------
# Encoding and shards


def _encode(flat: list[int], values: list[int] | None = None, step: int = 3) -> tuple[list[int], list[int]]:
    """(places as (page delta, section) pairs, values) from flat [page, section(, value)] numbers."""
    pages, sections = flat[0::step], flat[1::step]
    places = [0] * (2 * len(pages))
    places[0::2] = map(operator.sub, pages, chain((0,), pages))
    places[1::2] = sections
    return places, flat[2::step] if values is None else values


def _aliases(by_key: dict[str, list[str]], keys: Keys) -> dict[str, list[str]]:
    """Folded word -> the keys of the words it folds from, where it is not their key."""
    aliases: dict[str, set[str]] = {}
    for key, group in by_key.items():
        for word in group:
            folded = keys.fold(word)
            if folded != key:
                aliases.setdefault(folded, set()).add(key)
    return {folded: sorted(targets) for folded, targets in aliases.items()}


def _shards(entries: dict[str, list], aliases: dict[str, list[str]], phrases: _Phrases) -> tuple[list[dict], list[str]]:
    """Keys, aliases and glossary lists in range shards of about SHARD_BYTES."""
    items: dict[str, object] = dict(entries)
    for folded, targets in aliases.items():
        entry = items.get(folded)
        if isinstance(entry, list):  # a key of its own too: its entry points at the others
            entry.append(targets)
        else:
            items[folded] = targets[0] if len(targets) == 1 else targets
    listed = {key: lists for key, lists in phrases.lists.items()
              if any(phrases.hits.get(entry_id) for _, entry_id in lists)}
    values = {entry_id: _glossary_value(phrases.forms[entry_id], phrases.hits[entry_id])
              for entry_id in sorted({entry_id for lists in listed.values() for _, entry_id in lists})
              if phrases.hits.get(entry_id)}
    shards: list[dict] = []
    bounds: list[str] = []
    size = SHARD_BYTES
    # In the order JavaScript compares strings (UTF-16 code units), as the browser searches `bounds`.
    for position in sorted({*items, *listed}, key=lambda text: text.encode("utf-16-be")):
        value = items.get(position)
        glossary_list = [item for item in listed.get(position, ()) if item[1] in values]
        added = (_size(value) + len(position) if value is not None else 0) + sum(
            _glossary_size(values[entry_id]) for _, entry_id in glossary_list)
        if size + added > SHARD_BYTES and shards[-1:] != [{}]:
            shards.append({})
            bounds.append(position if bounds else "")
            size = 0
        size += added
        if value is not None:
            shards[-1][position] = value
        if glossary_list:
            shards[-1]["~" + position] = glossary_list
            for _, entry_id in glossary_list:
                shards[-1]["#" + entry_id] = values[entry_id]
    return shards or [{}], bounds or [""]


def _size(value: object) -> int:
    """About the JSON length of a key's entry or an alias, without writing it."""
    if isinstance(value, str):
        return len(value) + 4
    assert isinstance(value, list)
    if value and isinstance(value[0], str):  # an alias to several keys
        return sum(len(item) + 3 for item in value)
    return sum(len(word) + 4 * len(places) + 3 * len(numbers) + 8 for word, places, numbers in value[0]) + 8


def _glossary_size(value: list) -> int:
    forms, places, numbers = value
    return sum(len(form) + 3 for form in forms) + 4 * len(places) + 3 * len(numbers) + 8


def _vocabulary(by_key: dict[str, list[str]], keys: Keys) -> list[list[str]]:
    """Typo buckets: folded words of TYPO_MIN letters or more by their first two letters
    (buckets 0..n-1), and by their last two (n..2n-1)."""
    folded = sorted({keys.fold(word) for group in by_key.values() for word in group if len(keys.fold(word)) >= TYPO_MIN})
    count = max(1, round(len(folded) / VOCABULARY_BUCKET))
    buckets: list[list[str]] = [[] for _ in range(2 * count)]
    for word in folded:
        buckets[bucket(word[0], word[1], count)].append(word)
        buckets[count + bucket(word[-2], word[-1], count)].append(word)
    return buckets


def _teaser(text: str) -> str:
    if len(text) <= TEASER:
        return text
    cut = text.rfind(" ", 0, TEASER)
    return text[:cut if cut > TEASER // 2 else TEASER] + " …"
