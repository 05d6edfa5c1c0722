"""Which version of its English source each translation was made from.

Shared by languages.py (the notice on outdated pages), scripts/translations.py (status,
mark, new-language) and the tests.

Pages: a translated page (docs/es/team.md) records the English file it was translated
from (docs/en/team.md) in its front matter, as `translation_of: "<hash>"`. The hash is
the first 12 hex digits of the SHA-256 of the English file's UTF-8 text after
normalizing it: a leading byte order mark dropped, line endings made `\\n`, spaces and
tabs at the end of every line removed, blank lines at the end removed. Saving the
English file with other line endings or trailing spaces leaves translations current;
any other change to it, front matter included, makes them outdated.

Data files translated entry by entry (DATA_SETS: the glossary, the letters):
data/<set>/<lang>.translation.yml maps each entry id to the hash of the English entry it
was translated from (the entry's keys and values as JSON, runs of white space in the values
collapsed). The data files themselves keep their format. A glossary entry is a term; the
letters' entries are each letter, each field, the planner and the shared texts.

A page or entry is current (hash matches), outdated (the English changed since, or the
translation was never marked), missing (no translation: the English is shown; for the
glossary, an entry absent or still identical to the English and never marked) or
orphan (no English source).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.utils import meta as mkdocs_meta

from . import datafile
from .glossary import data as glossary_data
from .letters import data as letters_data

KEY = "translation_of"
STATES = ("current", "outdated", "unmarked", "missing", "orphan")
HASH_LENGTH = 12
GLOSSARY_DIR = glossary_data.FOLDER
RECORD_KIND = "Translation record"
FRONT_MATTER = re.compile(r"\A(---[ \t]*\r?\n)(.*?\r?\n)?((?:---|\.\.\.)[ \t]*(?:\r?\n|\Z))", re.S)
KEY_LINE = re.compile(rf"^{KEY}[ \t]*:.*$", re.M)


def normalize(text: str) -> str:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip(" \t") for line in text.split("\n")).rstrip("\n") + "\n"


def text_hash(text: str) -> str:
    return hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()[:HASH_LENGTH]


def file_hash(path: Path) -> str:
    return text_hash(path.read_text(encoding="utf-8"))


def recorded_hash(text: str) -> str | None:
    """The `translation_of` value of a page's front matter, or None."""
    _, meta = mkdocs_meta.get_data(text)
    value = meta.get(KEY)
    return None if value is None else str(value)


def with_recorded_hash(text: str, value: str) -> str:
    """The page's text with `translation_of` set in its front matter (other lines kept)."""
    newline = "\r\n" if "\r\n" in text else "\n"
    line = f'{KEY}: "{value}"'
    match = FRONT_MATTER.match(text)
    if match is None:
        return f"---{newline}{line}{newline}---{newline}{newline}{text}"
    body = match.group(2) or ""
    if KEY_LINE.search(body):
        body = KEY_LINE.sub(lambda _: line, body, count=1)
    else:
        body = f"{body}{line}{newline}"
    return f"{match.group(1)}{body}{match.group(3)}{text[match.end():]}"


def page_status(docs_dir: Path, source: str, lang: str) -> dict[str, list[str]]:
    """Every page of `lang` by state, as paths relative to the language folder."""
    status: dict[str, list[str]] = {state: [] for state in STATES}
    english = _pages(docs_dir / source)
    translated = _pages(docs_dir / lang)
    for name in sorted(english):
        recorded = recorded_hash(translated[name].read_text(encoding="utf-8")) if name in translated else None
        if name not in translated:
            status["missing"].append(name)
        elif recorded is None:
            status["unmarked"].append(name)  # translated, or being translated, and never marked
        elif recorded == file_hash(english[name]):
            status["current"].append(name)
        else:
            status["outdated"].append(name)
    status["orphan"] = sorted(set(translated) - set(english))
    return status


def glossary_paths(project_dir: Path, lang: str) -> tuple[Path, Path]:
    """The language's glossary file and the file of its entries' source hashes."""
    return data_paths(project_dir, GLOSSARY, lang)


def glossary_status(project_dir: Path, source: str, lang: str) -> dict[str, list[str]] | None:
    """Every glossary entry id of `lang` by state; None when there is no English glossary."""
    return data_status(project_dir, source, lang, GLOSSARY)


