"""Sites for the benchmarks: many pages, many languages, a big glossary.

    from iep_tools.synthetic_site import Spec, make_site
    site = make_site(Path(tmp), Spec(pages=500, languages=2, terms=2000))
    site = make_site(Path(tmp), Spec(pages=300, source="guide"))  # the real guide, replicated
    site.full / "mkdocs.yml"    # the project's own configuration: hooks, overrides, data, brand
    site.plain / "mkdocs.yml"   # plain mkdocs-material + mkdocs-static-i18n, same content

Two sources of pages:
- "guide": the real guide's pages in English and Spanish (docs/), copied into folders
  `part-01/copy-001/`, `part-01/copy-002/`, ... (ten copies a part, so the navigation is a
  tree, as on a large guide) until each language has `pages` pages, with the real glossary,
  state profile and brand. What families read, at the size of a large guide.
- "synthetic": invented text, described below, with a glossary of `terms` entries and up
  to six languages.

Both configurations read the same pages: for "guide", plain Material reads a copy with the
state and brand variables written in (docs-filled/), so both render the same text. Pages are about 1,500 words: a title,
sections with explicit heading ids, lists, a table, links to other pages' headings, inline
and indented code, admonitions, a collapsible block, glossary terms (about 4 % of the words)
and a project variable. Pages sit in sections of ten (`topic-XX/part-YY/page-ZZZZ.md`), so
the navigation is a tree, as on a large guide. A few pages (one in 40) have no translation
and are shown through static-i18n's fallback. The same seed gives the same site.

"Plain" is the project's mkdocs.yml minus everything the project adds to Material: hooks,
theme overrides (only a one-line home.html that is Material's main page), extra CSS and
JavaScript, and plugins other than search and i18n. Theme features, Markdown extensions
and the i18n settings stay as they are.
Used by scripts/bench_build.py and scripts/page_weight.py.
"""

from __future__ import annotations

import posixpath
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from iep_tools.project import ROOT, copy_parts, dump_config, load_config

# Languages in the order a site with L languages uses them, with their display names.
LANGUAGES = {"en": "English", "es": "Español", "fr": "Français", "de": "Deutsch",
             "pt": "Português", "vi": "Tiếng Việt"}
# How each language spells the invented words (so terms differ between languages).
SPELLINGS = {"en": {}, "es": str.maketrans("aeiou", "áéíóú"), "fr": str.maketrans("aeo", "àéô"),
             "de": str.maketrans("aou", "äöü"), "pt": str.maketrans("ao", "ãõ"), "vi": str.maketrans("aeo", "ăêơ")}
PLAIN_PLUGINS = ("search", "i18n")
PAGES_PER_PART = 10
PARTS_PER_TOPIC = 10
UNTRANSLATED_EVERY = 40  # one page in 40 has no translation (fallback)
SECTIONS = 6
SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zu", "pra", "bel", "dor", "fin", "gal", "hur", "jex",
             "kil", "mon", "nup", "ost", "quar", "rin", "sul", "tov"]


GUIDE_LANGUAGES = ["en", "es"]
COPIES_PER_PART = 10
SOURCES = ("synthetic", "guide")


@dataclass(frozen=True)
class Spec:
    pages: int = 100  # topic pages per language (plus a home page and the glossary page)
    languages: int = 2
    terms: int = 50  # glossary entries per language
    words: int = 1500  # words per topic page, roughly
    seed: int = 20261127
    source: str = "synthetic"  # or "guide": the real guide's pages, replicated (languages and terms are its own)

    @property
    def langs(self) -> list[str]:
        if self.source == "guide":
            return GUIDE_LANGUAGES
        if not 1 <= self.languages <= len(LANGUAGES):
            raise ValueError(f"languages must be 1 to {len(LANGUAGES)}")
        return list(LANGUAGES)[: self.languages]

    def built_pages(self) -> int:
        """Pages MkDocs renders in all: every page in every language (fallbacks included)."""
        if self.source == "guide":
            return (guide_copies(self.pages) * len(_guide_pages()) + len(_guide_root_pages())) * len(self.langs)
        return (self.pages + 2) * self.languages


@dataclass(frozen=True)
class Site:
    spec: Spec
    root: Path
    docs: Path
    full: Path  # project folder with the project's configuration
    plain: Path  # project folder with plain Material's

    def config(self, variant: str) -> Path:
        """mkdocs.yml of a variant: 'full', 'plain', or 'full-without-glossary' (the project's
        configuration with empty glossaries, so no term is marked: written on first use)."""
        if variant in ("full", "plain"):
            return getattr(self, variant) / "mkdocs.yml"
        if variant != "full-without-glossary":
            raise ValueError(f"unknown variant {variant!r}: 'full', 'plain' or 'full-without-glossary'")
        folder = self.root / variant
        if not folder.exists():
            shutil.copytree(self.full, folder)
            for glossary in (folder / "data" / "glossary").glob("*.yml"):
                glossary.write_text("{}\n", encoding="utf-8")
        return folder / "mkdocs.yml"


