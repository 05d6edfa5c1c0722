"""Translation tools: what needs translating, mark a translation current, add a language.

    python scripts/translations.py status [--json] [--strict] [--lang es]
    python scripts/translations.py mark es/what-is-an-iep.md [data/glossary/es.yml#fape ...]
    python scripts/translations.py mark data/letters/es.yml[#letters.evaluation]
    python scripts/translations.py diff es/team.md            (or data/glossary/es.yml#fape)
    python scripts/translations.py new-language pt [--name "Português"]
    python scripts/translations.py preview es [--build DIR]

status   every page (glossary entry, letter text) of each language: current, outdated (the
         English changed since it was marked), unmarked (translated but never marked), missing
         (not translated: English is shown) or orphan (no English source). --strict exits 1
         when anything is not current.
diff     what changed in the English page (or glossary entry) since the translation
         was marked, paragraph by paragraph, from the repository's Git history.
mark     records that a page (docs/es/x.md, or es/x.md), glossary entries (data/glossary/es.yml
         for all, data/glossary/es.yml#id for one) or letter texts (data/letters/es.yml, or
         data/letters/es.yml#letters.evaluation) are translated from the current English.
         Run it after updating the translation.
new-language  adds a language: mkdocs.yml, docs/<code>/, its glossary file, its interface
         strings file, its state-rule texts, and, for a language Material for MkDocs does not
         ship (ht, so), Material's interface strings in English to translate.
preview  serves (or builds, with --build) one language only, with static-i18n's
         build_only_locale: faster, and only that language's own pages.
See TRANSLATING.md. How the versions are recorded: hooks/translation_source.py.
"""

from __future__ import annotations

import argparse
import difflib
import json
import logging
import os
import re
import sys
from pathlib import Path
from typing import Any

from iep_guide import states
from iep_guide import translations as ts
from iep_guide.languages import section_titles
from iep_tools.project import ROOT, i18n_languages

MATERIAL_LANGUAGES = "templates/partials/languages"
MATERIAL_LUNR = "templates/assets/javascripts/lunr/min"
STRINGS = "partials/strings"
THEME_STRINGS = "partials/languages"  # Material's own strings, for a language Material does not ship


class Refused(Exception):
    """The command cannot do what was asked; the message says why."""


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    project = Path(args.project).resolve()
    try:
        return args.run(project, args)
    except (Refused, ValueError) as error:  # DataError is a ValueError
        print(f"error: {error}", file=sys.stderr)
        return 1


# -- status -------------------------------------------------------------------------------

def status(project: Path) -> dict:
    """{"source": "en", "languages": {"es": {"current": [...], ..., "glossary": {...} | None,
    "letters": {...} | None, "menu": {"current": [...], "missing": [...]}}}}: a group for each
    data set (ts.DATA_SETS), and the menu's section names."""
    site = Site(project)
    languages: dict[str, dict] = {}
    for lang in site.translations:
        result: dict[str, Any] = ts.page_status(site.docs_dir, site.source, lang)
        for dataset in ts.DATA_SETS:
            result[dataset.name] = ts.data_status(project, site.source, lang, dataset)
        result["menu"] = site.menu_status(lang)
        languages[lang] = result
    return {"source": site.source, "languages": languages}


def needs_work(result: dict) -> bool:
    for lang_status in result["languages"].values():
        groups = [lang_status, lang_status["menu"]] + [lang_status[dataset.name] or {} for dataset in ts.DATA_SETS]
        if any(group.get(state) for group in groups for state in ("outdated", "unmarked", "missing", "orphan")):
            return True
    return False


def _status(project: Path, args) -> int:
    result = status(project)
    if args.lang:
        if args.lang not in result["languages"]:
            raise Refused(f"'{args.lang}' is not a translation in mkdocs.yml. Languages: {', '.join(result['languages'])}.")
        result["languages"] = {args.lang: result["languages"][args.lang]}
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(_report(result))
    return 1 if args.strict and needs_work(result) else 0


