"""Fix markup in Material's base.html that has no block to override.

Material puts autocomplete="off" on its two hidden checkbox toggles; the attribute is
not allowed on checkboxes, so the Nu HTML checker reports an error on every page.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.theme_fixes")

# Exact tags as Material 9.8 writes them, and what they become.
REPLACEMENTS = {
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">':
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">',
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">':
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">',
}


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _fix(output, page.file.src_uri)


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    return _fix(output, template_name) if template_name.endswith(".html") else output


def _fix(output: str, where: str) -> str:
    for old, new in REPLACEMENTS.items():
        if old in output:
            output = output.replace(old, new, 1)
        elif new not in output:
            log.warning(
                f"'{where}': Material's toggle markup changed, so hooks/theme_fixes.py no longer "
                f"finds {old!r}. Update REPLACEMENTS for the new Material version."
            )
    return output
