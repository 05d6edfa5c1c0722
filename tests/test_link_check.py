"""hooks/iep_guide/links: links across languages, raw HTML and template links, checked once
every language is built."""

import pytest

from iep_guide.links import check as link_check
from sitebuild import build, make_project

PAGES = {
    "en/index.md": "# Home\n\nSee [the topic](topic.md#part).\n",
    "en/topic.md": "# Topic\n\nMore about schools.\n\n## Part { #part }\n\n## Who { #who }\n\nWho comes.\n",
    "es/index.md": "# Inicio\n\nVea [el tema](topic.md#part).\n",
    "es/topic.md": "# Tema\n\nMás sobre las escuelas.\n\n## Parte { #part }\n\nLas escuelas evaluarán.\n",
}


def build_with(tmp_path, pages, edit=None):
    project = make_project(tmp_path, {**PAGES, **pages})
    if edit:
        edit(project)
    return build(project, tmp_path)


def only_warning(result) -> str:
    assert not result.ok, "a strict build fails on the warning"
    assert len(result.warnings) == 1, result.warnings
    return result.warnings[0]


# -- the two problems MkDocs cannot see, each alone failing the strict build ----------------

def test_missing_anchor_on_the_other_languages_page_fails(tmp_path):
    result = build_with(tmp_path, {"en/index.md": "# Home\n\n[Tema](../es/topic.md#who){ hreflang=es }\n"})
    assert only_warning(result) == (
        "Doc file 'en/index.md' contains a link '../es/topic.md#who', "
        "but the doc 'es/topic.md' does not contain an anchor '#who'."
    )


def test_spanish_page_linking_into_english_fails(tmp_path):
    result = build_with(tmp_path, {"es/index.md": "# Inicio\n\nVea [quién](../en/topic.md#who).\n"})
    assert only_warning(result) == (
        "Doc file 'es/index.md' contains a link '../en/topic.md#who', but the target "
        "'en/topic.md' is in another language ('en'). Did you mean 'topic.md#who'? To link to another "
        "language on purpose, add { hreflang=en } after the link."
    )


# -- other problems, in one build ------------------------------------------------------------

BROKEN = {
    "en/index.md": (
        "# Home\n\n"
        '<a href="../es/topic/#part">Raw Spanish</a> and <a href="topic/#prt">a typo</a>.\n\n'
        '<a href="es/topic/" hreflang="en">Wrong hreflang</a> and <a href="#nowhere">no anchor</a>.\n\n'
        "[Not translated](../es/nothing.md){ hreflang=es }\n"
    ),
    "es/index.md": '# Inicio\n\nVea <a href="../tpic/">el tema</a>.\n',
}


def add_template_link(project):
    main = project / "overrides" / "main.html"
    main.write_text(
        main.read_text(encoding="utf-8")
        + '\n{% block hero %}<a href="{{ \'gone/\' | url }}">Gone</a>{% endblock %}\n',
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("broken-links")
    return build_with(tmp, BROKEN, add_template_link)


@pytest.mark.parametrize("line", [
    "Doc file 'en/index.md' contains a link '../es/topic/#part', but the target '/es/topic/' is in another "
    "language ('es'). Did you mean 'topic/#part'? To link to another language on purpose, add "
    "hreflang=\"es\" to the link.",
    "Doc file 'en/index.md' contains a link 'topic/#prt', but the doc 'en/topic.md' does not contain an "
    "anchor '#prt'. Did you mean 'topic/#part'?",
    "Doc file 'en/index.md' contains a link 'es/topic/', but its hreflang 'en' is not the language of the "
    "target '/es/topic/' ('es').",
    "Doc file 'en/index.md' contains a link '#nowhere', but there is no such anchor on this page.",
    "Doc file 'en/index.md' contains a link '../es/nothing.md', but the target 'es/nothing.md' is not found "
    "among documentation files.",
    "Doc file 'es/index.md' contains a link '../tpic/', but the target 'tpic/' is not a page or file of the "
    "built site. Did you mean 'topic/'?",
    "Template 'main.html' for doc file 'en/index.md' (and 2 more pages) contains a link 'gone/', but the "
    "target 'gone/' is not a page or file of the built site.",
], ids=["raw-cross-language", "raw-anchor", "hreflang", "self-anchor", "md-not-found", "raw-not-found", "template"])
def test_problem_is_reported(broken, line):
    assert line in broken.warnings


def test_broken_fixture_reports_nothing_else(broken):
    assert not broken.ok
    assert len(broken.warnings) == 8  # the 7 above, and the template link in the Spanish site


# -- links that are fine -----------------------------------------------------------------------

CLEAN = {
    "en/index.md": (
        "# Home\n\n[Tema](../es/topic.md#part){ hreflang=es } and "
        '<a href="es/topic/#part" hreflang="es">raw</a>.\n'
    ),
    "es/index.md": (
        "# Inicio\n\n[Quién](../en/topic.md#who){ data-lang-link } y [el tema](topic.md#part).\n\n"
        '<a href="topic/#part">crudo</a>\n'
    ),
}


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("clean-links")
    return build_with(tmp, CLEAN)


def test_marked_links_across_languages_pass(clean):
    assert clean.ok, clean.log
    assert clean.warnings == []


def test_marked_markdown_link_leads_to_the_other_languages_page(clean):
    (link,) = clean.page("es/").xpath("//article//a[text()='Quién']")
    assert link.get("href") == "../topic/#who"  # the English page, not es/topic/
    assert link.get("hreflang") == "en"


def test_english_page_links_to_the_spanish_page(clean):
    (link,) = clean.page("").xpath("//article//a[text()='Tema']")
    assert link.get("href") == "es/topic/#part"


def test_real_site_has_switcher_and_glossary_links_to_check(real_site):
    page = real_site.page("es/team/")
    assert page.xpath("//a[contains(@class, 'md-select__link')][@hreflang='en']")
    assert page.xpath("//article//a[starts-with(@href, '../glossary/#')]")


# -- helpers -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("path", "normal"), [
    ("/./", "/"), ("/es/a/../b/", "/es/b/"), ("/es/.", "/es/"), ("/es/a/..", "/es/"), ("/es/x.html", "/es/x.html"),
    ("/", "/"),
])
def test_normalize_keeps_directory_slash(path, normal):
    assert link_check._normalize(path) == normal


