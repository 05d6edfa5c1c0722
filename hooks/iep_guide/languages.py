"""Make each language a complete site of its own, beyond what static-i18n does.

- Interface strings: each language has its own file, partials/strings/<lang>.html.
- hreflang alternates: absolute URLs plus x-default; a fallback page (shown in a language but
  written in another) is not announced in that language.
- The language switcher leads to the same page, with relative links (they work under a
  sub-path and offline); on a 404 page, to each language's home.
- Notices: a fallback page says, in the reader's language, that it is not translated yet;
  a translation whose English source changed since it was marked says so.
- Search: one index per language, with only that language's pages; Material's `__config`
  on each page points its search at its language's folder, and at the guide's own search
  worker (search/, unless `extra.iep.search` is 'material': Material's index, as it comes).
- One 404 page and one sitemap per language.

How this fits static-i18n's way of building is explained in static_i18n.py.
"""

from __future__ import annotations

import json
import logging
import posixpath
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from . import search, static_i18n, translations
from .state import BuildState

log = logging.getLogger("mkdocs.hooks.languages")

STRINGS_DIR = "partials/strings"
SEARCH = "material/search"
CONFIG_TAG = '<script id="__config" type="application/json">'  # as Material's base.html writes it
NOT_FOUND = "404.html"


def configure(config: MkDocsConfig, lang: str) -> None:
    """The language's interface strings, and Material's theme and search in that language."""
    strings = Path(config.theme.custom_dir or "") / STRINGS_DIR / f"{lang}.html"
    if not strings.is_file():
        raise PluginError(
            f"Language '{lang}' has no interface strings: create {strings} "
            f"(copy {strings.with_name('en.html')} and translate the values)."
        )
    # Material's search plugin picks its language, separator and pipeline from the theme's
    # language when they are unset; static-i18n sets the theme's language after it has.
    config.theme["language"] = lang
    search = config.plugins.get(SEARCH)
    if search is not None:
        search.config.lang = None
        search.config.separator = None
        search.config.pipeline = None


def start_language(state: BuildState, config: MkDocsConfig) -> None:
    """Keep Material's search index of the language being built (it fills as pages render)."""
    search = config.plugins.get(SEARCH)
    index = getattr(search, "search_index", None)
    if search is not None and not (hasattr(index, "entries") and hasattr(index, "generate_search_index")):
        state.warn_once("Material's search plugin changed: hooks/iep_guide/languages.py no longer finds its "
                        "search_index. Update it for the new Material version.", log)
        index = None
    state.current.search_index = index


def finish_language(state: BuildState) -> None:
    """Once the language is built: its search entries (static-i18n later merges every
    language's entries into the last language's index object)."""
    index = state.current.search_index
    if index is not None:
        state.search_indexes[state.current.prefix] = (index, list(index.entries))


def nav_problems(config: MkDocsConfig, lang: str) -> list[str]:
    """Sections of mkdocs.yml's nav without a name in this language: static-i18n would show
    the English."""
    if lang == static_i18n.default_language(config):
        return []
    names = static_i18n.nav_translations(config, lang)
    missing = [title for title in section_titles(config.nav or []) if title not in names]
    return [f"mkdocs.yml: the menu section '{title}' has no name in '{lang}'. Add it to the i18n plugin's "
            f"languages, under '- locale: {lang}', as nav_translations: {{{title}: <the name in {lang}>}} "
            f"(TRANSLATING.md, \"The menu\")." for title in missing]


def section_titles(nav: list) -> list[str]:
    """The titles of the sections in a nav setting (`- Title: [pages]`), nested ones too."""
    titles = []
    for item in nav:
        if isinstance(item, dict):
            for title, children in item.items():
                if isinstance(children, list):
                    titles += [str(title), *section_titles(children)]
    return titles


def page_context(state: BuildState, context: dict, page: Page, config: MkDocsConfig) -> None:
    lang = state.current.lang
    alternates = static_i18n.alternates(page.file)
    site_url = config.site_url or "/"
    links = []
    for alt in static_i18n.switcher(config):
        target = alternates.get(alt["lang"])
        if target is not None:
            alt["link"] = target.url or "./"  # made relative to the page by the `url` filter
            if static_i18n.source_language(target, config) == alt["lang"]:
                links.append({"lang": alt["lang"], "href": _absolute(site_url, target.url)})
    default = alternates.get(state.default_language)
    if links and default is not None:
        links.append({"lang": "x-default", "href": _absolute(site_url, default.url)})
    context["hreflang_links"] = links
    context["build_lang"] = lang
    context["fallback_lang"] = None
    if static_i18n.is_fallback(page.file, config):
        source = static_i18n.source_language(page.file, config)
        context["fallback_lang"] = source
        context["fallback_url"] = alternates[source].url or "./"
    elif lang != state.default_language:
        _outdated_notice(state, context, page, config)


