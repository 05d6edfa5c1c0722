"""Glossary: link the first mention of each term to its entry, with a tooltip definition.

- data/glossary/<lang>.yml holds the entries (glossary_data.py loads and checks them).
- The page `glossary.md` gets its entries generated from the file of the language being built
  (after Markdown; their ids are registered for MkDocs' anchor validation).
- In every other page, terms in the rendered HTML are wrapped in a link to the glossary page
  of the reader's language (glossary_match.py), once per term (or every time with
  `extra: glossary: every_occurrence: true`; a page opts out with `glossary: false` in its
  front matter). A page shown in Spanish but written in English (fallback) matches the
  English forms and links to the Spanish entries.
- Terms are marked, and their short definitions added, after the search plugin has indexed
  the page: the search index and the table of contents never hold glossary markup. Every
  page's terms are found beside the build, in a second process where there can be one
  (build_worker.py), from the moment all pages are converted from Markdown (on_env).
HTML comes from overrides/partials/glossary-*.html.
"""

from __future__ import annotations

import copy
import logging
from pathlib import Path

from lxml import html as lxml_html
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

import build_worker
import glossary_data
import glossary_match
from i18n_context import build_language, default_language, languages

log = logging.getLogger("mkdocs.hooks.glossary")

GLOSSARY_PAGE = "glossary.md"
_ID = "glossary-entry-id"  # stands for the entry id in the rendered link template
_BATCH = 16  # pages per job sent to the worker


class _Settings(base.Config):
    every_occurrence = c.Type(bool, default=False)


class _Links:
    """The term link of partials/glossary-link.html, rendered once with a stand-in id: each
    marked term gets a copy, with the entry's id put in its attributes."""

    def __init__(self, template) -> None:
        self.template = template
        # By entry id: the attributes that hold the id, as they are for that entry (dicts
        # of strings, which the garbage collector stops tracking).
        self.by_id: dict[str, dict[str, str]] = {}

    def make(self, entry_id: str, text: str, base_url: str):
        attributes = self.by_id.get(entry_id)
        if attributes is None:
            attributes = {name: value.replace(_ID, entry_id)
                          for name, value in self.template.attrib.items() if _ID in value}
            self.by_id[entry_id] = attributes
        link = copy.deepcopy(self.template)
        for name, value in attributes.items():
            link.set(name, value)
        link.set("href", base_url + link.get("href", ""))
        link.text = text
        return link


class _State:
    def __init__(self) -> None:
        self.glossaries: dict[str, glossary_data.Glossary] = {}
        self.matchers: dict[str, glossary_match.Matcher] = {}  # by the language of the text
        self.links: dict[str, _Links] = {}  # by language
        self.tips: dict[tuple[str, str], str] = {}  # (language, entry id) -> its tooltip
        self.env = None  # the theme's Jinja environment, made when first needed
        self.glossary_file = None  # glossary.md of the language being built, if any
        self.marking: dict[str, tuple] = {}  # src_uri -> (job, index in it, HTML sent), until on_page_context


_settings = _Settings()
_state = _State()


def on_config(config: MkDocsConfig) -> None:
    global _settings
    settings = _Settings()
    settings.load_dict(dict(config.extra.get("glossary") or {}))
    failed, warnings = settings.validate()
    problems = [f"'{key}': {error}" for key, error in failed + warnings]
    if problems:
        raise PluginError(f"Config value 'extra.glossary': {'; '.join(problems)}")
    _settings = settings


def on_pre_build(*, config: MkDocsConfig) -> None:
    """Load the files once per `mkdocs build` (in the default language's run); reset the rest."""
    if build_language(config) == default_language(config) or not _state.glossaries:
        try:
            glossaries = glossary_data.load_all(Path(config.config_file_path).parent, languages(config))
        except glossary_data.GlossaryError as error:
            raise PluginError(str(error)) from None
        _state.glossaries = glossaries
        _state.matchers = {}
        for message in glossary_data.missing_ids(glossaries):
            log.warning(message)
    _state.links, _state.tips, _state.env = {}, {}, None


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> None:
    _state.glossary_file = files.get_file_from_path(GLOSSARY_PAGE)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """The glossary page gets its entries (before the search plugin indexes it)."""
    if _state.glossary_file is None or page.file.src_uri != _state.glossary_file.src_uri:
        return None
    return html + _entries(_state.glossaries[build_language(config)], page, config)


