"""The home page starts from the family's situation ("What is happening for you?"): one large
link per situation, to a page that exists in the reader's language, each with its icon."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest

from browser import chromium, require_browser
from sitebuild import ROOT

CSS = (ROOT / "overrides/assets/stylesheets/home.css").read_text(encoding="utf-8")
ICONS = set(re.findall(r"^\.iep-icon-([a-z-]+) \{ --iep-icon: url\(\"data:image/svg\+xml,", CSS, re.M))
HOMES = {"en": "", "es": "es/"}


def situations(real_site, home):
    return real_site.page(home).xpath("//article//div[contains(@class, 'iep-situations')]//a")


@pytest.mark.parametrize(("lang", "home"), HOMES.items())
def test_situations_come_first_and_lead_to_pages_in_the_same_language(real_site, lang, home):
    page = real_site.page(home)
    headings = page.xpath("//article//h2/@id")
    assert headings[0] == "situations"
    links = situations(real_site, home)
    assert len(links) == 8
    for link in links:
        target = urlsplit(urljoin(f"http://site/{home}", link.get("href"))).path.lstrip("/")
        assert (real_site.site / target / "index.html").is_file(), link.get("href")
        assert target.startswith("es/") == (lang == "es"), link.get("href")
        assert link.xpath("string(strong)").strip(), "each situation is said in bold first"


@pytest.mark.parametrize("home", HOMES.values())
def test_each_situation_has_an_icon_the_stylesheet_draws(real_site, home):
    for link in situations(real_site, home):
        icon = [c.removeprefix("iep-icon-") for c in link.get("class", "").split() if c.startswith("iep-icon-")]
        assert len(icon) == 1, (link.get("href"), link.get("class"))
        assert icon[0] in ICONS, (link.get("href"), link.get("class"))


def test_both_languages_list_the_same_situations_in_the_same_order(real_site):
    def targets(home):
        return [(link.get("href").rstrip("/").rsplit("/", 1)[-1], link.get("class")) for link in situations(real_site, home)]
    assert targets("") == targets("es/")


@pytest.mark.browser
@pytest.mark.parametrize("home", HOMES.values())
def test_on_a_phone_each_situation_is_a_large_tap_target_with_its_icon_shown(site_url, home):
    require_browser()
    with chromium(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True) as context:
        page = context.new_page()
        page.goto(site_url + home)
        boxes = page.eval_on_selector_all(".iep-situations a", """links => links.map(a => {
            const box = a.getBoundingClientRect(), icon = getComputedStyle(a, '::before');
            return {height: box.height, width: box.width, mask: icon.maskImage || icon.webkitMaskImage,
                    iconWidth: parseFloat(icon.width)};
        })""")
        assert len(boxes) == 8
        for box in boxes:
            assert box["height"] >= 48, box
            assert box["width"] >= 300, box
            assert box["mask"].startswith("url("), box
            assert box["iconWidth"] >= 24, box
        first = page.eval_on_selector(".iep-situations a", "a => a.getBoundingClientRect().top")
        assert first < 844, "the first situation shows in the first screen"
