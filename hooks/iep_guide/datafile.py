"""One loader for every data file a fork or translator edits: brand.yml, state profiles,
glossaries, translation records.

`read(path, kind)` parses YAML into `Node`s that keep each value's line and key path, and
says YAML syntax errors in plain words with the line to fix. A schema (`Record`, `Text`,
`MapOf`, ...) turns a node into plain Python values and collects every problem it finds,
each naming the file, the line, the key and what to do; `DataError` carries them all.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAGS = {
    "tag:yaml.org,2002:str": "text", "tag:yaml.org,2002:int": "number", "tag:yaml.org,2002:float": "number",
    "tag:yaml.org,2002:bool": "true/false", "tag:yaml.org,2002:null": "empty",
}
_SHOWN = {"map": "a group of settings", "list": "a list", "text": "text", "number": "a number",
          "true/false": "true/false", "empty": "empty"}


@dataclass(frozen=True)
class Problem:
    """One mistake in a data file, with what to do about it."""

    kind: str  # 'Brand file', 'State profile', 'Glossary file'
    file: str  # as the user knows it: 'brand.yml', 'data/states/texas.yml'
    line: int | None
    where: str | None  # "key 'colors.primary'", "entry 'fape'"
    message: str

    def __str__(self) -> str:
        text = f"{self.kind} '{self.file}'"
        if self.line is not None:
            text += f", line {self.line}"
        if self.where:
            text += f", {self.where}"
        return f"{text}: {self.message}"


class DataError(ValueError):
    """A data file has problems; `problems` lists every one, `str()` shows them a line each."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


@dataclass
class Node:
    """A YAML value and where it is: `value` is a str/int/float/bool/None, a list of Nodes or
    a dict of str -> Node; `kind` is 'map', 'list', 'text', 'number', 'true/false' or 'empty'."""

    value: Any
    kind: str
    line: int
    path: tuple[str, ...]
    raw: str = ""  # a scalar as written in the file

    def plain(self) -> Any:
        """The value as plain Python data (no Nodes)."""
        if self.kind == "map":
            return {key: node.plain() for key, node in self.value.items()}
        if self.kind == "list":
            return [node.plain() for node in self.value]
        return self.value


Label = Callable[[tuple[str, ...]], "str | None"]


def key_label(path: tuple[str, ...]) -> str | None:
    """How a problem names where it is: "key 'colors.primary'"."""
    return f"key '{'.'.join(path)}'" if path else None


@dataclass
class Document:
    """A read data file: its root node, and how to report a problem in it."""

    kind: str
    file: str
    text: str
    root: Node | None = None
    label: Callable[[tuple[str, ...]], str | None] = key_label
    problems: list[Problem] = field(default_factory=list)

    def problem(self, node: Node | None, message: str, key: str | None = None, line: int | None = None) -> None:
        """Record a problem at `node` (None: the file as a whole); `key`: a dotted key path
        to name instead of the node's own (a key that is missing); `line`: another line."""
        path = tuple(key.split(".")) if key is not None else (node.path if node else ())
        at = line if line is not None else (node.line if node else None)
        self.problems.append(Problem(self.kind, self.file, at, self.label(path), message))

    def line_text(self, line: int) -> str:
        lines = self.text.splitlines()
        return lines[line - 1] if 0 < line <= len(lines) else ""

    def check(self) -> None:
        """Raise DataError if any problem was found."""
        if self.problems:
            raise DataError(self.problems)


def read(path: Path, kind: str, shown: str | None = None, label: Label = key_label) -> Document:
    """Parse a YAML file into Nodes. A missing file or a syntax error is a DataError."""
    file = shown or path.as_posix()
    if not path.is_file():
        raise DataError([Problem(kind, file, None, None, f"the file does not exist (looked for {path}).")])
    return parse(path.read_text(encoding="utf-8"), kind, file, label)


def parse(text: str, kind: str, file: str, label: Label = key_label) -> Document:
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        line, message = plain_yaml_error(error, text)
        raise DataError([Problem(kind, file, line, None, message)]) from None
    finally:
        loader.dispose()
    document = Document(kind, file, text, None, label=label)
    document.root = None if root is None else _node(root, (), document)
    return document


