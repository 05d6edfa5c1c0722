"""The letters and the meeting statement in Chromium, as a family uses them: fill a letter,
read its preview, print it to PDF (its text read back with pypdf: the details, on one
page), copy it and download it (the same text); choose the letter's language on the
Spanish site; nothing sent anywhere, nothing kept until asked, everything erased on
request; without JavaScript the letters still show with their blanks and print; the
deadline date counted in the browser under a calendar-days profile; the offline copy."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

from browser import PageProblems, chromium, require_browser, serve
from iep_tools import build_offline
from sitebuild import ROOT, build

pytestmark = pytest.mark.browser

DETAILS = {"#iep-parent": "Ana López", "#iep-contact": "555-0100", "#iep-child": "Mateo",
           "#iep-school": "Lincoln Elementary", "#iep-recipient": "Ms. Rivera",
           "#iep-title": "Special Education Director", "#iep-email": "rivera@example.org", "#iep-date": "2026-01-20"}
RECORDS_LETTER = """January 20, 2026
Ms. Rivera
Special Education Director
Lincoln Elementary

Re: Request to see and copy the records of Mateo

Dear Ms. Rivera,

I am the parent of Mateo, a student at Lincoln Elementary. I ask to see and review all of Mateo's education records, \
and to get copies of them (34 CFR §300.501(a) and §300.613).

- evaluations and test reports
- the current IEP and progress reports
- discipline, attendance and health records kept by the school

We have an IEP meeting on February 10, 2026. Please let me have the records a few days before the meeting, so I have \
time to read them.

The rules say the school must answer without unnecessary delay, before any IEP meeting, and never more than 45 calendar \
days after my request (34 CFR §300.613(a)).

If there is a fee for copies, please tell me the cost first. The school may not charge to search for or to find the \
records (34 CFR §300.617).

Please tell me when I can see the records, or send me the copies. Thank you.