def _report(result: dict) -> str:
    source = result["source"]
    lines = []
    for lang, pages in result["languages"].items():
        lines.append(f"{lang}: pages in docs/{lang}/ (the English source is docs/{source}/)")
        for state in ts.STATES:
            for name in pages[state]:
                lines.append(f"  {state:<9} {name}")
        lines.append(f"  {_counts(pages)}")
        for dataset in ts.DATA_SETS:
            entries = pages[dataset.name]
            if entries is None:
                continue
            lines.append(f"{lang}: {dataset.title.lower()} entries in {dataset.folder}/{lang}.yml")
            for state in ("outdated", "unmarked", "missing", "orphan"):
                for entry_id in entries[state]:
                    lines.append(f"  {state:<9} {entry_id}")
            lines.append(f"  {_counts(entries)}")
        menu = pages["menu"]
        if menu["current"] or menu["missing"]:
            lines.append(f"{lang}: menu sections in mkdocs.yml (nav_translations under '- locale: {lang}')")
            lines += [f"  missing   {title}" for title in menu["missing"]]
            lines.append(f"  {len(menu['current'])} current, {len(menu['missing'])} missing")
        lines.append("")
    if not result["languages"]:
        lines.append(f"No translations: mkdocs.yml has only '{source}'.")
    lines.append(
        "outdated: the English changed since the translation was marked. See what changed with\n"
        "  python scripts/translations.py diff <lang>/<page>.md   (or data/glossary/<lang>.yml#<id>,\n"
        "  data/letters/<lang>.yml#<id>)\n"
        "  update the translation, then mark it again.\n"
        "unmarked: translated (or being translated) but never marked. Once it is checked, run\n"
        "  python scripts/translations.py mark <lang>/<page>.md   (or data/glossary/<lang>.yml#<id>,\n"
        "  data/letters/<lang>.yml#<id>)\n"
        "missing: readers see the English until someone translates it (TRANSLATING.md)."
    )
    return "\n".join(lines)


def _counts(group: dict) -> str:
    return ", ".join(f"{len(group[state])} {state}" for state in ts.STATES)


# -- mark ---------------------------------------------------------------------------------

def mark(project: Path, target: str) -> str:
    """Record that a page or glossary entries are translated from the current English."""
    site = Site(project)
    path_part, _, entry = target.partition("#")
    path = _resolve(site, path_part)
    for dataset in ts.DATA_SETS:
        if path.parent == (project / dataset.folder).resolve() and path.suffix == ".yml":
            return _mark_data(project, site, dataset, path.stem, [entry] if entry else None)
    try:
        lang, _, name = path.relative_to(site.docs_dir.resolve()).as_posix().partition("/")
    except ValueError:
        lang = name = ""
    if lang == site.source or lang not in site.translations or not name:
        folders = ", ".join(f"docs/{code}/" for code in site.translations)
        raise Refused(f"'{target}' is not a page in a translation's folder ({folders}).")
    translated, english = site.docs_dir / lang / name, site.docs_dir / site.source / name
    if not translated.is_file():
        raise Refused(f"'docs/{lang}/{name}' does not exist: translate the page first.")
    if not english.is_file():
        raise Refused(f"'docs/{lang}/{name}' has no English source 'docs/{site.source}/{name}' (an orphan).")
    value = ts.file_hash(english)
    with translated.open(encoding="utf-8", newline="") as handle:
        text = handle.read()
    with translated.open("w", encoding="utf-8", newline="") as handle:
        handle.write(ts.with_recorded_hash(text, value))
    return f"Marked docs/{lang}/{name} as translated from the current docs/{site.source}/{name} ({value})."


