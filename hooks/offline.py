"""The offline copy: Material's offline plugin, made to work with one search per language.

Enabled with IEP_OFFLINE=true (scripts/build_offline.py does it). Material's plugin
loads its Web Worker shim from a CDN: use the copy shipped in overrides/ instead, so
the offline copy makes no request at all. It also inlines only the root search index:
write the inline script for every language's index.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from i18n_context import building_other_languages

SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"


def on_config(config: MkDocsConfig) -> None:
    if not _enabled(config):
        return
    polyfills = config.extra.get("polyfills", [])
    config.extra["polyfills"] = [SHIM if "iframe-worker" in str(url) else url for url in polyfills]


@event_priority(-210)  # after hooks/i18n_site.py has split the search index per language
def on_post_build(config: MkDocsConfig) -> None:
    if not _enabled(config) or building_other_languages(config):
        return
    for index in Path(config.site_dir).glob("**/search/search_index.json"):
        data = index.read_text(encoding="utf-8")
        index.with_suffix(".js").write_text(f"var __index = {data}", encoding="utf-8")


def _enabled(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline")
    return plugin is not None and plugin.config.enabled
