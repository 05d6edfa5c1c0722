"""The one module that knows mkdocs-static-i18n's internals. Everything else asks it.

How static-i18n builds (version 1.3, plugin `I18n`):
- The `mkdocs build` the user runs builds the default language, into the site root. In its
  own `on_post_build` (priority -100), static-i18n then runs MkDocs' `build()` again, with
  the same config object, once for each other language, into `<locale>/`. So every hook
  event runs once per language, and the default language's `on_post_build` events with a
  lower priority run last, after every language is built.
- `plugin.current_language` is the language being built; `plugin.building` is True inside
  the builds of the other languages.
- Each page's `File` gets `locale` (the language its source is written in: it differs from
  the language built on a fallback page), `alternates` (language -> File of the same page)
  and `norm_src_uri` (its path inside the language folder: 'team.md').
- `plugin.extra_alternate` is the language switcher's list with each language's home.

What this project does differently, and the simplest way found to do it (languages.py):
- One search index per language, with its own stemming. static-i18n collects every
  language's entries into the root index, and Material's search plugin rewrites the root
  index in each language's build. Each language's build keeps Material's own index object
  (with that language's settings) and a copy of its entries as the build ends; once all are
  built, each is written into its language's folder. Nothing is read back from disk. Each
  page's `__config` then points its search at its language's folder.
- One 404 page per language: each build's 404 page is kept as it is rendered and written
  into its language's folder at the end (every build writes its own over the root one).
- One sitemap per language: the last build's root sitemap (which lists every language's
  pages) is copied into each language's folder.
- When the default language's build ends, static-i18n still names the last language it
  built as its current one: `finishing_language` tells them apart.
If static-i18n changes what this module reads, `check(config)` warns once, naming this file.
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

PLUGIN = "i18n"
_NEEDED = ("current_language", "building", "default_language", "build_languages", "extra_alternate", "config")
_FILE_NEEDS = ("locale", "alternates", "norm_src_uri")


def plugin(config: MkDocsConfig) -> Any:
    found = config.plugins.get(PLUGIN)
    if found is None:
        raise RuntimeError("mkdocs.yml has no 'i18n' plugin (mkdocs-static-i18n): hooks/iep_guide needs it.")
    return found


def check(config: MkDocsConfig) -> list[str]:
    """What this module expects of static-i18n's plugin and is missing: a warning each."""
    found = plugin(config)
    return [_changed(f"its plugin has no '{name}'") for name in _NEEDED if not hasattr(found, name)]


def check_files(files: Files) -> list[str]:
    """What this module expects on the pages' File objects and is missing: a warning each."""
    pages = files.documentation_pages()
    if not pages:
        return []
    return [_changed(f"a page's File has no '{name}'") for name in _FILE_NEEDS if not hasattr(pages[0], name)]


def _changed(what: str) -> str:
    return f"mkdocs-static-i18n changed: {what} any more. Update hooks/iep_guide/static_i18n.py for the installed version."


def starts_build(config: MkDocsConfig) -> bool:
    """True in the first event of a `mkdocs build` (or `serve` rebuild): the default
    language's on_config, before static-i18n has set its current language."""
    return plugin(config).current_language is None


def build_language(config: MkDocsConfig) -> str:
    """The language being built."""
    found = plugin(config)
    return found.current_language or found.default_language


def default_language(config: MkDocsConfig) -> str:
    return plugin(config).default_language


def languages(config: MkDocsConfig) -> list[str]:
    """The languages built, default first."""
    return list(plugin(config).build_languages)


def all_languages(config: MkDocsConfig) -> list[str]:
    """Every language in mkdocs.yml, built or not (a preview builds one), default first."""
    found = plugin(config)
    locales = [lang.locale for lang in found.config.languages if lang.locale != "null"]
    return sorted(locales, key=lambda locale: locale != found.default_language)


def language_names(config: MkDocsConfig) -> dict[str, str]:
    """Each built language's name as the switcher shows it."""
    return {lang.locale: lang.name for lang in plugin(config).config.languages if lang.build}


def finishing_language(config: MkDocsConfig) -> str:
    """In on_post_build: the language whose build ends. When the default language's build
    ends, static-i18n still names the last language it built, so that is told apart."""
    return build_language(config) if in_other_language_build(config) else default_language(config)


def in_other_language_build(config: MkDocsConfig) -> bool:
    """True inside the builds static-i18n runs for the non-default languages."""
    return bool(plugin(config).building)


def nav_translations(config: MkDocsConfig, lang: str) -> dict[str, str]:
    """The language's names for the menu's sections (`nav_translations` in mkdocs.yml)."""
    for language in plugin(config).config.languages:
        if language.locale == lang:
            return dict(language.nav_translations or {})
    return {}


def prefix(lang: str, config: MkDocsConfig) -> str:
    """Where a language lives under the site root: '' for the default, 'es/' for Spanish.
    static-i18n writes every other language into its locale's folder, whatever its `link`."""
    return "" if lang == default_language(config) else f"{lang}/"


def source_language(file: File, config: MkDocsConfig) -> str:
    """The language a page is written in (English on a page shown untranslated)."""
    return getattr(file, "locale", None) or build_language(config)


def is_fallback(file: File, config: MkDocsConfig) -> bool:
    """True when the page is shown in the language built but written in another one."""
    return source_language(file, config) != build_language(config)


def alternates(file: File) -> dict[str, File]:
    """The same page in each language: language -> File."""
    return getattr(file, "alternates", None) or {}


def path_in_language(file: File) -> str:
    """The page's path inside its language folder: 'team.md' for 'es/team.md'."""
    return getattr(file, "norm_src_uri", file.src_uri)


def switcher(config: MkDocsConfig) -> list[dict]:
    """The language switcher's entries ({name, link, lang}) for the page being rendered:
    static-i18n sets them on `config.extra.alternate` (an attribute: that is what Jinja reads)."""
    return getattr(config.extra, "alternate", None) or []


def reset_switcher(config: MkDocsConfig) -> None:
    """The switcher with each language's home page (for a page that is no page, like 404)."""
    # static-i18n sets it as an attribute of MkDocs' `extra` (a LegacyConfig), as Material reads it.
    config.extra.alternate = deepcopy(plugin(config).extra_alternate)  # type: ignore[attr-defined]
