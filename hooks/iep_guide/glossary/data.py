"""The glossary files (data/glossary/<lang>.yml): one file per language, same ids.

Every problem a translator can make in a file is reported with the file, the line and the
entry (datafile.DataError); all problems of a file are reported together.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .. import datafile as d

KIND = "Glossary file"
FOLDER = "data/glossary"
SHORT_LIMIT = 200
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RESERVED_ID_PREFIXES = ("letter-", "glossary-")  # letter headings, tooltips
# Letters in the order each language sorts them; accented letters sort with their base letter.
ALPHABETS = {
    "en": "abcdefghijklmnopqrstuvwxyz",
    "es": "abcdefghijklmnñopqrstuvwxyz",
}
ENTRY = d.Record(
    {"term": d.Text(), "match": d.ListOf(d.Text()), "short": d.Text(), "long": d.Text()},
    required=frozenset({"term", "short"}), defaults={"match": []}, what="key",
)
_SEPARATOR = (-1, 0)


@dataclass(frozen=True)
class Entry:
    id: str
    term: str
    forms: tuple[str, ...]
    short: str
    long: str | None
    line: int
    source: dict  # the entry as written (term, match, short, long), for translation records
    lang: str | None = None  # set when the text is still another language's: an untranslated copy

    @property
    def long_paragraphs(self) -> list[str]:
        """The long explanation, one string per paragraph (paragraphs are split by blank lines)."""
        if not self.long:
            return []
        return [" ".join(part.split()) for part in re.split(r"\n\s*\n", self.long) if part.strip()]


@dataclass(frozen=True)
class Glossary:
    lang: str
    path: str  # as shown in messages: 'data/glossary/en.yml'
    entries: dict[str, Entry]

    def sorted_entries(self) -> list[tuple[str, Entry]]:
        """(letter, entry) pairs in the language's alphabetical order."""
        keyed = sorted((sort_key(e.term, self.lang), e.id, e) for e in self.entries.values())
        return [(_letter_of(key, self.lang), entry) for key, _, entry in keyed]


def path_of(root: Path, lang: str) -> Path:
    return root / FOLDER / f"{lang}.yml"


def load_all(root: Path, langs: list[str]) -> dict[str, Glossary]:
    """Load and check every language's file; a DataError lists the problems of the first bad file."""
    glossaries = {}
    for lang in langs:
        rel = f"{FOLDER}/{lang}.yml"
        if not (root / rel).is_file():
            raise d.DataError([d.Problem(KIND, rel, None, None,
                                         f"not found: each built language ({', '.join(langs)}) needs one. "
                                         f"Copy {FOLDER}/{langs[0]}.yml and translate it.")])
        glossaries[lang] = parse((root / rel).read_text(encoding="utf-8"), lang, rel)
    return glossaries


def missing_ids(glossaries: dict[str, Glossary]) -> list[str]:
    """Warnings for ids that one language has and another lacks."""
    messages = []
    for lang, glossary in glossaries.items():
        for other_lang, other in glossaries.items():
            if other_lang == lang:
                continue
            for entry_id, entry in glossary.entries.items():
                if entry_id not in other.entries:
                    messages.append(
                        f"Glossary entry '{entry_id}' is in '{glossary.path}' (line {entry.line}) "
                        f"but missing from '{other.path}'."
                    )
    return messages


def parse(text: str, lang: str, rel: str) -> Glossary:
    doc = d.parse(text, KIND, rel, _label)
    entries: dict[str, Entry] = {}
    if doc.root is None:
        doc.check()
        return Glossary(lang, rel, entries)
    if doc.root.kind != "map":
        doc.problem(None, "must map entry ids to entries, like 'fape: {term: FAPE, short: ...}'.")
        doc.check()
    owners: dict[str, tuple[str, str, int]] = {}  # match key -> (id, form, line)
    for entry_id, node in doc.root.value.items():
        entry = _entry(entry_id, node, doc)
        if entry is None:
            continue
        for form, line in _form_lines(entry, node):
            owner = owners.setdefault(match_key(form), (entry.id, form, line))
            if owner[0] != entry.id:
                doc.problems.append(d.Problem(KIND, rel, line, _label((entry.id,)),
                                              f"match form '{form}' is already used by entry '{owner[0]}' "
                                              f"(line {owner[2]})."))
        entries[entry.id] = entry
    doc.check()
    return Glossary(lang, rel, entries)


