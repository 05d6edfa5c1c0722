"""The letters in the built site: where a page asks for them, with the script and style
only there, outside the glossary's reach; a misspelt tool and an outdated translation,
as the build reports them."""

from __future__ import annotations

import pytest

from sitebuild import build, make_project

LETTER_IDS = ["evaluation", "records", "meeting", "iee", "refusal", "interpreter", "agreed", "disagree"]


@pytest.mark.parametrize("url", ["letters/", "es/letters/"])
def test_letters_page_has_the_details_and_the_eight_letters(real_site, url):
    page = real_site.page(url)
    tools = page.xpath("//article//div[@data-iep-tool]")
    assert [tool.get("data-iep-tool") for tool in tools] == LETTER_IDS
    assert len(page.xpath("//article//div[@id='iep-details']")) == 1
    for tool in tools:  # each letter right after its explanation, outside the glossary's reach
        assert "no-glossary" in tool.get("class").split()
        assert tool.xpath("string(preceding-sibling::h2[1]/@id)") == tool.get("data-iep-tool")
    assert page.xpath("//article//a[contains(@class, 'glossary-term')][not(ancestor::div[@data-iep-tool])]")


def test_spanish_letters_are_in_english_with_a_spanish_copy(real_site):
    tool = real_site.page("es/letters/").xpath("//div[@id='iep-tool-evaluation']")[0]
    versions = [(v.get("lang"), v.get("data-role")) for v in tool.xpath(".//div[contains(@class, 'iep-version')]")]
    assert versions == [("en", "letter"), ("es", "copy")]
    (english,) = real_site.page("letters/").xpath("//div[@id='iep-tool-evaluation']")
    assert [v.get("lang") for v in english.xpath(".//div[contains(@class, 'iep-version')]")] == ["en"]


@pytest.mark.parametrize(("url", "tools"), [("letters/", 9), ("prepare/", 1), ("es/prepare/", 1), ("team/", 0),
                                             ("", 0)])
def test_only_the_tool_pages_load_the_tools(real_site, url, tools):
    page = real_site.page(url)
    depth = "../" * url.count("/")
    assert len(page.xpath("//div[@data-iep-tool] | //div[@id='iep-details']")) == tools
    scripts = page.xpath("//script[contains(@src, 'letters.js')]/@src")
    styles = page.xpath("//link[contains(@href, 'letters.css')]/@href")
    expected = 1 if tools else 0
    assert (len(scripts), len(styles)) == (expected, expected)
    if tools:
        assert scripts == [depth + "assets/javascripts/letters.js"]
        assert page.xpath("//script[contains(@src, 'letters.js')]")[0].get("defer") is not None
        assert not page.xpath("//head//link[contains(@href, 'letters.css')]")  # never render-blocking
    assert (real_site.site / "assets/javascripts/letters.js").is_file()


@pytest.mark.parametrize("url", ["prepare/", "es/prepare/"])
def test_prepare_checklist_is_labelled_checkboxes(real_site, url):
    page = real_site.page(url)
    boxes = page.xpath("//div[contains(@class, 'iep-checklist')]//li/input[@type='checkbox']")
    assert len(boxes) == 20
    assert [box.get("id") for box in boxes] == [f"checklist-{n}" for n in range(1, 21)]
    for box in boxes:
        (label,) = page.xpath(f"//label[@for='{box.get('id')}']")
        assert label.text_content().strip()
    assert "☐" not in page.xpath("string(//div[contains(@class, 'iep-checklist')])")


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    """A page asking for a misspelt tool, and a Spanish letter whose English changed since."""
    tmp = tmp_path_factory.mktemp("letters-broken")
    project = make_project(tmp, {
        "en/index.md": "# Letters\n\n{{ letters.details }}\n\n{{ letters.meting }}\n\n{{ letters.meeting }}\n",
        "es/index.md": "# Cartas\n\n{{ letters.details }}\n\n{{ letters.meeting }}\n",
    })
    english = project / "data/letters/en.yml"
    text = english.read_text(encoding="utf-8")
    english.write_text(text.replace('"I would like to talk about: {reason}"', '"I want to talk about: {reason}"'),
                       encoding="utf-8")
    return build(project, tmp, strict=False)


def test_a_misspelt_tool_is_a_warning_naming_the_page_and_line(broken):
    assert broken.warnings == [
        "Doc file 'en/index.md' line 5 uses '{{ letters.meting }}', which is not a letter or tool. Did you mean "
        "'meeting'? Known: details, planner, evaluation, records, meeting, iee, refusal, interpreter, agreed, disagree.",
    ]


def test_a_letter_whose_english_changed_says_so_in_the_translation(broken):
    (notice,) = broken.page("es/").xpath("//div[@id='iep-tool-meeting']/p[@class='iep-outdated-letter']")
    assert notice.text_content() == ("La versión en inglés de esta carta cambió después de esta traducción. Es posible "
                                     "que parte de esta información ya no esté al día.")
    assert broken.page("").xpath("//p[@class='iep-outdated-letter']") == []
