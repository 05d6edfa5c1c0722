"""Translation status (hooks/iep_guide/translations.py), the outdated notice, and the
translator's command line (scripts/translations.py): status, mark, new-language, preview."""

import difflib
import json
import os
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iep_guide import translations as ts
from iep_tools import translations
from sitebuild import ROOT, build, copy_project

PAGES = ["benefits.md", "disagree.md", "discipline.md", "esy.md", "evaluation.md", "glossary.md", "iep-or-504.md",
         "index.md", "letters.md", "prepare.md", "process.md", "rights-card.md", "rights.md", "team.md",
         "transition.md", "what-is-an-iep.md"]
SECTIONS = ["The basics", "Step by step", "When there is a problem", "Tools"]  # mkdocs.yml nav


def run(project, *args) -> int:
    return translations.main(["--project", str(project), *args])


# -- hashes and front matter ---------------------------------------------------------------

def test_hash_ignores_line_endings_and_trailing_spaces():
    assert ts.text_hash("# Title  \r\n\r\nText.\t\r\n\r\n") == ts.text_hash("# Title\n\nText.\n")


def test_hash_changes_when_the_text_changes():
    assert ts.text_hash("# Title\n\nText.\n") != ts.text_hash("# Title\n\nText!\n")


@given(st.text())
def test_normalizing_twice_changes_nothing(text):
    assert ts.normalize(ts.normalize(text)) == ts.normalize(text)


TEXT_LINE = st.text(alphabet=st.characters(blacklist_characters="\r\n", blacklist_categories=["Cs"]))


@given(st.lists(TEXT_LINE), st.sampled_from(["\n", "\r\n"]))
def test_hash_is_the_same_for_any_line_ending(lines, newline):
    assert ts.text_hash(newline.join(lines)) == ts.text_hash("\n".join(lines))


def test_marking_adds_front_matter_to_a_page_without_it():
    text = ts.with_recorded_hash("# Título\n\nTexto.\n", "0123456789ab")
    assert text == '---\ntranslation_of: "0123456789ab"\n---\n\n# Título\n\nTexto.\n'
    assert ts.recorded_hash(text) == "0123456789ab"  # quoted: a hash of digits stays a string


def test_marking_replaces_the_value_and_keeps_other_keys():
    text = '---\ntemplate: home.html\ntranslation_of: "aaaaaaaaaaaa"\ndescription: Una guía\n---\n\n# Inicio\n'
    assert ts.with_recorded_hash(text, "bbbbbbbbbbbb") == (
        '---\ntemplate: home.html\ntranslation_of: "bbbbbbbbbbbb"\ndescription: Una guía\n---\n\n# Inicio\n'
    )


def test_marking_adds_the_key_to_existing_front_matter():
    text = "---\nglossary: false\n---\n\n# Glosario\n"
    assert ts.with_recorded_hash(text, "cccccccccccc") == (
        '---\nglossary: false\ntranslation_of: "cccccccccccc"\n---\n\n# Glosario\n'
    )


# -- status logic ---------------------------------------------------------------------------

@pytest.fixture
def docs(tmp_path):
    english = {"a.md": "# A\n", "b.md": "# B\n", "c.md": "# C\n", "d.md": "# D\n"}
    for name, text in english.items():
        (tmp_path / "en" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "en" / name).write_text(text, encoding="utf-8")
    (tmp_path / "es").mkdir()
    (tmp_path / "es" / "a.md").write_text(ts.with_recorded_hash("# A es\n", ts.text_hash("# A\n")), encoding="utf-8")
    (tmp_path / "es" / "b.md").write_text(ts.with_recorded_hash("# B es\n", ts.text_hash("# Old B\n")), encoding="utf-8")
    (tmp_path / "es" / "c.md").write_text("# C es, never marked\n", encoding="utf-8")
    (tmp_path / "es" / "old.md").write_text("# Sin fuente\n", encoding="utf-8")
    return tmp_path


def test_page_status_sorts_every_page(docs):
    assert ts.page_status(docs, "en", "es") == {
        "current": ["a.md"], "outdated": ["b.md"], "unmarked": ["c.md"], "missing": ["d.md"], "orphan": ["old.md"],
    }