def _mark_data(project: Path, site: Site, dataset: ts.DataSet, lang: str, ids: list[str] | None) -> str:
    """Record that entries of a data set (the glossary, the letters) are translated from the current English."""
    folder = dataset.folder
    if lang == site.source or lang not in site.translations:
        raise Refused(f"'{folder}/{lang}.yml' is not a translation's {dataset.title.lower()} file.")
    english_path, _ = ts.data_paths(project, dataset, site.source)
    path, hashes_path = ts.data_paths(project, dataset, lang)
    if not english_path.is_file() or not path.is_file():
        raise Refused(f"Both '{folder}/{site.source}.yml' and '{folder}/{lang}.yml' must exist.")
    english, translated = dataset.read(english_path, site.source), dataset.read(path, lang)
    for entry_id in ids or []:
        if entry_id not in english or entry_id not in translated:
            where = f"{folder}/{site.source}.yml" if entry_id not in english else f"{folder}/{lang}.yml"
            close = difflib.get_close_matches(entry_id, list(english), n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise Refused(f"{dataset.title} entry '{entry_id}' is not in '{where}'.{hint}")
    hashes = ts.read_hashes(hashes_path, dataset)
    untranslated = [] if ids else [
        entry_id for entry_id in english
        if entry_id in translated and entry_id not in hashes and ts.same_entry(english[entry_id], translated[entry_id])
    ]
    chosen = ids or [entry_id for entry_id in english if entry_id in translated and entry_id not in untranslated]
    for entry_id in chosen:
        hashes[entry_id] = ts.entry_hash(english[entry_id])
    lines = [
        f"# Which version of each English {dataset.title.lower()} entry ({folder}/{site.source}.yml) the",
        f"# entry in {lang}.yml was translated from. Written by `python scripts/translations.py mark",
        f"# {folder}/{lang}.yml`: do not edit by hand (see TRANSLATING.md).",
    ]
    lines += [f'{entry_id}: "{hashes[entry_id]}"' for entry_id in english if entry_id in hashes]
    lines += [f'{entry_id}: "{value}"' for entry_id, value in hashes.items() if entry_id not in english]
    hashes_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    what = f"entry '{chosen[0]}'" if ids else f"{len(chosen)} entries"
    message = f"Marked {what} of {folder}/{lang}.yml as translated from the current English."
    if untranslated:
        message += (
            f" Not marked, still the English text: {', '.join(untranslated)} (mark one with "
            f"{folder}/{lang}.yml#<id> if it is meant to be the same)."
        )
    return message


def _resolve(site: Site, text: str) -> Path:
    """A path as typed: absolute, or relative to the project, its docs/ or the current folder."""
    path = Path(text)
    options = [path] if path.is_absolute() else [site.project / path, site.docs_dir / path, Path.cwd() / path]
    chosen = next((option for option in options if option.exists()), options[1 if len(options) > 1 else 0])
    chosen = chosen.resolve()
    if not chosen.is_relative_to(site.project.resolve()):
        raise Refused(f"'{text}' is not in the project '{site.project}'.")
    return chosen


def _mark(project: Path, args) -> int:
    for target in args.targets:
        print(mark(project, target))
    return 0


# -- diff ---------------------------------------------------------------------------------

def diff(project: Path, target: str) -> str:
    """What changed in the English since a translation was marked, paragraph by paragraph:
    the English revision in Git whose hash is the recorded one, against the English now."""
    site = Site(project)
    path_part, _, entry_id = target.partition("#")
    path = _resolve(site, path_part)
    for dataset in ts.DATA_SETS:
        if path.parent == (project / dataset.folder).resolve() and path.suffix == ".yml":
            return _diff_entry(project, site, dataset, path.stem, entry_id)
    lang, _, name = path.relative_to(site.docs_dir.resolve()).as_posix().partition("/")
    if lang == site.source or lang not in site.translations or not path.is_file():
        raise Refused(f"'{target}' is not a translated page: give one like {site.translations[0]}/team.md.")
    recorded = ts.recorded_hash(path.read_text(encoding="utf-8"))
    english = site.docs_dir / site.source / name
    if recorded is None:
        raise Refused(f"{_rel(project, path)} was never marked, so there is no version to compare with. Compare it "
                      f"with {_rel(project, english)}, then mark it: python scripts/translations.py mark {lang}/{name}")
    now = english.read_text(encoding="utf-8")
    if ts.text_hash(now) == recorded:
        return f"{_rel(project, english)} has not changed since {lang}/{name} was marked."
    then = _old_version(project, english, lambda text: ts.text_hash(text) == recorded)
    return _paragraph_diff(_rel(project, english), _paragraphs(then), _paragraphs(now))


def _diff_entry(project: Path, site: Site, dataset: ts.DataSet, lang: str, entry_id: str) -> str:
    folder = dataset.folder
    if not entry_id:
        raise Refused(f"Name the entry: {folder}/{lang}.yml#<id>.")
    english_path, _ = ts.data_paths(project, dataset, site.source)
    _, hashes_path = ts.data_paths(project, dataset, lang)
    english = dataset.read(english_path, site.source)
    if entry_id not in english:
        close = difflib.get_close_matches(entry_id, list(english), n=1)
        raise Refused(f"No entry '{entry_id}' in {folder}/{site.source}.yml." +
                      (f" Did you mean '{close[0]}'?" if close else ""))
    recorded = ts.read_hashes(hashes_path, dataset).get(entry_id)
    if recorded is None:
        raise Refused(f"Entry '{entry_id}' of {folder}/{lang}.yml was never marked, so there is no version "
                      f"to compare with. Once it is checked: python scripts/translations.py mark "
                      f"{folder}/{lang}.yml#{entry_id}")
    now = english[entry_id]
    if ts.entry_hash(now) == recorded:
        return f"Entry '{entry_id}' of {folder}/{site.source}.yml has not changed since it was marked."

    def entry_of(text: str):
        try:
            entries = dataset.parse(text, site.source, f"{folder}/{site.source}.yml")
        except ValueError:  # an old version the current checks refuse: not the one marked
            return None
        return entries.get(entry_id)

    def matches(text: str) -> bool:
        old = entry_of(text)
        return old is not None and ts.entry_hash(old) == recorded

    then = entry_of(_old_version(project, english_path, matches))
    return _paragraph_diff(f"{folder}/{site.source}.yml#{entry_id}", _fields(then), _fields(now))


def _old_version(project: Path, path: Path, matches) -> str:
    """The text of `path` at the newest Git commit where `matches(text)` holds."""
    import subprocess

    rel = _rel(project, path)
    log = subprocess.run(["git", "log", "--format=%H", "--", rel], cwd=project, capture_output=True, text=True)
    if log.returncode != 0:
        raise Refused(f"Git cannot show the history of {rel} ({log.stderr.strip()}); diff needs the repository's history.")
    for commit in log.stdout.split():
        shown = subprocess.run(["git", "show", f"{commit}:{rel}"], cwd=project, capture_output=True, text=True)
        if shown.returncode == 0 and matches(shown.stdout):
            return shown.stdout
    raise Refused(f"No committed version of {rel} is the one the translation was made from (it may have been "
                  f"marked from uncommitted changes). Compare the two files by hand, then mark it again.")


def _paragraphs(text: str) -> list[str]:
    body = ts.FRONT_MATTER.sub("", ts.normalize(text), count=1)
    return [" ".join(part.split()) for part in re.split(r"\n\s*\n", body) if part.strip()]


def _fields(entry, name: str = "") -> list[str]:
    """An entry's texts, one line each, named by where they are: 'short: ...', 'body 2: ...',
    'body 3 text: ...' (a paragraph with a condition)."""
    if isinstance(entry, dict):
        return [line for key, value in entry.items() for line in _fields(value, f"{name} {key}".strip())]
    if isinstance(entry, list):
        if all(not isinstance(item, dict | list) for item in entry):
            return [f"{name}: {', '.join(' '.join(str(item).split()) for item in entry)}"] if entry else []
        return [line for number, value in enumerate(entry, 1) for line in _fields(value, f"{name} {number}".strip())]
    return [f"{name}: {' '.join(str(entry).split())}"] if entry not in (None, "") else []


def _paragraph_diff(name: str, old: list[str], new: list[str]) -> str:
    lines = [f"What changed in {name} since the translation was marked:"]
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        what = {"replace": "Changed", "delete": "Removed", "insert": "Added"}[tag]
        lines.append(f"\n{what} (paragraph {j1 + 1 if tag != 'delete' else i1 + 1}):")
        lines += [f"- {paragraph}" for paragraph in old[i1:i2]]
        lines += [f"+ {paragraph}" for paragraph in new[j1:j2]]
    return "\n".join(lines)


def _rel(project: Path, path: Path) -> str:
    return path.resolve().relative_to(project.resolve()).as_posix()


def _diff(project: Path, args) -> int:
    print(diff(project, args.target))
    return 0


# -- new-language -------------------------------------------------------------------------

def language_code(code: str) -> str:
    """A language code as the site writes it: 'VI' is 'vi', 'pt_br' and 'pt-br' are 'pt-BR'."""
    language, _, region = code.replace("_", "-").partition("-")
    if not region:
        return language.lower()
    return f"{language.lower()}-{region.title() if len(region) == 4 else region.upper()}"


def new_language(project: Path, code: str, name: str | None = None, second_variant: bool = False) -> list[str]:
    """Add a language; returns what was done, line by line."""
    from mkdocs_static_i18n.config import RE_LOCALE

    site = Site(project)
    code = language_code(code)
    present = [site.source, *site.translations]
    if code in present:
        raise Refused(f"Language '{code}' is already in mkdocs.yml.")
    if not RE_LOCALE.match(code):
        raise Refused(
            f"'{code}' is not a code mkdocs-static-i18n accepts: it takes a two-letter language code (ISO 639-1), "
            f"with a region if needed, like 'ht', 'so' or 'pt-BR'. A language that has only a three-letter code "
            f"(Hmong: 'hmn') cannot be added until static-i18n accepts those; see TRANSLATING.md."
        )
    same = [other for other in present if other.split("-")[0] == code.split("-")[0]]
    if same and not second_variant:
        raise Refused(
            f"This site already has this language as '{same[0]}'. Two variants of one language give readers two "
            f"entries in the language switcher and translators two copies to keep up. {VARIANT_ADVICE.get(code, '')}"
            f"To add '{code}' as well anyway, run again with --second-variant."
        )
    name = name or NATIVE_NAMES.get(code, code)
    done = []
    if code not in material_languages():
        theme_strings = site.theme_strings_dir / f"{code}.html"
        if not theme_strings.exists():
            theme_strings.parent.mkdir(parents=True, exist_ok=True)
            theme_strings.write_text(_theme_strings_file(code, name), encoding="utf-8")
            done.append(f"{theme_strings.relative_to(project).as_posix()}: Material for MkDocs has no interface "
                        f"strings for '{code}', so this is a copy of its English ones to translate (menus, search)")
    config_text = site.config_path.read_text(encoding="utf-8")
    new_text = _add_to_config(config_text, code, name, site.sections)
    if code not in Site.languages_in(new_text):
        raise Refused("Could not add the language to mkdocs.yml: add it by hand under the i18n plugin's languages.")
    site.config_path.write_text(new_text, encoding="utf-8")
    done.append(f"mkdocs.yml: added {code} ({name}) to the i18n plugin's languages")

    folder = site.docs_dir / code
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ".gitkeep").touch()
    done.append(f"docs/{code}/: empty, so every page shows the English text with a notice until translated")

    english_glossary, _ = ts.glossary_paths(project, site.source)
    glossary, _ = ts.glossary_paths(project, code)
    if english_glossary.is_file() and not glossary.exists():
        header = (
            f"# Glossary, {name} ({code}): a copy of {site.source}.yml to translate. Translate term, match,\n"
            f"# short and long; never the ids. Until then readers see the English text.\n"
            f"# When an entry is translated: python scripts/translations.py mark {ts.GLOSSARY_DIR}/{code}.yml#<id>\n"
        )
        glossary.write_text(header + english_glossary.read_text(encoding="utf-8"), encoding="utf-8")
        done.append(f"{ts.GLOSSARY_DIR}/{code}.yml: a copy of the English glossary to translate")

    strings = site.strings_dir / f"{code}.html"
    if not strings.exists():
        strings.write_text(_strings_file(site, code, name), encoding="utf-8")
        done.append(f"{strings.relative_to(project).as_posix()}: the interface strings, in English, to translate")
    done += _add_brand_texts(project, code)
    done += _add_state_texts(project, site.source, code, name)
    return done


