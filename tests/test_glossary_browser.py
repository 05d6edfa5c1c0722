"""The glossary tooltip in a real browser: keyboard, Escape, hover, tap."""

from __future__ import annotations

import pytest

from browser import chromium, playwright_session, require_browser, serve
from glossary_project import project
from sitebuild import build

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    require_browser()
    tmp = tmp_path_factory.mktemp("glossary-browser")
    result = build(project(tmp), tmp)
    assert result.ok, result.log
    with serve(result.site) as url:
        yield url


@pytest.fixture(scope="module")
def session(base_url):
    with playwright_session() as session:
        yield session


@pytest.fixture(scope="module")
def context(session):
    with chromium(session, viewport={"width": 1280, "height": 800}) as context:
        yield context


@pytest.fixture
def page(context, base_url):
    page = context.new_page()
    page.goto(base_url)
    yield page
    page.close()


def tab_to_first_term(page) -> None:
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.glossary-term')"):
            return
    raise AssertionError("Tab never reached a glossary term")


def test_tab_to_a_term_shows_its_tooltip_and_escape_hides_it(page):
    tooltip = page.locator("#glossary-tip-iep")
    tab_to_first_term(page)
    assert page.evaluate("document.activeElement.textContent") == "IEP"
    assert tooltip.is_visible()
    assert tooltip.text_content() == "A written plan for your child."
    page.keyboard.press("Escape")
    assert tooltip.is_hidden()
    assert page.evaluate("document.activeElement.textContent") == "IEP"  # focus stays on the term


def test_tooltip_leaves_with_focus(page):
    tab_to_first_term(page)
    page.keyboard.press("Tab")
    assert page.locator("#glossary-tip-iep").is_hidden()


def test_hover_shows_tooltip_and_it_can_be_hovered(page):
    page.clock.install()  # glossary.js's hide delay runs on a clock the test moves
    term = page.locator('article a.glossary-term[data-glossary-id="iep"]')
    tooltip = page.locator("#glossary-tip-iep")
    term.hover()
    assert tooltip.is_visible()
    tooltip.hover()
    page.clock.run_for(2000)  # far past the hide delay: the pointer is on the tooltip
    assert tooltip.is_visible()
    page.mouse.move(0, 0)
    page.clock.run_for(2000)
    assert tooltip.is_hidden()


def test_link_is_described_by_the_definition(page):
    term = page.get_by_role("link", name="IEP", exact=True).first
    assert term.get_attribute("aria-describedby") == "glossary-tip-iep"
    assert page.evaluate(
        "document.getElementById(document.querySelector('a.glossary-term').getAttribute('aria-describedby'))"
        ".getAttribute('role')"
    ) == "tooltip"


def test_click_follows_the_link_to_the_entry(page, base_url):
    page.locator('article a.glossary-term[data-glossary-id="iep"]').click()
    page.wait_for_url(base_url + "glossary/#iep")
    assert page.locator("dfn#iep").is_visible()


# -- on a phone: a tap opens the definition in place ------------------------------------------

@pytest.fixture
def phone(session, base_url):
    with chromium(session, has_touch=True, is_mobile=True, viewport={"width": 390, "height": 800}) as context:
        page = context.new_page()
        yield page


POPOVER = ".glossary-popover"
FOCUSED_TERM = "document.activeElement.matches('a.glossary-term') && document.activeElement.textContent"


def open_definition(page, url: str) -> None:
    page.goto(url)
    page.locator('article a.glossary-term[data-glossary-id="iep"]').tap()
    page.locator(POPOVER).wait_for()


def test_a_tap_opens_the_definition_without_leaving_the_page(phone, base_url):
    open_definition(phone, base_url)
    assert phone.url == base_url
    box = phone.locator(POPOVER)
    assert box.get_attribute("role") == "dialog"
    assert box.locator(".glossary-popover__term").text_content() == "IEP"
    assert box.locator(".glossary-popover__text").text_content() == "A written plan for your child."
    assert box.locator(".glossary-popover__text").get_attribute("lang") == "en"  # the tip's language
    assert phone.evaluate("document.activeElement.classList.contains('glossary-popover')")  # focus moved to it
    assert phone.evaluate("document.getElementById(document.activeElement.getAttribute('aria-labelledby'))"
                          ".textContent") == "IEP"  # its name, for a screen reader
    term = phone.locator('article a.glossary-term[data-glossary-id="iep"]').bounding_box()
    shown = box.bounding_box()
    assert shown["y"] >= term["y"] + term["height"] or shown["y"] + shown["height"] <= term["y"]  # not over it


@pytest.mark.parametrize("how", ["close button", "escape", "outside tap", "back"])
def test_the_definition_closes_and_focus_returns_to_the_term(phone, base_url, how):
    open_definition(phone, base_url)
    if how == "close button":
        phone.locator(".glossary-popover__close").tap()
    elif how == "escape":
        phone.keyboard.press("Escape")
    elif how == "outside tap":
        phone.locator("article h1").tap()
    else:
        phone.go_back()
    phone.locator(POPOVER).wait_for(state="detached")
    assert phone.url == base_url
    phone.wait_for_function(f"({FOCUSED_TERM}) === 'IEP'", timeout=10_000)  # an outside tap: once the tap is over
    assert phone.locator("#glossary-tip-iep").is_hidden()  # and no hover tooltip over it


@pytest.mark.parametrize(("url", "entry"), [("", "glossary/#iep"), ("es/", "es/glossary/#iep")])
def test_more_leads_to_the_entry_in_the_readers_language(phone, base_url, url, entry):
    open_definition(phone, base_url + url)
    assert phone.locator(".glossary-popover__more").text_content() == (
        "More in the glossary" if url == "" else "Más en el glosario")
    phone.locator(".glossary-popover__more").tap()
    phone.wait_for_url(base_url + entry)
    assert phone.locator("dfn#iep").is_visible()
