"""Fix markup in Material's base.html that has no block to override.

- Material puts autocomplete="off" on its two hidden checkbox toggles; the attribute is
  not allowed on checkboxes, so the Nu HTML checker reports an error on every page.
- The search dialog (partials/search.html, included by the header without a block) has
  no accessible name: it gets the interface string `search.label` of the language built.
"""

from __future__ import annotations

import logging
from html import escape

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.theme_fixes")

# Exact tags as Material 9.8 writes them, and what they become.
REPLACEMENTS = {
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">':
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">',
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">':
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">',
}
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_search_dialog: dict[str, str] = {}  # the labelled tag for the language being built


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> None:
    # Runs once per language build: the theme's language is the one being built.
    strings = env.get_template("partials/language.html").make_module({"config": config})
    label = str(strings.t("search.label")).strip()
    _search_dialog["tag"] = SEARCH_DIALOG.replace('role="dialog">', f'role="dialog" aria-label="{escape(label)}">')


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _fix(output, page.file.src_uri)


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    return _fix(output, template_name) if template_name.endswith(".html") else output


def _fix(output: str, where: str) -> str:
    for old, new in {**REPLACEMENTS, SEARCH_DIALOG: _search_dialog["tag"]}.items():
        if old in output:
            output = output.replace(old, new, 1)
        elif new not in output:
            log.warning(
                f"'{where}': Material's markup changed, so hooks/theme_fixes.py no longer "
                f"finds {old!r}. Update it for the new Material version."
            )
    return output