def _add_brand_texts(project: Path, code: str) -> list[str]:
    """brand.yml's `languages.<code>`: the organization's name, short name, tagline and
    copyright line, copied from the English to translate (the header of every page)."""
    from ruamel.yaml import YAML

    path = project / "brand.yml"
    if not path.is_file():
        return []
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    data = yaml.load(path.read_text(encoding="utf-8"))
    if data.get("languages") is None:
        data["languages"] = {}
    if code in data["languages"]:
        return []
    data["languages"][code] = {key: data[key] for key in ("name", "short_name", "tagline", "copyright") if key in data}
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    return [f"brand.yml: languages.{code} with the organization's name, short name, tagline and copyright line, "
            f"in English, to translate (they head every page)"]


# When two codes name variants of one language, which to choose.
VARIANT_ADVICE = {
    "pt": "Most Portuguese-speaking families in US schools speak Brazilian Portuguese: 'pt-BR' is usually the "
          "right code; 'pt' is European Portuguese. ",
    "pt-BR": "Most Portuguese-speaking families in US schools speak Brazilian Portuguese, so 'pt-BR' is usually "
             "the one to keep. ",
}
# Languages written right to left that Material has no strings for (it has ar, fa, he, ur).
RIGHT_TO_LEFT = {"ps", "sd", "ug", "yi", "dv", "ckb"}


