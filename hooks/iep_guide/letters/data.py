"""The letters files (data/letters/<lang>.yml): the texts of the letters and of the meeting
statement, one file per language, same ids.

Every problem a translator can make is reported with the file, the line and the key
(datafile.DataError), all problems of a file together: a blank ({child}) that is not a
field of the letter, an option a paragraph names that the letter lacks, a state rule that
is not a time period. A translation must keep the English file's structure: the same
letters, fields, options and rules, so that one form fills the letter in any language.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import datafile as d
from .. import states

KIND = "Letters file"
FOLDER = "data/letters"
FIELD_KINDS = ("text", "long", "date", "email")
ID = re.compile(r"^[a-z][a-z0-9_]*$")
BLANK = re.compile(r"(?<!\{)\{([^{}]*)\}(?!\})")  # {child}; never {{ state.x }}
PERIOD_KEYS = tuple(key for key, spec in states.KEYS.items() if spec.kind in ("period", "period_or_none"))
SENTENCE_KEYS = tuple(key for key, spec in states.KEYS.items() if "sentence" in spec.fields)
BOOL_KEYS = tuple(key for key, spec in states.KEYS.items() if spec.kind == "bool")
TEXTS = ("privacy", "details", "copy_note", "rule", "deadline", "dated", "due_blank", "counted", "next", "keep_copy")


@dataclass(frozen=True)
class Field:
    id: str
    label: str
    blank: str
    kind: str  # one of FIELD_KINDS
    hint: str | None
    required: bool


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    default: bool
    when: str | None  # a true/false key of the state profile: offered only when true
    unless: str | None  # ... only when false


@dataclass(frozen=True)
class Block:
    """A paragraph ('p'), a list ('ul', `items`) or a heading ('h') of a letter, shown when
    option `if_` is ticked or `if_not` is not (both None: always)."""

    kind: str
    text: str
    items: tuple[Block, ...] = ()
    if_: str | None = None
    if_not: str | None = None


@dataclass(frozen=True)
class Letter:
    """A letter, or the meeting statement (`subject` is then its title)."""

    id: str
    subject: str
    rule: str | None
    deadline: str | None  # a state profile key: a time counted from the day the school gets the letter
    next: tuple[str, ...]  # state profile keys whose sentence says what follows
    fields: tuple[str, ...]
    options: dict[str, Option]
    body: tuple[Block, ...]
    line: int


@dataclass(frozen=True)
class Frame:
    fields: tuple[str, ...]  # asked once, in "Your details"
    heading: tuple[str, ...]
    subject: str
    greeting: str
    closing: tuple[str, ...]


@dataclass(frozen=True)
class Letters:
    lang: str
    path: str  # as shown in messages: 'data/letters/en.yml'
    texts: dict[str, str]
    frame: Frame
    fields: dict[str, Field]
    letters: dict[str, Letter]
    planner: Letter | None
    entries: dict[str, Any]  # what a translation is checked against: entry id -> as written


def path_of(root: Path, lang: str) -> Path:
    return root / FOLDER / f"{lang}.yml"


def load_all(root: Path, langs: list[str]) -> dict[str, Letters]:
    """Every language's letters: the default language's file is needed; a language without a
    file (or without a letter) gets the English one until it is translated."""
    source = langs[0]
    english = parse(path_of(root, source).read_text(encoding="utf-8"), source, f"{FOLDER}/{source}.yml") \
        if path_of(root, source).is_file() else None
    if english is None:
        raise d.DataError([d.Problem(KIND, f"{FOLDER}/{source}.yml", None, None,
                                     "not found: the letters pages need it. Restore it from the project.")])
    result = {source: english}
    for lang in langs[1:]:
        rel = f"{FOLDER}/{lang}.yml"
        if not (root / rel).is_file():
            result[lang] = english
            continue
        result[lang] = parse((root / rel).read_text(encoding="utf-8"), lang, rel, english)
    return result


def parse(text: str, lang: str, rel: str, english: Letters | None = None) -> Letters:
    """Read and check one file; `english`: the source a translation must match."""
    doc = d.parse(text, KIND, rel, _label)
    if doc.root is None or doc.root.kind != "map":
        doc.problem(doc.root, "must be a group of settings: texts, frame, fields, letters and planner. "
                              f"Copy {FOLDER}/en.yml and translate it.")
        doc.check()
    assert doc.root is not None
    values = _SCHEMA.convert(doc.root, doc)
    doc.check()
    root = doc.root.value
    fields = {key: Field(key, item["label"], item["blank"] or "", item["kind"], item["hint"], bool(item["required"]))
              for key, item in values["fields"].items()}
    frame_values = values["frame"]
    frame = Frame(tuple(frame_values["fields"]), tuple(frame_values["heading"]), frame_values["subject"],
                  frame_values["greeting"], tuple(frame_values["closing"]))
    checker = _Checker(doc, fields)
    frame_node = root["frame"]
    checker.known_fields(frame.fields, frame_node.value["fields"])
    shared = set(frame.fields)
    for key in ("heading", "subject", "greeting", "closing"):
        checker.blanks(frame_node.value[key], shared | ({"subject"} if key == "subject" else set()))
    letters = {key: _letter(key, item, root["letters"].value[key], checker, shared)
               for key, item in values["letters"].items()}
    planner = _letter("planner", values["planner"], root["planner"], checker, set()) \
        if values.get("planner") else None
    entries = _entries(doc.root)
    result = Letters(lang, rel, values["texts"], frame, fields, letters, planner, entries)
    if english is not None:
        _check_translation(result, english, doc)
    doc.check()
    return result


def _letter(key: str, values: dict, node: d.Node, checker: _Checker, shared: set[str]) -> Letter:
    settings = node.value
    options = {name: Option(name, item["label"], bool(item["default"]), item["when"], item["unless"])
               for name, item in (values.get("options") or {}).items()}
    fields = tuple(values["fields"])
    checker.known_fields(fields, settings["fields"])
    if "deadline" in settings:
        checker.state_key(settings["deadline"], PERIOD_KEYS, "whose value is a time period")
    for item in settings.get("next", d.Node([], "list", node.line, ())).value:
        checker.state_key(item, SENTENCE_KEYS, "that has a sentence")
    for option_node in settings.get("options", d.Node({}, "map", node.line, ())).value.values():
        for condition in ("when", "unless"):
            if condition in option_node.value:
                checker.state_key(option_node.value[condition], BOOL_KEYS, "whose value is true or false")
    allowed = shared | {name for name in fields if name in checker.fields}
    checker.blanks(settings["title" if key == "planner" else "subject"], allowed)
    body = tuple(_block(item, item_node, checker, allowed, options)
                 for item, item_node in zip(values["body"], settings["body"].value, strict=True))
    return Letter(key, values.get("subject") or values["title"], values.get("rule"), values.get("deadline"),
                  tuple(values.get("next") or ()), fields, options, body, node.line)


def _block(value: Any, node: d.Node, checker: _Checker, allowed: set[str], options: dict) -> Block:
    if isinstance(value, str):
        checker.blanks(node, allowed)
        return Block("p", value)
    for condition in ("if", "if_not"):
        if value.get(condition) is not None and value[condition] not in options:
            checker.doc.problem(node.value[condition], f"'{value[condition]}' is not an option of this letter."
                                f"{d.did_you_mean(value[condition], options)} Its options: "
                                f"{', '.join(options) or 'none'}.")
    given = [name for name in ("text", "items", "heading") if value.get(name) is not None]
    if len(given) != 1:
        checker.doc.problem(node, "needs one of text, items or heading" if not given else
                                  f"has {' and '.join(given)}: give one of them.")
        return Block("p", "")
    kind = given[0]
    if kind == "items":
        items = tuple(_block(item, item_node, checker, allowed, options)
                      for item, item_node in zip(value["items"], node.value["items"].value, strict=True))
        return Block("ul", "", items, value.get("if"), value.get("if_not"))
    checker.blanks(node.value[kind], allowed)
    return Block("h" if kind == "heading" else "p", value[kind], (), value.get("if"), value.get("if_not"))


@dataclass
class _Checker:
    doc: d.Document
    fields: dict[str, Field]

    def known_fields(self, names: tuple[str, ...], node: d.Node) -> None:
        for name, item in zip(names, node.value, strict=True):
            if name not in self.fields:
                self.doc.problem(item, f"'{name}' is not a field.{d.did_you_mean(name, self.fields)} Add it under "
                                       f"'fields', or use one of: {', '.join(self.fields)}.")
        for name in {name for name in names if names.count(name) > 1}:
            self.doc.problem(node, f"lists the field '{name}' twice. Keep one.")

    def blanks(self, node: d.Node, allowed: set[str]) -> None:
        """Every {blank} of a text (or of each text of a list) is a field the letter has."""
        shown = [name for name in self.fields if name in allowed] + sorted(allowed - set(self.fields))
        for item in node.value if node.kind == "list" else [node]:
            for match in BLANK.finditer(str(item.value)):
                name = match.group(1).strip()
                if name not in allowed:
                    close = difflib.get_close_matches(name, shown, n=1)
                    hint = f" Did you mean {{{close[0]}}}?" if close else ""
                    self.doc.problem(item, f"uses {{{name}}}, which is not a field of this letter.{hint} "
                                           f"Its fields: {', '.join(shown)}.")

    def state_key(self, node: d.Node, keys: tuple[str, ...], what: str) -> None:
        if node.value not in keys:
            self.doc.problem(node, f"'{node.value}' is not a key of the state profiles {what}."
                                   f"{d.did_you_mean(str(node.value), keys)} Use one of: {', '.join(keys)}.")


def _check_translation(result: Letters, english: Letters, doc: d.Document) -> None:
    """A translation has the English file's letters, and each letter its fields, options and rules."""
    root = doc.root.value if doc.root is not None else {}
    for key, letter in result.letters.items():
        node = root["letters"].value[key]
        source = english.letters.get(key)
        if source is None:
            doc.problem(node, f"the letter '{key}' is not in {english.path}.{d.did_you_mean(key, english.letters)} "
                              f"Use the same ids as {english.path}.")
            continue
        _same(doc, node, letter, source, english.path)
    if result.planner is not None and english.planner is not None:
        _same(doc, root["planner"], result.planner, english.planner, english.path)
    if result.frame.fields != english.frame.fields:
        doc.problem(root["frame"].value["fields"], f"must list the same fields as {english.path}: "
                                                   f"{', '.join(english.frame.fields)}.")


