"""Rebranding with one file: an alternate brand.yml changes every organization string."""

import re
from pathlib import Path

import pytest
import yaml

from iep_guide import brand
from iep_guide.datafile import DataError
from sitebuild import ROOT, build, copy_project

DEFAULT = yaml.safe_load((ROOT / "brand.yml").read_text(encoding="utf-8"))
DEFAULT_STRINGS = [
    DEFAULT["name"], DEFAULT["tagline"], DEFAULT["copyright"], DEFAULT["site_url"].rstrip("/"),
    *[DEFAULT["languages"]["es"][key] for key in ("name", "tagline", "copyright")],
]
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle cx="4" cy="4" r="4" fill="#0b3b30"/></svg>'
ALTERNATE = {
    "name": "Riverside Parent Network",
    "short_name": "Riverside",
    "tagline": "Help for Riverside families.",  # ends in a full stop, as many do
    "logo": "art/river.svg",
    "favicon": "art/river.svg",
    "colors": {"primary": "#0b3b30", "accent": "#cc7a00"},
    "phone": "+1 (555) 010-0199",
    "email": "help@riverside.example",
    "website": "https://riverside.example/",
    "copyright": "Riverside Parent Network, 2026",
    "site_url": "https://riverside.example/iep/",
    "state": "massachusetts",
    "languages": {"es": {"name": "Red de Padres de Riverside", "tagline": "Ayuda para familias de Riverside",
                         "copyright": "Red de Padres de Riverside, 2026"}},
}


def write_brand(folder: Path, data: dict) -> Path:
    (folder / "art").mkdir(parents=True, exist_ok=True)
    (folder / "art/river.svg").write_text(LOGO)
    path = folder / "other-brand.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def rebranded(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("brand")
    project = copy_project(tmp)
    brand_file = write_brand(tmp / "elsewhere", ALTERNATE)
    result = build(project, tmp, env={"BRAND_FILE": str(brand_file), "IEP_ALLOW_UNCONFIRMED": "true"})
    assert result.ok, result.log
    return result


def output_files(site):
    return [p for p in site.rglob("*") if p.suffix in {".html", ".xml", ".json", ".js", ".css", ".txt"}]


def test_no_default_brand_string_is_left_in_the_output(rebranded):
    found = [
        (path.relative_to(rebranded.site).as_posix(), text)
        for path in output_files(rebranded.site)
        for text in DEFAULT_STRINGS
        if text in path.read_text(encoding="utf-8", errors="ignore")
    ]
    assert found == []


@pytest.mark.parametrize(("url", "name", "copyright"), [
    ("", "Riverside Parent Network", "Riverside Parent Network, 2026"),
    ("team/", "Riverside Parent Network", "Riverside Parent Network, 2026"),
    ("es/", "Red de Padres de Riverside", "Red de Padres de Riverside, 2026"),
    ("es/team/", "Red de Padres de Riverside", "Red de Padres de Riverside, 2026"),
])
def test_new_brand_in_header_footer_and_title(rebranded, url, name, copyright):
    page = rebranded.page(url)
    assert name in page.xpath("string(//header)")
    assert copyright in page.xpath("string(//footer)")
    assert page.xpath("string(//title)").endswith(name)
    assert page.xpath("string(//meta[@property='og:site_name']/@content)") == name


@pytest.mark.parametrize(("url", "name", "tagline"), [
    ("", "Riverside Parent Network", "Help for Riverside families"),
    ("es/", "Red de Padres de Riverside", "Ayuda para familias de Riverside"),
])
def test_home_page_shows_name_tagline_and_contact(rebranded, url, name, tagline):
    page = rebranded.page(url)
    assert page.xpath("string(//article//h1)") == name
    assert tagline in page.xpath("string(//article)")
    assert page.xpath("//section[@class='iep-contact']//a[@href='tel:+15550100199']")


@pytest.mark.parametrize("url", ["", "process/", "es/esy/", "404.html"])
def test_phone_is_a_tel_link_on_every_page(rebranded, url):
    assert rebranded.page(url).xpath("//div[contains(@class,'iep-contact-bar')]//a[@href='tel:+15550100199']")


def test_brand_colours_and_logo_are_used(rebranded):
    page = rebranded.page("")
    assert "--md-primary-fg-color: #0b3b30;" in page.xpath("string(//head/style)")
    assert page.xpath("//link[@rel='icon']/@href") == ["assets/brand/river.svg"]
    assert (rebranded.site / "assets/brand/river.svg").read_text() == LOGO