Sincerely,
Ana López
555-0100
"""


@pytest.fixture(scope="module")
def site(real_site):
    require_browser()
    with serve(real_site.site) as base_url, chromium(accept_downloads=True) as context:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
        yield base_url, context


@pytest.fixture
def page(site):
    base_url, context = site
    page = context.new_page()
    problems = PageProblems(page, base_url)
    yield page, base_url, problems
    page.evaluate("localStorage.clear()")
    page.close()
    assert list(problems) == []


def fill(page, values: dict[str, str]) -> None:
    for selector, value in values.items():
        page.fill(selector, value)


def letter_text(page, tool: str) -> str:
    """The letter as the preview shows it, a line for each line of text."""
    shown = page.inner_text(f"#iep-tool-{tool} .iep-version[data-role='letter'] .iep-sheet")
    return "\n".join(line for line in shown.splitlines() if line.strip())


def pdf_pages(page) -> list[str]:
    """The page printed to PDF, as the text of each sheet."""
    reader = pypdf.PdfReader(io.BytesIO(page.pdf(format="Letter")))
    return [" ".join(sheet.extract_text().split()) for sheet in reader.pages]


def test_english_letter_fills_in_and_prints_alone_on_one_page(page):
    page, base_url, _ = page
    page.goto(base_url + "letters/")
    fill(page, DETAILS)
    fill(page, {"#iep-evaluation-concerns": "He cannot read simple words yet."})
    preview = letter_text(page, "evaluation")
    assert preview.startswith("January 20, 2026\nMs. Rivera\nSpecial Education Director\nLincoln Elementary\n")
    assert "I am the parent of Mateo, a student at Lincoln Elementary." in preview
    assert "Here is what I see: He cannot read simple words yet." in preview
    assert preview.endswith("Sincerely,\nAna López\n555-0100")
    page.uncheck("#iep-evaluation-option-safeguards")
    assert "procedural safeguards" not in letter_text(page, "evaluation")
    (sheet,) = pdf_pages(page)  # the letter worked on last, alone: one sheet
    assert sheet.startswith("January 20, 2026 Ms. Rivera Special Education Director Lincoln Elementary Re: Request for a "
                            "special education evaluation of Mateo Dear Ms. Rivera, I am the parent of Mateo")
    assert "He cannot read simple words yet." in sheet
    assert "procedural safeguards" not in sheet
    assert sheet.endswith("Sincerely, Ana López 555-0100")
    assert "Your details" not in sheet
    assert "The rule behind this letter" not in sheet


def test_copy_and_download_give_the_same_text(page):
    page, base_url, _ = page
    page.goto(base_url + "letters/")
    fill(page, {**DETAILS, "#iep-records-meeting-date": "2026-02-10"})
    page.uncheck("#iep-records-option-draft")
    page.click("#iep-tool-records [data-action='copy']")
    page.wait_for_function("document.querySelector('#iep-tool-records .iep-status').textContent !== ''")
    assert page.inner_text("#iep-tool-records .iep-status") == ("The text is copied. You can paste it into an email "
                                                                 "or a document.")
    copied = page.evaluate("navigator.clipboard.readText()")
    with page.expect_download() as download:
        page.click("#iep-tool-records [data-action='download']")
    assert download.value.suggested_filename == "letter-records-2026-01-20.txt"
    assert Path(download.value.path()).read_text(encoding="utf-8") == copied == RECORDS_LETTER
    mail = page.get_attribute("#iep-tool-records [data-action='mail']", "href")
    assert mail.startswith("mailto:rivera%40example.org?subject=Request%20to%20see%20and%20copy%20the%20records%20of%20"
                           "Mateo&body=January%2020%2C%202026%0AMs.%20Rivera%0A")


def test_print_button_prints_that_letter(page):
    page, base_url, _ = page
    page.goto(base_url + "letters/")
    fill(page, DETAILS)
    page.click("#iep-tool-iee [data-action='print']")
    assert page.get_attribute("html", "data-iep-print") == "iee"
    assert page.get_attribute("#iep-tool-iee", "data-printing") == ""


def test_a_letter_without_the_needed_details_says_what_to_fill_in(page):
    page, base_url, _ = page
    page.goto(base_url + "letters/")
    page.fill("#iep-child", "Mateo")
    page.click("#iep-tool-meeting [data-action='copy']")
    alert = page.locator("#iep-tool-meeting .iep-alert")
    assert alert.get_attribute("role") == "alert"
    assert [line for line in alert.inner_text().splitlines() if line] == ["Fill in these first:", "Your name"]
    assert page.evaluate("document.activeElement === document.querySelector('#iep-tool-meeting .iep-alert')")
    assert page.get_attribute("#iep-parent", "aria-invalid") == "true"
    assert alert.locator("a").get_attribute("href") == "#iep-parent"
    assert page.inner_text("#iep-tool-meeting .iep-status") == ""  # nothing was copied


def test_spanish_site_sends_english_with_a_reading_copy_or_spanish(page):
    page, base_url, _ = page
    page.goto(base_url + "es/letters/")
    fill(page, {**DETAILS, "#iep-refusal-request": "Un maestro de lectura.", "#iep-refusal-asked-on": "2026-01-05"})
    english = letter_text(page, "refusal")
    assert "On January 5, 2026, I asked the school for this: Un maestro de lectura." in english
    copy = "\n".join(line for line in page.inner_text("#iep-tool-refusal .iep-version[data-role='copy']").splitlines()
                     if line.strip())
    assert copy.startswith("Lo que dice la carta, en español:\n20 de enero de 2026")
    assert "El 5 de enero de 2026, le pedí esto a la escuela: Un maestro de lectura." in copy
    page.check("#iep-lang-es")
    spanish = letter_text(page, "refusal")
    assert spanish.startswith("20 de enero de 2026\nMs. Rivera\nSpecial Education Director\nLincoln Elementary\n")
    assert page.locator("#iep-tool-refusal .iep-version[data-role='copy']").count() == 0
    page.focus("#iep-refusal-request")
    (sheet,) = pdf_pages(page)
    assert sheet.startswith("20 de enero de 2026 Ms. Rivera Special Education Director Lincoln Elementary Asunto: "
                            "Solicitud de notificación previa por escrito sobre Mateo Estimado/a Ms. Rivera:")
    assert "El 5 de enero de 2026, le pedí esto a la escuela: Un maestro de lectura." in sheet
    assert sheet.endswith("Atentamente, Ana López 555-0100")


def test_nothing_is_sent_and_nothing_is_kept_until_asked(page):
    page, base_url, _ = page  # the fixture's PageProblems sees any request to another host
    requests: list[str] = []
    page.goto(base_url + "letters/", wait_until="load")
    page.wait_for_load_state("networkidle")
    page.on("request", lambda request: requests.append(request.url))
    fill(page, DETAILS)
    fill(page, {"#iep-agreed-agreed": "Speech twice a week.", "#iep-agreed-meeting-date": "2026-01-15"})
    page.check("#iep-agreed-option-open")
    page.click("#iep-tool-agreed [data-action='copy']")
    with page.expect_download():
        page.click("#iep-tool-agreed [data-action='download']")
    assert [url for url in requests if not url.startswith("blob:")] == []  # no request at all after the load
    assert page.evaluate("[localStorage.length, sessionStorage.length]") == [0, 0]
    page.reload()
    assert page.input_value("#iep-child") == ""  # nothing kept: an empty form again


def test_kept_answers_come_back_and_erase_removes_every_key(page):
    page, base_url, _ = page
    page.goto(base_url + "letters/")
    fill(page, {"#iep-child": "Mateo", "#iep-meeting-reason": "Reading."})
    page.check("#iep-keep")
    assert page.inner_text(".iep-keep-status") == "Your answers are kept in this browser until you erase them."
    assert page.evaluate("Object.keys(localStorage).sort()") == ["iep-guide:answers", "iep-guide:keep"]
    page.reload()
    assert (page.input_value("#iep-child"), page.input_value("#iep-meeting-reason")) == ("Mateo", "Reading.")
    assert page.is_checked("#iep-keep")
    page.goto(base_url + "prepare/")  # the same answers, on the other tool page
    assert page.input_value("#iep-child") == "Mateo"
    page.check("#checklist-1")
    page.click("[data-iep-erase]")
    assert page.evaluate("localStorage.length") == 0
    assert page.inner_text(".iep-keep-status") == "Your answers are erased. Nothing is left on this device."
    page.reload()
    assert (page.input_value("#iep-child"), page.is_checked("#checklist-1"), page.is_checked("#iep-keep")) == \
        ("", False, False)
    page.goto(base_url + "letters/")
    assert (page.input_value("#iep-child"), page.input_value("#iep-meeting-reason")) == ("", "")


def test_checklist_boxes_tick_print_as_they_are_and_are_forgotten(page):
    page, base_url, _ = page
    page.goto(base_url + "prepare/")
    boxes = page.locator(".iep-checklist input[type='checkbox']")
    assert boxes.count() == 20
    page.locator("label[for='checklist-2']").click()
    assert page.is_checked("#checklist-2")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert page.is_checked("#checklist-3")
    sheets = pdf_pages(page)
    assert 1 <= len(sheets) <= 2
    assert sheets[0].startswith("Preparing for the IEP meeting Checklist")
    page.reload()
    assert page.is_checked("#checklist-2") is False


def test_the_statement_prints_on_one_page_in_the_chosen_language(page):
    page, base_url, _ = page
    page.goto(base_url + "es/prepare/")
    fill(page, {"#iep-parent": "Ana López", "#iep-child": "Mateo", "#iep-planner-meeting-date": "2026-03-02",
                "#iep-planner-strengths": "Le encanta dibujar.", "#iep-planner-concerns": "No lee todavía.",
                "#iep-planner-questions": "¿Quién le enseña a leer?", "#iep-planner-language": "español"})
    page.check("#iep-planner-option-interpreter")
    page.check("#iep-lang-es")
    statement = letter_text(page, "planner")
    assert statement.startswith("Declaración de los padres y temas para la reunión del IEP de Mateo del 2 de marzo de "
                                "2026\nDe: Ana López\nLo que mi hijo hace bien\nLe encanta dibujar.")
    assert "Necesito un intérprete de español." in statement
    page.evaluate("""() => { document.documentElement.setAttribute('data-iep-print', 'planner');
                             document.querySelector('#iep-tool-planner').setAttribute('data-printing', ''); }""")
    (sheet,) = pdf_pages(page)
    assert sheet.startswith("Declaración de los padres y temas para la reunión del IEP de Mateo del 2 de marzo de 2026")
    assert "Mis preguntas: ¿Quién le enseña a leer?" in sheet
    assert sheet.endswith("(34 CFR §300.324(a)(1)(ii)).")


@pytest.fixture(scope="module")
def no_script(real_site):
    require_browser()
    with serve(real_site.site) as base_url, chromium(java_script_enabled=False) as context:
        yield base_url, context.new_page()


@pytest.mark.parametrize(("url", "blank"), [("letters/", "[child's name]"), ("es/letters/", "[child's name]")])
def test_without_javascript_every_letter_shows_with_blanks_and_prints(no_script, url, blank):
    base_url, page = no_script
    page.goto(base_url + url)
    sheets = page.locator(".iep-letter .iep-version[data-role='letter'] .iep-sheet")
    assert sheets.count() == 8
    assert all(blank in sheets.nth(index).inner_text() for index in range(8))
    assert page.locator(".iep-actions").first.is_hidden()
    printed = pdf_pages(page)
    assert len(printed) == 8  # each letter on a sheet of its own, nothing else
    assert all(sheet.startswith("[date] [name] [job title] [school] Re: ") for sheet in printed)
    assert printed[0].startswith("[date] [name] [job title] [school] Re: Request for a special education evaluation of "
                                 "[child's name] Dear [name], I am the parent of [child's name]")


@pytest.mark.slow
def test_calendar_days_give_a_date_and_school_days_a_count(tmp_path):
    require_browser()
    results = {}
    for profile in ("california", "massachusetts"):
        result = build(ROOT, tmp_path / profile, env={"IEP_STATE": profile, "IEP_ALLOW_UNCONFIRMED": "true"})
        assert result.ok, result.log
        results[profile] = result
    rules = results["massachusetts"].text("letters/", "//div[@id='iep-tool-evaluation']/div[@class='iep-rules']")
    assert "After you ask in writing for an evaluation, the school has 5 school days to answer" in rules
    assert ("School days are the days students are in school. Weekends, holidays and school vacations do not count. "
            "So this guide cannot give you a date. Count 5 school days on the school's calendar") in rules
    assert results["massachusetts"].page("letters/").xpath("//div[@id='iep-tool-evaluation']//*[@data-due]") == []
    records = results["california"].text("letters/", "//div[@id='iep-tool-records']")
    assert "never more than 5 business days after my request (Education Code §56504; §49069.7)." in records
    with serve(results["california"].site) as base_url, chromium() as context:
        page = context.new_page()
        page.goto(base_url + "letters/")
        due = "#iep-tool-evaluation [data-due]"
        assert page.inner_text(due) == "[the date 15 calendar days later]"
        page.fill("#iep-date", "2026-01-20")
        assert page.inner_text(due) == "February 4, 2026"
        page.goto(base_url + "es/letters/")
        page.fill("#iep-date", "2025-12-20")
        assert page.inner_text(due) == "4 de enero de 2026"


@pytest.mark.slow
def test_the_offline_copy_has_the_tools_and_they_work_from_disk(tmp_path):
    require_browser()
    result = build(ROOT, tmp_path, env=build_offline.ENVIRONMENT)
    assert result.ok, result.log
    with chromium() as context:
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto((result.site / "es" / "letters.html").as_uri())
        fill(page, {"#iep-child": "Mateo", "#iep-date": "2026-01-20"})
        assert letter_text(page, "evaluation").startswith("January 20, 2026\n[name]")
        page.goto((result.site / "prepare.html").as_uri())
        assert page.locator(".iep-checklist input[type='checkbox']").count() == 20
    assert [url for url in requests if not url.startswith("file://")] == []