def _same(doc: d.Document, node: d.Node, letter: Letter, source: Letter, english_path: str) -> None:
    for what, mine, theirs in (("fields", letter.fields, source.fields),
                               ("options", tuple(letter.options), tuple(source.options)),
                               ("deadline", (letter.deadline,), (source.deadline,)),
                               ("next", letter.next, source.next)):
        if mine != theirs:
            shown = ", ".join(str(name) for name in theirs if name is not None) or "none"
            doc.problem(node.value.get(what, node), f"must have the same {what} as in {english_path}: {shown}.")


def _entries(root: d.Node) -> dict[str, Any]:
    """The parts a translation is recorded by: texts, frame, each field, each letter, planner."""
    values = root.value
    entries: dict[str, Any] = {}
    for key in ("texts", "frame"):
        if key in values:
            entries[key] = values[key].plain()
    for group in ("fields", "letters"):
        if group in values and values[group].kind == "map":
            for name, node in values[group].value.items():
                entries[f"{group}.{name}"] = node.plain()
    if "planner" in values:
        entries["planner"] = values["planner"].plain()
    return entries


def _label(path: tuple[str, ...]) -> str | None:
    if len(path) >= 2 and path[0] == "letters":
        return f"letter '{path[1]}'" + (f", key '{'.'.join(path[2:])}'" if len(path) > 2 else "")
    return d.key_label(path)


