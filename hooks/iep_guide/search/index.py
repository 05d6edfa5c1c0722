"""One language's search index, in parts, so a search loads only what it needs.

The index maps keys (text.py: folded stems) to where they occur: every section of every page
(pages.py), the page as `p`, its section as `s` (0 is the page itself). For each key:

    [forms, places, values, masks]
    forms   the words the site writes for it, lowercased with their accents: a bit each
    places  (page delta, section) pairs, flattened: pages in order, so deltas stay small
    values  per place: count of the key's words << 1 | 1 if one is in the section's title
    masks   per place: which forms occur there (bit i = forms[i]); 0 when there is one form

Besides keys, the shards hold:
- aliases: each folded word the site writes whose key differs ("evaluacion" -> "evalu"), so
  the browser finds a written word without stemming it; a list when folding joins two keys;
- glossary entries: "~<key>" lists the entries whose match forms start with that key, as
  [[form keys], entry id]; "#<entry id>" is where any form of the entry occurs (pages that
  use one form are found by all of them). It is written in each shard that lists the entry.

Shards are ranges of sorted keys (`bounds` gives the first key of each), about SHARD_BYTES
of JSON each. Also written (files.py): each page's sections for the results (`chunks`: the
title and the first words of each section, CHUNK sections a file), page titles in blocks
of BLOCK pages (for results past the first DETAILED), and the words of five letters or more
in buckets by their first two and by their last two letters, for typos (one wrong letter
never changes both in such a word).

The work is one pass over the words of each section (a Counter, then one dictionary step per
different word), so it grows linearly with the site.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..glossary.data import Glossary
from .pages import Page
from .text import Keys, words

SHARD_BYTES = 32_000  # JSON bytes of a term shard, before compression (about 8 KB gzip)
CHUNK = 32  # sections per file of a page's sections
BLOCK = 256  # pages per file of titles
TEASER = 280  # characters of a section's text shown in a result
TYPO_MIN = 5  # letters a word needs for typo tolerance
VOCABULARY_BUCKET = 256  # words per typo bucket, about
MASK_BITS = 30  # forms with a bit of their own (JavaScript's bit operators work on 32 bits)


class _Key:
    """Where one key occurs, built section by section."""

    __slots__ = ("at", "forms", "masks", "page", "places", "values")

    def __init__(self) -> None:
        self.forms: list[str] = []
        self.places: list[int] = []
        self.values: list[int] = []
        self.masks: list[int] = []
        self.page = 0  # the page of the last place (places store deltas)
        self.at = -1  # the section counted last, as page * 2**20 + section

    def entry(self) -> list:
        return [self.forms, self.places, self.values, self.masks if len(self.forms) > 1 else 0]


@dataclass
class Index:
    stemmer: str | None  # the Snowball algorithm, or None: words are folded only
    shards: list[dict] = field(default_factory=list)
    bounds: list[str] = field(default_factory=list)
    chunks: dict[str, list] = field(default_factory=dict)  # 'page-chunk' -> [location, [[anchor, title, teaser], ...]]
    titles: list[list] = field(default_factory=list)  # per block: [[location, title], ...]
    vocabulary: list[list[str]] = field(default_factory=list)  # typo buckets: prefixes, then suffixes
    pages: int = 0
    sections: int = 0

    @property
    def buckets(self) -> int:
        return len(self.vocabulary) // 2


def build(pages: list[Page], keys: Keys, glossary: Glossary | None = None) -> Index:
    index = Index(keys.algorithm, pages=len(pages))
    found: dict[str, _Key] = {}
    learned: dict[str, tuple[str, _Key | None, int]] = {}  # word -> (key, its _Key or None for a stop word, form bit)
    phrases = _phrases(glossary, keys)  # first key -> [(entry id, keys of a form of two words or more)]
    phrase_hits: dict[str, dict[tuple[int, int], int]] = {}  # entry id -> {(page, section): value}

    def learn(word: str) -> tuple[str, _Key | None, int]:
        key = keys.key(word)
        if keys.is_stop(word):
            learned[word] = (key, None, 0)
            return learned[word]
        record = found.get(key)
        if record is None:
            record = found[key] = _Key()
        bit = 1 << len(record.forms) if len(record.forms) < MASK_BITS else 0
        record.forms.append(word)
        learned[word] = (key, record, bit)
        return learned[word]

    for p, page in enumerate(pages):
        chunk: list[list] = []
        for s, section in enumerate(page.sections):
            if s % CHUNK == 0:
                chunk = []
                index.chunks[f"{p}-{s // CHUNK}"] = [page.location, chunk]
            chunk.append([section.anchor, section.title, _teaser(section.text)])
            index.sections += 1
            title, text = words(section.title), words(section.text)
            counts = Counter(text)
            counts.update(title)
            at = (p << 20) | s
            starts = []
            for word, count in counts.items():
                key, record, bit = learned.get(word) or learn(word)
                if key in phrases:
                    starts.append(key)
                if record is None:
                    continue
                if record.at != at:
                    record.at = at
                    record.places += (p - record.page, s)
                    record.page = p
                    record.values.append(0)
                    record.masks.append(0)
                record.values[-1] += count << 1
                record.masks[-1] |= bit
            for word in set(title):
                record = learned[word][1]
                if record is not None:
                    record.values[-1] |= 1
            if starts:
                _find_phrases([phrase for key in starts for phrase in phrases[key]], title, text, learned, (p, s),
                              phrase_hits)
    _glossary_entries(glossary, keys, found, phrase_hits)
    _shard(index, found, learned, keys, glossary, phrase_hits)
    index.titles = [[[page.location, page.title] for page in pages[start:start + BLOCK]]
                    for start in range(0, len(pages), BLOCK)]
    index.vocabulary = _vocabulary(learned, keys)
    return index


# ---------------------------------------------------------------------------------------------
# Glossary


def _phrases(glossary: Glossary | None, keys: Keys) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Match forms of two or more words, as key sequences (entry id, keys), by their first key."""
    phrases: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for entry in glossary.entries.values() if glossary is not None else ():
        for form in entry.forms:
            form_keys = tuple(keys.key(word) for word in words(form))
            if len(form_keys) > 1 and (entry.id, form_keys) not in phrases.get(form_keys[0], []):
                phrases.setdefault(form_keys[0], []).append((entry.id, form_keys))
    return phrases


