"""Fix markup in Material's base.html that has no block to override.

- Material puts autocomplete="off" on its two hidden checkbox toggles; the attribute is
  not allowed on checkboxes, so the Nu HTML checker reports an error on every page.
- The search dialog (partials/search.html, included by the header without a block) has
  no accessible name: it gets the interface string `search.label` of the language built.
- The header shows the organization's name, cut off on a phone ("Texas Family Advocac…"):
  it gets the short name beside it, which site.css shows instead on a narrow screen (the
  full one stays for screen readers). The logo's alt text "logo" is left empty: the logo's
  link is named by the organization's name already.
- A menu section's label gets tabindex="" where Material means no tabindex (a section shown
  open, with navigation.tabs): the empty attribute is left out.

When Material's markup changes so that a tag is not found, the build warns once.
"""

from __future__ import annotations

import logging
from html import escape
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig

from .state import BuildState

log = logging.getLogger("mkdocs.hooks.theme_fixes")

# Exact tags as Material 9.8 writes them, and what they become.
REPLACEMENTS = {
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">':
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">',
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">':
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">',
}
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
HEADER_NAME = '<div class="md-header__topic">\n          <span class="md-ellipsis">\n            {name}\n          </span>'
LOGO_ALT = ' alt="logo">'
EMPTY_TABINDEX = ' tabindex="">'


def start_language(state: BuildState, env: Environment, config: MkDocsConfig) -> None:
    """The search dialog's name in the language built (the theme's language is that one)."""
    language = state.current
    strings: Any = env.get_template("partials/language.html").make_module({"config": config})  # its macros
    label = str(strings.t("search.label")).strip()
    language.search_dialog = SEARCH_DIALOG.replace('role="dialog">', f'role="dialog" aria-label="{escape(label)}">')
    brand = config.extra["brand"]
    name, short = brand["name"], brand["short_name"]  # as Material writes them: not escaped
    old = HEADER_NAME.format(name=name)
    both = (f'<span class="iep-full-name">{name}</span>'
            f'<span class="iep-short-name" aria-hidden="true">{short}</span>')
    language.header_name = (old, HEADER_NAME.format(name=both) if short != name else old)


def fix(state: BuildState, output: str, where: str) -> str:
    header_old, header_new = state.current.header_name
    output = output.replace(LOGO_ALT, ' alt="">').replace(EMPTY_TABINDEX, ">")
    for old, new in {**REPLACEMENTS, SEARCH_DIALOG: state.current.search_dialog, header_old: header_new}.items():
        if old in output:
            output = output.replace(old, new, 1)
        elif new not in output:
            state.warn_once(f"'{where}': Material's markup changed, so hooks/iep_guide/theme_fixes.py no longer "
                            f"finds {old!r}. Update it for the new Material version.", log)
    return output
