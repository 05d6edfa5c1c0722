"""The site search: Material's search dialog, with the guide's own index and worker.

Material's dialog, keyboard handling, result list, messages and ?h= highlighting stay as
they are; only the Web Worker that answers its queries changes (Material's worker protocol:
SETUP, READY, QUERY, RESULT). Material's worker builds a lunr index in the phone from
every document of the language, downloaded at once; this one reads an index made here,
at build time, in parts (index.py), and loads only the parts a query needs:

- accents and capitals optional, the exact form written ranking first (text.py);
- Snowball stemming in English and Spanish, the same in Python and in the browser;
- one wrong letter forgiven in words of five letters or more;
- every match form of a glossary entry finds the pages that use any of its forms, and the
  entry itself on the glossary page.

One index per language, with only that language's pages (a page shown untranslated, in
English under /es/, is in the Spanish index, as Material has it). The worker is
overrides/assets/javascripts/search/worker.js; `point_worker` sets it in Material's
`__config` (languages.py rewrites that on every page). Material's page script still reads
search/search_index.json, which holds only settings (files.py).

`extra.iep.search: material` (IEP_SEARCH=material) builds Material's own search instead.
"""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path

from ..state import BuildState
from . import files, index, pages
from .text import Keys

log = logging.getLogger("mkdocs.hooks.search")

WORKER = "assets/javascripts/search/worker.js"
# Where Material's base.html puts its worker, e.g. "../assets/javascripts/workers/search.a7633da7.min.js".
_MATERIAL_WORKER = re.compile(r"(^|/)assets/javascripts/workers/search\.[0-9a-f]+\.min\.js$")
_MATERIAL_SETTINGS = ("lang", "separator", "pipeline", "fields")  # what Material's index holds of its config


def enabled(state: BuildState) -> bool:
    return state.options.search == "iep"


def point_worker(state: BuildState, settings: dict, where: str) -> None:
    """Material's `__config` of a page: its search worker replaced by this one."""
    worker = settings.get("search")
    found = _MATERIAL_WORKER.search(worker) if isinstance(worker, str) else None
    if worker is None or found is None:
        state.warn_once(f"'{where}': Material's markup changed: hooks/iep_guide/search/ no longer finds Material's "
                        f"search worker in the page's __config ({worker!r}), so the page keeps Material's search. "
                        f"Update it for the new Material version.", log)
        return
    settings["search"] = worker[:found.end(1)] + WORKER


def write(state: BuildState, site_dir: Path, entries: dict[str, tuple[dict, list[dict]]], scripts: bool) -> None:
    """Each language's index into its folder. `entries`: language prefix -> (Material's search
    settings, its entries with locations relative to the language's home); `scripts`: the
    offline copy's classic scripts instead of JSON."""
    for build in state.built.values():
        if build.prefix not in entries:
            continue
        started = time.perf_counter()
        material_config, language_entries = entries[build.prefix]
        glossary = state.glossaries.get(build.lang)
        glossary_location = None
        if build.glossary_file is not None:
            glossary_location = build.glossary_file.url[len(build.prefix):] if build.prefix else build.glossary_file.url
        keys = Keys(build.lang)
        made = index.build(pages.from_entries(language_entries, glossary_location, glossary), keys, glossary)
        settings = {key: material_config[key] for key in _MATERIAL_SETTINGS if key in material_config}
        written = files.write(made, site_dir / build.prefix / "search", build.prefix + "search/", settings,
                              keys.stop, scripts)
        log.debug(f"Search index of '{build.lang}': {made.pages} pages, {made.sections} sections, "
                  f"{len(made.shards)} shards, {len(written)} files, {time.perf_counter() - started:.2f} s")