def plain_yaml_error(error: yaml.MarkedYAMLError, text: str) -> tuple[int | None, str]:
    """A YAML syntax error in plain words, with the line the user most likely has to fix."""
    mark, context = error.problem_mark, error.context_mark
    line = mark.line + 1 if mark else None
    lines = text.splitlines()
    here = lines[mark.line] if mark and mark.line < len(lines) else ""
    # PyYAML's own parser and libyaml (the C one) word the same problems differently.
    problem = error.problem or ""
    fix = "Use spaces, not tabs, and line up settings of the same level in the same column."
    tab = "'\\t'" in problem or (problem == "found character that cannot start any token" and "\t" in here)
    if tab:
        return line, "this line is indented with a tab. Use spaces, not tabs."
    if problem.startswith("expected <block end>") or problem == "did not find expected key":
        return line, f"this line is indented differently from the lines above it. {fix}"
    if problem in ("mapping values are not allowed here", "mapping values are not allowed in this context") \
            and mark is not None:
        key_colon = here.find(":")
        if 0 <= key_colon < mark.column:
            return line, ("this value contains ': ', which YAML reads as a new setting. Put the value in "
                          "quotes, like: key: \"text: more text\".")
        above = _previous_setting(lines, mark.line)
        if above is not None:
            return above + 1, (f"this line already has a value, but line {line} below it is indented further, "
                               f"as if it belonged to it. Check the indentation of lines {above + 1} and {line}. {fix}")
        return line, f"this line is indented further than the line above it. {fix}"
    if problem == "could not find expected ':'" and context is not None:
        return context.line + 1, "a setting here has no ':'. Write it as 'key: value'."
    if "while scanning a quoted scalar" in (error.context or ""):
        start = context.line + 1 if context else line
        return start, "a quote mark opened on this line is never closed. Close it with the same mark (' or \")."
    if "flow" in (error.context or ""):
        start = context.line + 1 if context else line
        return start, "a list in [ ] or a group in { } that starts on this line is not closed."
    return line, f"this is not valid YAML ({problem or error})."


def did_you_mean(value: str, options: Iterable[str], cutoff: float = 0.6) -> str:
    """' Did you mean 'x'?' for the closest option, or ''."""
    close = difflib.get_close_matches(value, list(options), n=1, cutoff=cutoff)
    return f" Did you mean '{close[0]}'?" if close else ""


# -- schemas ------------------------------------------------------------------------------
# A field converts a node to a Python value, or reports a problem on the document and
# returns None. Messages say what is wrong and what to do.


class Field:
    help = ""

    def convert(self, node: Node, doc: Document) -> Any:
        raise NotImplementedError


@dataclass
class Text(Field):
    """Text (a YAML string). `check` returns a problem message for a bad value, or None."""

    check: Callable[[str], str | None] | None = None
    allow_empty: bool = False

    def convert(self, node, doc):
        if node.kind != "text":
            doc.problem(node, _not_text(node, doc))
            return None
        value = node.value
        if not value.strip() and not self.allow_empty:
            doc.problem(node, "is empty. Write a value, or remove the line if the setting is optional.")
            return None
        if self.check is not None:
            message = self.check(value)
            if message:
                doc.problem(node, message)
                return None
        return value


@dataclass
class Integer(Field):
    minimum: int | None = None

    def convert(self, node, doc):
        if node.kind != "number" or not isinstance(node.value, int) or isinstance(node.value, bool):
            doc.problem(node, f"must be a whole number, like 14; it is {_SHOWN[node.kind]}.")
            return None
        if self.minimum is not None and node.value < self.minimum:
            doc.problem(node, f"must be {self.minimum} or more.")
            return None
        return node.value


class Boolean(Field):
    def convert(self, node, doc):
        if node.kind != "true/false":
            doc.problem(node, f"must be true or false; it is {_SHOWN[node.kind]}.")
            return None
        return node.value


@dataclass
class Choice(Field):
    options: tuple[str, ...]

    def convert(self, node, doc):
        if node.kind != "text" or node.value not in self.options:
            shown = node.raw or _SHOWN[node.kind]
            doc.problem(node, f"'{shown}' is not one of: {', '.join(self.options)}.{did_you_mean(str(shown), self.options)}")
            return None
        return node.value


@dataclass
class ListOf(Field):
    item: Field

    def convert(self, node, doc):
        if node.kind == "empty":
            return []
        if node.kind != "list":
            doc.problem(node, f"must be a list (lines starting with '- '); it is {_SHOWN[node.kind]}.")
            return None
        return [self.item.convert(child, doc) for child in node.value]


@dataclass
class MapOf(Field):
    """A mapping whose keys are not fixed (glossary ids, languages). `key_check` returns a
    problem message for a bad key."""

    item: Field
    key_check: Callable[[str], str | None] | None = None

    def convert(self, node, doc):
        if node.kind == "empty":
            return {}
        if node.kind != "map":
            doc.problem(node, f"must be a group of 'key: value' settings; it is {_SHOWN[node.kind]}.")
            return None
        result = {}
        for key, child in node.value.items():
            message = self.key_check(key) if self.key_check else None
            if message:
                doc.problem(child, message)
                continue
            result[key] = self.item.convert(child, doc)
        return result