@event_priority(-50)  # after the other hooks' on_env: every page's HTML is final
def on_env(env, *, config: MkDocsConfig, files: Files) -> None:
    """Every page's terms are found beside the build (build_worker.py), in batches; the
    results are taken in on_page_context."""
    _state.marking = {}
    if _state.glossary_file is None:
        return None
    lang = build_language(config)
    pages = [file.page for file in files.documentation_pages()
             if file.page is not None and file.page.content and file.page.meta.get("glossary") is not False]
    items = [_item(page, lang) for page in pages]
    for _, _, source_lang in items:  # what the jobs use, loaded before the worker starts
        _matcher(source_lang)
    _links(config, lang)
    build_worker.restart()
    for start in range(0, len(items), _BATCH):
        job = build_worker.submit("glossary", lang, items[start:start + _BATCH])
        for index, page in enumerate(pages[start:start + _BATCH]):
            _state.marking[page.file.src_uri] = (job, index, page.content)
    return None


@event_priority(-50)  # after the search plugin has indexed page.content (priority 0)
def on_page_context(context, *, page: Page, config: MkDocsConfig, nav: Navigation) -> None:
    found = _state.marking.pop(page.file.src_uri, None)
    if found is None:
        return None
    job, index, sent = found
    lang = build_language(config)
    if page.content == sent:
        marked = job.result()[index]
    else:  # changed by another hook since on_env: marked here
        marked = _mark_pages(lang, [_item(page, lang)])[0]
    if marked is None:
        return None
    html, used = marked
    page.content = f"{html}\n{_tips(config, _state.glossaries[lang], used)}\n"
    return None


def _mark_pages(lang: str, items: list[tuple[str, str, str]]) -> list[tuple[str, list[str]] | None]:
    """Link the terms of pages shown in `lang`: for each (HTML, URL of the glossary page
    from it, language it is written in), (HTML, ids linked) or None when there are none.
    A job of build_worker.py: it uses only state loaded before the worker started."""
    glossary, links = _state.glossaries[lang], _state.links[lang]
    results = []
    for html, base_url, source_lang in items:
        results.append(glossary_match.mark_html(
            html, _state.matchers[source_lang], lambda entry_id, text: links.make(entry_id, text, base_url),
            every=_settings.every_occurrence, allowed=glossary.entries,
        ))
    return results


def _item(page: Page, lang: str) -> tuple[str, str, str]:
    """What _mark_pages needs of a page shown in `lang`: its HTML, the glossary page's URL
    from it, and the language it is written in (English on a fallback page)."""
    source_lang = getattr(page.file, "locale", None) or lang
    return page.content, _state.glossary_file.url_relative_to(page.file), source_lang


def _entries(glossary: glossary_data.Glossary, page: Page, config: MkDocsConfig) -> str:
    """The glossary page's entries. Added after Markdown, so their ids are registered by hand
    for MkDocs' anchor validation (links to glossary.md#fape)."""
    groups = _groups(glossary)
    if page.present_anchor_ids is not None:
        page.present_anchor_ids.update(glossary.entries)
        page.present_anchor_ids.update(group["anchor"] for group in groups)
    return _template(config, "partials/glossary-page.html").render(groups=groups, lang=glossary.lang)


def _matcher(lang: str) -> glossary_match.Matcher:
    """The automaton of one language's match forms, built once per build."""
    if lang not in _state.matchers:
        glossary = _state.glossaries.get(lang)
        forms = [] if glossary is None else [
            (form, entry.id) for entry in glossary.entries.values() for form in entry.forms
        ]
        _state.matchers[lang] = glossary_match.Matcher(forms)
    return _state.matchers[lang]


def _links(config: MkDocsConfig, lang: str) -> _Links:
    if lang not in _state.links:
        entry = glossary_data.Entry(_ID, _ID, (_ID,), "", None, 0)
        markup = _template(config, "partials/glossary-link.html").render(entry=entry, lang=lang)
        _state.links[lang] = _Links(lxml_html.fragment_fromstring(markup.strip(), parser=glossary_match.PARSER))
    return _state.links[lang]


def _tips(config: MkDocsConfig, glossary: glossary_data.Glossary, used: list[str]) -> str:
    """The tooltips of the entries linked on a page; each entry's is rendered once."""
    template = _template(config, "partials/glossary-tips.html")
    tips = []
    for entry_id in used:
        key = (glossary.lang, entry_id)
        if key not in _state.tips:
            _state.tips[key] = template.module.tip(glossary.entries[entry_id], glossary.lang)
        tips.append(_state.tips[key])
    return template.render(tips=tips).strip()


def _template(config: MkDocsConfig, name: str):
    if _state.env is None:
        _state.env = config.theme.get_env()
    return _state.env.get_template(name)


def _groups(glossary: glossary_data.Glossary) -> list[dict]:
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


build_worker.register("glossary", _mark_pages)
