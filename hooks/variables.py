"""Replace `{{ state.<key> }}` and `{{ brand.<key> }}` in pages with their values.

`state.*` come from the active state profile: `state` in brand.yml, or
`IEP_STATE=<id>` for one build. `brand.*` are the organization's texts from brand.yml
(name, short_name, tagline, website, phone, email). Values come in the language being
built. An unknown variable is a warning naming the page and line, so a strict build
fails on it.
"""

from __future__ import annotations

import logging
import os
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import state_profiles
from i18n_context import build_language, default_language

log = logging.getLogger("mkdocs.hooks.variables")

BRAND_KEYS = ("name", "short_name", "tagline", "website", "phone", "email")
VARIABLE = re.compile(r"\{\{\s*([A-Za-z_][\w.]*)\s*\}\}")
_profile: state_profiles.Profile | None = None


def on_config(config: MkDocsConfig) -> None:
    global _profile
    profile_id = os.environ.get("IEP_STATE") or config.extra.get("state") or "federal"
    try:
        _profile = state_profiles.load(profile_id)
    except state_profiles.ProfileError as error:
        setting = "IEP_STATE" if os.environ.get("IEP_STATE") else "'state' in the brand file"
        raise PluginError(f"{error} (the profile is chosen by {setting})") from None


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang, default = build_language(config), default_language(config)

    def replace(match: re.Match) -> str:
        name = match.group(1)
        value = _lookup(name, lang, default, config.extra.get("brand", {}))
        if value is None:
            line = markdown.count("\n", 0, match.start()) + 1
            log.warning(
                f"Doc file '{page.file.src_uri}' line {line} uses an unknown variable "
                f"'{match.group(0)}'. Known variables: "
                + ", ".join([f"state.{v}" for v in _profile.variables()] + [f"brand.{k}" for k in BRAND_KEYS])
                + "."
            )
            return match.group(0)
        return value

    return VARIABLE.sub(replace, markdown)


def _lookup(name: str, lang: str, default: str, brand: dict) -> str | None:
    namespace, _, key = name.partition(".")
    if namespace == "state" and key:
        return _profile.text(key, lang, default)
    if namespace == "brand" and key in BRAND_KEYS:
        return brand.get(key) or ""
    return None
