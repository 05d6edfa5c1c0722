"""This site's own stylesheets, as written to the site: without their comments.

The comments in overrides/assets/stylesheets/ explain each rule to the people who edit them;
a phone has no use for them, and the stylesheets in the page's <head> hold back its first paint
(scripts/page_weight.py budgets them). Material's own CSS comes minified already.
"""

from __future__ import annotations

from pathlib import Path


def strip_comments(css: str) -> str:
    """The CSS without /* comments */ and the blank lines they leave; strings are kept as written."""
    kept, position, quote = [], 0, ""
    start = 0
    while position < len(css):
        char = css[position]
        if quote:
            if char == "\\":
                position += 2
                continue
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif css.startswith("/*", position):
            end = css.find("*/", position + 2)
            kept.append(css[start:position])
            position = len(css) if end == -1 else end + 2
            start = position
            continue
        position += 1
    kept.append(css[start:])
    return "\n".join(line.rstrip() for line in "".join(kept).splitlines() if line.strip()) + "\n"


def write(site_dir: Path, theme_dir: Path | None) -> None:
    """Strip the comments of the stylesheets the theme overrides folder gave the site."""
    if theme_dir is None:
        return
    for source in (theme_dir / "assets" / "stylesheets").glob("*.css"):
        path = site_dir / source.relative_to(theme_dir)
        if path.is_file():
            path.write_text(strip_comments(path.read_text(encoding="utf-8")), encoding="utf-8")
