"""Tell readers when a translated page is older than its English source.

A translated page records the version of the English file it was translated from
(`translation_of` in its front matter, see translation_source.py). When the English file
has changed since, the page shows a notice in the reader's language that links to the
English page: partials/outdated-notice.html, included by main.html when the context has
`outdated_url`. `python scripts/translations.py mark es/<page>.md` makes it current again.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

import translation_source
from i18n_context import build_language, default_language


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict | None:
    lang, source = build_language(config), default_language(config)
    if lang == source or getattr(page.file, "locale", None) != lang:
        return None  # the English site, or a page shown in English until it is translated
    english = Path(config.docs_dir) / source / page.file.norm_src_uri
    original = page.file.alternates.get(source)
    if not english.is_file() or original is None:
        return None  # an orphan: no English source to compare with
    recorded = page.meta.get(translation_source.KEY)
    if recorded is not None and str(recorded) == translation_source.file_hash(english):
        return None
    context["outdated_lang"] = source
    context["outdated_url"] = original.url or "./"
    return context
