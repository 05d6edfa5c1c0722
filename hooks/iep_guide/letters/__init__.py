"""Letters to the school and the meeting statement: forms that fill a letter in the browser.

- data/letters/<lang>.yml holds the texts (data.py loads and checks them); a language
  without a file, or a letter not translated yet, is shown in English.
- A page asks for a tool with a line of its own: `{{ letters.details }}` (the details every
  letter uses, asked once), `{{ letters.<letter id> }}`, or `{{ letters.planner }}` (the
  "My child and my concerns" statement). Before the page's variables are filled in, the
  line is replaced with an empty slot, and the tool's HTML (overrides/partials/letters.html,
  rendered once per language) goes into the slot once the page is written (`fill`). So
  Markdown, the glossary and Material's search never read the forms: the explanations
  around them, in the page's own Markdown, get their tooltips and are found as usual.
- The first tool of a page brings letters.css and letters.js (only these pages load them)
  and the interface strings letters.js needs.
- checklist.py turns a page's "☐" checklist items into real checkboxes.
Nothing here sends or keeps what a family types: letters.js fills the letter on the device.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .. import datafile, static_i18n, translations, variables
from ..state import BuildState
from . import data, render

log = logging.getLogger("mkdocs.hooks.letters")

TEMPLATE = "partials/letters.html"
ASSETS = {"css": "assets/stylesheets/letters.css", "js": "assets/javascripts/letters.js"}
PLACEHOLDER = re.compile(r"^[ \t]*\{\{\s*letters\.(\w+)\s*\}\}[ \t]*$", re.M)
SLOT = '<div data-iep-slot="{}"></div>'
SLOTS = re.compile(r'<div data-iep-slot="(\d+)"></div>')
TOOLS = ("details", "planner")  # besides the letters
MESSAGES = ("copied", "copy_failed", "downloaded", "missing", "kept", "not_kept", "erased", "storage_failed", "file")


@dataclass
class Loaded:
    files: dict[str, data.Letters]  # language -> its letters (the English ones until it has a file)
    outdated: dict[str, set[str]] = field(default_factory=dict)  # language -> letter ids whose English changed


def load(state: BuildState) -> None:
    """Read every language's letters (once per build); a problem is a DataError."""
    files = data.load_all(state.root, state.languages)
    source = state.languages[0]
    english = files[source]
    outdated: dict[str, set[str]] = {}
    for lang, letters in files.items():
        if lang == source or letters is english:
            continue
        _, records = translations.data_paths(state.root, translations.LETTERS, lang)
        hashes = translations.read_hashes(records, translations.LETTERS)
        outdated[lang] = {key for key in [*letters.letters, "planner"]
                          if (entry := english.entries.get(f"letters.{key}" if key != "planner" else key)) is not None
                          and hashes.get(f"letters.{key}" if key != "planner" else key) != translations.entry_hash(entry)}
    state.letters = Loaded(files, outdated)


def insert(state: BuildState, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The page's Markdown with each `{{ letters.* }}` line replaced by its tool."""
    if "letters." not in markdown or not PLACEHOLDER.search(markdown):
        return markdown
    loaded: Loaded = state.letters
    lang = state.current.lang
    first_line = variables.body_line(page.file.content_string)
    env = state.hook_templates or config.theme.get_env()
    state.hook_templates = env
    template: Any = env.get_template(TEMPLATE)  # its macros, as template.module.<name>
    strings = env.get_template("partials/language.html").make_module({"config": config})
    site = loaded.files[lang]
    school = loaded.files[state.default_language]
    names = static_i18n.language_names(config)
    known = [*TOOLS, *school.letters]
    rendered = state.current.letters
    started = False

    def fill(text: str, where: str) -> str:
        return variables.fill(text, state, lang, lambda _offset: where)

    def replace(match: re.Match) -> str:
        nonlocal started
        name = match.group(1)
        if name not in known:
            line = first_line + markdown.count("\n", 0, match.start())
            log.warning(f"Doc file '{page.file.src_uri}' line {line} uses '{{{{ letters.{name} }}}}', which is not a "
                        f"letter or tool.{datafile.did_you_mean(name, known)} Known: {', '.join(known)}.")
            return ""
        markup = rendered.get(name)
        if markup is None:  # the same on every page of the language: rendered once
            context = {"lang": strings, "texts": site.texts, "site_lang": lang, "school_lang": state.default_language,
                       "language_names": names, "outdated": False}
            if name == "details":
                markup = str(template.module.details(render.shared_controls(site), context))
            else:
                tool = render.tool(name, site, school, state.profile, fill, name in loaded.outdated.get(lang, ()))
                markup = str(template.module.tool(tool, context))
            rendered[name] = markup
        if not started:
            started = True
            markup = str(_assets(template, page, files, strings, lang)) + markup
        slots.append(_one_line(markup))
        return SLOT.format(len(slots) - 1)

    slots: list[str] = []
    markdown = PLACEHOLDER.sub(replace, markdown)
    if slots:
        state.current.letter_slots[page.file.src_uri] = slots
    return markdown


def fill(state: BuildState, output: str, src_uri: str) -> str:
    """The written page with its tools in their slots."""
    slots = state.current.letter_slots.pop(src_uri, None)
    if not slots:
        return output
    return SLOTS.sub(lambda match: slots[int(match.group(1))], output)


def _assets(template, page: Page, files: Files, strings, lang: str) -> Markup:
    """The tool's stylesheet and script, and the words letters.js says, once per page."""
    urls = {}
    for key, path in ASSETS.items():
        file = files.get_file_from_path(path)
        urls[key] = file.url_relative_to(page.file) if file is not None else path
    messages = {key: str(strings.t(f"letters.{key}")) for key in MESSAGES}
    config = json.dumps({"lang": lang, "messages": messages}, ensure_ascii=False).replace("<", "\\u003c")
    return template.module.assets(urls, Markup(config))


def _one_line(html: str) -> str:
    """The HTML on one line (white space between tags is one space, as HTML reads it)."""
    return " ".join(line.strip() for line in html.splitlines() if line.strip())
