"""Material's interface strings for a language Material does not ship (Haitian Creole,
Somali...): the project's own file, overrides/partials/languages/<code>.html, in Material's
format (scripts/translations.py new-language writes it from Material's English file).

A key the file lacks shows in English (partials/language.html falls back to English), and
the build warns once, listing the keys, so a strict build asks for them: after a Material
update adds strings, or when a translator deletes one by mistake.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import material
from mkdocs.config.defaults import MkDocsConfig

from .state import BuildState

log = logging.getLogger("mkdocs.hooks.theme_strings")

FOLDER = "partials/languages"
_KEY = re.compile(r'^\s*"([\w.]+)":', re.M)
MATERIAL = Path(material.__file__).parent / "templates" / FOLDER


def start_language(state: BuildState, config: MkDocsConfig) -> None:
    lang = state.current.lang
    custom_dir = config.theme.custom_dir
    own = Path(custom_dir) / FOLDER / f"{lang}.html" if custom_dir else None
    if own is None or not own.is_file() or (MATERIAL / f"{lang}.html").is_file():
        return
    missing = sorted(set(keys(MATERIAL / "en.html")) - set(keys(own)))
    if missing:
        shown = own.relative_to(Path(config.config_file_path).parent).as_posix() if config.config_file_path else own
        state.warn_once(
            f"Interface strings file '{shown}' lacks {len(missing)} of Material's strings, which show in English "
            f"until you add them (copy each line from Material's English file and translate it): "
            f"{', '.join(missing)}.", log)


def keys(path: Path) -> list[str]:
    return _KEY.findall(path.read_text(encoding="utf-8"))