@pytest.mark.parametrize(("base", "href"), [
    ("/iep/es/team/", ".."), ("/iep/es/team/", "../glossary/#fape"), ("/iep/", "./"), ("/iep/es/team/", "#who"),
    ("/iep/es/team/", ""), ("/iep/404.html", "es/"), ("/iep/es/404.html", "../assets/x.css?v=1"),
    ("/iep/es/team/", "/iep/es/"), ("/es/team/", "caf%C3%A9/#ni%C3%B1o"), ("/es/", "../../../x/"),
])
def test_links_resolve_as_urljoin_resolves_them(base, href):
    """link_check._resolve is urljoin's answer for the site's own links, without urljoin's cost."""
    from urllib.parse import unquote, urljoin, urlsplit

    expected = urlsplit(urljoin("http://site" + base, href))
    assert link_check._resolve(base, href) == (unquote(expected.path), expected.fragment)


@pytest.mark.parametrize("href", ["https://example.org/", "mailto:a@b.org", "tel:+15555550100", "//cdn.example/x.js"])
def test_links_to_other_sites_and_schemes_are_not_resolved(href):
    assert link_check._resolve("/es/team/", href) is None


@pytest.mark.parametrize(("url", "page_url", "relative"), [
    ("", "es/", "../"), ("es/topic/", "es/topic/", "./"), ("topic/", "./", "topic/"), ("topic/", "es/", "../topic/"),
])
def test_relative_urls_end_with_a_slash(url, page_url, relative):
    assert link_check._relative(url, page_url, "") == relative


@pytest.mark.parametrize(("hreflang", "lang", "same"),
                         [("en", "en", True), ("en-US", "en", True), ("pt_BR", "pt-BR", True), ("es", "en", False)])
def test_hreflang_compares_primary_language(hreflang, lang, same):
    assert (link_check._primary(hreflang) == link_check._primary(lang)) is same


# -- Material's navigation is cut out before the page is parsed -------------------------------

def test_navigation_is_cut_out_with_the_navs_inside_it():
    page = (b'<header><nav class="md-header__inner"><a href="x/">Logo</a></nav></header>'
            b'<nav class="md-nav md-nav--primary"><ul><li><nav class="md-nav" data-md-level="1">'
            b'<a href="a/">A</a></nav></li></ul><a href="b/">B</a></nav>'
            b'<article><a href="c/">C</a></article><footer><nav class="md-footer__inner">'
            b'<a href="d/">D</a></nav></footer>')
    assert link_check._without_navigation(page) == (
        b'<header><nav class="md-header__inner"><a href="x/">Logo</a></nav></header>'
        b'<article><a href="c/">C</a></article><footer></footer>')


def test_a_navigation_left_open_is_parsed_whole():
    page = b'<nav class="md-nav"><a href="a/">A</a><nav class="md-nav"></nav><article></article>'
    assert link_check._without_navigation(page) == page
