"""The real site from the keyboard alone, in Chromium: a skip link; Tab reaches the
language switcher, the search, the navigation and the glossary terms, each with a focus
ring you can see, on screen; the switcher leads to the same page in Spanish; a search in
Spanish finds Spanish pages; on a phone the navigation drawer opens and closes from the
keyboard.
"""

from __future__ import annotations

import pytest

from browser import SETTLED, PageProblems, search_with

pytestmark = pytest.mark.browser

TOPIC = "what-is-an-iep/"

# Where focus is, what it looks like, whether it is on screen; the same without focus.
FOCUS_STATE = """element => {
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  return {
    outline: style.outlineStyle === "none" ? "none" : `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
    shadow: style.boxShadow,
    onScreen: box.width > 0 && box.height > 0 && style.visibility !== "hidden"
      && box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight,
    html: element.outerHTML.slice(0, 120),
  };
}"""
KINDS = {
    "language switcher": "a.md-select__link",
    "search": "input.md-search__input",
    "navigation": ".md-tabs__link, .md-nav--primary .md-nav__link",
    "glossary term": "a.glossary-term",
}


@pytest.fixture
def page(browser_context, site_url):
    page = browser_context.new_page()
    page.problems = PageProblems(page, site_url)  # each test asserts at its end that it is empty
    yield page
    page.close()


def at(page, site_url: str, path: str, width: int):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + path)
    page.wait_for_load_state("load")  # deferred scripts have run: the drawer button is there
    return page


def focused(page):
    return page.evaluate_handle("document.activeElement")


def tab_to(page, selector: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{limit} presses of Tab never reached {selector}")


def has_visible_ring(with_focus: dict, without_focus: dict) -> bool:
    ring = with_focus["outline"] != "none" and " 0px " not in with_focus["outline"] + " "
    ring = ring and "rgba(0, 0, 0, 0)" not in with_focus["outline"]
    return (ring and with_focus["outline"] != without_focus["outline"]) or with_focus["shadow"] != without_focus["shadow"]


@pytest.mark.parametrize("width", [390, 1280])
def test_skip_link_is_first_and_skips_to_the_content(page, site_url, width):
    at(page, site_url, TOPIC, width)
    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip.evaluate("element => element.matches('a.md-skip')")
    assert skip.evaluate(FOCUS_STATE)["onScreen"]
    page.keyboard.press("Enter")
    assert page.url == site_url + TOPIC + "#what-is-an-iep"
    page.keyboard.press("Tab")  # the next stop is in the page's text, past header and navigation
    assert focused(page).evaluate("element => !!element.closest('article')")
    assert page.problems == []  # no console error, failed request or request to another host


@pytest.mark.parametrize("width", [390, 1280])
def test_every_tab_stop_is_on_screen_with_a_visible_focus_ring(page, site_url, width):
    """Tab through the whole page, then (on a phone) through the navigation drawer opened
    from the keyboard: the language switcher, the search, the navigation and the glossary
    terms are all reached, and every stop shows a focus ring on screen."""
    at(page, site_url, TOPIC, width)
    stops = tab_through(page, until="element => element === document.body || element.matches('a.md-skip')", after=1)
    if page.locator(".iep-drawer-button").is_visible():
        page.locator(".iep-drawer-button").focus()
        page.keyboard.press("Enter")  # opens the drawer and moves focus into it
        page.evaluate(SETTLED)  # slid in
        first = focused(page)
        stops.append((first, first.evaluate(FOCUS_STATE)))
        stops += tab_through(page, until="element => !element.closest('.md-sidebar--primary')")
        page.keyboard.press("Escape")
    page.evaluate("document.activeElement.blur()")
    reached, problems = set(), []
    for element, with_focus in stops:
        without_focus = element.evaluate(FOCUS_STATE)
        for kind, selector in KINDS.items():
            if element.evaluate("(element, s) => element.matches(s)", selector):
                reached.add(kind)
        if not with_focus["onScreen"]:
            problems.append(f"off screen or invisible: {with_focus['html']}")
        elif not has_visible_ring(with_focus, without_focus):
            problems.append(f"no visible focus ring: {with_focus['html']} ({with_focus['outline']})")
    assert problems == []
    assert reached == set(KINDS)
    assert page.problems == []  # no console error, failed request or request to another host


def tab_through(page, until: str, after: int = 0, limit: int = 400) -> list:
    """Press Tab until the focused element matches `until` (a JS predicate, tried from
    the stop numbered `after` on): each stop before it, with its FOCUS_STATE."""
    stops: list[tuple] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        if len(stops) >= after and element.evaluate(until):
            return stops
        stops.append((element, element.evaluate(FOCUS_STATE)))
    raise AssertionError(f"Tab went on for {limit} stops")


def test_language_switcher_leads_to_the_same_page_in_spanish(page, site_url):
    at(page, site_url, TOPIC, 1280)
    tab_to(page, "a.md-select__link[hreflang='es']")
    assert focused(page).evaluate(FOCUS_STATE)["onScreen"]
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + "es/" + TOPIC)
    assert page.evaluate("document.documentElement.lang") == "es"
    assert page.problems == []  # no console error, failed request or request to another host


def test_search_in_spanish_lists_spanish_pages(page, site_url):
    at(page, site_url, "es/", 1280)
    tab_to(page, "input.md-search__input")
    search_with(page, "evaluación")
    results = page.locator(".md-search-result__item > .md-search-result__link")
    links = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert links
    assert all(link.startswith(site_url + "es/") for link in links), links
    page.keyboard.press("ArrowDown")  # Material: arrows move through the results
    target = focused(page).evaluate("element => element.href")
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    assert page.evaluate("document.documentElement.lang") == "es"
    assert "evaluación" in page.locator("article").inner_text().lower()
    assert page.problems == []  # no console error, failed request or request to another host


def test_drawer_opens_and_closes_from_the_keyboard(page, site_url):
    at(page, site_url, "es/" + TOPIC, 390)
    button = page.locator(".iep-drawer-button")
    assert button.get_attribute("aria-label") == "Navegación"
    tab_to(page, ".iep-drawer-button")
    assert button.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert focused(page).evaluate("element => !!element.closest('.md-sidebar--primary')")
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert focused(page).evaluate("element => element.matches('.iep-drawer-button')")
    page.locator(".md-sidebar--primary").wait_for(state="hidden")  # slid out, out of the Tab order
    assert page.problems == []  # no console error, failed request or request to another host
