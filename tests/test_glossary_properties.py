"""Property-based tests of the term matcher on random text and HTML."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary_markup import FORMS, MATCHER, mark_html, parse, text_of
from iep_guide.glossary.match import Matcher

WORDS = sorted({form for forms in FORMS.values() for form in forms}
               | {"idea", "iep", "Education", "niños", "the", "a", "Ñ", "ß", "İ", ",", "(", ")", "'s", "-"})
CHARS = st.characters(blacklist_categories=("Cs", "Cc"))
TEXT = st.lists(st.one_of(st.sampled_from(WORDS), st.text(CHARS, max_size=6)), max_size=12).map(
    lambda parts: " ".join(parts))
TAGS = ["p", "em", "strong", "span", "a", "code", "h2", "li", "div", "abbr"]


@st.composite
def fragments(draw, depth=0, in_link=False):
    """Valid HTML: block and inline elements, links never nested (as Markdown makes them)."""
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 3 and draw(st.booleans()):
            tag = draw(st.sampled_from([t for t in TAGS if not (in_link and t == "a")]))
            attributes = ' href="x"' if tag == "a" else ""
            inner = draw(fragments(depth + 1, in_link or tag == "a"))
            parts.append(f"<{tag}{attributes}>{inner}</{tag}>")
        else:
            parts.append(html.escape(draw(TEXT)))
    return "".join(parts)


PAGES = fragments().map(lambda inner: f"<div>{inner}</div>")


def marked(page: str, every: bool = False) -> str:
    result = mark_html(page, every=every)
    return page if result is None else result[0]


@settings(max_examples=60, deadline=None)
@given(PAGES, st.booleans())
def test_visible_text_unchanged(page, every):
    assert text_of(marked(page, every)) == text_of(page)


@settings(max_examples=60, deadline=None)
@given(PAGES, st.booleans())
def test_never_a_link_inside_a_link(page, every):
    root = parse(marked(page, every))
    assert [inner for a in root.iter("a") for inner in a.iter("a") if inner is not a] == []
    assert all(len(a) == 0 for a in root.iter("a") if a.get("data-glossary-id"))


@settings(max_examples=60, deadline=None)
@given(PAGES, st.booleans())
def test_marking_twice_changes_nothing_more(page, every):
    once = marked(page, every)
    assert mark_html(once, every=every) is None


@settings(max_examples=60, deadline=None)
@given(PAGES)
def test_each_term_linked_at_most_once(page):
    ids = [a.get("data-glossary-id") for a in parse(marked(page)).iter("a") if a.get("data-glossary-id")]
    assert len(ids) == len(set(ids))


def words(text: str) -> str:
    """What a match compares: lowercase words, whatever separates them."""
    return " ".join(re.findall(r"\w+", text.lower()))


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_matches_are_whole_words_without_overlap(text):
    forms = {words(form): entry_id for entry_id, forms in FORMS.items() for form in forms}
    cursor = 0
    for start, end, entry_id in MATCHER.find(text):
        assert start >= cursor
        cursor = end
        assert forms[words(text[start:end])] == entry_id
        assert start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_")
        assert end == len(text) or not (text[end].isalnum() or text[end] == "_")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(CHARS, min_size=1, max_size=10), max_size=8), TEXT)
def test_any_forms_build_and_match(forms, text):
    matcher = Matcher((form, f"id{index}") for index, form in enumerate(forms))
    for start, end, _ in matcher.find(text):
        assert 0 <= start < end <= len(text)
