"""The shape of brand.yml, checked with MkDocs' own config options.

Every problem is reported with the brand file, the key (and its line) and the fix.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
MIN_CONTRAST = 4.5
WHITE = "#ffffff"


class BrandError(ValueError):
    """brand.yml is missing, malformed or fails a check."""


class Colour(c.Type):
    def __init__(self, **kwargs):
        super().__init__(str, **kwargs)

    def run_validation(self, value):
        value = super().run_validation(value)
        if not HEX.match(value):
            raise ValidationError(f"'{value}' is not a colour. Write it as a hex colour, for example '#1f4e79'.")
        return value.lower()


class Colours(Config):
    primary = Colour()
    accent = Colour()


class SocialLink(Config):
    name = c.Type(str)
    url = c.URL()


class LanguageOverrides(Config):
    name = c.Optional(c.Type(str))
    short_name = c.Optional(c.Type(str))
    tagline = c.Optional(c.Type(str))
    copyright = c.Optional(c.Type(str))


class BrandConfig(Config):
    name = c.Type(str)
    short_name = c.Type(str)
    tagline = c.Type(str)
    logo = c.Type(str)
    favicon = c.Type(str)
    colors = c.SubConfig(Colours)
    phone = c.Optional(c.Type(str))
    email = c.Optional(c.Type(str))
    website = c.URL()
    address = c.Optional(c.Type(str))
    social = c.ListOfItems(c.SubConfig(SocialLink), default=[])
    copyright = c.Type(str)
    site_url = c.URL(is_dir=True)
    state = c.Type(str)
    languages = c.DictOfItems(c.SubConfig(LanguageOverrides), default={})


def load(path: Path) -> BrandConfig:
    """Read and check a brand file; raise BrandError naming the file, key and fix."""
    if not path.is_file():
        raise BrandError(f"Brand file {path} does not exist. Copy brand.yml from the repository root and edit it.")
    text = path.read_text(encoding="utf-8")
    try:
        raw = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark else ""
        raise BrandError(f"Brand file {path}{where} is not valid YAML: {getattr(error, 'problem', error)}.") from None
    if not isinstance(raw, dict):
        raise BrandError(f"Brand file {path} must be a list of 'key: value' settings.")
    brand = BrandConfig(config_file_path=str(path))
    brand.load_dict(raw)
    errors, warnings = brand.validate()
    problems = [(key, str(error)) for key, error in errors]
    problems += [(key, f"unknown key: {message.split(': ')[-1]}. Remove it or check its spelling.") for key, message in warnings if "Unrecognised" in message]
    problems += [(key, message) for key, message in warnings if "Unrecognised" not in message]
    if problems:
        key, message = problems[0]
        raise BrandError(f"Brand file {path}{_line(text, key)}, key '{key}': {_fix(key, message)}")
    _check_files(brand, path)
    _check_contrast(brand, path, text)
    return brand


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two hex colours."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _check_files(brand: BrandConfig, path: Path) -> None:
    for key in ("logo", "favicon"):
        target = path.parent / brand[key]
        if not target.is_file():
            raise BrandError(
                f"Brand file {path}{_line(path.read_text(encoding='utf-8'), key)}, key '{key}': the file "
                f"'{brand[key]}' does not exist (looked for {target}). Put the image there or fix the path; "
                f"paths are relative to the brand file."
            )


def _check_contrast(brand: BrandConfig, path: Path, text: str) -> None:
    ratio = contrast(WHITE, brand.colors.primary)
    if ratio < MIN_CONTRAST:
        raise BrandError(
            f"Brand file {path}{_line(text, 'colors')}, key 'colors.primary': white text on "
            f"{brand.colors.primary} has a contrast of {ratio:.2f}:1, below the {MIN_CONTRAST}:1 that "
            f"WCAG AA requires. Choose a darker colour."
        )


def _fix(key: str, message: str) -> str:
    if message.startswith("Required configuration not provided"):
        return "this setting is required. Add it (see brand.yml in the repository root for an example)."
    return message


def _line(text: str, key: str) -> str:
    """', line N' for the first part of a dotted key, when it is in the file."""
    first = key.split(".")[0]
    match = re.search(rf"^{re.escape(first)}\s*:", text, re.M)
    return f", line {text.count(chr(10), 0, match.start()) + 1}" if match else ""


def _luminance(colour: str) -> float:
    colour = colour.lstrip("#")
    if len(colour) == 3:
        colour = "".join(ch * 2 for ch in colour)
    channels = [int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [ch / 12.92 if ch <= 0.04045 else ((ch + 0.055) / 1.055) ** 2.4 for ch in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