def _find_phrases(phrases, title: list[str], text: list[str], learned, place: tuple[int, int],
                  hits: dict[str, dict[tuple[int, int], int]]) -> None:
    """The glossary forms of several words in one section (its title or text), by their keys."""
    joined_title = " " + " ".join(learned[word][0] for word in title) + " "
    joined_text = " " + " ".join(learned[word][0] for word in text) + " "
    for entry_id, form_keys in phrases:
        needle = " " + " ".join(form_keys) + " "
        in_title = needle in joined_title
        count = joined_text.count(needle) + in_title
        if count:
            places = hits.setdefault(entry_id, {})
            places[place] = places.get(place, 0) + (count << 1 | in_title)


def _glossary_entries(glossary: Glossary | None, keys: Keys, found: dict[str, _Key],
                      hits: dict[str, dict[tuple[int, int], int]]) -> None:
    """Each entry's places: those of its one-word forms' keys, and its phrases' hits."""
    if glossary is None:
        return
    for entry in glossary.entries.values():
        places = hits.setdefault(entry.id, {})
        one_word = {keys.key(form_words[0]) for form_words in map(words, entry.forms) if len(form_words) == 1}
        for record in (found[key] for key in sorted(one_word) if key in found):
            page = 0
            for i in range(0, len(record.places), 2):
                page += record.places[i]
                place = (page, record.places[i + 1])
                value = record.values[i // 2]
                old = places.get(place, 0)
                places[place] = ((old >> 1) + (value >> 1)) << 1 | (old | value) & 1


def _glossary_value(entry_forms: list[str], places: dict[tuple[int, int], int]) -> list:
    flat: list[int] = []
    values = []
    previous = 0
    for (page, section), value in sorted(places.items()):
        flat += (page - previous, section)
        previous = page
        values.append(value)
    return [entry_forms, flat, values]


# ---------------------------------------------------------------------------------------------
# Shards, vocabulary, teasers


def _shard(index: Index, found: dict[str, _Key], learned, keys: Keys, glossary: Glossary | None,
           hits: dict[str, dict[tuple[int, int], int]]) -> None:
    """Every key, alias and glossary list into range shards of about SHARD_BYTES."""
    items: dict[str, object] = {key: record.entry() for key, record in found.items()}
    aliases: dict[str, set[str]] = {}
    for word, (key, record, _) in learned.items():
        folded = keys.fold(word)
        if record is not None and folded != key:
            aliases.setdefault(folded, set()).add(key)
    for folded, targets in aliases.items():
        entry = items.get(folded)
        if isinstance(entry, list):  # a key of its own too: its entry points at the others
            entry.append(sorted(targets))
        else:
            items[folded] = targets.pop() if len(targets) == 1 else sorted(targets)
    listed = _glossary_lists(glossary, keys, hits)
    glossary_values = {entry_id: _glossary_value([" ".join(words(form)) for form in glossary.entries[entry_id].forms],
                                                 hits[entry_id])
                       for entry_id in sorted({entry_id for lists in listed.values() for _, entry_id in lists})
                       } if glossary is not None else {}
    # Range shards: positions sorted as JavaScript compares strings (UTF-16 code units).
    positions = sorted({*items, *listed}, key=lambda text: text.encode("utf-16-be"))
    size = SHARD_BYTES
    for position in positions:
        value = items.get(position)
        glossary_list = listed.get(position)
        added = (_size(value) + len(position) + 4 if value is not None else 0) + sum(
            _size(glossary_values[entry_id]) for _, entry_id in glossary_list or ())
        if size + added > SHARD_BYTES and index.shards[-1:] != [{}]:
            index.shards.append({})
            index.bounds.append(position if index.bounds else "")
            size = 0
        shard = index.shards[-1]
        size += added
        if value is not None:
            shard[position] = value
        if glossary_list is not None:
            shard["~" + position] = glossary_list
            for _, entry_id in glossary_list:
                shard["#" + entry_id] = glossary_values[entry_id]
    if not index.shards:
        index.shards, index.bounds = [{}], [""]


def _glossary_lists(glossary: Glossary | None, keys: Keys, hits) -> dict[str, list]:
    """first key of a form -> [[the form's keys], entry id], for the entries found on the site."""
    listed: dict[str, list] = {}
    for entry in glossary.entries.values() if glossary is not None else ():
        if not hits.get(entry.id):
            continue
        for form in entry.forms:
            form_keys = [keys.key(word) for word in words(form)]
            if form_keys and [form_keys, entry.id] not in listed.setdefault(form_keys[0], []):
                listed[form_keys[0]].append([form_keys, entry.id])
    return listed


def _size(value: object) -> int:
    """About the JSON length of a shard value, without writing it."""
    if isinstance(value, str):
        return len(value) + 3
    if not isinstance(value, list):
        return 8
    if not value or not isinstance(value[0], list):  # an alias to several keys
        return sum(len(str(item)) + 3 for item in value)
    forms, places, values = value[:3]
    masks = value[3] if len(value) > 3 else 0
    return (sum(len(form) + 3 for form in forms) + 3 * len(places) + 3 * len(values)
            + (8 * len(masks) if masks else 2) + 10)


def _vocabulary(learned, keys: Keys) -> list[list[str]]:
    """Typo buckets: folded words of TYPO_MIN letters or more by their first two letters
    (buckets 0..n-1), and by their last two (n..2n-1), hashed the same way in the browser."""
    folded = sorted({keys.fold(word) for word, (_, record, _) in learned.items()
                     if record is not None and len(keys.fold(word)) >= TYPO_MIN})
    count = max(1, round(len(folded) / VOCABULARY_BUCKET))
    buckets: list[list[str]] = [[] for _ in range(2 * count)]
    for word in folded:
        buckets[bucket(word[0], word[1], count)].append(word)
        buckets[count + bucket(word[-2], word[-1], count)].append(word)
    return buckets


def bucket(first: str, second: str, count: int) -> int:
    """The bucket of two letters (code points), as search/engine.js computes it."""
    return (ord(first) * 31 + ord(second)) % count


def _teaser(text: str) -> str:
    if len(text) <= TEASER:
        return text
    cut = text.rfind(" ", 0, TEASER)
    return text[:cut if cut > TEASER // 2 else TEASER] + " …"
