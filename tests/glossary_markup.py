"""Glossary marking on HTML strings, for the matcher's unit and property tests: the HTML is
parsed as Markdown's element tree is (xml.etree), marked with mark_tree, and written back."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from iep_guide.glossary.mark import mark_tree
from iep_guide.glossary.match import Matcher

FORMS = {
    "iep": ["IEP", "IEPs", "Individualized Education Program"],
    "iep-team": ["IEP team"],
    "education": ["education"],
    "idea": ["IDEA", "Individuals with Disabilities Education Act"],
    "evaluation": ["evaluación", "evaluacion"],
    "child": ["niño"],
    "consent": ["consent"],
    "504": ["504 plan"],
}
MATCHER = Matcher((form, entry_id) for entry_id, forms in FORMS.items() for form in forms)


def make_link(entry_id: str, text: str) -> ET.Element:
    link = ET.Element("a", {"class": "glossary-term", "data-glossary-id": entry_id, "href": f"glossary/#{entry_id}"})
    link.text = text
    return link


def parse(html: str) -> ET.Element:
    return ET.fromstring(f"<div>{html}</div>")


def serialize(root: ET.Element) -> str:
    return ET.tostring(root, encoding="unicode", method="html")[len("<div>"):-len("</div>")]


def mark_html(html: str, matcher: Matcher = MATCHER, **options) -> tuple[str, list[str]] | None:
    """(marked HTML, ids linked), or None when nothing was marked."""
    root = parse(html)
    used = mark_tree(root, matcher, make_link, **options)
    return (serialize(root), used) if used else None


def mark(html: str, **options) -> str:
    result = mark_html(html, **options)
    return html if result is None else result[0]


def linked(html: str, **options) -> list[tuple[str | None, str | None]]:
    return [(a.text, a.get("data-glossary-id")) for a in parse(mark(html, **options)).iter("a")]


def text_of(html: str) -> str:
    return "".join(parse(html).itertext())
