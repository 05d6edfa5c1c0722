"""The glossary in real builds: generated pages, marked terms, fallback pages, bad files."""

from __future__ import annotations

import pytest

from glossary_project import ES, PAGES, project
from iep_guide.search import files as search_files
from sitebuild import build


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("glossary")
    result = build(project(tmp), tmp)
    assert result.ok, result.log
    return result


def terms(page):
    return [(a.text, a.get("href")) for a in page.xpath('//article//a[contains(@class, "glossary-term")]')]


def test_clean_build_has_no_warnings(site):
    assert site.warnings == []


def test_first_occurrence_links_to_the_entry(site):
    assert terms(site.page("")) == [
        ("IEP", "glossary/#iep"), ("evaluation", "glossary/#evaluation"), ("FAPE", "glossary/#fape")]


def test_link_is_described_by_its_tooltip(site):
    page = site.page("")
    link = page.xpath('//a[@data-glossary-id="iep"]')[0]
    tip = page.get_element_by_id(link.get("aria-describedby"))
    assert (tip.get("role"), tip.text_content()) == ("tooltip", "A written plan for your child.")


def test_definition_with_script_is_text(site):
    page = site.page("")
    tip = page.get_element_by_id("glossary-tip-fape")
    assert tip.text_content() == "Free school that fits your child. <script>alert(1)</script>"
    assert page.xpath('//*[contains(@class, "glossary-tip")]//script') == []


def test_headings_and_toc_stay_plain(site):
    page = site.page("")
    assert page.get_element_by_id("meeting").text_content().startswith("The IEP meeting")
    assert page.xpath('//h2//a[contains(@class, "glossary-term")]') == []
    assert page.xpath('//nav[contains(@class, "md-nav--secondary")]//a[contains(@class, "glossary-term")]') == []


@pytest.mark.parametrize(("folder", "definitions"), [
    ("", ["A written plan for your child.", "Tests that show how your child learns."]),
    ("es/", ["Un plan escrito para su hijo.", "Pruebas que muestran cómo aprende su hijo."]),
])
def test_search_index_has_no_definitions_or_glossary_markup(site, folder, definitions):
    docs = search_files.read_docs(site.site / folder / "search")  # the pages are shorter than a result's teaser
    pages = [doc["text"] for doc in docs if not doc["location"].startswith("glossary/")]
    assert len(pages) >= 2
    assert [text for text in pages if any(d in text for d in definitions) or "glossary-" in text] == []


def test_spanish_page_links_to_spanish_entries(site):
    assert terms(site.page("es/")) == [
        ("PEI", "glossary/#iep"), ("evaluación", "glossary/#evaluation")]
    assert site.page("es/").get_element_by_id("glossary-tip-iep").text_content() == "Un plan escrito para su hijo."


def test_fallback_page_matches_english_and_shows_spanish_definition(site):
    page = site.page("es/only-en/")
    assert terms(page) == [("IEP", "../glossary/#iep")]
    assert page.get_element_by_id("glossary-tip-iep").text_content() == "Un plan escrito para su hijo."


def entries(page):
    return [(dfn.get("id"), dfn.text) for dfn in page.xpath("//dl/dt/dfn")]


def test_glossary_page_lists_entries_in_alphabetical_order(site):
    assert entries(site.page("glossary/")) == [("evaluation", "evaluation"), ("fape", "FAPE"), ("iep", "IEP")]


def test_spanish_glossary_page_has_the_same_ids(site):
    assert entries(site.page("es/glossary/")) == [
        ("fape", "educación pública gratuita y apropiada"), ("evaluation", "evaluación"), ("iep", "IEP")]


def test_glossary_page_letter_links(site):
    page = site.page("glossary/")
    assert [(a.text, a.get("href")) for a in page.xpath('//p[@class="glossary-letters"]/a')] == [
        ("E", "#letter-e"), ("F", "#letter-f"), ("I", "#letter-i")]
    assert [h.get("id") for h in page.xpath('//section[@class="glossary-letter"]/h2')] == [
        "letter-e", "letter-f", "letter-i"]


def test_glossary_page_entries_are_not_marked(site):
    page = site.page("glossary/")
    assert page.xpath('//*[contains(@class, "glossary-entries")]//a[contains(@class, "glossary-term")]') == []


def test_glossary_page_shows_long_explanation_and_escapes(site):
    dd = site.page("glossary/").xpath('//dfn[@id="fape"]/../following-sibling::dd[1]')[0]
    assert [p.text for p in dd.xpath("p")] == [
        "Free school that fits your child. <script>alert(1)</script>", "First paragraph.", "Second paragraph."]


def test_every_occurrence_setting(tmp_path):
    result = build(project(tmp_path, config={"extra": {"iep": {"glossary": {"every_occurrence": True}}}}), tmp_path)
    assert result.ok, result.log
    assert [text for text, _ in terms(result.page(""))] == ["IEP", "IEP", "evaluation", "FAPE"]


def test_link_to_missing_glossary_anchor_warns(tmp_path):
    pages = {**PAGES, "en/index.md": "# Home\n\nSee [this](glossary.md#nope).\n"}
    result = build(project(tmp_path, pages=pages), tmp_path)
    assert not result.ok
    assert result.warnings == [
        "Doc file 'en/index.md' contains a link 'glossary.md#nope', but the doc "
        "'en/glossary.md' does not contain an anchor '#nope'."
    ]


def test_id_missing_in_one_language_warns_and_fails_strict(tmp_path):
    es = ES.split("evaluation:")[0]
    result = build(project(tmp_path, es=es), tmp_path)
    assert not result.ok
    assert result.warnings == [
        "Glossary entry 'evaluation' is in 'data/glossary/en.yml' (line 10) but missing from "
        "'data/glossary/es.yml'."
    ]


def test_malformed_file_fails_the_build(tmp_path):
    result = build(project(tmp_path, es="iep: {term: IEP\n  short: x\n"), tmp_path)
    assert not result.ok
    assert result.warnings == [
        "Glossary file 'data/glossary/es.yml', line 1: a list in [ ] or a group in { } that starts on "
        "this line is not closed."
    ]