def test_language_without_a_folder_has_every_page_missing(docs):
    assert ts.page_status(docs, "en", "pt")["missing"] == ["a.md", "b.md", "c.md", "d.md"]


def write_glossaries(project, english, translated, hashes=None):
    folder = project / "data" / "glossary"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "en.yml").write_text(json.dumps(english), encoding="utf-8")  # JSON is YAML
    (folder / "es.yml").write_text(json.dumps(translated), encoding="utf-8")
    if hashes is not None:
        (folder / "es.translation.yml").write_text(json.dumps(hashes), encoding="utf-8")


def test_glossary_status_sorts_every_entry(tmp_path):
    fape = {"term": "FAPE", "short": "Free appropriate public education."}
    lre = {"term": "LRE", "short": "Least restrictive environment."}
    iep = {"term": "IEP", "short": "The plan."}
    ese = {"term": "ESY", "short": "Summer services."}
    write_glossaries(
        tmp_path,
        {"fape": fape, "lre": lre, "iep": iep, "esy": ese, "pwn": {"term": "PWN", "short": "A notice."}},
        {"fape": {"term": "FAPE", "short": "Educación pública gratuita."}, "lre": {"term": "LRE", "short": "Ambiente."},
         "iep": {"term": "IEP", "short": "El plan."}, "esy": ese, "viejo": {"term": "Viejo", "short": "Ya no."}},
        {"fape": ts.entry_hash(fape), "lre": ts.entry_hash({"term": "LRE", "short": "Old text."})},
    )
    assert ts.glossary_status(tmp_path, "en", "es") == {
        "current": ["fape"],
        "outdated": ["lre"],  # the English changed since it was marked
        "unmarked": ["iep"],  # translated, never marked
        "missing": ["esy", "pwn"],  # still the English text; absent
        "orphan": ["viejo"],
    }


def test_entry_hash_ignores_yaml_line_wrapping():
    assert ts.entry_hash({"short": "Two\n  lines."}) == ts.entry_hash({"short": "Two lines."})


def test_no_english_glossary_means_no_glossary_status(tmp_path):
    assert ts.glossary_status(tmp_path, "en", "es") is None


# -- the command line, on a copy of the project ------------------------------------------------

@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path)


def status_json(project, capsys, *args):
    capsys.readouterr()
    code = run(project, "status", "--json", *args)
    return code, json.loads(capsys.readouterr().out)


def mark_everything(project, lang="es"):
    pages = sorted(p.relative_to(project / "docs").as_posix() for p in (project / "docs" / lang).glob("*.md"))
    assert run(project, "mark", *pages) == 0
    for folder in ("glossary", "letters"):
        if (project / "data" / folder / f"{lang}.yml").is_file():
            assert run(project, "mark", f"data/{folder}/{lang}.yml") == 0


def test_status_json_lists_docs_relative_english_paths(project, capsys):
    code, result = status_json(project, capsys)
    assert code == 0
    assert list(result["languages"]) == ["es"]
    spanish = result["languages"]["es"]
    assert set(spanish) == {"current", "outdated", "unmarked", "missing", "orphan", "glossary", "letters", "menu"}
    assert spanish["menu"] == {"current": SECTIONS, "missing": []}
    assert sorted(spanish["current"] + spanish["outdated"]) == PAGES
    assert set(spanish["glossary"]) == {"current", "outdated", "unmarked", "missing", "orphan"}


def test_mark_makes_one_page_current(project, capsys):
    assert run(project, "mark", "es/team.md") == 0
    assert "Marked docs/es/team.md as translated from the current docs/en/team.md" in capsys.readouterr().out
    _, result = status_json(project, capsys)
    assert "team.md" in result["languages"]["es"]["current"]
    assert "team.md" not in result["languages"]["es"]["outdated"]


def test_strict_fails_until_everything_is_current(project, capsys):
    mark_everything(project)
    assert status_json(project, capsys, "--strict")[0] == 0
    (project / "docs" / "en" / "esy.md").write_text("# ESY\n\nChanged.\n", encoding="utf-8")
    code, result = status_json(project, capsys, "--strict")
    assert code == 1
    assert result["languages"]["es"]["outdated"] == ["esy.md"]


