"""Load the glossary files (data/glossary/<lang>.yml): one file per language, same ids.

Shared by the glossary hook, its tests and scripts/bench_glossary.py. Every problem a
translator can make in a file is a `GlossaryError` naming the file, the line and the
entry; the hook turns it into a `PluginError`.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.config import base
from mkdocs.config import config_options as c

SHORT_LIMIT = 200
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Letters in the order each language sorts them; accented letters sort with their base letter.
ALPHABETS = {
    "en": "abcdefghijklmnopqrstuvwxyz",
    "es": "abcdefghijklmnñopqrstuvwxyz",
}
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class GlossaryError(ValueError):
    """A glossary file is malformed."""


class _EntrySchema(base.Config):
    term = c.Type(str)
    match = c.ListOfItems(c.Type(str), default=[])
    short = c.Type(str)
    long = c.Optional(c.Type(str))


ENTRY_KEYS = [key for key, _ in _EntrySchema._schema]


@dataclass(frozen=True)
class Entry:
    id: str
    term: str
    forms: tuple[str, ...]
    short: str
    long: str | None
    line: int


@dataclass(frozen=True)
class Glossary:
    lang: str
    path: str  # as shown in messages: 'data/glossary/en.yml'
    entries: dict[str, Entry]

    def sorted_entries(self) -> list[Entry]:
        return sorted(self.entries.values(), key=lambda e: sort_key(e.term, self.lang))


def load_all(project_dir: Path, langs: list[str], folder: str = "data/glossary") -> dict[str, Glossary]:
    """Load and check every language's file (a `GlossaryError` on the first problem)."""
    glossaries = {}
    for lang in langs:
        rel = f"{folder}/{lang}.yml"
        path = project_dir / rel
        if not path.is_file():
            raise GlossaryError(
                f"Glossary file '{rel}' not found: each built language ({', '.join(langs)}) needs one."
            )
        glossaries[lang] = parse(path.read_text(encoding="utf-8"), lang, rel)
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
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return Glossary(lang, rel, {})
        _check_duplicate_keys(root, rel)
        data = loader.construct_document(root)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise GlossaryError(f"Glossary file '{rel}' is not valid YAML: {where}{error.problem}") from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise GlossaryError(f"Glossary file '{rel}' must map entry ids to entries, like 'fape: {{term: FAPE, ...}}'.")

    entries: dict[str, Entry] = {}
    owners: dict[str, tuple[str, str, int]] = {}  # matching key -> (id, form, line)
    for (key_node, value_node), (entry_id, value) in zip(root.value, data.items()):
        entry = _entry(entry_id, value, key_node, value_node, rel)
        for form, line in _form_lines(entry, value_node):
            key = match_key(form)
            owner = owners.setdefault(key, (entry.id, form, line))
            if owner[0] != entry.id:
                raise GlossaryError(
                    f"Glossary file '{rel}' line {line}, entry '{entry.id}': match form '{form}' is "
                    f"already used by entry '{owner[0]}' (line {owner[2]})."
                )
        entries[entry.id] = entry
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
    primary = []
    for ch in text:
        base_letter = ch if ch in alphabet else unicodedata.normalize("NFD", ch)[0]
        if base_letter.isdigit():
            primary.append((0, int(base_letter) if base_letter.isascii() else ord(base_letter)))
        elif base_letter in alphabet:
            primary.append((1, alphabet.index(base_letter)))
        elif base_letter.isalnum():
            primary.append((2, ord(base_letter)))
    return (tuple(primary), text, term)


def letter(term: str, lang: str) -> str:
    """The letter a term is listed under: 'Á' under 'A', 'Ñ' under 'Ñ' in Spanish, digits under '#'."""
    for rank, value in sort_key(term, lang)[0]:
        if rank == 0:
            return "#"
        if rank == 1:
            return ALPHABETS.get(lang, ALPHABETS["en"])[value].upper()
        return chr(value).upper()
    return "#"


def _entry(entry_id, value, key_node, value_node, rel: str) -> Entry:
    line = key_node.start_mark.line + 1
    where = f"Glossary file '{rel}' line {line}, entry '{entry_id}'"
    if not isinstance(entry_id, str) or not ID_PATTERN.match(entry_id):
        raise GlossaryError(
            f"Glossary file '{rel}' line {line}: entry id '{entry_id}' must be lowercase letters, "
            f"digits and hyphens, like 'related-services'."
        )
    if not isinstance(value, dict):
        raise GlossaryError(f"{where}: the entry must be a mapping with the keys {', '.join(ENTRY_KEYS)}.")
    for key in value:
        if key not in ENTRY_KEYS:
            close = difflib.get_close_matches(str(key), ENTRY_KEYS, n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise GlossaryError(
                f"{where}: unknown key '{key}'.{hint} Known keys: {', '.join(ENTRY_KEYS)}."
            )
    schema = _EntrySchema()
    schema.load_dict(value)
    failed, _ = schema.validate()
    if failed:
        key, error = failed[0]
        raise GlossaryError(f"{where}: '{key}': {error}")
    for key in ("term", "short"):
        if not schema[key].strip():
            raise GlossaryError(f"{where}: '{key}' is empty.")
    short = " ".join(schema.short.split())
    if len(short) > SHORT_LIMIT:
        raise GlossaryError(
            f"{where}: 'short' is {len(short)} characters long; keep it to {SHORT_LIMIT} "
            f"and put the rest in 'long'."
        )
    forms = []
    for form in [schema.term, *schema.match]:
        form = unicodedata.normalize("NFC", " ".join(form.split()))
        if not form:
            raise GlossaryError(f"{where}: 'match' has an empty form.")
        if form not in forms:
            forms.append(form)
    long = schema.long.strip() if schema.long else None
    return Entry(entry_id, schema.term.strip(), tuple(forms), short, long, line)


def _form_lines(entry: Entry, value_node) -> list[tuple[str, int]]:
    """Each match form of an entry with the line it is written on."""
    lines = {}
    for key_node, node in value_node.value:
        if key_node.value == "term":
            lines.setdefault(unicodedata.normalize("NFC", " ".join(str(node.value).split())), node.start_mark.line + 1)
        elif key_node.value == "match" and isinstance(node, yaml.SequenceNode):
            for item in node.value:
                form = unicodedata.normalize("NFC", " ".join(str(item.value).split()))
                lines.setdefault(form, item.start_mark.line + 1)
    return [(form, lines.get(form, entry.line)) for form in entry.forms]


def _check_duplicate_keys(node, rel: str, entry_id: str | None = None) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key, line = key_node.value, key_node.start_mark.line + 1
            if key in seen:
                if entry_id is None:
                    raise GlossaryError(
                        f"Glossary file '{rel}' line {line}: duplicate entry id '{key}' "
                        f"(first defined on line {seen[key]})."
                    )
                raise GlossaryError(
                    f"Glossary file '{rel}' line {line}, entry '{entry_id}': duplicate key '{key}' "
                    f"(first given on line {seen[key]})."
                )
            seen[key] = line
            _check_duplicate_keys(value_node, rel, key if entry_id is None else entry_id)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check_duplicate_keys(item, rel, entry_id)
