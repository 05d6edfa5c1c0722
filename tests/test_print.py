"""Printing: no site chrome, external link targets written out, a short meeting handout."""

import re

import pytest

from browser import chromium, require_browser, serve

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