def _id_check(key: str) -> str | None:
    return None if ID.match(key) else f"the id '{key}' must be lowercase letters, digits and '_', like 'meeting_date'."


_TEXT = d.Text()
_BLOCK: d.Field  # a paragraph: text, or a group (set below, it refers to itself)


class _Block(d.Field):
    def convert(self, node, doc):
        if node.kind == "text":
            return _TEXT.convert(node, doc)
        return _BLOCK_RECORD.convert(node, doc)


_BLOCK = _Block()
_BLOCK_RECORD = d.Record({"text": d.Text(), "items": d.ListOf(_BLOCK), "heading": d.Text(), "if": d.Text(),
                          "if_not": d.Text()}, what="key")
_OPTION = d.Record({"label": d.Text(), "default": d.Boolean(), "when": d.Text(), "unless": d.Text()},
                   required=frozenset({"label"}), defaults={"default": False}, what="key")
_DOCUMENT = {"fields": d.ListOf(d.Text()), "options": d.MapOf(_OPTION, _id_check), "body": d.ListOf(_BLOCK)}
_SCHEMA = d.Record({
    "texts": d.Record(dict.fromkeys(TEXTS, d.Text()), required=frozenset(TEXTS), what="key"),
    "frame": d.Record({"fields": d.ListOf(d.Text()), "heading": d.ListOf(d.Text()), "subject": d.Text(),
                       "greeting": d.Text(), "closing": d.ListOf(d.Text())},
                      required=frozenset({"fields", "heading", "subject", "greeting", "closing"}), what="key"),
    "fields": d.MapOf(d.Record({"label": d.Text(), "blank": d.Text(allow_empty=True), "kind": d.Choice(FIELD_KINDS),
                                "hint": d.Text(), "required": d.Boolean()},
                               required=frozenset({"label"}), defaults={"kind": "text", "required": False},
                               what="key"), _id_check),
    "letters": d.MapOf(d.Record({"subject": d.Text(), "rule": d.Text(), "deadline": d.Text(), "next": d.ListOf(d.Text()),
                                 **_DOCUMENT}, required=frozenset({"subject", "rule", "fields", "body"}), what="key"),
                       _id_check),
    "planner": d.Record({"title": d.Text(), **_DOCUMENT}, required=frozenset({"title", "fields", "body"}), what="key"),
}, required=frozenset({"texts", "frame", "fields", "letters"}), what="key")
