"""Each language is a complete site: lang, switcher, hreflang, fallback, 404, sitemap, search."""

import json
import re
from urllib.parse import urljoin, urlsplit

import pytest
from lxml import etree

from iep_guide.search import files as search_files
from sitebuild import build, make_project

SITE_URL = "https://example.org/"
PAGES = {
    "en/index.md": "# Home\n\nSee [the topic](topic.md#part) and [only English](only-en.md).\n",
    "en/topic.md": "# Topic\n\nThe stepladder stands here.\n\n## Part { #part }\n\nMore about schools.\n",
    "en/only-en.md": "# Only English\n\nThis page waits for a translator.\n",
    "es/index.md": "# Inicio\n\nVea [el tema](topic.md#part) y [solo inglés](only-en.md).\n",
    "es/topic.md": "# Tema\n\nLas escuelas evaluarán a los niños.\n\n## Parte { #part }\n\nMás sobre las escuelas.\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("languages")
    result = build(make_project(tmp, PAGES), tmp)
    assert result.ok, result.log
    return result


def resolve(page_url: str, href: str) -> str:
    """The site path a link on page_url ('es/topic/') leads to."""
    return urlsplit(urljoin("http://site/" + page_url, href)).path.lstrip("/")


def test_strict_build_has_no_warnings(site):
    assert site.warnings == []


@pytest.mark.parametrize(("url", "lang"), [
    ("", "en"), ("topic/", "en"), ("404.html", "en"),
    ("es/", "es"), ("es/topic/", "es"), ("es/only-en/", "es"), ("es/404.html", "es"),
])
def test_html_lang_is_the_language_of_the_site(site, url, lang):
    assert site.page(url).get("lang") == lang


@pytest.mark.parametrize(("url", "lang", "target"), [
    ("topic/", "es", "es/topic/"),
    ("es/topic/", "en", "topic/"),
    ("", "es", "es/"),
    ("es/", "en", ""),
    ("only-en/", "es", "es/only-en/"),
])
def test_switcher_leads_to_the_same_page(site, url, lang, target):
    links = site.page(url).xpath(f"//a[contains(@class, 'md-select__link')][@hreflang='{lang}']")
    assert len(links) == 1
    assert resolve(url, links[0].get("href")) == target
    assert not links[0].get("href").startswith(("/", "http")), "switcher links stay relative"


def hreflang(site, url):
    return {link.get("hreflang"): link.get("href") for link in site.page(url).xpath("//head/link[@rel='alternate'][@hreflang]")}


@pytest.mark.parametrize("url", ["", "topic/", "es/", "es/topic/"])
def test_hreflang_alternates_are_absolute_with_x_default(site, url):
    page = url.removeprefix("es/")
    assert hreflang(site, url) == {
        "en": SITE_URL + page,
        "es": SITE_URL + "es/" + page,
        "x-default": SITE_URL + page,
    }


def test_fallback_page_is_not_announced_as_spanish(site):
    assert hreflang(site, "es/only-en/") == {"en": SITE_URL + "only-en/", "x-default": SITE_URL + "only-en/"}


def test_fallback_page_shows_notice_linking_to_english(site):
    page = site.page("es/only-en/")
    notice = page.xpath("//aside[contains(@class, 'iep-fallback')]")
    assert len(notice) == 1
    assert "todavía no está traducida al español" in notice[0].text_content()
    link = notice[0].xpath(".//a")[0]
    assert resolve("es/only-en/", link.get("href")) == "only-en/"
    assert link.get("hreflang") == "en"


def test_fallback_content_is_marked_english(site):
    page = site.page("es/only-en/")
    (content,) = page.xpath("//article//div[@lang='en']")
    assert "This page waits for a translator." in content.text_content()


def test_translated_page_has_no_fallback_notice(site):
    assert site.page("es/topic/").xpath("//*[contains(@class, 'iep-fallback')]") == []
    assert site.page("only-en/").xpath("//*[contains(@class, 'iep-fallback')]") == []


def test_each_language_has_its_own_404_page(site):
    english, spanish = site.page("404.html"), site.page("es/404.html")
    assert english.xpath("string(//article//h1)") == "We can't find that page"
    assert spanish.xpath("string(//article//h1)") == "No encontramos esa página"


@pytest.mark.parametrize("path", ["sitemap.xml", "es/sitemap.xml"])
def test_each_language_has_a_sitemap(site, path):
    tree = etree.parse(str(site.site / path))
    locations = tree.xpath("//s:loc/text()", namespaces={"s": "http://www.sitemaps.org/schemas/sitemap/0.9"})
    assert SITE_URL + "es/topic/" in locations


def search_index(site, lang_dir):
    """The language's search settings, and the documents its search shows (hooks/iep_guide/search/)."""
    folder = site.site / lang_dir / "search"
    return json.loads((folder / "search_index.json").read_text(encoding="utf-8"))["config"], search_files.read_docs(folder)


def test_english_search_finds_english_pages_only(site):
    config, docs = search_index(site, "")
    assert config["lang"] == ["en"]
    titles = {doc["title"] for doc in docs}
    assert {"Home", "Topic", "Only English"} <= titles
    assert not titles & {"Inicio", "Tema", "Parte"}
    assert not any(doc["location"].startswith("es/") for doc in docs)


def test_spanish_search_finds_spanish_pages_and_fallbacks(site):
    config, docs = search_index(site, "es")
    assert config["lang"] == ["es"]
    assert config["iep"]["stemmer"] == "spanish"  # Spanish stemming and stop words
    locations = {doc["location"]: doc["title"] for doc in docs}
    assert locations[""] == "Inicio"
    assert locations["topic/"] == "Tema"
    assert locations["only-en/"] == "Only English"
    assert "Home" not in locations.values()


@pytest.mark.parametrize(("url", "base"), [("es/topic/", "es/"), ("es/", "es/"), ("topic/", "")])
def test_search_base_points_at_the_language_index(site, url, base):
    config = json.loads(site.page(url).xpath("string(//script[@id='__config'])"))
    assert resolve(url, config["base"]) == base
    assert (site.site / base / "search/search_index.json").is_file()


def test_es_404_page_searches_the_spanish_index(site):
    config = json.loads(site.page("es/404.html").xpath("string(//script[@id='__config'])"))
    assert config["base"] == "/es/"


EXTERNAL = re.compile(r"^(?:[a-z]+:)?//", re.I)
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+(?:url\()?\s*['"]?([^'");]+)""")


def test_built_pages_load_nothing_from_other_hosts(site):
    own_host = urlsplit(SITE_URL).netloc
    found = []
    for path in site.site.rglob("*.html"):
        page = site.page(str(path.relative_to(site.site)))
        for element in page.xpath("//script[@src] | //link[@href] | //img[@src] | //iframe[@src]"):
            url = element.get("src") or element.get("href")
            if EXTERNAL.match(url) and urlsplit(url).netloc != own_host:
                found.append((path.name, url))
            if EXTERNAL.match(url) and element.tag != "link":
                found.append((path.name, url))  # scripts and images come from the site itself
    for path in site.site.rglob("*.css"):
        for match in CSS_URL.finditer(path.read_text(encoding="utf-8")):
            url = match.group(1) or match.group(2)
            if EXTERNAL.match(url):
                found.append((path.name, url))
    assert found == []


def test_no_google_fonts_or_analytics(site):
    html = (site.site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in html
    assert "fonts.gstatic" not in html
    assert "googletagmanager" not in html
    assert "gtag(" not in html


def test_broken_link_fails_the_strict_build(tmp_path):
    pages = dict(PAGES, **{"en/index.md": "# Home\n\n[Missing](missing.md)\n"})
    result = build(make_project(tmp_path, pages), tmp_path)
    assert not result.ok
    assert result.warnings == [
        "Doc file 'en/index.md' contains a link 'missing.md', "
        "but the target 'en/missing.md' is not found among documentation files."
    ]


def test_link_to_missing_anchor_fails_the_strict_build(tmp_path):
    pages = dict(PAGES, **{"en/index.md": "# Home\n\n[Gone](topic.md#gone)\n"})
    result = build(make_project(tmp_path, pages), tmp_path)
    assert not result.ok
    assert result.warnings == [
        "Doc file 'en/index.md' contains a link 'topic.md#gone', "
        "but the doc 'en/topic.md' does not contain an anchor '#gone'."
    ]


@pytest.mark.parametrize(("url", "lang", "target"), [("404.html", "es", "/es/"), ("es/404.html", "en", "/")])
def test_404_switcher_leads_to_each_language_home(site, url, lang, target):
    (link,) = site.page(url).xpath(f"//a[contains(@class, 'md-select__link')][@hreflang='{lang}']")
    assert link.get("href") == target


@pytest.mark.parametrize(("url", "title"), [
    ("", "IEP Family Guide"), ("es/", "Guía del IEP para familias"),
    ("team/", "The IEP team - IEP Family Guide"), ("es/team/", "El equipo del IEP - Guía del IEP para familias"),
])
def test_a_home_page_title_is_the_name_once(real_site, url, title):
    page = real_site.page(url)
    assert page.xpath("string(//title)") == title
    assert page.xpath("string(//meta[@property='og:title']/@content)") == title


def test_a_menu_section_without_a_name_in_a_language_fails_the_strict_build(tmp_path):
    nav = ["index.md", {"The basics": ["topic.md"]}, {"Waiting": ["only-en.md"]}]
    result = build(make_project(tmp_path, PAGES, {"nav": nav}), tmp_path)
    assert not result.ok
    assert result.warnings == [
        "mkdocs.yml: the menu section 'Waiting' has no name in 'es'. Add it to the i18n plugin's languages, "
        "under '- locale: es', as nav_translations: {Waiting: <the name in es>} (TRANSLATING.md, \"The menu\")."
    ]


def test_menu_sections_show_in_the_reader_s_language(tmp_path):
    nav = ["index.md", {"The basics": ["topic.md", "only-en.md"]}]
    result = build(make_project(tmp_path, PAGES, {"nav": nav}), tmp_path)
    assert result.ok, result.log
    def sections(url):
        return [" ".join(label.text_content().split())
                for label in result.page(url).xpath("//nav[contains(@class, 'md-nav--primary')]//li[contains(@class, "
                                                    "'md-nav__item--nested')]/label[contains(@class, 'md-nav__link')]")]
    assert sections("topic/") == ["The basics"]
    assert sections("es/topic/") == ["Lo básico"]