def test_orphan_page_is_reported(project, capsys):
    (project / "docs" / "es" / "viejo.md").write_text("# Página vieja\n", encoding="utf-8")
    code, result = status_json(project, capsys, "--strict")
    assert result["languages"]["es"]["orphan"] == ["viejo.md"]
    assert code == 1
    assert run(project, "status") == 0
    assert "  orphan    viejo.md" in capsys.readouterr().out


def test_changed_glossary_entry_is_outdated(project, capsys):
    mark_everything(project)
    english = project / "data" / "glossary" / "en.yml"
    text = english.read_text(encoding="utf-8")
    english.write_text(text.replace("fape:\n  term: FAPE", "fape:\n  term: FAPE\n  long: \"New.\"", 1), encoding="utf-8")
    _, result = status_json(project, capsys)
    assert result["languages"]["es"]["glossary"]["outdated"] == ["fape"]
    assert run(project, "mark", "data/glossary/es.yml#fape") == 0
    assert status_json(project, capsys, "--strict")[0] == 0


def test_mark_refuses_an_english_page(project, capsys):
    assert run(project, "mark", "en/team.md") == 1
    assert capsys.readouterr().err == "error: 'en/team.md' is not a page in a translation's folder (docs/es/).\n"


def test_mark_refuses_a_page_not_translated_yet(project, capsys):
    (project / "docs" / "es" / "team.md").unlink()
    assert run(project, "mark", "es/team.md") == 1
    assert capsys.readouterr().err == "error: 'docs/es/team.md' does not exist: translate the page first.\n"


def test_new_language_refuses_an_existing_code(project, capsys):
    assert run(project, "new-language", "es") == 1
    assert capsys.readouterr().err == "error: Language 'es' is already in mkdocs.yml.\n"


@pytest.mark.parametrize(("written", "code"), [("VI", "vi"), ("pt_br", "pt-BR"), ("pt-br", "pt-BR"), ("zh-hant", "zh-Hant")])
def test_a_language_code_is_written_as_the_site_writes_it(written, code):
    assert translations.language_code(written) == code


def test_new_language_refuses_a_three_letter_code(project, capsys):
    before = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert run(project, "new-language", "hmn") == 1
    assert capsys.readouterr().err == (
        "error: 'hmn' is not a code mkdocs-static-i18n accepts: it takes a two-letter language code (ISO 639-1), "
        "with a region if needed, like 'ht', 'so' or 'pt-BR'. A language that has only a three-letter code "
        "(Hmong: 'hmn') cannot be added until static-i18n accepts those; see TRANSLATING.md.\n")
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == before
    assert not (project / "docs" / "hmn").exists()


def test_new_language_refuses_a_second_variant_unless_asked(project, capsys):
    assert run(project, "new-language", "pt-BR") == 0
    capsys.readouterr()
    assert run(project, "new-language", "pt") == 1
    assert capsys.readouterr().err == (
        "error: This site already has this language as 'pt-BR'. Two variants of one language give readers two "
        "entries in the language switcher and translators two copies to keep up. Most Portuguese-speaking "
        "families in US schools speak Brazilian Portuguese: 'pt-BR' is usually the right code; 'pt' is European "
        "Portuguese. To add 'pt' as well anyway, run again with --second-variant.\n")
    assert run(project, "new-language", "pt", "--second-variant") == 0


def test_a_language_material_lacks_gets_its_theme_strings_to_translate(project):
    assert run(project, "new-language", "ht") == 0
    theme = (project / "overrides" / "partials" / "languages" / "ht.html").read_text(encoding="utf-8")
    assert '"language": "ht"' in theme
    assert '"direction": "ltr"' in theme
    assert '"search.placeholder": "Search"' in theme  # English, to translate
    assert '"search.config.pipeline": "trimmer"' in theme  # no English stop words


