"""Apply the organization's brand file (brand.yml, or BRAND_FILE=path) to the site.

Name, tagline, copyright, site URL, logo, favicon, colours, contact details and the
state profile all come from it, in the language being built where the brand file
gives a translation. Templates read `config.extra.brand`; pages use `{{ brand.name }}`.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import brand_schema
from i18n_context import build_language

ASSETS = "assets/brand"
SOCIAL_ICONS = {
    "facebook.com": "fontawesome/brands/facebook",
    "instagram.com": "fontawesome/brands/instagram",
    "x.com": "fontawesome/brands/x-twitter",
    "twitter.com": "fontawesome/brands/x-twitter",
    "youtube.com": "fontawesome/brands/youtube",
    "linkedin.com": "fontawesome/brands/linkedin",
}
TEXT_KEYS = ("name", "short_name", "tagline", "copyright")


@event_priority(90)  # before the variables hook reads the state profile
def on_config(config: MkDocsConfig) -> None:
    path = _brand_path(config)
    try:
        brand = brand_schema.load(path)
    except brand_schema.BrandError as error:
        raise PluginError(str(error)) from None
    lang = build_language(config)
    texts = {key: brand[key] for key in TEXT_KEYS}
    overrides = brand.languages.get(lang)
    if overrides:
        texts.update({key: overrides[key] for key in TEXT_KEYS if overrides[key]})
    config.site_name = texts["name"]
    config.copyright = texts["copyright"]
    config.site_url = brand.site_url
    config.extra["state"] = brand.state
    config.theme["logo"] = f"{ASSETS}/{Path(brand.logo).name}"
    config.theme["favicon"] = f"{ASSETS}/{Path(brand.favicon).name}"
    config.extra["brand"] = {
        **texts,
        "phone": brand.phone,
        "phone_link": _tel(brand.phone) if brand.phone else None,
        "email": brand.email,
        "website": brand.website,
        "address": brand.address,
        "social": [dict(link) for link in brand.social],
        "colors": dict(brand.colors),
        "files": [path.parent / brand.logo, path.parent / brand.favicon],
    }
    config.extra["social"] = [
        {"icon": _social_icon(link.url), "link": link.url, "name": link.name} for link in brand.social
    ]


def on_post_build(config: MkDocsConfig) -> None:
    target = Path(config.site_dir) / ASSETS
    target.mkdir(parents=True, exist_ok=True)
    for source in config.extra["brand"]["files"]:
        shutil.copyfile(source, target / source.name)


def _brand_path(config: MkDocsConfig) -> Path:
    root = Path(config.config_file_path).parent
    chosen = os.environ.get("BRAND_FILE")
    return (root / chosen).resolve() if chosen else root / "brand.yml"


def _social_icon(url: str) -> str:
    host = urlsplit(url).netloc.removeprefix("www.")
    return SOCIAL_ICONS.get(host, "material/web")


def _tel(phone: str) -> str:
    digits = "".join(ch for ch in phone if ch.isdigit() or ch == "+")
    return "tel:" + digits
