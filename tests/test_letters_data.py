"""The letters files (hooks/iep_guide/letters/data.py) and what is made of them: a
translator's mistake, said exactly; when the school should answer, under four state
profiles; the letters a profile changes; the checklist's boxes."""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
from collections import Counter

import pytest

from iep_guide import datafile, states, variables
from iep_guide.letters import checklist, data, deadlines, render
from iep_guide.states import Period
from sitebuild import ROOT

LANGUAGES = ["en", "es"]
ENGLISH_TEXT = (ROOT / "data/letters/en.yml").read_text(encoding="utf-8")
SPANISH_TEXT = (ROOT / "data/letters/es.yml").read_text(encoding="utf-8")
LETTERS = data.load_all(ROOT, LANGUAGES)
IDS = ["evaluation", "records", "meeting", "iee", "refusal", "interpreter", "agreed", "disagree"]
NUMBER = re.compile(r"\d+")
SECTION = re.compile(r"§+ ?\d+\.\d+(?:\([a-z0-9]+\))*")


def rules(profile: str) -> states.StateRules:
    return states.load(profile, ROOT, LANGUAGES, allow_unconfirmed=True)


def problems(text: str, english: data.Letters | None = None) -> str:
    with pytest.raises(datafile.DataError) as raised:
        data.parse(text, "es", "data/letters/es.yml", english)
    return str(raised.value)


# -- the files as shipped --------------------------------------------------------------------

def test_both_languages_have_the_eight_letters_and_the_statement():
    for lang in LANGUAGES:
        assert list(LETTERS[lang].letters) == IDS
        assert LETTERS[lang].planner is not None
        assert LETTERS[lang].lang == lang


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


@pytest.mark.parametrize("entry", sorted(LETTERS["en"].entries))
def test_translation_has_the_same_numbers_citations_and_blanks(entry):
    """Each letter (and field, and text) says the same figures and § sections in Spanish,
    and fills the same blanks."""
    en, es = (" ".join(_strings(LETTERS[lang].entries[entry])) for lang in LANGUAGES)
    assert Counter(SECTION.findall(es)) == Counter(SECTION.findall(en))
    assert Counter(NUMBER.findall(es)) == Counter(NUMBER.findall(en))
    assert set(data.BLANK.findall(es)) == set(data.BLANK.findall(en))


# -- a translator's mistakes, in plain words --------------------------------------------------

MISTAKES = {
    "a blank that is not a field": (
        ("\"I am worried about {child}'s learning.", "\"I am worried about {chld}'s learning."),
        "Letters file 'data/letters/es.yml', line 81, letter 'evaluation', key 'body.1': uses {chld}, which is not "
        "a field of this letter. Did you mean {child}? Its fields: parent, contact, child, school, recipient, title, "
        "email, date, concerns.",
    ),
    "an option the letter lacks": (
        ("      - if: report\n", "      - if: reprot\n"),
        "Letters file 'data/letters/es.yml', line 86, letter 'evaluation', key 'body.4.if': 'reprot' is not an "
        "option of this letter. Did you mean 'report'? Its options: report, safeguards.",
    ),
    "a deadline that is not a time period": (
        ("deadline: evaluation_request_response", "deadline: transition_age"),
        "Letters file 'data/letters/es.yml', line 70, letter 'evaluation', key 'deadline': 'transition_age' is not a "
        "key of the state profiles whose value is a time period. Use one of: evaluation_request_response, "
        "evaluation_timeline, iep_timeline, due_process_limit, state_complaint_limit, records_access.",
    ),
    "a misspelt key": (
        ('    subject: "Request for an IEP meeting for {child}"', '    subjet: "Request for an IEP meeting for {child}"'),
        "Letters file 'data/letters/es.yml', line 127, letter 'meeting', key 'subjet': unknown key 'subjet'. Did you "
        "mean 'subject'? Known keys here: subject, rule, deadline, next, fields, options, body.",
    ),
    "a field that does not exist": (
        ("    fields: [reason, times]", "    fields: [reason, time]"),
        "Letters file 'data/letters/es.yml', line 129, letter 'meeting', key 'fields.1': 'time' is not a field. Did "
        "you mean 'times'? Add it under 'fields', or use one of: parent, contact, child, school, recipient, title, "
        "email, date, concerns, meeting_date, reason, times, evaluation, why, request, asked_on, language, agreed, "
        "open, issue, strengths, hopes, questions, coming, bring.\n"
        "Letters file 'data/letters/es.yml', line 142, letter 'meeting', key 'body.3': uses {times}, which is not a "
        "field of this letter. Did you mean {title}? Its fields: parent, contact, child, school, recipient, title, "
        "email, date, reason.",
    ),
    "an option offered by a rule that is not true or false": (
        ("        when: facilitated_iep", "        when: transition_age"),
        "Letters file 'data/letters/es.yml', line 271, letter 'disagree', key 'options.facilitated.when': "
        "'transition_age' is not a key of the state profiles whose value is true or false. Use one of: "
        "facilitated_iep.",
    ),
    "a list never closed": (
        ('  next: "What happens next"', "  next: [What happens next"),
        "Letters file 'data/letters/es.yml', line 27: a list in [ ] or a group in { } that starts on this line is not "
        "closed.",
    ),
}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_a_mistake_says_the_file_line_key_and_fix(mistake):
    (old, new), message = MISTAKES[mistake]
    assert old in ENGLISH_TEXT
    assert problems(ENGLISH_TEXT.replace(old, new, 1)) == message