def _theme_strings_file(code: str, name: str) -> str:
    """Material's interface strings for a language it does not ship: its English file to translate."""
    english = (_material() / MATERIAL_LANGUAGES / "en.html").read_text(encoding="utf-8")
    body = english[english.index("{% macro"):]
    body = body.replace('"language": "en"', f'"language": "{code}"', 1)
    body = body.replace('"direction": "ltr"', f'"direction": "{"rtl" if code in RIGHT_TO_LEFT else "ltr"}"', 1)
    # lunr has no support for this language: search with its basic settings, without English stop words.
    body = re.sub(r'"search\.config\.pipeline": "[^"]*"', '"search.config.pipeline": "trimmer"', body, count=1)
    return (
        f"{{#- Material for MkDocs' interface strings (menus, search, footer) in {name} ({code}), which Material\n"
        f"    does not ship: a copy of its English file, made by scripts/translations.py new-language.\n"
        f"    Translate the values, never the keys. Keep \"language\", \"direction\" and the three\n"
        f"    \"search.config\" keys as they are. A key missing here shows in English, and the build\n"
        f"    warns which (hooks/iep_guide/theme_strings.py). -#}}\n" + body
    )


def _add_state_texts(project: Path, source: str, code: str, name: str) -> list[str]:
    """data/states/text/<code>.yml as a copy of the English, and in every state profile a
    `<code>:` copy of each English text (a profile must give every language of the site)."""
    from ruamel.yaml import YAML

    done = []
    texts = project / states.TEXT_DIR
    english, target = texts / f"{source}.yml", texts / f"{code}.yml"
    if english.is_file() and not target.exists():
        header = (f"# The words that state each rule, in {name} ({code}): a copy of {source}.yml to translate.\n"
                  f"# Translate the texts, never the keys or the {{placeholders}}.\n")
        target.write_text(header + english.read_text(encoding="utf-8"), encoding="utf-8")
        done.append(f"{states.TEXT_DIR}/{code}.yml: the words of the state rules, in English, to translate")
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    changed = []
    for path in sorted((project / states.STATES_DIR).glob("*.yml")):
        data = yaml.load(path.read_text(encoding="utf-8"))
        texts_found = [data.get("name")] + [entry.get(field) for entry in (data.get("values") or {}).values()
                                             for field in ("value", "offered_by")]
        added = False
        for text in texts_found:
            if hasattr(text, "insert") and source in text and code not in text:
                text.insert(len(text), code, text[source])
                added = True
        if added:
            with path.open("w", encoding="utf-8") as handle:
                yaml.dump(data, handle)
            changed.append(path.name)
    if changed:
        done.append(f"{states.STATES_DIR}/: a {code} copy of each English text in {', '.join(changed)}, to translate")
    return done


