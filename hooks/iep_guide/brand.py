"""The organization's brand file (brand.yml, or the `brand_file` option): its shape, its
checks, and what it sets in each language's build.

Name, tagline, copyright, site URL, logo, favicon, colours, contact details and the state
profile all come from it, in the language being built where the brand file gives a
translation. Templates read `config.extra.brand`; pages use `{{ brand.name }}`.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError
from mkdocs.config.defaults import MkDocsConfig

from . import datafile as d

KIND = "Brand file"
ASSETS = "assets/brand"
TEXT_KEYS = ("name", "short_name", "tagline", "copyright")
MIN_CONTRAST = 4.5  # white text on the primary colour (WCAG 1.4.3)
MIN_FOCUS_CONTRAST = 3.0  # the accent's focus ring against the page and the header (WCAG 1.4.11)
WHITE = "#ffffff"
SOCIAL_ICONS = {
    "facebook.com": "fontawesome/brands/facebook",
    "instagram.com": "fontawesome/brands/instagram",
    "x.com": "fontawesome/brands/x-twitter",
    "twitter.com": "fontawesome/brands/x-twitter",
    "youtube.com": "fontawesome/brands/youtube",
    "linkedin.com": "fontawesome/brands/linkedin",
}
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Brand:
    path: Path
    texts: dict[str, str]  # name, short_name, tagline, copyright in the default language
    translations: dict[str, dict[str, str]]  # language -> the texts it gives
    logo: Path
    favicon: Path
    colors: dict[str, str]  # primary, accent, as lowercase hex
    phone: str | None
    email: str | None
    website: str
    address: str | None
    social: list[dict[str, str]]  # name, url
    site_url: str
    state: str

    def texts_in(self, lang: str) -> dict[str, str]:
        return {**self.texts, **self.translations.get(lang, {})}


def load(path: Path, languages: list[str], shown: str | None = None) -> Brand:
    """Read and check a brand file; a DataError lists every problem with its line and fix."""
    doc = d.read(path, KIND, shown or str(path))
    if doc.root is None:
        doc.problem(None, "the file is empty. Copy brand.yml from the repository root and edit it.")
        doc.check()
    values = _schema(languages).convert(doc.root, doc) or {}
    doc.check()
    colors = {key: value.lower() for key, value in values["colors"].items()}
    _check_contrast(doc, colors)
    for key in ("logo", "favicon"):
        _check_image(doc, key, path.parent / values[key], values[key])
    doc.check()
    return Brand(
        path=path,
        texts={key: values[key] for key in TEXT_KEYS},
        translations={lang: {key: value for key, value in texts.items() if value}
                      for lang, texts in values["languages"].items()},
        logo=path.parent / values["logo"],
        favicon=path.parent / values["favicon"],
        colors=colors,
        phone=values["phone"],
        email=values["email"],
        website=values["website"],
        address=values["address"],
        social=values["social"],
        site_url=values["site_url"],
        state=values["state"],
    )


def watch(brand: Brand, config: MkDocsConfig) -> None:
    """`mkdocs serve` rebuilds when the brand file used, or its images, change (mkdocs.yml's
    `watch` lists brand.yml and brand/; BRAND_FILE may name another)."""
    for path in (brand.path, brand.logo.parent, brand.favicon.parent):
        if str(path) not in config.watch and not any(path.is_relative_to(Path(w).resolve()) for w in config.watch):
            config.watch.append(str(path))


def apply(brand: Brand, config: MkDocsConfig, lang: str) -> None:
    """Set the site's name, URL, logo, colours and contact details for the language built."""
    texts = brand.texts_in(lang)
    config.site_name = texts["name"]
    config.copyright = texts["copyright"]
    config.site_url = brand.site_url
    config.theme["logo"] = f"{ASSETS}/{brand.logo.name}"
    config.theme["favicon"] = f"{ASSETS}/{brand.favicon.name}"
    config.extra["brand"] = {
        **texts,
        "phone": brand.phone,
        "phone_link": _tel(brand.phone) if brand.phone else None,
        "email": brand.email,
        "website": brand.website,
        "address": brand.address,
        "social": [dict(link) for link in brand.social],
        "colors": dict(brand.colors),
    }
    config.extra["social"] = [
        {"icon": _social_icon(link["url"]), "link": link["url"], "name": link["name"]} for link in brand.social
    ]


def copy_files(brand: Brand, site_dir: Path) -> None:
    target = site_dir / ASSETS
    target.mkdir(parents=True, exist_ok=True)
    for source in (brand.logo, brand.favicon):
        shutil.copyfile(source, target / source.name)


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two hex colours."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# -- the schema ---------------------------------------------------------------------------