def test_a_translation_keeps_the_english_options():
    text = SPANISH_TEXT.replace('      papers: {label: "Pedir los documentos antes de la reunión", default: true}\n', "")
    text = text.replace('      - if: papers\n        text: "Por favor, mándenme los informes o borradores unos días antes '
                        'de la reunión."\n', "")
    assert problems(text, LETTERS["en"]) == (
        "Letters file 'data/letters/es.yml', line 124, letter 'meeting', key 'options': must have the same options "
        "as in data/letters/en.yml: remote, papers."
    )


def test_a_translation_keeps_the_english_ids():
    assert problems(SPANISH_TEXT.replace("  disagree:\n", "  disagre:\n"), LETTERS["en"]) == (
        "Letters file 'data/letters/es.yml', line 256, letter 'disagre': the letter 'disagre' is not in "
        "data/letters/en.yml. Did you mean 'disagree'? Use the same ids as data/letters/en.yml."
    )


def test_a_language_without_a_file_gets_the_english_letters(tmp_path):
    (tmp_path / "data/letters").mkdir(parents=True)
    (tmp_path / "data/letters/en.yml").write_text(ENGLISH_TEXT, encoding="utf-8")
    loaded = data.load_all(tmp_path, ["en", "pt"])
    assert loaded["pt"] is loaded["en"]


# -- when the school should answer ------------------------------------------------------------

@pytest.mark.parametrize(("start", "period", "due"), [
    (datetime.date(2026, 1, 20), Period(15, "calendar_days"), datetime.date(2026, 2, 4)),
    (datetime.date(2025, 12, 20), Period(15, "calendar_days"), datetime.date(2026, 1, 4)),
    (datetime.date(2028, 2, 20), Period(15, "calendar_days"), datetime.date(2028, 3, 6)),  # a leap year
    (datetime.date(2026, 1, 20), Period(5, "school_days"), None),
    (datetime.date(2026, 1, 20), Period(30, "school_working_days"), None),
    (datetime.date(2026, 1, 20), Period(10, "business_days"), None),
])
def test_only_calendar_days_give_a_date(start, period, due):
    assert deadlines.due_date(start, period) == due


def test_federal_rule_sets_no_number_of_days():
    deadline = deadlines.deadline(rules("federal"), "evaluation_request_response", "en")
    assert (deadline.period, deadline.dated, deadline.period_text, deadline.unit_note) == (None, False, "", "")
    assert deadline.sentence == ("Federal law sets no number of days for the school's answer. It must answer within a "
                                 "reasonable time, and in writing if it says no.")
    assert deadline.source == "34 CFR §300.503(a)"


def test_calendar_days_are_dated_under_california():
    deadline = deadlines.deadline(rules("california"), "evaluation_request_response", "en")
    assert (deadline.period, deadline.dated, deadline.period_text) == (Period(15, "calendar_days"), True,
                                                                       "15 calendar days")
    assert deadlines.due_date(datetime.date(2026, 1, 20), Period(15, "calendar_days")) == datetime.date(2026, 2, 4)