# ---------------------------------------------------------------------------------------------
# Sites


def make_site(root: Path, spec: Spec, project: Path = ROOT) -> Site:
    """Write docs/, full/ and plain/ under `root` (which must not exist or be empty)."""
    if spec.source == "guide":
        return _guide_site(root, spec, project)
    root.mkdir(parents=True, exist_ok=True)
    rng = random.Random(spec.seed)
    glossary = make_glossary(rng, spec.terms)
    docs = root / "docs"
    write_docs(docs, spec, glossary, rng)
    full = _full_project(root / "full", spec, glossary, project)
    plain = _plain_project(root / "plain", spec, project)
    return Site(spec, root, docs, full, plain)


def plain_project(dest: Path, docs_dir: str, project: Path = ROOT, langs: list[str] | None = None) -> Path:
    """A folder with plain Material's mkdocs.yml for the pages in `docs_dir` (relative to it
    or absolute). Some of the guide's pages name a template of its own (home.html, card.html):
    plain Material's main page stands in for each, so plain Material can build the guide's
    own pages."""
    dest.mkdir(parents=True)
    settings = plain_config(load_config(project / "mkdocs.yml"))
    if langs is not None:
        settings = with_languages(settings, langs)
    settings.pop("nav", None)
    settings["docs_dir"] = docs_dir
    (dest / "theme").mkdir()
    for template in sorted((project / "overrides").glob("*.html")):
        if template.name not in ("main.html", "404.html"):
            (dest / "theme" / template.name).write_text('{% extends "main.html" %}\n', encoding="utf-8")
    settings["theme"] = {**settings["theme"], "custom_dir": "theme"}
    dump_config(settings, dest / "mkdocs.yml")
    return dest


def plain_config(settings: dict) -> dict:
    """The project's settings without what the project adds to mkdocs-material (`watch`: the
    project's own files, which a plain copy does not have)."""
    plain = {key: value for key, value in settings.items()
             if key not in ("hooks", "extra_css", "extra_javascript", "nav", "watch")}
    plain["theme"] = {key: value for key, value in settings["theme"].items() if key != "custom_dir"}
    plain["plugins"] = [plugin for plugin in settings.get("plugins", [])
                        if _plugin_name(plugin) in PLAIN_PLUGINS]
    plain["site_name"] = "Plain Material"
    return plain


def with_languages(settings: dict, langs: list[str], docs_dir: str | None = None) -> dict:
    """A copy of the settings that builds `langs` (the first is the default) from `docs_dir`."""
    settings = dict(settings)
    settings.pop("nav", None)
    if docs_dir is not None:
        settings["docs_dir"] = docs_dir
    plugins = []
    for plugin in settings.get("plugins", []):
        if _plugin_name(plugin) == "i18n":
            options = dict(plugin["i18n"])
            known = {item["locale"]: item for item in options.get("languages", [])}
            options["languages"] = [
                {**known.get(lang, {}), "locale": lang, "name": LANGUAGES[lang],
                 "default": index == 0, "build": True}
                for index, lang in enumerate(langs)
            ]
            plugin = {"i18n": options}
        plugins.append(plugin)
    settings["plugins"] = plugins
    return settings


def _full_project(dest: Path, spec: Spec, glossary: list[dict], project: Path) -> Path:
    copy_parts(dest, project=project)
    settings = with_languages(load_config(dest / "mkdocs.yml"), spec.langs, "../docs")
    dump_config(settings, dest / "mkdocs.yml")
    strings = dest / "overrides" / "partials" / "strings"
    for lang in spec.langs:  # interface strings: English stands in for untranslated languages
        if not (strings / f"{lang}.html").exists():
            shutil.copyfile(strings / "en.html", strings / f"{lang}.html")
    write_glossary(dest / "data" / "glossary", glossary, spec.langs)
    return dest


def _plain_project(dest: Path, spec: Spec, project: Path) -> Path:
    return plain_project(dest, "../docs", project, spec.langs)


def _plugin_name(plugin) -> str:
    return plugin if isinstance(plugin, str) else next(iter(plugin))