# -- data files translated entry by entry --------------------------------------------------

def data_paths(project_dir: Path, dataset: DataSet, lang: str) -> tuple[Path, Path]:
    """A language's file of a data set and the file of its entries' source hashes."""
    folder = project_dir / dataset.folder
    return folder / f"{lang}.yml", folder / f"{lang}.translation.yml"


def data_status(project_dir: Path, source: str, lang: str, dataset: DataSet) -> dict[str, list[str]] | None:
    """Every entry id of a data set in `lang` by state; None when there is no English file."""
    english_path, _ = data_paths(project_dir, dataset, source)
    if not english_path.is_file():
        return None
    english = dataset.read(english_path, source)
    path, hashes_path = data_paths(project_dir, dataset, lang)
    translated = dataset.read(path, lang) if path.is_file() else {}
    hashes = read_hashes(hashes_path, dataset)
    status: dict[str, list[str]] = {state: [] for state in STATES}
    for entry_id, entry in english.items():
        if entry_id not in translated:
            status["missing"].append(entry_id)
        elif hashes.get(entry_id) == entry_hash(entry):
            status["current"].append(entry_id)
        elif entry_id not in hashes and same_entry(entry, translated[entry_id]):
            status["missing"].append(entry_id)  # still the English text copied by new-language
        elif entry_id not in hashes:
            status["unmarked"].append(entry_id)
        else:
            status["outdated"].append(entry_id)
    status["orphan"] = [entry_id for entry_id in translated if entry_id not in english]
    return status


def same_entry(english, translated) -> bool:
    """True when a translated entry is still the English one, word for word."""
    return _canonical(english) == _canonical(translated)


def entry_hash(entry) -> str:
    return hashlib.sha256(_canonical(entry).encode("utf-8")).hexdigest()[:HASH_LENGTH]


def parse_glossary(text: str, lang: str, rel: str) -> dict[str, dict]:
    """A glossary file's entries by id, as written (checked as the build checks them)."""
    return {entry_id: entry.source for entry_id, entry in glossary_data.parse(text, lang, rel).entries.items()}


def parse_letters(text: str, lang: str, rel: str) -> dict[str, Any]:
    """A letters file's entries by id ('letters.evaluation'), as written (checked as the build checks them)."""
    return letters_data.parse(text, lang, rel).entries


def read_hashes(path: Path, dataset: DataSet) -> dict[str, str]:
    """data/<set>/<lang>.translation.yml: entry id -> hash of the English it was translated from."""
    if not path.is_file():
        return {}
    doc = datafile.read(path, RECORD_KIND, f"{dataset.folder}/{path.name}")
    values = datafile.MapOf(datafile.Text()).convert(doc.root, doc) if doc.root is not None else {}
    doc.check()
    return values


@dataclass(frozen=True)
class DataSet:
    """A data file per language, translated entry by entry."""

    name: str  # its key in the status: 'glossary'
    title: str  # how messages name it: 'Glossary'
    folder: str  # 'data/glossary'
    parse: Callable[[str, str, str], dict[str, Any]]  # (text, language, path shown) -> entries by id, as written

    def read(self, path: Path, lang: str) -> dict[str, Any]:
        """A file's entries by id, as written (a DataError names the file, line and fix)."""
        return self.parse(path.read_text(encoding="utf-8"), lang, f"{self.folder}/{path.name}")


GLOSSARY = DataSet("glossary", "Glossary", GLOSSARY_DIR, parse_glossary)
LETTERS = DataSet("letters", "Letters", letters_data.FOLDER, parse_letters)
DATA_SETS = (GLOSSARY, LETTERS)


def _pages(folder: Path) -> dict[str, Path]:
    if not folder.is_dir():
        return {}
    return {path.relative_to(folder).as_posix(): path for path in folder.rglob("*.md") if path.is_file()}


def _canonical(value) -> str:
    def clean(item):
        if isinstance(item, str):
            return " ".join(item.split())
        if isinstance(item, dict):
            return {str(key): clean(val) for key, val in item.items()}
        if isinstance(item, list):
            return [clean(val) for val in item]
        return item

    return json.dumps(clean(value), sort_keys=True, ensure_ascii=False)
