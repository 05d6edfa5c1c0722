"""Printing: no site chrome, external link targets written out, a short meeting handout, and a
rights card on one sheet with the organization's helpline."""

import io
import re
from pathlib import Path

import pypdf
import pytest
import yaml

from browser import chromium, require_browser, serve
from sitebuild import build, copy_project

pytestmark = pytest.mark.browser
PDF_PAGE = re.compile(rb"/Type\s*/Page(?![a-z])")


@pytest.fixture(scope="module")
def browser_page(real_site):
    require_browser()
    with serve(real_site.site) as base_url, chromium() as context:
        page = context.new_page()
        page.emulate_media(media="print")
        yield base_url, page


@pytest.mark.parametrize("url", ["prepare/", "es/prepare/"])
def test_meeting_checklist_prints_on_two_sheets_at_most(browser_page, url):
    base_url, page = browser_page
    page.goto(base_url + url)
    sheets = len(PDF_PAGE.findall(page.pdf(format="Letter")))
    assert 1 <= sheets <= 2
    assert page.locator("#checklist").is_visible()
    assert page.locator("#questions").is_visible()
    assert page.locator("#before").is_hidden()


@pytest.mark.parametrize("selector", [".md-header", ".md-sidebar--primary", ".md-footer", ".md-search"])
def test_print_hides_navigation(browser_page, selector):
    base_url, page = browser_page
    page.goto(base_url + "team/")
    elements = page.locator(selector)
    assert elements.count() >= 1
    assert [elements.nth(i).is_hidden() for i in range(elements.count())] == [True] * elements.count()


def test_print_writes_out_external_link_targets(browser_page):
    base_url, page = browser_page
    page.goto(base_url)
    after = page.evaluate(
        """() => {
            const link = [...document.querySelectorAll('article a[href^="http"]')][0];
            return [link.href, getComputedStyle(link, '::after').content];
        }"""
    )
    assert after[1] == f'" ({after[0]})"'


def test_regular_pages_print_whole(browser_page):
    base_url, page = browser_page
    page.goto(base_url + "team/")
    assert page.locator("#sources").is_visible()


# -- the rights card: one sheet, in each language, with the organization's helpline -------------

CARD_URLS = ["rights-card/", "es/rights-card/"]
PHONE, EMAIL = "+1 (555) 010-0199", "help@riverside.example"
CALL = {"rights-card/": "Call", "es/rights-card/": "Llame al"}
WRITE = {"rights-card/": "Write to", "es/rights-card/": "Escriba a"}
PARENT_CENTER = {"rights-card/": "Every state has at least one Parent Training and Information Center.",
                 "es/rights-card/": "Cada estado tiene por lo menos un Centro de Capacitación e Información para Padres."}
SCREEN_ONLY = {"rights-card/": "This card fits on one sheet of paper.",
               "es/rights-card/": "Esta tarjeta cabe en una hoja de papel."}


def brand_site(tmp_path_factory, name: str, changes: dict) -> Path:
    """The project built with its own brand.yml changed: a phone or an email added."""
    tmp = tmp_path_factory.mktemp(name)
    project = copy_project(tmp)
    settings = yaml.safe_load((project / "brand.yml").read_text(encoding="utf-8"))
    (project / "brand.yml").write_text(yaml.safe_dump({**settings, **changes}, allow_unicode=True), encoding="utf-8")
    result = build(project, tmp)
    assert result.ok, result.log
    assert result.warnings == []
    return result.site


@pytest.fixture(scope="module")
def card_sites(real_site, tmp_path_factory):
    """The project's brand (no phone, no email), one with a phone and an email, one with an email only."""
    require_browser()
    return {
        "project": real_site.site,
        "phone": brand_site(tmp_path_factory, "brand-phone", {"phone": PHONE, "email": EMAIL}),
        "email": brand_site(tmp_path_factory, "brand-email", {"email": EMAIL}),
    }


@pytest.fixture(scope="module")
def card_pdfs(card_sites):
    """{(brand, url, paper format): (number of pages, the PDF's text)} for each card, the text
    read back with pypdf, white space collapsed."""
    pdfs = {}
    with chromium() as context:
        page = context.new_page()
        page.emulate_media(media="print")
        for brand, site in card_sites.items():
            with serve(site) as base_url:
                for url in CARD_URLS:
                    page.goto(base_url + url)
                    for paper in ("Letter", "A4"):
                        reader = pypdf.PdfReader(io.BytesIO(page.pdf(format=paper)))
                        text = " ".join(sheet.extract_text() for sheet in reader.pages)
                        pdfs[brand, url, paper] = (len(reader.pages), " ".join(text.split()))
    return pdfs


@pytest.mark.parametrize("brand", ["project", "phone", "email"])
@pytest.mark.parametrize("url", CARD_URLS)
@pytest.mark.parametrize("paper", ["Letter", "A4"])
def test_rights_card_prints_on_one_sheet(card_pdfs, brand, url, paper):
    sheets, text = card_pdfs[brand, url, paper]
    assert sheets == 1
    assert PARENT_CENTER[url] in text
    assert SCREEN_ONLY[url] not in text


@pytest.mark.parametrize("url", CARD_URLS)
def test_rights_card_prints_the_helpline_when_the_brand_has_one(card_pdfs, url):
    _, text = card_pdfs["phone", url, "Letter"]
    assert f"{CALL[url]} {PHONE}" in text
    assert f"{WRITE[url]} {EMAIL}" in text
    assert text.count(PHONE) == 1, "the contact bar does not print the phone a second time"


@pytest.mark.parametrize("url", CARD_URLS)
def test_rights_card_has_no_call_line_without_a_phone(card_pdfs, url):
    _, with_email = card_pdfs["email", url, "Letter"]
    assert f"{WRITE[url]} {EMAIL}" in with_email
    assert re.search(rf"\b{CALL[url]}\b", with_email) is None
    _, neither = card_pdfs["project", url, "Letter"]
    assert re.search(rf"\b{CALL[url]}\b|\b{WRITE[url]}\b", neither) is None
