"""The guide's pages: both languages, same ids, sources cited, readable, state values."""

import re
from collections import Counter

import pytest
import yaml

from iep_guide.glossary import data as glossary_data
from iep_tools import readability, translations
from sitebuild import ROOT

DOCS = ROOT / "docs"
LANGUAGES = ["en", "es"]
TOPICS = ["what-is-an-iep.md", "benefits.md", "process.md", "evaluation.md", "disagree.md", "rights.md", "team.md",
          "esy.md", "prepare.md", "iep-or-504.md", "transition.md", "discipline.md", "letters.md"]
HEADING_ID = re.compile(r"^#{2,6} .*\{ *#([\w-]+) *\}\s*$", re.M)
CITATION = re.compile(r"§ ?300\.\d+")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
NUMBER = re.compile(r"\d+")
SECTION = re.compile(r"§+ ?\d+\.\d+(?:\([a-z0-9]+\))*")  # "§300.503", "§300.300(a)(3)"
MARKUP = re.compile(r"\{\{.*?\}\}|\{ *#[\w-]+ *\}")  # variables and heading ids
SCORES = readability.measure_all()
GLOSSARIES = glossary_data.load_all(ROOT, LANGUAGES)


def pages(lang):
    return sorted(p.relative_to(DOCS / lang).as_posix() for p in (DOCS / lang).rglob("*.md"))


def test_every_page_exists_in_both_languages():
    assert pages("en") == pages("es")


@pytest.mark.parametrize("name", pages("en"))
def test_heading_ids_match_across_languages(name):
    ids = {lang: HEADING_ID.findall((DOCS / lang / name).read_text(encoding="utf-8")) for lang in LANGUAGES}
    assert ids["en"] == ids["es"]


def _facts(text: str) -> tuple[Counter, Counter]:
    """The numbers and the § citations of a text, each with how often it appears."""
    text = MARKUP.sub(" ", FRONT_MATTER.sub("", text))
    return Counter(NUMBER.findall(text)), Counter(SECTION.findall(text))


@pytest.mark.parametrize("name", pages("en"))
def test_numbers_and_citations_match_across_languages(name):
    """Every figure (days, ages, years) and every § citation of a page is in its translation
    as often as in the English, and nothing else is."""
    (en_numbers, en_sections), (es_numbers, es_sections) = (
        _facts((DOCS / lang / name).read_text(encoding="utf-8")) for lang in LANGUAGES
    )
    assert es_sections == en_sections
    assert es_numbers == en_numbers


@pytest.mark.parametrize("entry_id", sorted(GLOSSARIES["en"].entries))
@pytest.mark.parametrize("part", ["short", "long"])
def test_glossary_numbers_and_citations_match_across_languages(entry_id, part):
    """The same for each glossary definition: the tooltip (short) and the explanation (long)."""
    en, es = (getattr(GLOSSARIES[lang].entries[entry_id], part) or "" for lang in LANGUAGES)
    assert _facts(es) == _facts(en)
    assert bool(es) == bool(en), f"{entry_id}: {part} is in one language only"


def _translated_texts(data, path=""):
    """(where, English, Spanish) for each text of a YAML tree given in both languages."""
    if isinstance(data, dict) and set(LANGUAGES) <= set(data) and all(isinstance(data[lang], str) for lang in LANGUAGES):
        yield path, data["en"], data["es"]
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _translated_texts(value, f"{path}.{key}" if path else str(key))


def _leaves(data, path=""):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, str):
        yield path, data


STATE_TEXTS = [(f"{profile.stem}: {where}", en, es)
               for profile in sorted((ROOT / "data" / "states").glob("*.yml"))
               for where, en, es in _translated_texts(yaml.safe_load(profile.read_text(encoding="utf-8")))]
_WORDS = {lang: dict(_leaves(yaml.safe_load((ROOT / "data" / "states" / "text" / f"{lang}.yml").read_text(encoding="utf-8"))))
          for lang in LANGUAGES}
STATE_TEXTS += [(f"text: {key}", text, _WORDS["es"].get(key, "")) for key, text in _WORDS["en"].items()]


@pytest.mark.parametrize(("where", "en", "es"), STATE_TEXTS, ids=[where for where, _, _ in STATE_TEXTS])
def test_state_profile_numbers_and_citations_match_across_languages(where, en, es):
    """The same for each text a state profile gives in both languages, and for the words
    the guide explains each rule with (data/states/text/)."""
    assert _facts(es) == _facts(en)
    assert bool(es) == bool(en), f"{where} is in one language only"


@pytest.mark.parametrize("name", TOPICS)
def test_every_h2_has_an_explicit_id(name):
    for lang in LANGUAGES:
        text = (DOCS / lang / name).read_text(encoding="utf-8")
        bare = [line for line in text.splitlines() if line.startswith("## ") and "{ #" not in line]
        assert bare == [], f"{lang}/{name}: give these headings an explicit id"