def test_the_brand_files_state_profile_is_used(rebranded):
    assert "This planning must start by age 14. This is the rule in Massachusetts." in rebranded.text("team/")
    sources = rebranded.text("team/", "//h2[@id='sources']/following-sibling::ul[1]")
    assert "The Massachusetts rule, which this guide uses: M.G.L. c.71B §2; 603 CMR 28.05(4)(c)." in sources


ABSOLUTE_PATH = re.compile(r'(?:href|src|action)="(/[^"]*)"')
ABSOLUTE_URL = re.compile(r'(?:href|src|content)="(https?://riverside\.example[^"]*)"')


def test_sub_path_build_stays_under_the_sub_path(rebranded):
    outside = []
    for path in rebranded.site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        outside += [(path.name, url) for url in ABSOLUTE_PATH.findall(text) if not url.startswith("/iep/")]
        outside += [(path.name, url) for url in ABSOLUTE_URL.findall(text)
                    if not url.startswith("https://riverside.example/iep/") and url != "https://riverside.example/"]
    assert outside == []


def test_sub_path_search_base_resolves_under_the_sub_path(rebranded):
    config = rebranded.page("es/404.html").xpath("string(//script[@id='__config'])")
    assert '"base": "/iep/es/"' in config


# Bad input: each fails with the file, the line, the key and the fix.

def line_of(path: Path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text().splitlines(), 1) if line.startswith(text))


def problems_of(tmp_path: Path, data: dict) -> tuple[Path, list[str]]:
    path = write_brand(tmp_path, data)
    with pytest.raises(DataError) as error:
        brand.load(path, ["en", "es"])
    return path, str(error.value).splitlines()


def without(key: str) -> dict:
    return {name: value for name, value in ALTERNATE.items() if name != key}


def test_missing_setting(tmp_path):
    path, problems = problems_of(tmp_path, without("name"))
    assert problems == [f"Brand file '{path}', line 1, key 'name': is missing. Add 'name: ...'."]


def test_unknown_setting_with_a_guess(tmp_path):
    path, problems = problems_of(tmp_path, {**without("phone"), "phnoe": "555"})
    assert problems == [f"Brand file '{path}', line {line_of(path, 'phnoe')}, key 'phnoe': unknown setting 'phnoe'. "
                        f"Did you mean 'phone'? Known settings here: {', '.join(KNOWN)}."]


def test_colour_that_is_not_a_colour(tmp_path):
    path, problems = problems_of(tmp_path, {**ALTERNATE, "colors": {"primary": "blue", "accent": "#cc7a00"}})
    assert problems == [f"Brand file '{path}', line {line_of(path, '  primary')}, key 'colors.primary': 'blue' is "
                        f"not a colour. Write it as a hex colour in quotes, for example \"#12324f\"."]


def test_missing_logo_file(tmp_path):
    path, problems = problems_of(tmp_path, {**ALTERNATE, "logo": "art/missing.svg"})
    assert problems == [f"Brand file '{path}', line {line_of(path, 'logo')}, key 'logo': the file 'art/missing.svg' "
                        f"does not exist (looked for {tmp_path / 'art/missing.svg'}). Files in art/: river.svg. Put the "
                        f"image there or fix the path; paths are relative to the brand file."]


def test_primary_colour_too_light_for_white_text(tmp_path):
    path, problems = problems_of(tmp_path, {**ALTERNATE, "colors": {"primary": "#6fa8dc", "accent": "#cc7a00"}})
    assert problems == [f"Brand file '{path}', line {line_of(path, '  primary')}, key 'colors.primary': white text "
                        f"on #6fa8dc has a contrast of 2.53:1, below the 4.5:1 that WCAG AA requires. Choose a darker "
                        f"colour."]


def test_every_problem_is_reported_at_once(tmp_path):
    path, problems = problems_of(tmp_path, {**without("name"), "website": "example.org", "email": "help(at)x"})
    assert [problem.split(": ", 1)[0] for problem in problems] == [
        f"Brand file '{path}', line {line_of(path, 'email')}, key 'email'",
        f"Brand file '{path}', line {line_of(path, 'website')}, key 'website'",
        f"Brand file '{path}', line 1, key 'name'",
    ]