def test_new_language_adds_its_entry_to_mkdocs_yml_with_the_menu_to_translate(project):
    before = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    assert run(project, "new-language", "vi") == 0
    after = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    changes = [op for op in difflib.SequenceMatcher(a=before, b=after).get_opcodes() if op[0] != "equal"]
    assert len(changes) == 1  # one insertion: comments and everything else are kept
    tag, _, _, start, end = changes[0]
    assert tag == "insert"
    assert after[start:end] == ["        - locale: vi", '          name: "Tiếng Việt"', "          build: true",
                                "          nav_translations:  # the menu's sections, in English until translated "
                                "(TRANSLATING.md)",
                                *[f'            "{title}": "{title}"' for title in SECTIONS]]


def test_language_lunr_lacks_searches_without_stemming(project):
    assert run(project, "new-language", "sl") == 0
    strings = (project / "overrides" / "partials" / "strings" / "sl.html").read_text(encoding="utf-8")
    assert '"search.config.lang": "en"' in strings
    assert '"search.config.pipeline": "trimmer"' in strings
    assert "sl" not in translations.lunr_languages()


# -- real builds: a third language, an outdated page, one language only --------------------------

@pytest.fixture(scope="module")
def three_languages(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("three-languages")
    project = copy_project(tmp)
    assert run(project, "new-language", "pt") == 0
    mark_everything(project)
    english = project / "docs" / "en" / "what-is-an-iep.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nA new sentence for families.\n", encoding="utf-8")
    return project, build(project, tmp)


def test_third_language_builds_strict(three_languages):
    _, result = three_languages
    assert result.ok, result.log
    assert result.warnings == []


def test_third_language_shows_fallback_notices(three_languages):
    _, result = three_languages
    page = result.page("pt/team/")
    assert page.get("lang") == "pt"
    assert len(page.xpath("//aside[contains(@class, 'iep-fallback')]")) == 1


def test_third_language_is_in_the_switcher(three_languages):
    _, result = three_languages
    (link,) = result.page("team/").xpath("//a[contains(@class, 'md-select__link')][@hreflang='pt']")
    assert link.get("href") == "../pt/team/"
    assert link.text_content().strip() == "Português"


def test_third_language_searches_with_its_own_lunr_language(three_languages):
    _, result = three_languages
    index = json.loads((result.site / "pt/search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["pt"]
    assert (result.site / "assets/javascripts/lunr/min/lunr.pt.min.js").is_file()


def test_a_new_language_s_untranslated_glossary_is_marked_as_english(three_languages):
    _, result = three_languages
    tips = result.page("pt/team/").xpath("//span[contains(@class, 'glossary-tip')]")
    assert tips
    assert {tip.get("lang") for tip in tips} == {"en"}
    assert {tip.get("lang") for tip in result.page("es/team/").xpath("//span[contains(@class, 'glossary-tip')]")} == {"es"}
    glossary = result.page("pt/glossary/")
    assert glossary.get("lang") == "pt"
    assert {dt.get("lang") for dt in glossary.xpath("//div[@class='glossary-entries']//dt")} == {"en"}
    assert {dt.get("lang") for dt in result.page("es/glossary/").xpath("//div[@class='glossary-entries']//dt")} == {None}


def test_edited_english_page_shows_the_outdated_notice(three_languages):
    _, result = three_languages
    page = result.page("es/what-is-an-iep/")
    (notice,) = page.xpath("//aside[contains(@class, 'iep-outdated')]")
    assert "La página en inglés cambió" in notice.text_content()
    (link,) = notice.xpath(".//a")
    assert (link.get("href"), link.get("hreflang")) == ("../../what-is-an-iep/", "en")


def test_current_translation_has_no_outdated_notice(three_languages):
    _, result = three_languages
    assert result.page("es/team/").xpath("//*[contains(@class, 'iep-outdated')]") == []
    assert result.page("pt/what-is-an-iep/").xpath("//*[contains(@class, 'iep-outdated')]") == []


def test_status_reports_the_edited_page_and_the_new_language(three_languages, capsys):
    project, _ = three_languages
    _, result = status_json(project, capsys)
    assert result["languages"]["es"]["outdated"] == ["what-is-an-iep.md"]
    assert result["languages"]["pt"]["missing"] == PAGES
    assert result["languages"]["pt"]["menu"] == {"current": [], "missing": SECTIONS}
    assert result["languages"]["pt"]["glossary"]["current"] == []
    assert len(result["languages"]["pt"]["glossary"]["missing"]) == len(ts.GLOSSARY.read(project / "data/glossary/en.yml", "en"))


def test_one_language_preview_builds(three_languages, tmp_path):
    project, _ = three_languages
    command = [sys.executable, str(ROOT / "scripts" / "translations.py"), "--project", str(project),
               "preview", "es", "--build", str(tmp_path / "site")]
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))] == []
    site = tmp_path / "site"
    assert 'lang="es"' in (site / "team" / "index.html").read_text(encoding="utf-8")
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["es"]
    assert not (site / "es").exists()