def _schema(languages: list[str]) -> d.Record:
    text = d.Text()
    optional_text = d.Text()
    translation = d.Record({key: d.Text() for key in TEXT_KEYS}, what="setting")
    fields = {
        "name": text,
        "short_name": text,
        "tagline": text,
        "logo": text,
        "favicon": text,
        "colors": d.Record({"primary": d.Text(check=_colour), "accent": d.Text(check=_colour)},
                           required=frozenset({"primary", "accent"})),
        "phone": optional_text,
        "email": d.Text(check=_email),
        "website": d.Text(check=_url(is_dir=False)),
        "address": optional_text,
        "social": d.ListOf(d.Record({"name": text, "url": d.Text(check=_url(is_dir=False))},
                                    required=frozenset({"name", "url"}))),
        "copyright": text,
        "site_url": d.Text(check=_url(is_dir=True)),
        "state": text,
        "languages": d.MapOf(translation, key_check=lambda key: _language(key, languages)),
    }
    required = frozenset(fields) - {"phone", "email", "address", "social", "languages"}
    return d.Record(fields, required=required, defaults={"social": [], "languages": {}})


def _colour(value: str) -> str | None:
    if _HEX.match(value):
        return None
    return f"'{value}' is not a colour. Write it as a hex colour in quotes, for example \"#12324f\"."


def _email(value: str) -> str | None:
    return None if _EMAIL.match(value) else f"'{value}' is not an email address, like help@example.org."


def _url(is_dir: bool):
    option = c.URL(is_dir=is_dir)

    def check(value: str) -> str | None:
        try:
            option.validate(value)
        except ValidationError as error:
            return f"{error}."
        return None

    return check


def _language(key: str, languages: list[str]) -> str | None:
    if key in languages:
        return None
    return (f"'{key}' is not a language of this site ({', '.join(languages)}).{d.did_you_mean(key, languages, 0.5)} "
            f"Languages are listed under the i18n plugin in mkdocs.yml.")


def _check_contrast(doc: d.Document, colors: dict[str, str]) -> None:
    ratio = contrast(WHITE, colors["primary"])
    if ratio < MIN_CONTRAST:
        node = _node(doc, "colors").value["primary"]
        doc.problem(node, f"white text on {colors['primary']} has a contrast of {ratio:.2f}:1, below the "
                          f"{MIN_CONTRAST}:1 that WCAG AA requires. Choose a darker colour.")
        return
    accent = colors["accent"]
    on_page, on_header = contrast(WHITE, accent), contrast(colors["primary"], accent)
    if min(on_page, on_header) < MIN_FOCUS_CONTRAST:
        node = _node(doc, "colors").value["accent"]
        weak = [f"{ratio:.2f}:1 against {where}" for ratio, where in
                ((on_page, "the white page"), (on_header, f"the header ({colors['primary']})"))
                if ratio < MIN_FOCUS_CONTRAST]
        advice = ("Choose a darker accent." if on_page < MIN_FOCUS_CONTRAST else
                  "Choose a brighter accent, or a darker primary colour.")
        doc.problem(node, f"the accent colour {accent} draws the focus ring keyboard users follow, on the page and "
                          f"in the header; it needs {MIN_FOCUS_CONTRAST:g}:1 against both (WCAG 1.4.11), but has "
                          f"{' and '.join(weak)}. {advice}")


def _node(doc: d.Document, key: str) -> d.Node:
    """A top-level key's node, once the file is read and checked (so the key is there)."""
    assert doc.root is not None
    assert isinstance(doc.root.value, dict)
    return doc.root.value[key]


_IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF8", b"\x00\x00\x01\x00")


def _check_image(doc: d.Document, key: str, target: Path, written: str) -> None:
    node = _node(doc, key)
    if not target.is_file():
        folder = target.parent
        present = sorted(p.name for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []
        listing = f" Files in {folder.name}/: {', '.join(present)}." if present else ""
        doc.problem(node, f"the file '{written}' does not exist (looked for {target}).{listing} Put the image "
                          f"there or fix the path; paths are relative to the brand file.")
        return
    head = target.read_bytes()[:512]
    is_image = head.startswith(_IMAGE_SIGNATURES) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP") \
        or b"<svg" in head.lower() or head.lstrip().startswith(b"<?xml")
    if not is_image:
        doc.problem(node, f"'{written}' is not an image (SVG, PNG, JPEG, GIF, WebP or ICO). Use an image file.")


def _social_icon(url: str) -> str:
    host = urlsplit(url).netloc.removeprefix("www.")
    return SOCIAL_ICONS.get(host, "material/web")


def _tel(phone: str) -> str:
    return "tel:" + "".join(ch for ch in phone if ch.isdigit() or ch == "+")


def _luminance(colour: str) -> float:
    colour = colour.lstrip("#")
    if len(colour) == 3:
        colour = "".join(ch * 2 for ch in colour)
    channels = [int(colour[i: i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [ch / 12.92 if ch <= 0.04045 else ((ch + 0.055) / 1.055) ** 2.4 for ch in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