def test_bad_brand_file_fails_the_build_with_its_line(tmp_path):
    path = write_brand(tmp_path / "b", {**ALTERNATE, "colors": {"primary": "#6fa8dc", "accent": "#cc7a00"}})
    result = build(copy_project(tmp_path), tmp_path, env={"BRAND_FILE": str(path)})
    assert not result.ok
    assert result.warnings == [
        f"Brand file '{path}', line {line_of(path, '  primary')}, key 'colors.primary': white text on #6fa8dc "
        f"has a contrast of 2.53:1, below the 4.5:1 that WCAG AA requires. Choose a darker colour."
    ]


def test_contrast_ratio_matches_wcag():
    assert round(brand.contrast("#ffffff", "#000000"), 2) == 21.0
    assert round(brand.contrast("#ffffff", "#767676"), 2) == 4.54


KNOWN = ["name", "short_name", "tagline", "logo", "favicon", "colors", "phone", "email", "website", "address",
         "social", "copyright", "site_url", "state", "languages"]


def test_accent_too_light_for_a_focus_ring_on_the_page(tmp_path):
    path, problems = problems_of(tmp_path, {**ALTERNATE, "colors": {"primary": "#0b3b30", "accent": "#fff3a0"}})
    assert problems == [f"Brand file '{path}', line {line_of(path, '  accent')}, key 'colors.accent': the accent colour "
                        f"#fff3a0 draws the focus ring keyboard users follow, on the page and in the header; it needs "
                        f"3:1 against both (WCAG 1.4.11), but has 1.13:1 against the white page. Choose a darker accent."]


def test_accent_too_close_to_the_header_colour(tmp_path):
    path, problems = problems_of(tmp_path, {**ALTERNATE, "colors": {"primary": "#7a1f3d", "accent": "#0b5d6b"}})
    assert problems == [f"Brand file '{path}', line {line_of(path, '  accent')}, key 'colors.accent': the accent colour "
                        f"#0b5d6b draws the focus ring keyboard users follow, on the page and in the header; it needs "
                        f"3:1 against both (WCAG 1.4.11), but has 1.34:1 against the header (#7a1f3d). Choose a "
                        f"brighter accent, or a darker primary colour."]


def test_the_default_colours_pass_both_checks():
    colours = brand.load(ROOT / "brand.yml", ["en", "es"]).colors
    assert brand.contrast("#ffffff", colours["primary"]) >= brand.MIN_CONTRAST
    assert brand.contrast("#ffffff", colours["accent"]) >= brand.MIN_FOCUS_CONTRAST
    assert brand.contrast(colours["primary"], colours["accent"]) >= brand.MIN_FOCUS_CONTRAST


def test_a_tagline_ending_in_a_full_stop_shows_one(rebranded):
    text = rebranded.text("")
    assert "Help for Riverside families." in text
    assert "families.." not in text


# YAML mistakes in the project's own brand.yml, said in plain words with the line to fix.

