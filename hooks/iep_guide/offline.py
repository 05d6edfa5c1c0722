"""The offline copy: Material's offline plugin, made to work with one search per language.

Enabled with IEP_OFFLINE=true (scripts/build_offline.py does it). Material's plugin
loads its Web Worker shim from a CDN: the copy shipped in overrides/ is used instead, so
the offline copy makes no request at all. It also inlines only the root search index:
every language's index is written as an inline script too.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

PLUGIN = "material/offline"
SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"


def enabled(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get(PLUGIN)
    return plugin is not None and bool(plugin.config.enabled)


def configure(config: MkDocsConfig) -> None:
    """The local shim, before Material's plugin adds its CDN one (it adds none when one is there)."""
    polyfills = [SHIM if "iframe-worker" in str(url) else url for url in config.extra.get("polyfills", [])]
    config.extra["polyfills"] = polyfills if SHIM in polyfills else [*polyfills, SHIM]


def inline_search_indexes(site_dir: Path) -> None:
    for index in site_dir.glob("**/search/search_index.json"):
        data = index.read_text(encoding="utf-8")
        index.with_suffix(".js").write_text(f"var __index = {data}", encoding="utf-8")