def template_context(template_name: str, config: MkDocsConfig) -> None:
    if template_name == NOT_FOUND:
        # A 404 page answers any address: its switcher leads to each language's home, not
        # to the alternates of whichever page was rendered last.
        static_i18n.reset_switcher(config)


def post_page(state: BuildState, output: str, where: str) -> str:
    """A page as written: its search pointed at its language's folder, and its worker."""
    return _rewrite_config(state, output, where)


def post_template(state: BuildState, output: str, template_name: str) -> str:
    if template_name != NOT_FOUND:
        return output
    output = _rewrite_config(state, output, template_name)
    state.not_found_pages[state.current.prefix] = output  # written into the language's folder at the end
    return output


def search_entries(state: BuildState) -> dict[str, tuple[dict, list[dict]]]:
    """Each language's search entries, as Material's search plugin made them, with their
    locations relative to the language's home: prefix -> (Material's search settings, entries)."""
    return {prefix: (index.config, [
        {**entry, "location": entry["location"][len(prefix):]} if prefix and entry["location"].startswith(prefix)
        else entry for entry in kept]) for prefix, (index, kept) in state.search_indexes.items()}


def finish(state: BuildState, site_dir: Path) -> None:
    """Once every language is built: each language's 404 page and sitemap in its folder
    (every build wrote its own at the root), and Material's search index when the guide's
    own (search/) is turned off."""
    if not search.enabled(state):
        for prefix, (_, entries) in search_entries(state).items():
            index = state.search_indexes[prefix][0]
            index.entries = entries
            path = site_dir / prefix / "search" / "search_index.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(index.generate_search_index(None), encoding="utf-8")
    for prefix, output in state.not_found_pages.items():
        (site_dir / prefix).mkdir(parents=True, exist_ok=True)
        (site_dir / prefix / NOT_FOUND).write_text(output, encoding="utf-8")
    for lang in state.languages[1:]:
        prefix = f"{lang}/"
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            if (site_dir / name).is_file():
                shutil.copyfile(site_dir / name, site_dir / prefix / name)


def _outdated_notice(state: BuildState, context: dict, page: Page, config: MkDocsConfig) -> None:
    """A translated page whose English source changed since it was marked gets a notice; a
    page not marked yet does not (the English has not changed as far as anyone knows)."""
    source = state.default_language
    original = static_i18n.alternates(page.file).get(source)
    english = Path(config.docs_dir) / source / static_i18n.path_in_language(page.file)
    if original is None or not english.is_file():
        return  # an orphan: no English source to compare with
    recorded = page.meta.get(translations.KEY)
    if recorded is None or str(recorded) == translations.file_hash(english):
        return  # never marked: nothing is known to have changed (status lists it as unmarked)
    context["outdated_lang"] = source
    context["outdated_url"] = original.url or "./"


def _absolute(site_url: str, url: str) -> str:
    return site_url.rstrip("/") + "/" + (url if url not in ("", "./") else "")


def _rewrite_config(state: BuildState, output: str, where: str) -> str:
    """Material's `__config` of a page: `base` at the language's folder, where its search
    index lives, and the search worker (search/). Unchanged when there is nothing to do.

    Material's `__config` is found by the exact tag its base.html writes (its JSON escapes
    `<`, so it holds no `</script>`): parsing the whole page for it took a tenth of the
    build time of a translated page. If the tag is not there, the build warns once."""
    prefix = state.current.prefix
    worker = search.enabled(state)
    if not prefix and not worker:
        return output
    start = output.find(CONFIG_TAG)
    end = output.find("</script>", start) if start >= 0 else -1
    if start < 0 or end < 0:
        state.warn_once(f"'{where}': Material's markup changed, so hooks/iep_guide/languages.py no longer finds "
                        f"{CONFIG_TAG!r}: the search of '{prefix or state.current.lang}' would use another language's "
                        f"index or Material's worker. Update it for the new Material version.", log)
        return output
    start += len(CONFIG_TAG)
    settings = json.loads(output[start:end])
    if prefix:
        settings["base"] = posixpath.join(settings["base"], prefix)  # keep the slash: Material resolves URLs against it
    if worker:
        search.point_worker(state, settings, where)
    text = json.dumps(settings, ensure_ascii=False)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escaped)
    return output[:start] + text + output[end:]