# -- languages beyond Material's, and right to left ------------------------------------------

@pytest.fixture(scope="module")
def more_languages(tmp_path_factory):
    """The project with Haitian Creole (which Material does not ship) and Arabic, nothing
    translated: every page is the English one, shown inside an ht or ar page."""
    tmp = tmp_path_factory.mktemp("more-languages")
    project = copy_project(tmp)
    assert run(project, "new-language", "ht") == 0
    assert run(project, "new-language", "ar") == 0
    # One page "translated": the English team page (its headings keep the ids other pages
    # link to) with a right-to-left title and a timeline like the process page's.
    english = (project / "docs" / "en" / "team.md").read_text(encoding="utf-8")
    (project / "docs" / "ar" / "team.md").write_text(
        english.replace("# The IEP team", "# فريق البرنامج", 1)
        + "\n<ol class=\"iep-timeline\">\n<li><strong>الطلب</strong> تطلب الأسرة تقييمًا.</li>\n"
        "<li><strong>التقييم</strong> تقيّم المدرسة الطفل.</li>\n</ol>\n", encoding="utf-8")
    return project, build(project, tmp)


def test_haitian_creole_and_arabic_build_strict(more_languages):
    _, result = more_languages
    assert result.ok, result.log
    assert result.warnings == []
    assert result.page("ht/process/").get("lang") == "ht"
    assert result.page("ar/process/").xpath("string(//body/@dir)") == "rtl"


def test_english_shown_in_an_arabic_page_reads_left_to_right(more_languages):
    _, result = more_languages
    (shown,) = result.page("ar/process/").xpath("//article//div[@lang='en']")
    assert shown.get("dir") == "ltr"


def test_a_theme_string_missing_from_our_file_is_named(tmp_path):
    project = copy_project(tmp_path)
    assert run(project, "new-language", "ht") == 0
    theme = project / "overrides" / "partials" / "languages" / "ht.html"
    lines = theme.read_text(encoding="utf-8").splitlines(keepends=True)
    theme.write_text("".join(line for line in lines if '"search.reset"' not in line and '"footer.next"' not in line),
                     encoding="utf-8")
    result = build(project, tmp_path)
    assert not result.ok
    assert result.warnings == [
        "Interface strings file 'overrides/partials/languages/ht.html' lacks 2 of Material's strings, which show in "
        "English until you add them (copy each line from Material's English file and translate it): footer.next, "
        "search.reset."]


@pytest.mark.browser
def test_the_timeline_flips_in_a_right_to_left_page(more_languages):
    from browser import chromium, require_browser, serve

    require_browser()
    _, result = more_languages
    side = """() => { const li = document.querySelector('ol.iep-timeline > li'); const s = getComputedStyle(li);
                return {left: s.borderLeftWidth, right: s.borderRightWidth, dir: getComputedStyle(li).direction}; }"""
    with serve(result.site) as url, chromium() as context:
        page = context.new_page()
        page.goto(url + "process/")
        english = page.evaluate(side)
        page.goto(url + "ar/process/")  # English shown in an Arabic page: it keeps left to right
        fallback = page.evaluate(side)
        page.goto(url + "ar/team/")  # a right-to-left page: the line runs on the right
        arabic = page.evaluate(side)
    line = english["left"]
    assert english == {"left": line, "right": "0px", "dir": "ltr"}
    assert line != "0px"
    assert fallback == english
    assert arabic == {"left": "0px", "right": line, "dir": "rtl"}


