"""Page settings (the front matter between the `---` lines at the top of a page), checked.

MkDocs drops front matter it cannot read without a word: the page is built without its
settings and the `---` block shows as text. A misspelt key is dropped the same way. Both are
reported here, with the file and line.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import YAML_RE

from iep_guide.datafile import did_you_mean, plain_yaml_error

# What reads each key: MkDocs, Material for MkDocs (its documented page settings), or this guide.
KEYS = {
    "title": "MkDocs", "template": "MkDocs",
    "description": "Material", "hide": "Material", "icon": "Material", "status": "Material",
    "subtitle": "Material", "search": "Material", "tags": "Material",
    "translation_of": "the translation status (TRANSLATING.md)",
    "handout": "the print layout", "listen": "the Listen button", "glossary": "the glossary page",
}


def check(markdown: str, page: Page, root: Path) -> list[str]:
    """Problems with the page's front matter, each naming the file and line."""
    file = _name(page, root)
    found = YAML_RE.match(markdown)
    if found and not page.meta:
        return [_unreadable(file, found.group(1))]
    source = page.file.content_string
    problems = []
    for key in page.meta:
        if key not in KEYS:
            line = _line_of(source, key)
            problems.append(f"{file}, line {line}: unknown page setting '{key}'.{did_you_mean(key, KEYS)} "
                            f"Known settings: {', '.join(sorted(KEYS))}. Remove it or correct its name.")
    return problems


def _unreadable(file: str, block: str) -> str:
    try:
        data = yaml.safe_load(block)
    except yaml.MarkedYAMLError as error:
        line, problem = plain_yaml_error(error, block)
        where = f"line {line + 1}" if line else "its front matter"  # +1: the opening ---
        return (f"{file}, {where}: the page settings between the --- lines cannot be read: {problem} "
                f"Until this is fixed the page is built without its settings.")
    except yaml.YAMLError as error:
        return f"{file}: the page settings between the --- lines cannot be read ({error})."
    if data is None:
        return f"{file}, line 1: the --- lines at the top hold no page settings. Remove them, or add 'key: value' lines."
    return (f"{file}, line 2: the page settings between the --- lines must be 'key: value' lines, "
            f"not {type(data).__name__}. Until this is fixed the page is built without its settings.")


def _line_of(source: str, key: str) -> int:
    for number, line in enumerate(source.splitlines(), start=1):
        if line.startswith(f"{key}:"):
            return number
    return 1


def _name(page: Page, root: Path) -> str:
    path = Path(page.file.abs_src_path or page.file.src_uri)
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
