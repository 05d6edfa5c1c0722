"""What a language's search index is made of: the pages as Material's search plugin read them.

Material's plugin cuts every page of the language into sections at its headings and keeps
them as entries ({location, title, text}); the build already has them (languages.py keeps
each language's). They are grouped here by page, the page itself (no anchor) first. Their
text is Material's: its parser keeps only bare tags (<p>, <li>, <code>...) and escapes
everything else, so dropping the tags and unescaping gives the plain text.

The glossary page is one section per entry instead of one per letter: a search for a term
leads to the term (glossary/#iep), titled with it, its text the definition.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..glossary.data import Glossary

_TAG = re.compile(r"<[^>]*>")  # only Material's own bare tags: any '<' of the page's text is escaped


@dataclass(frozen=True)
class Section:
    anchor: str  # '' for the page itself
    title: str
    text: str


@dataclass
class Page:
    location: str  # as Material writes it, relative to the language's home: 'team/'
    sections: list[Section] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.sections[0].title


def from_entries(entries: Iterable[dict], glossary_location: str | None = None,
                 glossary: Glossary | None = None) -> list[Page]:
    """Material's entries of one language as pages, in the order Material indexed them."""
    pages: dict[str, Page] = {}
    for entry in entries:
        path, _, anchor = entry["location"].partition("#")
        page = pages.get(path)
        if page is None:
            page = pages[path] = Page(path)
        page.sections.append(Section(anchor, plain(entry["title"]), plain(entry["text"])))
    for page in pages.values():
        if page.sections[0].anchor:  # a page whose text starts under a heading: the page itself first
            page.sections.insert(0, Section("", page.sections[0].title, ""))
    if glossary is not None and glossary_location in pages:
        page = pages[glossary_location]
        page.sections = [page.sections[0]] + [
            Section(entry.id, entry.term, " ".join([entry.short, *entry.long_paragraphs]))
            for _, entry in glossary.sorted_entries()]
    return list(pages.values())


def plain(markup: str) -> str:
    """Material's search text as plain text, white space collapsed."""
    return " ".join(html.unescape(_TAG.sub(" ", markup)).split())