def test_new_language_adds_the_organizations_texts_to_translate(project):
    before = (project / "brand.yml").read_text(encoding="utf-8")
    assert run(project, "new-language", "vi") == 0
    after = (project / "brand.yml").read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n"))  # comments and every other line kept
    import yaml

    english = yaml.safe_load(before)
    assert yaml.safe_load(after)["languages"]["vi"] == {
        key: english[key] for key in ("name", "short_name", "tagline", "copyright")}


# -- unmarked pages, and what changed ---------------------------------------------------------

def test_a_page_never_marked_has_no_outdated_notice(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs" / "es" / "team.md"
    page.write_text(ts.FRONT_MATTER.sub("", page.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    result = build(project, tmp_path)
    assert result.ok, result.log
    assert result.page("es/team/").xpath("//*[contains(@class, 'iep-outdated')]") == []
    assert ts.page_status(project / "docs", "en", "es")["unmarked"] == ["team.md"]


def git(project, *args):
    subprocess.run(["git", *args], cwd=project, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"})


@pytest.fixture
def history(tmp_path):
    """The project as a Git repository whose first commit has every translation current."""
    project = copy_project(tmp_path)
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "translations current")
    return project


def test_diff_shows_the_changed_paragraph(history, capsys):
    english = history / "docs" / "en" / "team.md"
    text = english.read_text(encoding="utf-8")
    old = next(p for p in text.split("\n\n") if p.startswith("The school must invite your child"))
    english.write_text(text.replace(old, old + " A new sentence."), encoding="utf-8")
    git(history, "commit", "-qam", "English changed")
    assert run(history, "diff", "es/team.md") == 0
    out = capsys.readouterr().out
    number = [p for p in text.split("\n\n") if p.strip() and not p.startswith("---")].index(old) + 1
    assert out == (f"What changed in docs/en/team.md since the translation was marked:\n\nChanged (paragraph "
                   f"{number}):\n- {' '.join(old.split())}\n+ {' '.join(old.split())} A new sentence.\n")


def test_diff_of_a_glossary_entry(history, capsys):
    english = history / "data" / "glossary" / "en.yml"
    text = english.read_text(encoding="utf-8")
    old = '  short: "Free appropriate public education: '
    assert old in text
    english.write_text(text.replace(old, '  short: "Free and appropriate public education: ', 1), encoding="utf-8")
    assert run(history, "diff", "data/glossary/es.yml#fape") == 0
    out = capsys.readouterr().out
    assert out.startswith("What changed in data/glossary/en.yml#fape since the translation was marked:\n\nChanged")
    assert "\n- short: Free appropriate public education: " in out
    assert "\n+ short: Free and appropriate public education: " in out


def test_diff_of_a_letter_names_the_paragraph_that_changed(history, capsys):
    english = history / "data" / "letters" / "en.yml"
    text = english.read_text(encoding="utf-8")
    old = "Please test {child} in all areas related to a possible disability"
    assert text.count(old) == 1
    english.write_text(text.replace(old, "Please test {child} in every area related to a possible disability"),
                       encoding="utf-8")
    git(history, "commit", "-qam", "English letter changed")
    assert run(history, "diff", "data/letters/es.yml#letters.evaluation") == 0
    assert capsys.readouterr().out == (
        "What changed in data/letters/en.yml#letters.evaluation since the translation was marked:\n\n"
        "Changed (paragraph 12):\n"
        "- body 3: Please test {child} in all areas related to a possible disability (34 CFR §300.304(c)(4)).\n"
        "+ body 3: Please test {child} in every area related to a possible disability (34 CFR §300.304(c)(4)).\n")
    assert run(history, "diff", "data/letters/es.yml#letters.records") == 0
    assert capsys.readouterr().out == (
        "Entry 'letters.records' of data/letters/en.yml has not changed since it was marked.\n")


def test_diff_of_a_page_never_marked_says_so(history, capsys):
    page = history / "docs" / "es" / "team.md"
    page.write_text(ts.FRONT_MATTER.sub("", page.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    assert run(history, "diff", "es/team.md") == 1
    assert capsys.readouterr().err == (
        "error: docs/es/team.md was never marked, so there is no version to compare with. Compare it with "
        "docs/en/team.md, then mark it: python scripts/translations.py mark es/team.md\n")