def test_real_site_builds_without_warnings(real_site):
    assert real_site.warnings == []


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", TOPICS)
def test_topic_page_ends_with_sources_citing_sections(real_site, lang, name):
    url = ("es/" if lang == "es" else "") + name.removesuffix(".md") + "/"
    article = real_site.page(url).xpath("//article")[0]
    headings = article.xpath(".//h2")
    assert headings[-1].get("id") == "sources", "Sources is the last section"
    citations = [li.text_content() for li in headings[-1].xpath("following-sibling::ul[1]/li")]
    assert any(CITATION.search(text) for text in citations)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", TOPICS)
def test_topic_page_has_something_to_do(lang, name):
    text = (DOCS / lang / name).read_text(encoding="utf-8")
    assert re.search(r"\{ #(what-you-can-do|questions-to-ask|questions|what-to-ask) \}", text)


@pytest.mark.parametrize("score", [s for s in SCORES if s.page in TOPICS], ids=lambda s: f"{s.lang}/{s.page}")
def test_topic_page_length(score):
    assert 500 <= score.words <= 1500


def test_no_variable_markup_reaches_the_output(real_site):
    leftovers = [
        path.relative_to(real_site.site).as_posix()
        for path in real_site.site.rglob("*.html")
        if "{{" in " ".join(real_site.page(path.relative_to(real_site.site).as_posix()).xpath("//article//text()"))
    ]
    assert leftovers == []


@pytest.mark.parametrize("score", SCORES, ids=lambda s: f"{s.lang}/{s.page}")
def test_page_meets_the_readability_gate(score):
    assert score.passes, f"{score.lang}/{score.page} scores {score.score:.1f}"


# Words that only the informal "tú" form uses; the Spanish pages say "usted" throughout.
TU_FORMS = re.compile(
    r"\b(tu|tus|ti|contigo|te|puedes|tienes|quieres|necesitas|debes|eres|estás|sabes|vas|haces|tuyo|tuya)\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize("name", pages("es"))
def test_spanish_pages_address_the_reader_as_usted(name):
    found = TU_FORMS.findall((DOCS / "es" / name).read_text(encoding="utf-8"))
    assert found == []


@pytest.mark.parametrize("name", [*TOPICS, "index.md", "rights-card.md"])
def test_spanish_pages_expand_iep_on_first_use(name):
    text = FRONT_MATTER.sub("", (DOCS / "es" / name).read_text(encoding="utf-8"))
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    first = body.index("IEP")
    assert " ".join(body[max(0, first - 50) : first].split()).endswith("Programa de Educación Individualizado (")


@pytest.mark.parametrize("url", ["process/", "es/process/"])
def test_process_page_has_a_step_by_step_timeline(real_site, url):
    page = real_site.page(url)
    (timeline,) = page.xpath("//article//ol[contains(@class, 'iep-timeline')]")
    steps = timeline.xpath("./li")
    assert len(steps) >= 8
    ids = set(page.xpath("//article//@id"))
    for step in steps:
        assert step.xpath("string(./strong)").strip(), "each step has a title"
        (link,) = step.xpath(".//a[starts-with(@href, '#')]")
        assert link.get("href")[1:] in ids
    assert not page.xpath("//article//ol[contains(@class, 'iep-timeline')]//script")


def test_every_translation_is_current(capsys):
    """The guide ships with no page outdated, missing or orphan in any language: a change
    to an English page goes with its translation (python scripts/translations.py mark)."""
    assert translations.main(["status", "--strict"]) == 0, capsys.readouterr().out


# The rights card is not a topic page: one sheet to print (tests/test_print.py prints it), so it
# has no length range, sections or Sources of its own; each right names its § instead.
@pytest.mark.parametrize("url", ["rights-card/", "es/rights-card/"])
def test_rights_card_is_a_handout_with_the_contact_block_after_it(real_site, url):
    page = real_site.page(url)
    (handout,) = page.xpath("//article/div[contains(@class, 'iep-handout')]")
    (card,) = handout.xpath("./div[contains(@class, 'iep-print') and contains(@class, 'iep-card')]")
    rights = card.xpath("./ul/li")
    assert len(rights) == 7
    assert all(CITATION.search(right.text_content()) for right in rights)
    (contact,) = page.xpath("//article/section[contains(@class, 'iep-contact')]")
    assert contact.getprevious() is handout, "outside the handout, so that it prints"


@pytest.mark.parametrize("url", ["rights-card/", "es/rights-card/"])
def test_rights_card_shows_no_phone_or_email_line_the_brand_does_not_give(real_site, url):
    """The project's brand.yml gives neither: the contact block then names the parent centers only."""
    (contact,) = real_site.page(url).xpath("//article/section[contains(@class, 'iep-contact')]")
    assert contact.xpath(".//a[starts-with(@href, 'tel:') or starts-with(@href, 'mailto:')]") == []
    assert contact.xpath(".//li") == []
    assert contact.xpath(".//a/@href") == ["https://www.parentcenterhub.org/find-your-center/"]
