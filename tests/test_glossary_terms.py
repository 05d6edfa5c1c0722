"""Every glossary term that a page of the guide uses is linked on that page.

The hook links a term only where the page writes one of the entry's match forms exactly
(accents and word endings included). This test reads each built page of the real site the
way a reader would: it finds each entry's term and match forms written a little
differently too, in any case, with or without accents, in the singular or the plural and,
in Spanish, with "de" or "del" and with or without an article ("discapacidad del
aprendizaje" is "discapacidad de aprendizaje"). Wherever such a form stands on its own in
the article's text (outside headings, links and code, and not inside a longer term the
hook links instead), the entry must be linked at least once on the page. When this test
fails, add the form the page uses to the entry's `match` list in data/glossary/<lang>.yml.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pytest

from iep_guide.glossary import data
from iep_guide.glossary.match import Matcher
from sitebuild import ROOT

LANGUAGES = ["en", "es"]
PAGES = sorted(
    "" if path.stem == "index" else f"{path.stem}/"
    for path in (ROOT / "docs" / "en").glob("*.md")
    if path.name != "glossary.md"  # the glossary page itself is not marked
)
# Text under these elements is not the article's running text: headings, links (the
# glossary's own links too), code; and the hidden definitions the hook adds.
SKIP_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "kbd", "samp", "script", "style", "template"}
SKIP_CLASSES = {"no-glossary", "glossary-tips"}
WORD = re.compile(r"\w+")
# Spanish: "del" is "de" + "el", and an article between words does not change the term.
SPANISH_FOLD = {"del": "de"}
SPANISH_ARTICLES = {"el", "la", "los", "las"}
GLOSSARIES = data.load_all(ROOT, LANGUAGES)


@dataclass(frozen=True)
class Token:
    key: str
    start: int
    end: int


def _is_acronym(word: str) -> bool:
    return sum(ch.isupper() for ch in word) >= 2


def _singular(word: str, lang: str) -> str:
    """One key for the singular and the plural: "evaluaciones" and "evaluación" alike."""
    if lang == "es":
        if len(word) > 4 and word.endswith("es") and word[-3] in "dlnrzj":
            return word[:-2]  # discapacidades, evaluaciones, anuales
    elif word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"  # disabilities
    elif word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]  # classes
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _key(word: str, lang: str) -> str:
    if _is_acronym(word):  # "IEP", "IEPs": exact case, as the hook matches them
        return "=" + (word[:-1] if word.endswith("s") else word)
    folded = unicodedata.normalize("NFD", word.lower())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _singular(folded, lang)


def tokens(text: str, lang: str) -> list[Token]:
    result = []
    for match in WORD.finditer(unicodedata.normalize("NFC", text)):
        word = match.group()
        if lang == "es":
            lowered = word.lower()
            if lowered in SPANISH_ARTICLES:
                continue
            word = SPANISH_FOLD.get(lowered, word)
        result.append(Token(_key(word, lang), match.start(), match.end()))
    return result


def occurrences(text: str, form_keys: tuple[str, ...], lang: str) -> list[tuple[int, int]]:
    return _occurrences(tokens(text, lang), form_keys)


def _occurrences(found: list[Token], form_keys: tuple[str, ...]) -> list[tuple[int, int]]:
    size = len(form_keys)
    return [
        (found[i].start, found[i + size - 1].end)
        for i in range(len(found) - size + 1)
        if found[i].key == form_keys[0] and tuple(token.key for token in found[i : i + size]) == form_keys
    ]


def texts(element) -> list[str]:
    """The article's running text, one string per text node, as the hook searches it."""
    pieces = []
    if element.text and element.text.strip():
        pieces.append(element.text)
    for child in element:
        if isinstance(child.tag, str) and not _skipped(child):
            pieces.extend(texts(child))
        if child.tail and child.tail.strip():
            pieces.append(child.tail)
    return pieces


def _skipped(element) -> bool:
    return element.tag in SKIP_TAGS or not SKIP_CLASSES.isdisjoint((element.get("class") or "").split())


def _forms(lang: str) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    forms = {}
    for entry in GLOSSARIES[lang].entries.values():
        forms[entry.id] = [(form, tuple(t.key for t in tokens(form, lang))) for form in entry.forms]
    return forms


FORMS = {lang: _forms(lang) for lang in LANGUAGES}
MATCHERS = {
    lang: Matcher((form, entry.id) for entry in GLOSSARIES[lang].entries.values() for form in entry.forms)
    for lang in LANGUAGES
}


def terms_used(pieces: list[str], lang: str) -> dict[str, str]:
    """{entry id: the text where the page uses it}, for each term standing on its own."""
    used = {}
    for text in pieces:
        hook_hits = MATCHERS[lang].find(text)
        found = tokens(text, lang)
        present = {token.key for token in found}
        for entry_id, forms in FORMS[lang].items():
            if entry_id in used:
                continue
            for _, keys in forms:
                if not keys or keys[0] not in present:
                    continue
                for start, end in _occurrences(found, keys):
                    inside_other = any(
                        other != entry_id and hit_start < end and start < hit_end
                        for hit_start, hit_end, other in hook_hits
                    )
                    if not inside_other:
                        used[entry_id] = text[start:end]
                        break
                if entry_id in used:
                    break
    return used


def keys(form: str, lang: str) -> tuple[str, ...]:
    return tuple(token.key for token in tokens(form, lang))


def test_de_and_del_and_articles_read_alike_in_spanish():
    assert occurrences("una discapacidad del aprendizaje", keys("discapacidad de aprendizaje", "es"), "es")
    assert occurrences("el plan de intervención de conducta", keys("plan de intervención de la conducta", "es"), "es")


def test_case_accents_and_plurals_read_alike():
    assert occurrences("Las Evaluaciones", keys("evaluación", "es"), "es")
    assert occurrences("measurable annual goal", keys("measurable annual goals", "en"), "en")
    assert occurrences("regular classes", keys("regular class", "en"), "en")
    assert occurrences("learning disabilities", keys("learning disability", "en"), "en")


def test_acronyms_keep_their_case():
    assert occurrences("two IEPs", keys("IEP", "en"), "en")
    assert not occurrences("an iep", keys("IEP", "en"), "en")


def test_a_term_inside_a_longer_term_does_not_count():
    pieces = ["Pida una evaluación educativa independiente."]
    assert "iee" in terms_used(pieces, "es")
    assert "evaluation" not in terms_used(pieces, "es")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("url", PAGES, ids=lambda url: url or "index")
def test_every_glossary_term_a_page_uses_is_linked_there(real_site, lang, url):
    page = real_site.page(("es/" if lang == "es" else "") + url)
    (article,) = page.xpath("//article")
    content = article.xpath("./div")  # the page's own Markdown, without notices or contact
    pieces = [text for div in content for text in texts(div)]
    linked = {a.get("data-glossary-id") for a in article.xpath(".//a[contains(@class, 'glossary-term')]")}
    missing = {entry_id: text for entry_id, text in terms_used(pieces, lang).items() if entry_id not in linked}
    assert missing == {}, (
        f"{lang}/{url or 'index'}: these terms are on the page but not linked; add the page's "
        f"wording to their match forms in data/glossary/{lang}.yml: {missing}"
    )