@dataclass
class Record(Field):
    """A mapping with known keys. Unknown keys are problems with a "did you mean"; a missing
    required key is a problem; a missing optional key is its default."""

    fields: Mapping[str, Field]
    required: frozenset[str] = frozenset()
    defaults: Mapping[str, Any] = field(default_factory=dict)
    what: str = "setting"  # how messages name a key: 'setting', 'key'

    def convert(self, node, doc):
        if node.kind == "empty" and not self.required:
            return dict(self.defaults)
        if node.kind != "map":
            doc.problem(node, f"must be a group of 'key: value' settings ({', '.join(self.fields)}); "
                              f"it is {_SHOWN[node.kind]}.")
            return None
        result: dict[str, Any] = {}
        misspelt = set()  # known keys an unknown key was probably meant to be
        for key, child in node.value.items():
            if key not in self.fields:
                close = difflib.get_close_matches(key, list(self.fields), n=1)
                misspelt.update(close)
                doc.problem(child, f"unknown {self.what} '{key}'.{did_you_mean(key, self.fields)} "
                                   f"Known {self.what}s here: {', '.join(self.fields)}.")
                continue
            result[key] = self.fields[key].convert(child, doc)
        for key in self.fields:
            if key in result:
                continue
            if key in self.required:
                if key not in misspelt:
                    doc.problem(node, f"is missing. Add '{key}: ...'{_under(node)}.", key=_join(node.path, key))
            else:
                result[key] = self.defaults.get(key)
        return result


@dataclass
class Localized(Field):
    """A value in every language of the site: either one value for all (`name: Texas`), or a
    group with one value per language (`name: {en: ..., es: ...}`) whose keys are languages
    of the site. With `every_language`, the group must give every language; otherwise the
    first language's value stands in for a missing one."""

    item: Field
    languages: tuple[str, ...]  # every language of mkdocs.yml, the default first
    every_language: bool = False

    def convert(self, node, doc):
        if node.kind != "map" or not _looks_like_languages(node.value):
            value = self.item.convert(node, doc)
            return dict.fromkeys(self.languages, value)
        result = {}
        for lang, child in node.value.items():
            if lang not in self.languages:
                hint = did_you_mean(lang, self.languages, cutoff=0.5)
                doc.problem(child, f"'{lang}' is not a language of this site ({', '.join(self.languages)}).{hint}")
                continue
            result[lang] = self.item.convert(child, doc)
        missing = [lang for lang in self.languages if lang not in node.value]
        if missing and (self.every_language or self.languages[0] in missing):
            doc.problem(node, f"has no text in {', '.join(missing)}. Give it in every language of the site "
                              f"({', '.join(f'{lang}: ...' for lang in self.languages)}).")
            return None
        return {lang: result.get(lang, result.get(self.languages[0])) for lang in self.languages}


# -- helpers ------------------------------------------------------------------------------


def _node(node: yaml.Node, path: tuple[str, ...], doc: Document) -> Node:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        children: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in children:
                doc.problem(None, f"is given twice, on lines {children[key].line} and {key_node.start_mark.line + 1}. "
                                  f"Keep one.", key=_join(path, key), line=key_node.start_mark.line + 1)
                continue
            child = _node(value_node, (*path, key), doc)
            child.line = key_node.start_mark.line + 1
            children[key] = child
        return Node(children, "map", line, path)
    if isinstance(node, yaml.SequenceNode):
        return Node([_node(item, (*path, str(index)), doc) for index, item in enumerate(node.value)],
                    "list", line, path)
    kind = _TAGS.get(node.tag, "text")
    value = node.value if kind == "text" else yaml.safe_load(node.value)
    return Node(value, kind, line, path, raw=node.value)


def _not_text(node: Node, doc: Document) -> str:
    if node.kind == "empty":
        written = doc.line_text(node.line)
        if re.search(r":\s+#", written):
            return _comment_fix(written)
        return "has no value. Write one, or remove the line if the setting is optional."
    if node.kind in ("number", "true/false"):
        return (f"must be text, but YAML reads {node.raw} as {_SHOWN[node.kind]}. "
                f"Put it in quotes: \"{node.raw}\".")
    return f"must be text; it is {_SHOWN[node.kind]}."


def _comment_fix(written: str) -> str:
    key, _, rest = written.partition(":")
    value = rest.strip().split()[0] if rest.strip() else "#..."
    return ("has no value: YAML reads '#' as the start of a comment, so everything after it is ignored. "
            f"Put the value in quotes, like: {key.strip()}: \"{value}\"")


def _previous_setting(lines: list[str], index: int) -> int | None:
    for above in range(index - 1, -1, -1):
        stripped = lines[above].strip()
        if stripped and not stripped.startswith("#"):
            return above
    return None


def _looks_like_languages(mapping: dict) -> bool:
    return all(re.fullmatch(r"[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?", key) for key in mapping)


def _join(path: tuple[str, ...], key: str) -> str:
    return ".".join((*path, key))


def _under(node: Node) -> str:
    return f" under '{'.'.join(node.path)}'" if node.path else ""