def material_languages() -> list[str]:
    return sorted(path.stem for path in (_material() / MATERIAL_LANGUAGES).glob("*.html"))


def search_language(code: str) -> str:
    """The search language Material picks for a language (its own 'search.config.lang')."""
    text = (_material() / MATERIAL_LANGUAGES / f"{code}.html").read_text(encoding="utf-8")
    match = re.search(r'"search\.config\.lang":\s*"([^"]+)"', text)
    return match.group(1) if match else "en"


def lunr_languages() -> list[str]:
    found = [path.name.split(".")[1] for path in (_material() / MATERIAL_LUNR).glob("lunr.*.min.js")]
    return sorted({"en", *found} - {"multi", "stemmer"})


def _add_to_config(text: str, code: str, name: str, sections: list[str] | None = None) -> str:
    """mkdocs.yml's text with the language added at the end of the i18n plugin's list."""
    lines = text.splitlines(keepends=True)
    plugin = next((i for i, line in enumerate(lines) if re.match(r"^\s*-\s+i18n:\s*(#.*)?$", line)), None)
    if plugin is None:
        raise Refused("mkdocs.yml has no '- i18n:' plugin entry.")
    plugin_indent = _indent(lines[plugin])
    start = next(
        (i for i in range(plugin + 1, len(lines)) if re.match(r"^\s*languages:\s*(#.*)?$", lines[i])
         and _indent(lines[i]) > plugin_indent),
        None,
    )
    if start is None:
        raise Refused("mkdocs.yml's i18n plugin has no 'languages:' list.")
    key_indent = _indent(lines[start])
    last, item_indent = start, None
    for i in range(start + 1, len(lines)):
        stripped = lines[i].strip()
        if not stripped or stripped.startswith("#"):
            continue
        if _indent(lines[i]) <= key_indent and not (stripped.startswith("- ") and _indent(lines[i]) == key_indent):
            break
        if item_indent is None and stripped.startswith("- "):
            item_indent = _indent(lines[i])
        last = i
    pad = " " * (item_indent if item_indent is not None else key_indent + 2)
    newline = "\r\n" if lines[start].endswith("\r\n") else "\n"
    entry = [
        f"{pad}- locale: {code}{newline}",
        f"{pad}  name: {json.dumps(name, ensure_ascii=False)}{newline}",
        f"{pad}  build: true{newline}",
    ]
    if sections:
        entry.append(f"{pad}  nav_translations:  # the menu's sections, in English until translated (TRANSLATING.md){newline}")
        entry += [f"{pad}    {json.dumps(title, ensure_ascii=False)}: {json.dumps(title, ensure_ascii=False)}{newline}"
                  for title in sections]
    if not lines[last].endswith(("\n", "\r")):
        lines[last] += newline
    return "".join(lines[: last + 1] + entry + lines[last + 1:])


