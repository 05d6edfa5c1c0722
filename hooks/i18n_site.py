"""Make each language a complete site of its own, beyond what static-i18n does.

- hreflang alternates: absolute URLs plus x-default; a fallback page (shown in a
  language but written in another) is not announced in that language;
- the language switcher leads to the same page, with relative links (work under a
  sub-path and offline);
- a fallback page tells the reader, in their language, that it is not translated;
- search: one index per language with that language's stemming (static-i18n merges
  all languages into one);
- /es/404.html and /es/sitemap.xml (static-i18n leaves one 404 page, the last built,
  and one sitemap at the root).

static-i18n builds the default language, then each other language from inside its
own on_post_build. The root search index and 404 page are overwritten by each build:
they are kept from the default build and put back once all languages are built.
"""

from __future__ import annotations

import json
import posixpath
import shutil
from copy import deepcopy
from pathlib import Path

from lxml import html as lxml_html
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from i18n_context import build_language, building_other_languages, default_language, is_fallback, language_prefix

STRINGS_DIR = "partials/strings"
ROOT_FILES = ("404.html", "search/search_index.json")
CONFIG_TAG = '<script id="__config" type="application/json">'  # as Material's base.html writes it
_kept: dict[str, bytes] = {}


@event_priority(100)  # before the search plugin reads its settings
def on_config(config: MkDocsConfig) -> None:
    lang = build_language(config)
    strings = Path(config.theme.custom_dir or "") / STRINGS_DIR / f"{lang}.html"
    if not strings.is_file():
        raise PluginError(
            f"Language '{lang}' has no interface strings: create {strings} "
            f"(copy {strings.with_name('en.html')} and translate the values)."
        )
    # Let Material pick the search language, separator and pipeline for this language.
    config.theme["language"] = lang
    search = config.plugins.get("material/search")
    if search is not None:
        search.config.lang = None
        search.config.separator = None
        search.config.pipeline = None


def on_pre_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    if build_language(config) == default_language(config):
        _kept.clear()
    elif not _kept:
        # The default language was built just before: keep its root files.
        for name in ROOT_FILES:
            if (site / name).is_file():
                _kept[name] = (site / name).read_bytes()


@event_priority(-150)  # after static-i18n has set the page's alternates
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    lang = build_language(config)
    alternates = getattr(page.file, "alternates", {}) or {}
    site_url = config.site_url or "/"
    links = []
    # static-i18n sets `config.extra.alternate` as an attribute: that is what Jinja reads.
    for alt in getattr(config.extra, "alternate", None) or []:
        target = alternates.get(alt["lang"])
        if target is not None:
            alt["link"] = target.url or "./"  # made relative to the page by the `url` filter
            if target.locale == alt["lang"]:
                links.append({"lang": alt["lang"], "href": _absolute(site_url, target.url)})
    default = alternates.get(default_language(config))
    if links and default is not None:
        links.append({"lang": "x-default", "href": _absolute(site_url, default.url)})
    context["hreflang_links"] = links
    if is_fallback(page, config):
        context["fallback_lang"] = page.file.locale
        context["fallback_url"] = alternates[page.file.locale].url or "./"
    else:
        context["fallback_lang"] = None
    context["build_lang"] = lang
    return context


def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    if template_name == "404.html":
        # A 404 page answers any address: its switcher leads to each language's home,
        # not to the alternates of whichever page was rendered last.
        config.extra.alternate = deepcopy(config.plugins["i18n"].extra_alternate)
    return context


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    prefix = language_prefix(build_language(config), config)
    return _rebase_search(output, prefix) if prefix else output


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    prefix = language_prefix(build_language(config), config)
    return _rebase_search(output, prefix) if prefix and template_name == "404.html" else output


@event_priority(-200)  # after static-i18n has built the other languages
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    if building_other_languages(config):
        prefix = language_prefix(build_language(config), config)
        (site / prefix / "search").mkdir(parents=True, exist_ok=True)
        index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
        for doc in index["docs"]:
            if doc["location"].startswith(prefix):
                doc["location"] = doc["location"][len(prefix):]
        (site / prefix / "search/search_index.json").write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
        shutil.copyfile(site / "404.html", site / prefix / "404.html")
        return
    for name, content in _kept.items():
        (site / name).write_bytes(content)
    for lang_config in config.plugins["i18n"].config.languages:
        prefix = language_prefix(lang_config.locale, config)
        if prefix and lang_config.build:
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                if (site / name).is_file():
                    shutil.copyfile(site / name, site / prefix / name)


def _absolute(site_url: str, url: str) -> str:
    return site_url.rstrip("/") + "/" + (url if url not in ("", "./") else "")


def _rebase_search(output: str, prefix: str) -> str:
    """Point Material's `base` at the language's folder, where its search index lives."""
    script = _config_script(output)
    if script is None:
        return output
    start, end = script
    settings = json.loads(output[start:end])
    settings["base"] = posixpath.join(settings["base"], prefix)  # keep the slash: Material resolves URLs against it
    text = json.dumps(settings, ensure_ascii=False)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escaped)
    return output[:start] + text + output[end:]


def _config_script(output: str) -> tuple[int, int] | None:
    """Where the text of Material's `__config` script is: (start, end), or None.

    Found by the exact tag Material's base.html writes (its JSON escapes `<`, so it holds
    no `</script>`): parsing the whole page for it took a tenth of the build time of a
    translated page. If Material writes the tag differently, the page is parsed.
    """
    start = output.find(CONFIG_TAG)
    if start >= 0:
        start += len(CONFIG_TAG)
        end = output.find("</script>", start)
        if end > start:
            return start, end
    script = lxml_html.fromstring(output).find(".//script[@id='__config']")
    if script is None or not script.text:
        return None
    start = output.find(script.text)
    return (start, start + len(script.text)) if start >= 0 else None