def guide_copies(pages: int) -> int:
    """How many copies of the guide's pages make `pages` pages per language."""
    return max(1, -(-(pages - len(_guide_root_pages())) // len(_guide_pages())))


def _guide_site(root: Path, spec: Spec, project: Path) -> Site:
    """The real guide: its own root pages, then copies of its topic pages (and home page) in
    part-NN/copy-NNN/ ... so that relative links within a copy still work."""
    root.mkdir(parents=True, exist_ok=True)
    docs = root / "docs"
    for lang in GUIDE_LANGUAGES:
        source = project / "docs" / lang
        shutil.copytree(source, docs / lang)
        for number in range(guide_copies(spec.pages)):
            folder = docs / lang / f"part-{number // COPIES_PER_PART + 1:02d}" / f"copy-{number + 1:03d}"
            folder.mkdir(parents=True)
            for name in _guide_pages(project):
                text = (source / name).read_text(encoding="utf-8")
                (folder / name).write_text(text.replace("(glossary.md", "(../../glossary.md"), encoding="utf-8")
    full = copy_parts(root / "full", project=project)
    settings = load_config(full / "mkdocs.yml")
    settings.pop("nav", None)
    settings["docs_dir"] = "../docs"
    dump_config(settings, full / "mkdocs.yml")
    _write_filled(docs, root / "docs-filled", project)
    plain = plain_project(root / "plain", "../docs-filled", project)
    return Site(spec, root, docs, full, plain)


def _write_filled(docs: Path, dest: Path, project: Path) -> None:
    """The guide's pages with each `{{ state.* }}` and `{{ brand.* }}` written in, as the
    full build fills them (federal profile, the project's brand): plain Material then
    renders the same text, so the ratio measures the project's work, not the extra words."""
    from iep_guide import brand, states, variables

    profile = states.load("federal", project, list(GUIDE_LANGUAGES))
    organization = brand.load(project / "brand.yml", list(GUIDE_LANGUAGES))
    for path in sorted(docs.rglob("*.md")):
        lang = path.relative_to(docs).parts[0]
        values = variables.brand_values(organization, lang)

        def value(match: re.Match, lang: str = lang, values: dict = values) -> str:
            return variables.lookup(match.group(1), profile, lang, values) or ""

        text = variables.VARIABLE.sub(value, path.read_text(encoding="utf-8"))
        (dest / path.relative_to(docs)).parent.mkdir(parents=True, exist_ok=True)
        (dest / path.relative_to(docs)).write_text(text, encoding="utf-8")


def _guide_root_pages(project: Path = ROOT) -> list[str]:
    return sorted(path.name for path in (project / "docs" / "en").glob("*.md"))


def _guide_pages(project: Path = ROOT) -> list[str]:
    """The pages each copy has: all but the glossary page (there is one glossary)."""
    return [name for name in _guide_root_pages(project) if name != "glossary.md"]


# ---------------------------------------------------------------------------------------------
# Glossary


def make_glossary(rng: random.Random, count: int) -> list[dict]:
    """Entries with a two-word term, its plural and an acronym; every form unique."""
    entries: list[dict] = []
    used: set[str] = set()
    while len(entries) < count:
        words = [_word(rng) for _ in range(2)]
        term = " ".join(words)
        acronym = "".join(w[0] for w in words).upper() + _word(rng)[:2].upper()
        forms = [term, term + "s", acronym]
        if used.intersection(f.lower() for f in forms):
            continue
        used.update(f.lower() for f in forms)
        entries.append({"id": f"term-{len(entries):04d}", "forms": forms})
    return entries


def term_forms(entry: dict, lang: str) -> list[str]:
    """The entry's forms as the language writes them (acronyms stay the same)."""
    return [form if form.isupper() else form.translate(SPELLINGS[lang]) for form in entry["forms"]]


def write_glossary(folder: Path, glossary: list[dict], langs: list[str]) -> None:
    """data/glossary/<lang>.yml in the project's format (term, match, short)."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.yml"):
        old.unlink()
    for lang in langs:
        data = {}
        for entry in glossary:
            term, *others = term_forms(entry, lang)
            data[entry["id"]] = {"term": term, "match": others, "short": f"What {term} means, in one sentence."}
        (folder / f"{lang}.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Pages


def page_paths(count: int) -> list[str]:
    """docs-relative paths of the topic pages (the same in every language)."""
    paths = []
    for number in range(count):
        part, topic = number // PAGES_PER_PART, number // (PAGES_PER_PART * PARTS_PER_TOPIC)
        paths.append(f"topic-{topic:02d}/part-{part % PARTS_PER_TOPIC:02d}/page-{number:04d}.md")
    return paths


def write_docs(docs: Path, spec: Spec, glossary: list[dict], rng: random.Random) -> None:
    paths = page_paths(spec.pages)
    vocabulary = [_word(rng) for _ in range(600)]
    for index, lang in enumerate(spec.langs):
        folder = docs / lang
        folder.mkdir(parents=True)
        (folder / "index.md").write_text(_home(paths, lang), encoding="utf-8")
        (folder / "glossary.md").write_text(f"# Glossary ({lang})\n\nEvery word this guide uses.\n", encoding="utf-8")
        for number, path in enumerate(paths):
            if index > 0 and number % UNTRANSLATED_EVERY == UNTRANSLATED_EVERY - 1:
                continue  # shown through the fallback to the default language
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(_page(rng, number, path, paths, glossary, vocabulary, spec.words, lang), encoding="utf-8")


def _home(paths: list[str], lang: str) -> str:
    links = "\n".join(f"- [Topic {number}]({path})" for number, path in enumerate(paths[:: PAGES_PER_PART]))
    return (
        "---\ndescription: The synthetic guide's home page.\n---\n\n"
        f"# {{{{ brand.name }}}} ({lang})\n\n**{{{{ brand.tagline }}}}.**\n\n"
        "This synthetic guide stands in for a large one. Start with a topic:\n\n"
        f"{links}\n\nSee also the [glossary](glossary.md).\n"
    )


def _page(rng, number: int, path: str, paths: list[str], glossary: list[dict], vocabulary: list[str],
          words: int, lang: str) -> str:
    title = " ".join(rng.choice(vocabulary) for _ in range(3)).capitalize()
    out = [f"# {title} {number}\n"]
    out.append(f"This page is part of {{{{ brand.name }}}}. {_sentence(rng, vocabulary, glossary, lang)}\n")
    per_section = max(words * 4 // (SECTIONS * 5), 40)  # lists, tables and the rest add a fifth
    extras = ["list", "table", "admonition", "code", "details", "list"]
    rng.shuffle(extras)
    for section in range(1, SECTIONS + 1):
        out.append(f"## {' '.join(rng.choice(vocabulary) for _ in range(2)).capitalize()} {{ #section-{section} }}\n")
        count = 0
        while count < per_section:
            sentences = [_sentence(rng, vocabulary, glossary, lang) for _ in range(rng.randint(2, 4))]
            if rng.random() < 0.35:
                other = rng.choice(paths)
                href = posixpath.relpath(other, posixpath.dirname(path) or ".")
                sentences.append(f"Read [more about {rng.choice(vocabulary)}]({href}#section-{rng.randint(1, SECTIONS)}).")
            paragraph = " ".join(sentences)
            count += paragraph.count(" ") + 1
            out.append(paragraph + "\n")
        if section % 3 == 0:
            out.append(f"### {rng.choice(vocabulary).capitalize()} details {{ #section-{section}-details }}\n")
            out.append(_sentence(rng, vocabulary, glossary, lang) + "\n")
        out.append(_extra(extras[section - 1], rng, vocabulary, glossary, lang))
    return "\n".join(out)


def _extra(kind: str, rng, vocabulary, glossary, lang) -> str:
    if kind == "list":
        return "\n".join(f"- {_sentence(rng, vocabulary, glossary, lang, 5, 12)}" for _ in range(5)) + "\n"
    if kind == "table":
        rows = ["| Step | Who | When |", "| --- | --- | --- |"]
        rows += [f"| {rng.choice(vocabulary)} | {rng.choice(vocabulary)} | {rng.randint(1, 60)} days |" for _ in range(4)]
        return "\n".join(rows) + "\n"
    if kind == "admonition":
        return f'!!! note "{rng.choice(vocabulary).capitalize()}"\n\n    {_sentence(rng, vocabulary, glossary, lang)}\n'
    if kind == "code":
        return "Example:\n\n" + "\n".join(f"    {rng.choice(vocabulary)} = {rng.randint(0, 99)}" for _ in range(4)) + "\n"
    return f'??? tip "{rng.choice(vocabulary).capitalize()}"\n\n    {_sentence(rng, vocabulary, glossary, lang)}\n'


def _sentence(rng, vocabulary, glossary, lang, low: int = 8, high: int = 20) -> str:
    words = []
    for _ in range(rng.randint(low, high)):
        if glossary and rng.random() < 0.04:
            words.append(rng.choice(term_forms(rng.choice(glossary), lang)))
        else:
            words.append(rng.choice(vocabulary).translate(SPELLINGS[lang]))
    if rng.random() < 0.1:
        words.insert(rng.randrange(len(words)), f"`{rng.choice(vocabulary)}`")
    if rng.random() < 0.1:
        words.insert(rng.randrange(len(words)), f"**{rng.choice(vocabulary)}**")
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))


if __name__ == "__main__":  # write one site to look at: python scripts/synthetic_site.py DEST [pages langs terms]
    import sys

    pages, languages, terms = ([int(arg) for arg in sys.argv[2:5]] + [2, 50])[:3]
    made = make_site(Path(sys.argv[1]), Spec(pages=pages, languages=languages, terms=terms))
    print(f"docs: {made.docs}\nfull: {made.config('full')}\nplain: {made.config('plain')}")
