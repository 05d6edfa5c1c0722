"""What one build knows: made at the start of the default language's build, passed to every
step, dropped when the build ends. No module keeps state of its own.

`BuildState` lives for one `mkdocs build` (or one `mkdocs serve` rebuild): the checked brand
file, state profile and glossaries, and what the steps gather across languages. Its
`language` part is made anew for each language static-i18n builds, so a language's build
cannot see what the one before it left.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig

if TYPE_CHECKING:
    from .brand import Brand
    from .glossary.data import Glossary
    from .glossary.mark import GlossaryExtension
    from .glossary.match import Matcher
    from .links.check import LinkRecords
    from .links.markdown import MarkdownLinks
    from .options import Options
    from .states import StateRules

_KEY = "iep_build_state"  # where the state is kept on the config object static-i18n reuses per language


@dataclass
class LanguageBuild:
    """The language being built, and what its steps keep until it is written."""

    lang: str
    prefix: str  # '' for the default language, 'es/' for Spanish
    glossary_file: Any = None  # the File of glossary.md, if the site has one
    glossary_used: dict[str, list[str]] = field(default_factory=dict)  # src_uri -> entry ids marked
    glossary_tips: dict[str, str] = field(default_factory=dict)  # entry id -> its rendered tooltip
    glossary_link: Any = None  # the term link template, parsed once
    markdown_links: dict[str, list] = field(default_factory=dict)  # src_uri -> Markdown links written
    search_dialog: str = ""  # Material's search dialog tag, with this language's accessible name
    header_name: tuple[str, str] = ("", "")  # Material's header name, and it with the short name too
    search_index: Any = None  # Material's search index for this language
    letters: dict[str, str] = field(default_factory=dict)  # letter or tool name -> its rendered markup
    letter_slots: dict[str, list[str]] = field(default_factory=dict)  # src_uri -> the tools its slots get


class TemplateCache(BytecodeCache):
    """Compiled templates, kept for the build: each language's build makes a new Jinja
    environment, which would compile every template again."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


@dataclass
class BuildState:
    root: Path  # the project folder (where mkdocs.yml is)
    options: Options
    brand: Brand
    profile: StateRules  # the state profile in use, with the federal one and each language's words
    languages: list[str]  # built, default first
    default_language: str
    glossaries: dict[str, Glossary] = field(default_factory=dict)
    matchers: dict[str, Matcher] = field(default_factory=dict)  # by the language a text is written in
    links: LinkRecords = None  # type: ignore[assignment]  # set by the pipeline's start
    links_extension: MarkdownLinks = None  # type: ignore[assignment]
    glossary_extension: GlossaryExtension = None  # type: ignore[assignment]
    not_found_pages: dict[str, str] = field(default_factory=dict)  # language prefix -> 404 page HTML
    search_indexes: dict[str, tuple[Any, list]] = field(default_factory=dict)  # prefix -> (Material's index, its entries)
    warned: set[str] = field(default_factory=set)  # drift warnings already given in this build
    templates: TemplateCache = field(default_factory=TemplateCache)  # for MkDocs' environment of each language
    hook_templates: Any = None  # a Jinja environment of the theme, for the HTML the hooks render
    letters: Any = None  # the letters of every language, and which translations are outdated (letters/)
    built: dict[str, LanguageBuild] = field(default_factory=dict)  # every language started, by code
    language: LanguageBuild | None = None  # the one being built now

    def warn_once(self, message: str, log: logging.Logger) -> None:
        """A warning given once per build, not once per language or page."""
        if message not in self.warned:
            self.warned.add(message)
            log.warning(message)

    @property
    def current(self) -> LanguageBuild:
        assert self.language is not None, "no language is being built"
        return self.language

    def start_language(self, lang: str, prefix: str) -> LanguageBuild:
        """A new language's build starts: it gets a LanguageBuild of its own."""
        self.language = self.built[lang] = LanguageBuild(lang, prefix)
        return self.language

    def resume_language(self, lang: str) -> LanguageBuild:
        """A language's build goes on after others ran inside it (the default language's
        build, once static-i18n has built the others)."""
        self.language = self.built[lang]
        return self.language


def of(config: MkDocsConfig) -> BuildState:
    """The state of the build `config` belongs to."""
    return config[_KEY]


def keep(config: MkDocsConfig, state: BuildState) -> None:
    config[_KEY] = state
