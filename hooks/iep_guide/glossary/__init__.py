"""Glossary: link the first mention of each term to its entry, with a short definition.

- data/glossary/<lang>.yml holds the entries (data.py loads and checks them).
- The page `glossary.md` gets its entries from the file of the language being built, after
  Markdown; their ids are registered for MkDocs' anchor validation.
- In every other page, terms are linked while Markdown builds the page (mark.py), to the
  glossary page of the reader's language, once per term (every time with the option
  `glossary.every_occurrence`); a page opts out with `glossary: false` in its front matter.
  A page shown in Spanish but written in English (fallback) matches the English forms and
  links to the Spanish entries.
- Each page's definitions are added after the search plugin has indexed the page, so the
  search index never holds them. HTML comes from overrides/partials/glossary-*.html.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import replace

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .. import static_i18n, variables
from ..state import BuildState
from . import data
from .data import Entry
from .mark import GlossaryExtension, PageTerms
from .match import Matcher

PAGE = "glossary.md"
_ID = "glossary-entry-id"  # stands for the entry id in the rendered link template


def load(state: BuildState) -> list[str]:
    """Read every language's glossary (once per build), its variables filled in for the
    state profile in use; returns the warnings to log."""
    glossaries = data.load_all(state.root, state.languages)
    default = glossaries.get(state.default_language)
    if default is not None:
        glossaries = {lang: _copies_marked(glossary, default) for lang, glossary in glossaries.items()}
    state.glossaries = {lang: _filled(glossary, state) for lang, glossary in glossaries.items()}
    return data.missing_ids(state.glossaries)


def _copies_marked(glossary: data.Glossary, default: data.Glossary) -> data.Glossary:
    """Entries of another language still word for word the default language's (a new
    language's copy, not translated yet) say so, so pages give their text that language."""
    if glossary.lang == default.lang:
        return glossary
    entries = {}
    for entry_id, entry in glossary.entries.items():
        source = default.entries.get(entry_id)
        same = source is not None and (entry.term, entry.short, entry.long) == (source.term, source.short, source.long)
        entries[entry_id] = replace(entry, lang=default.lang) if same else entry
    return replace(glossary, entries=entries)


def _filled(glossary: data.Glossary, state: BuildState) -> data.Glossary:
    """The glossary with `{{ state.* }}` and `{{ brand.* }}` replaced in its definitions."""
    def where(entry: Entry) -> str:
        return f"Glossary file '{glossary.path}' line {entry.line}, entry '{entry.id}'"

    entries = {}
    for entry_id, entry in glossary.entries.items():
        at = _at(where(entry))
        short = variables.fill(entry.short, state, glossary.lang, at)
        long = variables.fill(entry.long, state, glossary.lang, at) if entry.long else None
        entries[entry_id] = replace(entry, short=short, long=long)
    return replace(glossary, entries=entries)


def _at(where: str) -> Callable[[int], str]:
    return lambda _offset: where


def start_language(state: BuildState, config: MkDocsConfig, files: Files) -> None:
    language = state.current
    language.glossary_file = files.get_file_from_path(PAGE)
    if state.hook_templates is None:  # the theme's templates, for what the hooks render
        state.hook_templates = config.theme.get_env()
    markup = _template(state, "partials/glossary-link.html").render(
        entry=Entry(_ID, _ID, (_ID,), "", None, 0, {}), lang=language.lang)
    language.glossary_link = ET.fromstring(markup.strip())


def start_page(state: BuildState, extension: GlossaryExtension, page: Page, config: MkDocsConfig) -> None:
    """Before the page's Markdown is rendered: tell the extension how to mark it."""
    language = state.current
    glossary_file = language.glossary_file
    if glossary_file is None or page.meta.get("glossary") is False:
        extension.page = None
        return
    base_url = glossary_file.url_relative_to(page.file)
    template = language.glossary_link

    def make_link(entry_id: str, text: str) -> ET.Element:
        link = ET.Element(template.tag, {name: value.replace(_ID, entry_id) for name, value in template.attrib.items()})
        link.set("href", base_url + link.get("href", ""))
        link.text = text
        return link

    extension.page = PageTerms(
        matcher=matcher(state, static_i18n.source_language(page.file, config)),
        make_link=make_link,
        allowed=state.glossaries[language.lang].entries,
        every=state.options.glossary.every_occurrence,
    )


def finish_page(state: BuildState, extension: GlossaryExtension, page: Page) -> None:
    """After the page's Markdown is rendered: keep the ids it links until its tooltips are added."""
    if extension.page is not None and extension.page.used:
        state.current.glossary_used[page.file.src_uri] = extension.page.used
    extension.page = None


def page_entries(state: BuildState, html: str, page: Page) -> str | None:
    """The glossary page with its entries; None for any other page."""
    glossary_file = state.current.glossary_file
    if glossary_file is None or page.file.src_uri != glossary_file.src_uri:
        return None
    glossary = state.glossaries[state.current.lang]
    groups = _groups(glossary)
    if page.present_anchor_ids is not None:  # added after Markdown: registered for MkDocs' anchor check
        page.present_anchor_ids.update(glossary.entries)
        page.present_anchor_ids.update(group["anchor"] for group in groups)
    return html + _template(state, "partials/glossary-page.html").render(groups=groups, lang=glossary.lang)


def add_tips(state: BuildState, page: Page) -> None:
    """The definitions of the terms linked on the page, after the search plugin indexed it."""
    used = state.current.glossary_used.pop(page.file.src_uri, None)
    if not used:
        return
    glossary = state.glossaries[state.current.lang]
    template = _template(state, "partials/glossary-tips.html")
    rendered = state.current.glossary_tips
    for entry_id in used:
        if entry_id not in rendered:
            rendered[entry_id] = template.module.tip(glossary.entries[entry_id], glossary.lang)
    tips = template.render(tips=[rendered[entry_id] for entry_id in used]).strip()
    page.content = f"{page.content}\n{tips}\n"


def matcher(state: BuildState, lang: str) -> Matcher:
    """The automaton of one language's match forms, built once per build."""
    if lang not in state.matchers:
        glossary = state.glossaries.get(lang)
        forms = [] if glossary is None else [
            (form, entry.id) for entry in glossary.entries.values() for form in entry.forms
        ]
        state.matchers[lang] = Matcher(forms)
    return state.matchers[lang]


def _template(state: BuildState, name: str):
    return state.hook_templates.get_template(name)


def _groups(glossary: data.Glossary) -> list[dict]:
    """Entries grouped under their first letter, in the language's alphabetical order."""
    groups: list[dict] = []
    for letter, entry in glossary.sorted_entries():
        if not groups or groups[-1]["letter"] != letter:
            groups.append({"letter": letter, "anchor": _letter_anchor(letter), "entries": []})
        groups[-1]["entries"].append(entry)
    return groups


def _letter_anchor(letter: str) -> str:
    if letter == "#":
        return "letter-digits"
    name = letter.lower()
    return f"letter-{name}" if name.isascii() else f"letter-u{ord(letter):04x}"