def yaml_problem(tmp_path: Path, old: str, new: str) -> list[str]:
    path = tmp_path / "brand.yml"
    path.write_text((ROOT / "brand.yml").read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    for name in ("logo.svg", "favicon.svg"):
        (tmp_path / "brand").mkdir(exist_ok=True)
        (tmp_path / "brand" / name).write_bytes((ROOT / "brand" / name).read_bytes())
    with pytest.raises(DataError) as error:
        brand.load(path, ["en", "es"], shown="brand.yml")
    return str(error.value).splitlines()


def test_a_tab_is_named_as_a_tab(tmp_path):
    assert yaml_problem(tmp_path, "  accent:", "\taccent:") == [
        "Brand file 'brand.yml', line 13: this line is indented with a tab. Use spaces, not tabs."]


def test_a_line_indented_one_space_too_far(tmp_path):
    assert yaml_problem(tmp_path, "  accent:", "   accent:") == [
        "Brand file 'brand.yml', line 13: this line is indented differently from the lines above it. Use spaces, "
        "not tabs, and line up settings of the same level in the same column."]


def test_a_colon_inside_a_text_says_to_quote_it(tmp_path):
    assert yaml_problem(tmp_path, "tagline: Plain-language help", "tagline: Help: plain-language help") == [
        "Brand file 'brand.yml', line 8: this value contains ': ', which YAML reads as a new setting. Put the value "
        "in quotes, like: key: \"text: more text\"."]


def test_an_unquoted_colour_says_what_yaml_did_and_to_quote_it(tmp_path):
    assert yaml_problem(tmp_path, 'primary: "#12324f"', "primary: #12324f") == [
        "Brand file 'brand.yml', line 12, key 'colors.primary': has no value: YAML reads '#' as the start of a "
        "comment, so everything after it is ignored. Put the value in quotes, like: primary: \"#12324f\""]


def test_an_unquoted_phone_number_says_to_quote_it(tmp_path):
    assert yaml_problem(tmp_path, '# phone: "+1 555 010 0000"', "phone: 5125550142") == [
        "Brand file 'brand.yml', line 14, key 'phone': must be text, but YAML reads 5125550142 as a number. Put it "
        "in quotes: \"5125550142\"."]


def test_a_language_code_typo_under_languages(tmp_path):
    assert yaml_problem(tmp_path, "  es:\n", "  sp:\n") == [
        "Brand file 'brand.yml', line 24, key 'languages.sp': 'sp' is not a language of this site (en, es). Did you "
        "mean 'es'? Languages are listed under the i18n plugin in mkdocs.yml."]


# `mkdocs serve` rebuilds on every file a fork edits: MkDocs watches config.watch after
# the first build (mkdocs/commands/serve.py), so the list is checked after a real build.

def test_serve_watches_the_brand_data_and_theme_files(tmp_path):
    import os

    from mkdocs.commands import build as mkdocs_build
    from mkdocs.config import load_config

    project = copy_project(tmp_path)
    brand_file = write_brand(tmp_path / "elsewhere", ALTERNATE)
    os.environ.update(BRAND_FILE=str(brand_file), IEP_ALLOW_UNCONFIRMED="true")
    try:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
        config.plugins.on_startup(command="serve", dirty=False)
        mkdocs_build.build(config)
        config.plugins.on_shutdown()
    finally:
        del os.environ["BRAND_FILE"], os.environ["IEP_ALLOW_UNCONFIRMED"]
    watched = {Path(path) for path in config.watch}
    assert {project / name for name in ("brand.yml", "brand", "data", "overrides", "hooks")} <= watched
    assert brand_file in watched  # the brand file BRAND_FILE names
    assert tmp_path / "elsewhere" / "art" in watched  # and the folder of its images


# -- on a phone: the helpline in the first screen, the logo and the short name ----------------

PHONE = {"width": 390, "height": 844}


@pytest.mark.browser
def test_the_helpline_is_one_tap_away_on_every_page_of_a_phone(rebranded, real_site, artifacts):
    from browser import chromium, require_browser, serve
    from iep_tools.project import built_page_paths

    require_browser()
    first_screen = """() => [...document.querySelectorAll('a[href^="tel:"]')].filter(a => {
        const box = a.getBoundingClientRect(); return box.height > 0 && box.bottom <= innerHeight; }).length"""
    with chromium(viewport=PHONE, is_mobile=True, has_touch=True) as context:
        page = context.new_page()
        with serve(rebranded.site) as url:
            shown = {}
            for path in built_page_paths(rebranded.site):
                page.goto(url + path)
                shown[path] = page.evaluate(first_screen)
            assert [path for path, count in shown.items() if count == 0] == []
            assert page.locator(".md-banner .iep-helpline a").text_content() == (
                "Questions? Call Riverside: +1 (555) 010-0199")  # the 404 page, last, in English
            page.goto(url)
            page.screenshot(path=str(artifacts / "screenshots" / "en-helpline-390.png"))  # for a reviewer
            page.goto(url + "es/")
            page.screenshot(path=str(artifacts / "screenshots" / "es-helpline-390.png"))
            assert page.locator(".md-banner .iep-helpline a").text_content() == (
                "¿Preguntas? Llame a Riverside: +1 (555) 010-0199")
            logo = page.locator(".md-header .md-logo")
            assert logo.is_visible()
            assert page.locator(".md-header .iep-short-name").first.is_visible()
            assert page.locator(".md-header .iep-full-name").first.bounding_box()["width"] <= 1
        with serve(real_site.site) as url:  # brand.yml gives no phone and no email
            page.goto(url + "team/")
            assert page.locator(".md-banner").count() == 0
            assert page.locator('a[href^="tel:"]').count() == 0
