"""The real site in Chromium, as families use it: axe-core finds no WCAG 2.0, 2.1 or 2.2
level A or AA problem on any page of any language, at phone (390 px) and desktop
(1280 px) width, nor in the search, menu and language switcher once opened; no page
logs a console error or sends a request that fails or leaves the site; and no page
scrolls sideways at 320 px, or with text zoomed to 200 %.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pytest

from browser import SETTLED, PageProblems, chromium, search_with
from iep_tools.project import built_page_paths, page_paths

pytestmark = pytest.mark.browser

PAGES = page_paths()
WIDTHS = (390, 1280)
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}


@dataclass
class Scan:
    violations: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def axe_script():
    from axe_playwright_python.sync_playwright import Axe

    return Axe().axe_script  # axe-core, as axe-playwright-python ships it


@pytest.fixture(scope="module")
def scans(browser_context, site_url, axe_script) -> dict[tuple[int, str], Scan]:
    """Every page at every width, loaded once: axe's violations and the page's problems."""
    page = browser_context.new_page()
    page.add_init_script(script=axe_script)
    problems = PageProblems(page, site_url)
    results = {}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        for path in PAGES:
            problems.clear()
            page.goto(site_url + path, wait_until="load")
            results[width, path] = Scan(run_axe(page), list(problems))
    page.close()
    return results


def run_axe(page) -> list[dict]:
    page.evaluate(SETTLED)  # no colour caught halfway through a transition
    return page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)["violations"]


def report(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} {violation['helpUrl']}")
        for node in violation["nodes"][:10]:
            lines.append(f"  {' '.join(map(str, node['target']))}: {node['failureSummary'].splitlines()[-1].strip()}")
            lines.append(f"    {node['html'][:200]}")
    return "\n".join(lines)


def test_every_built_page_is_checked(real_site):
    assert sorted(built_page_paths(real_site.site)) == sorted(PAGES)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_axe_violations(scans, path, width):
    violations = scans[width, path].violations
    assert not violations, f"{path or 'home'} at {width} px:\n{report(violations)}"


@pytest.mark.parametrize("path", PAGES)
def test_page_logs_no_error_and_requests_only_the_site(scans, path):
    assert [problem for width in WIDTHS for problem in scans[width, path].problems] == []


# Interactive states axe cannot reach by loading a page.

@pytest.fixture
def page(browser_context, site_url, axe_script):
    page = browser_context.new_page()
    page.add_init_script(script=axe_script)
    page.problems = PageProblems(page, site_url)
    yield page
    page.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("path", "query"), [("what-is-an-iep/", "evaluation"), ("es/what-is-an-iep/", "evaluación")])
def test_search_with_results_has_no_axe_violations(page, site_url, path, query, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + path)
    page.keyboard.press("/")  # Material's shortcut: opens the search at any width
    search_with(page, query)
    violations = run_axe(page)
    assert violations == [], report(violations)
    assert page.problems == []


def test_open_menu_has_no_axe_violations(page, site_url):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(site_url + "es/process/")
    page.locator(".iep-drawer-button").click()
    page.locator(".md-sidebar--primary .md-nav__link").first.wait_for(state="visible")
    violations = run_axe(page)
    assert violations == [], report(violations)


@pytest.mark.parametrize("width", WIDTHS)
def test_open_language_switcher_and_glossary_tooltip_have_no_axe_violations(page, site_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + "what-is-an-iep/")
    page.locator(".md-select").hover()
    page.locator(".md-select__link[hreflang='es']").wait_for(state="visible")
    page.locator("article a.glossary-term").first.hover()
    page.locator(".glossary-tip--visible").wait_for()
    violations = run_axe(page)
    assert violations == [], report(violations)


@pytest.fixture
def touch_page(axe_script, site_url):
    from browser import playwright_session

    with playwright_session() as session, chromium(session, has_touch=True, is_mobile=True,
                                                  viewport={"width": 390, "height": 844}) as context:
        page = context.new_page()
        page.add_init_script(script=axe_script)
        page.problems = PageProblems(page, site_url)
        yield page


@pytest.mark.parametrize("path", ["what-is-an-iep/", "es/what-is-an-iep/"])
def test_a_definition_opened_by_a_tap_has_no_axe_violations(touch_page, site_url, path):
    touch_page.goto(site_url + path)
    touch_page.locator("article a.glossary-term").first.tap()
    touch_page.locator(".glossary-popover").wait_for()
    violations = run_axe(touch_page)
    assert violations == [], report(violations)
    assert touch_page.problems == []


# Reflow (WCAG 1.4.10) and resize text (1.4.4).

OVERFLOW = """() => {
  const root = document.documentElement;
  if (root.scrollWidth <= root.clientWidth) return null;
  const wide = [...document.body.querySelectorAll("*")].filter(element => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.right > root.clientWidth + 1;
  });
  return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth,
          elements: wide.slice(0, 5).map(element => element.outerHTML.slice(0, 120))};
}"""


@pytest.fixture(scope="module")
def large_text_context(tmp_path_factory):
    """Chromium with text zoomed to 200 %: its font-size setting (the default font size)
    doubled from 16 to 32 px in a fresh profile's preferences. Every rem and em of the
    theme doubles, media queries in em included, as for a reader who sets large text."""
    profile = tmp_path_factory.mktemp("large-text")
    (profile / "Default").mkdir()
    preferences = {"webkit": {"webprefs": {"default_font_size": 32, "default_fixed_font_size": 26}}}
    (profile / "Default" / "Preferences").write_text(json.dumps(preferences), encoding="utf-8")
    with chromium(user_data_dir=profile) as context:
        yield context


@pytest.mark.parametrize("width", [320])
def test_no_page_scrolls_sideways(browser_context, site_url, width):
    """320 px: what a 1280 px screen shows at 400 % zoom (WCAG 1.4.10)."""
    assert sideways_scrolling(browser_context, site_url, width) == {}


@pytest.mark.parametrize("width", [640, 1280])
def test_no_page_scrolls_sideways_with_text_at_200_percent(large_text_context, site_url, width):
    assert sideways_scrolling(large_text_context, site_url, width, root_font_px=40) == {}


def sideways_scrolling(context, site_url: str, width: int, root_font_px: float | None = None) -> dict:
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 800})
    overflowing = {}
    for path in PAGES:
        page.goto(site_url + path, wait_until="load")
        if root_font_px:  # Material's root font size is 125 % of the default: 20 px, 40 px here
            assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == f"{root_font_px:g}px"
        page.evaluate(SETTLED)
        result = page.evaluate(OVERFLOW)
        if result:
            overflowing[path or "home"] = result
    page.close()
    return overflowing
