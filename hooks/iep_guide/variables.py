"""`{{ state.<key> }}` and `{{ brand.<key> }}` in pages, replaced with their values in the
language being built.

`state.*` come from the active state profile (states.py); `brand.*` are the organization's
texts from the brand file. An unknown variable is a warning naming the page, its line and
the closest known variable, so a strict build fails on it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from mkdocs.utils.meta import YAML_RE

from . import datafile
from .brand import Brand
from .state import BuildState
from .states import StateRules

log = logging.getLogger("mkdocs.hooks.variables")

BRAND_KEYS = ("name", "short_name", "tagline", "website", "phone", "email")
VARIABLE = re.compile(r"\{\{\s*([A-Za-z_][\w.]*)\s*\}\}")


def substitute(markdown: str, state: BuildState, lang: str, src_uri: str, source: str) -> str:
    """The page's Markdown with its variables replaced. `source` is the whole file, so that
    messages count lines from its top, front matter included."""
    first_line = body_line(source)
    return fill(markdown, state, lang, lambda offset: f"Doc file '{src_uri}' line "
                                                      f"{first_line + markdown.count(chr(10), 0, offset)}")


def fill(text: str, state: BuildState, lang: str, where: Callable[[int], str]) -> str:
    """`text` with its variables replaced; an unknown one is a warning that starts with
    `where(offset of the variable)` and stays as written."""
    brand = brand_values(state.brand, lang)

    def replace(match: re.Match) -> str:
        name = match.group(1)
        value = lookup(name, state.profile, lang, brand)
        if value is None:
            names = known(state)
            hint = datafile.did_you_mean(name, names) or f" Known variables: {', '.join(names)}."
            log.warning(f"{where(match.start())} uses an unknown variable '{match.group(0)}'.{hint}")
            return match.group(0)
        return value

    return VARIABLE.sub(replace, text) if "{{" in text else text


def brand_values(brand: Brand, lang: str) -> dict[str, str | None]:
    """What `{{ brand.* }}` can show, in a language."""
    return brand.texts_in(lang) | {"website": brand.website, "phone": brand.phone, "email": brand.email}


def lookup(name: str, profile: StateRules, lang: str, brand: dict) -> str | None:
    """A variable's value ('state.transition_age', 'brand.name'); None for an unknown one."""
    namespace, _, key = name.partition(".")
    if namespace == "state" and key:
        return profile.text(key, lang)
    if namespace == "brand" and key in BRAND_KEYS:
        return brand.get(key) or ""
    return None


def body_line(source: str) -> int:
    """The line of a page file where its Markdown starts, after the front matter."""
    match = YAML_RE.match(source)
    if match is None:
        return 1
    rest = source[match.end():]
    return source.count("\n", 0, match.end()) + 1 + (len(rest) - len(rest.lstrip("\n")))


def known(state: BuildState) -> list[str]:
    return [f"state.{name}" for name in state.profile.variables()] + [f"brand.{key}" for key in BRAND_KEYS]