def _strings_file(site: Site, code: str, name: str) -> str:
    english = (site.strings_dir / f"{site.source}.html").read_text(encoding="utf-8")
    body = english[english.index("{% set strings"):] if "{% set strings" in english else english
    # The English file's notice says "not translated into English": say it for any language.
    body = re.sub(
        r'^(\s*"fallback\.notice":\s*)"[^"\n]*"',
        lambda m: m.group(1) + '"This page is not translated yet, so it is shown in English."',
        body, count=1, flags=re.M,
    )
    comment = (
        f"{{#- This site's interface strings in {name} ({code}), copied from {site.source}.html by\n"
        f"    scripts/translations.py new-language. Translate the values, never the keys. -#}}\n"
    )
    search = search_language(code) if code in material_languages() else "en"
    if code in material_languages() and search not in lunr_languages():
        comment += (
            f"{{#- Search: Material asks for lunr's '{search}' support, which lunr does not have, so this\n"
            f"    language searches with the basic settings below (no stemming). Keep these two keys. -#}}\n"
        )
        body = body.replace("{% set strings = {\n",
                            '{% set strings = {\n  "search.config.lang": "en",\n  "search.config.pipeline": "trimmer",\n', 1)
    return comment + body


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _material() -> Path:
    import material

    return Path(material.__file__).parent


def _new_language(project: Path, args) -> int:
    for line in new_language(project, args.code, args.name, args.second_variant):
        print(line)
    code = language_code(args.code)
    print(
        f"\nNext: build the site (NO_MKDOCS_2_WARNING=1 mkdocs build --strict), then translate pages into "
        f"docs/{code}/ and the strings file, and run 'python scripts/translations.py status'. "
        f"Optional: the organization's name in this language under 'languages:' in brand.yml."
    )
    return 0


# -- preview ------------------------------------------------------------------------------

def preview_plugins(project: Path, code: str) -> list:
    """mkdocs.yml's plugins with static-i18n set to build only `code`."""
    site = Site(project)
    if code not in [site.source, *site.translations]:
        raise Refused(f"'{code}' is not a language in mkdocs.yml: {', '.join([site.source, *site.translations])}.")
    plugins = []
    for item in site.config.get("plugins") or []:
        if isinstance(item, dict) and "i18n" in item:
            item = {"i18n": {**(item["i18n"] or {}), "build_only_locale": code}}
        plugins.append(item)
    return plugins


def _preview(project: Path, args) -> int:
    from mkdocs.commands import build, serve
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    plugins = preview_plugins(project, args.code)
    config_file = str(project / "mkdocs.yml")
    if args.build:
        config = load_config(config_file, site_dir=str(Path(args.build).resolve()), plugins=plugins, strict=False)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build.build(config)
        finally:
            config.plugins.on_shutdown()
    else:
        serve.serve(config_file, dev_addr=args.dev_addr, plugins=plugins, strict=False)
    return 0


# -- the project --------------------------------------------------------------------------