def match_key(form: str) -> str:
    """How two match forms compare: the same key is the same form."""
    return lower_same_length(unicodedata.normalize("NFC", form).strip())


def lower_same_length(text: str) -> str:
    """`str.lower()` that keeps every character at its index (so offsets still match)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def sort_key(term: str, lang: str) -> tuple:
    """Sort by the language's alphabet: accents sort with the base letter, 'ñ' after 'n' in Spanish."""
    alphabet = ALPHABETS.get(lang, ALPHABETS["en"])
    text = unicodedata.normalize("NFC", term).lower()
    primary: list[tuple[int, int]] = []
    for ch in text:
        base_letter = ch if ch in alphabet else unicodedata.normalize("NFD", ch)[0]
        if not base_letter.isalnum():  # spaces and hyphens separate words: "de" before "del"
            if primary and primary[-1] != _SEPARATOR:
                primary.append(_SEPARATOR)
        elif base_letter.isdigit():
            primary.append((0, int(base_letter) if base_letter.isascii() else ord(base_letter)))
        elif base_letter in alphabet:
            primary.append((1, alphabet.index(base_letter)))
        else:
            primary.append((2, ord(base_letter)))
    return (tuple(primary), text, term)


def _entry(entry_id: str, node: d.Node, doc: d.Document) -> Entry | None:
    if not ID_PATTERN.match(entry_id):
        doc.problem(node, f"the entry id '{entry_id}' must be lowercase letters, digits and hyphens, "
                          f"like 'related-services'.")
        return None
    if entry_id.startswith(RESERVED_ID_PREFIXES):
        doc.problem(node, f"the entry id '{entry_id}' starts with '{entry_id.split('-')[0]}-', which the "
                          f"glossary page uses for its own anchors.")
        return None
    count = len(doc.problems)
    values = ENTRY.convert(node, doc)
    if values is None or len(doc.problems) > count:
        return None
    short = " ".join(values["short"].split())
    if len(short) > SHORT_LIMIT:
        doc.problem(node.value["short"], f"is {len(short)} characters long; keep it to {SHORT_LIMIT} "
                                         f"and put the rest in 'long'.")
        return None
    forms: list[str] = []
    for form in [values["term"], *values["match"]]:
        form = _clean(form)
        if form not in forms:
            forms.append(form)
    long = values["long"].strip() if values.get("long") else None
    return Entry(entry_id, values["term"].strip(), tuple(forms), short, long, node.line, node.plain())


def _form_lines(entry: Entry, node: d.Node) -> list[tuple[str, int]]:
    """Each match form of an entry with the line it is written on."""
    lines = {_clean(node.value["term"].value): node.value["term"].line}
    match = node.value.get("match")
    if match is not None and match.kind == "list":
        for item in match.value:
            lines.setdefault(_clean(str(item.value)), item.line)
    return [(form, lines.get(form, entry.line)) for form in entry.forms]


def _label(path: tuple[str, ...]) -> str | None:
    if not path:
        return None
    return f"entry '{path[0]}'" + (f", key '{path[1]}'" if len(path) > 1 else "")


def _letter_of(key: tuple, lang: str) -> str:
    for rank, value in key[0]:
        if rank < 0:
            continue
        if rank == 0:
            return "#"
        if rank == 1:
            return ALPHABETS.get(lang, ALPHABETS["en"])[value].upper()
        return chr(value).upper()
    return "#"


def _clean(form: str) -> str:
    return unicodedata.normalize("NFC", " ".join(form.split()))
