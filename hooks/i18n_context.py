"""What the hooks need to know from mkdocs-static-i18n: which language is being built.

static-i18n runs the whole build once per language; its plugin object holds the
language of the current run. `page.file.locale` is the language of the source file,
which differs from the build language on a fallback page.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


def _plugin(config: MkDocsConfig):
    return config.plugins["i18n"]


def build_language(config: MkDocsConfig) -> str:
    plugin = _plugin(config)
    return plugin.current_language or plugin.default_language


def default_language(config: MkDocsConfig) -> str:
    return _plugin(config).default_language


def languages(config: MkDocsConfig) -> list[str]:
    """The languages built, default first."""
    return _plugin(config).build_languages


def language_prefix(lang: str, config: MkDocsConfig) -> str:
    """Where a language lives under the site root: '' for the default, 'es/' for Spanish.

    static-i18n writes the default language at the root and every other one in its
    locale's folder, whatever the language's `link` says; with `build_only_locale` the one
    language built is the default, at the root.
    """
    return "" if lang == default_language(config) else f"{lang}/"


def building_other_languages(config: MkDocsConfig) -> bool:
    """True inside the builds static-i18n runs for the non-default languages.

    After all languages are built, the outer (default language) build's
    on_post_build events with a lower priority than static-i18n's run last.
    """
    return bool(_plugin(config).building)


def is_fallback(page: Page, config: MkDocsConfig) -> bool:
    """True when the page is shown in this language but written in another one."""
    return getattr(page.file, "locale", None) not in (None, build_language(config))