class Site:
    """What the tools need from mkdocs.yml."""

    def __init__(self, project: Path) -> None:
        from mkdocs.utils.yaml import yaml_load

        self.project = project
        self.config_path = project / "mkdocs.yml"
        if not self.config_path.is_file():
            raise Refused(f"No mkdocs.yml in '{project}'.")
        with self.config_path.open(encoding="utf-8") as handle:
            self.config = yaml_load(handle)
        self.docs_dir = project / self.config.get("docs_dir", "docs")
        theme = self.config.get("theme") or {}
        self.strings_dir = project / (theme.get("custom_dir") or "overrides") / STRINGS
        self.theme_strings_dir = project / (theme.get("custom_dir") or "overrides") / THEME_STRINGS
        languages = i18n_languages(self.config)
        defaults = [entry["locale"] for entry in languages if entry.get("default")]
        self.source = defaults[0] if defaults else languages[0]["locale"]
        self.translations = [entry["locale"] for entry in languages if entry["locale"] not in (self.source, "null")]
        self.sections = section_titles(self.config.get("nav") or [])
        self.nav_names = {entry["locale"]: dict(entry.get("nav_translations") or {}) for entry in languages}

    def menu_status(self, lang: str) -> dict[str, list[str]]:
        """The menu's section names in `lang`: translated, or missing (absent, or still the English)."""
        names = self.nav_names.get(lang, {})
        missing = [title for title in self.sections if names.get(title, title) == title]
        return {"current": [title for title in self.sections if title not in missing], "missing": missing}

    @staticmethod
    def languages_in(text: str) -> list[str]:
        from mkdocs.utils.yaml import yaml_load

        return [str(entry.get("locale")) for entry in i18n_languages(yaml_load(text))]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n".join(__doc__.splitlines()[1:]),
    )
    parser.add_argument("--project", default=str(ROOT), help="the project folder (default: this repository)")
    commands = parser.add_subparsers(dest="command", required=True)
    status_command = commands.add_parser("status", help="what is current, outdated, missing or orphan")
    status_command.add_argument("--json", action="store_true", help="print JSON")
    status_command.add_argument("--strict", action="store_true", help="exit 1 unless everything is current")
    status_command.add_argument("--lang", help="only this language")
    status_command.set_defaults(run=_status)
    mark_command = commands.add_parser("mark", help="mark pages or glossary entries as translated from the current English")
    mark_command.add_argument("targets", nargs="+", metavar="PATH",
                              help="es/page.md, data/glossary/es.yml or data/glossary/es.yml#id")
    mark_command.set_defaults(run=_mark)
    diff_command = commands.add_parser("diff", help="what changed in the English since a translation was marked")
    diff_command.add_argument("target", metavar="PATH", help="es/page.md or data/glossary/es.yml#id")
    diff_command.set_defaults(run=_diff)
    new_command = commands.add_parser("new-language", help="add a language")
    new_command.add_argument("code", help="a two-letter language code, like vi, ht or pt-BR")
    new_command.add_argument("--name", help="the language's name in the switcher (default: its own name for itself)")
    new_command.add_argument("--second-variant", action="store_true",
                             help="add it even though the site has another variant of the language (pt and pt-BR)")
    new_command.set_defaults(run=_new_language)
    preview_command = commands.add_parser("preview", help="serve one language only")
    preview_command.add_argument("code")
    preview_command.add_argument("--build", metavar="DIR", help="build into DIR instead of serving")
    preview_command.add_argument("--dev-addr", help="IP:PORT to serve on (default 127.0.0.1:8000)")
    preview_command.set_defaults(run=_preview)
    return parser


# The name each language has for itself, shown in the language switcher.
NATIVE_NAMES = {
    "af": "Afrikaans", "ar": "العربية", "az": "Azərbaycanca", "be": "Беларуская", "bg": "Български",
    "bn": "বাংলা", "ca": "Català", "cs": "Čeština", "cy": "Cymraeg", "da": "Dansk", "de": "Deutsch",
    "el": "Ελληνικά", "en": "English", "eo": "Esperanto", "es": "Español", "et": "Eesti", "eu": "Euskara",
    "fa": "فارسی", "fi": "Suomi", "fr": "Français", "gl": "Galego", "he": "עברית", "hi": "हिन्दी",
    "hr": "Hrvatski", "hu": "Magyar", "hy": "Հայերեն", "id": "Bahasa Indonesia", "is": "Íslenska",
    "it": "Italiano", "ja": "日本語", "ka": "ქართული", "kn": "ಕನ್ನಡ", "ko": "한국어", "ku-IQ": "کوردی",
    "lb": "Lëtzebuergesch", "lt": "Lietuvių", "lv": "Latviešu", "mk": "Македонски", "mn": "Монгол",
    "ms": "Bahasa Melayu", "my": "မြန်မာ", "nb": "Norsk bokmål", "nl": "Nederlands", "nn": "Norsk nynorsk",
    "pl": "Polski", "pt": "Português", "pt-BR": "Português (Brasil)", "ro": "Română", "ru": "Русский",
    "sa": "संस्कृतम्", "sh": "Srpskohrvatski", "si": "සිංහල", "sk": "Slovenčina", "sl": "Slovenščina",
    "sq": "Shqip", "sr": "Српски", "sv": "Svenska", "ta": "தமிழ்", "te": "తెలుగు", "th": "ไทย",
    "tl": "Tagalog", "tr": "Türkçe", "uk": "Українська", "ur": "اردو", "uz": "Oʻzbekcha", "vi": "Tiếng Việt",
    "zh": "简体中文", "zh-Hant": "繁體中文", "zh-TW": "繁體中文（台灣）",
}


if __name__ == "__main__":
    sys.exit(main())
