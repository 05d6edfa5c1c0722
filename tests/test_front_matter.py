"""Page settings (front matter) that MkDocs would drop without a word are reported."""

import pytest

from sitebuild import build, make_project

GOOD = "---\ndescription: A page.\n---\n\n# {title}\n\nSome text.\n"
PAGES = {
    "en/index.md": GOOD.format(title="Home"),
    "en/quote.md": '---\ndescription: "A page about\nlisten: false\n---\n\n# Quote\n\nText.\n',
    "en/typo.md": "---\ndescripton: A page.\nlisten: false\n---\n\n# Typo\n\nText.\n",
    "en/list.md": "---\n- description\n---\n\n# List\n\nText.\n",
    "es/index.md": GOOD.format(title="Inicio"),
}


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("front-matter")
    return build(make_project(tmp, PAGES), tmp)


def test_a_strict_build_fails_on_page_settings_it_cannot_use(result):
    assert not result.ok


def test_unreadable_settings_name_the_file_and_line(result):
    quote = [w for w in result.warnings if w.startswith("docs/en/quote.md")]
    assert quote == ["docs/en/quote.md, line 2: the page settings between the --- lines cannot be read: a quote "
                     "mark opened on this line is never closed. Close it with the same mark (' or \"). Until this "
                     "is fixed the page is built without its settings."]


def test_a_misspelt_setting_is_named_with_the_right_one(result):
    typo = [w for w in result.warnings if w.startswith("docs/en/typo.md")]
    assert len(typo) == 1
    assert typo[0].startswith("docs/en/typo.md, line 2: unknown page setting 'descripton'. "
                              "Did you mean 'description'? Known settings: ")


def test_settings_that_are_not_key_value_lines(result):
    listed = [w for w in result.warnings if w.startswith("docs/en/list.md")]
    assert listed == ["docs/en/list.md, line 2: the page settings between the --- lines must be 'key: value' "
                      "lines, not list. Until this is fixed the page is built without its settings."]


def test_good_settings_and_pages_without_settings_pass(tmp_path):
    pages = {"en/index.md": GOOD.format(title="Home"), "en/plain.md": "# Plain\n\nNo settings.\n",
             "es/index.md": GOOD.format(title="Inicio")}
    ok = build(make_project(tmp_path, pages), tmp_path)
    assert ok.ok, ok.log
    assert ok.warnings == []
