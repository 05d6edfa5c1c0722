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

SHORT_LIMIT = 200
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RESERVED_ID_PREFIXES = ("letter-", "glossary-")  # letter headings, tooltips
# Letters in the order each language sorts them; accented letters sort with their base letter.
ALPHABETS = {
    "en": "abcdefghijklmnopqrstuvwxyz",
    "es": "abcdefghijklmnñopqrstuvwxyz",
}
_SEPARATOR = (-1, 0)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class GlossaryError(ValueError):
    """A glossary file is malformed."""


@dataclass(frozen=True)
class _Field:
    kind: type  # str, or list for a list of strings
    required: bool = False


# The schema of an entry: its keys, in the order the messages list them.
ENTRY_SCHEMA = {
    "term": _Field(str, required=True),
    "match": _Field(list),
    "short": _Field(str, required=True),
    "long": _Field(str),
}
ENTRY_KEYS = list(ENTRY_SCHEMA)
_STR_TAG = "tag:yaml.org,2002:str"


@dataclass(frozen=True)
class Entry:
    id: str
    term: str
    forms: tuple[str, ...]
    short: str
    long: str | None
    line: int

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
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise GlossaryError(f"Glossary file '{rel}' is not valid YAML: {where}{error.problem}") from None
    finally:
        loader.dispose()
    if root is None:
        return Glossary(lang, rel, {})
    if not isinstance(root, yaml.MappingNode):
        raise GlossaryError(f"Glossary file '{rel}' must map entry ids to entries, like 'fape: {{term: FAPE, ...}}'.")

    entries: dict[str, Entry] = {}
    owners: dict[str, tuple[str, str, int]] = {}  # matching key -> (id, form, line)
    for key_node, value_node in root.value:
        line = key_node.start_mark.line + 1
        if key_node.value in entries:
            raise GlossaryError(
                f"Glossary file '{rel}' line {line}: duplicate entry id '{key_node.value}' "
                f"(first defined on line {entries[key_node.value].line})."
            )
        entry, form_lines = _entry(key_node, value_node, rel)
        for form in entry.forms:
            key = match_key(form)
            form_line = form_lines.get(form, line)
            owner = owners.setdefault(key, (entry.id, form, form_line))
            if owner[0] != entry.id:
                raise GlossaryError(
                    f"Glossary file '{rel}' line {form_line}, entry '{entry.id}': match form '{form}' is "
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


def letter(term: str, lang: str) -> str:
    """The letter a term is listed under: 'Á' under 'A', 'Ñ' under 'Ñ' in Spanish, digits under '#'."""
    return _letter_of(sort_key(term, lang), lang)


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


def _entry(key_node, value_node, rel: str) -> tuple[Entry, dict[str, int]]:
    """Check one entry against ENTRY_SCHEMA; also returns the line of each match form."""
    entry_id, line = key_node.value, key_node.start_mark.line + 1
    where = f"Glossary file '{rel}' line {line}, entry '{entry_id}'"
    if key_node.tag != _STR_TAG or not ID_PATTERN.match(entry_id):
        raise GlossaryError(
            f"Glossary file '{rel}' line {line}: entry id '{entry_id}' must be lowercase letters, "
            f"digits and hyphens, like 'related-services'."
        )
    if entry_id.startswith(RESERVED_ID_PREFIXES):
        raise GlossaryError(
            f"Glossary file '{rel}' line {line}: entry id '{entry_id}' starts with "
            f"'{entry_id.split('-')[0]}-', which the glossary page uses for its own anchors."
        )
    if not isinstance(value_node, yaml.MappingNode):
        raise GlossaryError(f"{where}: the entry must be a mapping with the keys {', '.join(ENTRY_KEYS)}.")
    values: dict[str, object] = {}
    lines: dict[str, int] = {}
    for field_node, node in value_node.value:
        key, key_line = field_node.value, field_node.start_mark.line + 1
        at_key = f"Glossary file '{rel}' line {key_line}, entry '{entry_id}'"
        if key not in ENTRY_SCHEMA:
            close = difflib.get_close_matches(str(key), ENTRY_KEYS, n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise GlossaryError(f"{at_key}: unknown key '{key}'.{hint} Known keys: {', '.join(ENTRY_KEYS)}.")
        if key in values:
            raise GlossaryError(f"{at_key}: duplicate key '{key}' (first given on line {lines[key]}).")
        lines[key] = key_line
        values[key] = _value(node, ENTRY_SCHEMA[key], key, at_key)
        if key == "match":
            for item in node.value:
                lines.setdefault(f"form:{_clean(item.value)}", item.start_mark.line + 1)
    for key, field in ENTRY_SCHEMA.items():
        if field.required and key not in values:
            raise GlossaryError(f"{where}: '{key}' is required.")
        if field.kind is str and key in values and not values[key].strip():
            raise GlossaryError(f"{where}: '{key}' is empty.")
    short = " ".join(values["short"].split())
    if len(short) > SHORT_LIMIT:
        raise GlossaryError(
            f"{where}: 'short' is {len(short)} characters long; keep it to {SHORT_LIMIT} "
            f"and put the rest in 'long'."
        )
    forms: list[str] = []
    form_lines = {_clean(values["term"]): lines["term"]}
    for form in [values["term"], *values.get("match", [])]:
        form = _clean(form)
        if not form:
            raise GlossaryError(f"{where}: 'match' has an empty form.")
        if form not in forms:
            forms.append(form)
            form_lines.setdefault(form, lines.get(f"form:{form}", line))
    long = values["long"].strip() if values.get("long") else None
    return Entry(entry_id, values["term"].strip(), tuple(forms), short, long, line), form_lines


def _value(node, field: _Field, key: str, where: str):
    """The value of a scalar or a list of scalars, as text; anything else is an error."""
    if field.kind is str:
        if isinstance(node, yaml.ScalarNode) and node.tag == _STR_TAG:
            return node.value
        raise GlossaryError(f"{where}: '{key}' must be text, not {_kind(node)}.")
    if isinstance(node, yaml.SequenceNode):
        items = []
        for item in node.value:
            if not (isinstance(item, yaml.ScalarNode) and item.tag == _STR_TAG):
                raise GlossaryError(
                    f"{where}: '{key}' must be a list of texts; line {item.start_mark.line + 1} has {_kind(item)}."
                )
            items.append(item.value)
        return items
    raise GlossaryError(f"{where}: '{key}' must be a list, like [IEPs, Individualized Education Program].")


def _kind(node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return {"int": "a number", "float": "a number", "bool": "true/false", "null": "an empty value"}.get(
        node.tag.rsplit(":", 1)[-1], node.tag)


def _clean(form: str) -> str:
    return unicodedata.normalize("NFC", " ".join(form.split()))