@pytest.mark.parametrize(("profile", "lang", "amount", "shown", "unit_note"), [
    ("massachusetts", "en", 5, "5 school days",
     "School days are the days students are in school. Weekends, holidays and school vacations do not count."),
    ("texas", "en", 15, "15 school days",
     "School days are the days students are in school. Weekends, holidays and school vacations do not count."),
    ("texas", "es", 15, "15 días escolares",
     "Los días escolares son los días en que los estudiantes van a la escuela. No cuentan los fines de semana, los "
     "feriados ni las vacaciones."),
])
def test_school_days_are_a_count_never_a_date(profile, lang, amount, shown, unit_note):
    deadline = deadlines.deadline(rules(profile), "evaluation_request_response", lang)
    assert (deadline.period, deadline.dated, deadline.period_text) == (Period(amount, "school_days"), False, shown)
    assert deadline.unit_note == unit_note


def _tool(profile: str, key: str, lang: str = "en") -> render.Tool:
    profile_rules = rules(profile)

    def fill(text: str, _where: str) -> str:
        return variables.VARIABLE.sub(lambda m: variables.lookup(m.group(1), profile_rules, lang, {}) or "", text)

    return render.tool(key, LETTERS[lang], LETTERS["en"], profile_rules, fill)


def _texts(tool: render.Tool) -> list[str]:
    return ["".join(part.text or part.blank for part in block.parts) for block in tool.versions[0].blocks]


def test_school_days_tool_explains_the_count_and_gives_no_date():
    tool = _tool("massachusetts", "evaluation")
    assert tool.dated == []
    assert tool.counted == ("So this guide cannot give you a date. Count 5 school days on the school's calendar, "
                            "from the day the school gets your letter.")


def test_calendar_days_tool_gives_the_date_from_the_letters_date():
    tool = _tool("california", "evaluation")
    assert [(part.text, part.name, part.days) for part in tool.dated] == [
        ("If the school gets your letter on ", None, 0), ("", "date", 0), (", it should answer by ", None, 0),
        ("", "due", 15), (".", None, 0)]
    assert tool.counted == ""


def test_disagreeing_asks_for_mediation_where_the_state_offers_no_facilitated_meeting():
    tool = _tool("federal", "disagree")
    assert tool.options == []
    texts = _texts(tool)
    assert "I ask for mediation to help us settle this disagreement (34 CFR §300.506)." in texts
    assert not [text for text in texts if "facilitated" in text]


def test_disagreeing_offers_a_facilitated_meeting_where_the_state_has_one():
    tool = _tool("texas", "disagree")
    assert [(option.name, option.checked) for option in tool.options] == [("disagree.option.facilitated", True)]
    blocks = {"".join(p.text or p.blank for p in block.parts): block for block in tool.versions[0].blocks}
    offer = next(text for text in blocks if text.startswith("I would like us to try a facilitated IEP meeting"))
    assert "The Texas Education Agency (TEA) offers these meetings free of charge." in offer
    assert blocks[offer].show_if == "disagree.option.facilitated"
    mediation_only = blocks["I ask for mediation to help us settle this disagreement (34 CFR §300.506)."]
    assert (mediation_only.hide_if, mediation_only.hidden) == ("disagree.option.facilitated", True)


def test_spanish_site_sends_the_english_letter_with_a_spanish_reading_copy():
    tool = _tool("federal", "records", "es")
    assert [(version.lang, version.role) for version in tool.versions] == [("en", "letter"), ("es", "copy")]
    assert tool.versions[1].copy_note == "Lo que dice la carta, en español:"
    assert [control.label for control in tool.controls] == ["Fecha de la reunión"]


# -- the checklist --------------------------------------------------------------------------

def test_boxed_items_of_a_checklist_become_labelled_checkboxes():
    root = ET.fromstring('<div><div class="iep-print iep-checklist"><ul><li>☐ Read the <strong>last</strong> IEP.</li>'
                         '<li>No box here</li></ul></div><ul><li>☐ Outside a checklist</li></ul></div>')
    assert checklist.convert(root) == 1
    assert ET.tostring(root, encoding="unicode") == (
        '<div><div class="iep-print iep-checklist"><ul><li class="iep-checkitem"><input type="checkbox" '
        'id="checklist-1" name="checklist-1" /> <label for="checklist-1">Read the <strong>last</strong> IEP.</label>'
        '</li><li>No box here</li></ul></div><ul><li>☐ Outside a checklist</li></ul></div>'
    )
