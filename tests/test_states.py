"""State profiles: complete by construction, checked with exact messages, and rendered
without a placeholder or a raw unit under every shipped profile, in every language."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from iep_guide import states
from iep_guide.states import ProfileError
from sitebuild import ROOT, build, make_project

LANGUAGES = ["en", "es"]
PROFILES = states.available(ROOT)


def write_profile(tmp_path: Path, text: str, name: str = "texas") -> Path:
    """A project folder with the shipped federal profile and texts, plus `name`.yml."""
    folder = tmp_path / "data" / "states"
    shutil.copytree(ROOT / "data" / "states", folder)
    (folder / f"{name}.yml").write_text(text, encoding="utf-8")
    return tmp_path


def problems(tmp_path: Path, text: str, allow_unconfirmed: bool = False) -> list[str]:
    with pytest.raises(ProfileError) as error:
        states.load("texas", write_profile(tmp_path, text), LANGUAGES, allow_unconfirmed)
    return str(error.value).splitlines()


def texas(**changes: str) -> str:
    """The shipped Texas profile with some lines replaced: {old line: new line}."""
    text = (ROOT / "data/states/texas.yml").read_text(encoding="utf-8")
    for old, new in changes.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def line_of(text: str, piece: str) -> int:
    return text[: text.index(piece)].count("\n") + 1


FILE = "State profile 'data/states/texas.yml'"


def test_a_misspelt_key_is_named_with_the_key_meant(tmp_path):
    text = texas(**{"  transition_age:\n": "  transiton_age:\n"})
    assert problems(tmp_path, text) == [
        f"{FILE}, line {line_of(text, 'transiton_age')}, key 'values.transiton_age': unknown key 'transiton_age'. "
        f"Did you mean 'transition_age'? Known keys here: {', '.join(states.KEYS)}."
    ]


def test_an_unknown_language_is_named_with_the_language_meant(tmp_path):
    text = texas(**{"      es: >-\n        Texas se fija": "      sp: >-\n        Texas se fija"})
    line = line_of(text, "      sp: ")
    assert problems(tmp_path, text) == [
        f"{FILE}, line {line}, key 'values.esy_standard.value.sp': 'sp' is not a language of this site (en, es). "
        f"Did you mean 'es'?",
        f"{FILE}, line {line_of(text, '  esy_standard:') + 1}, key 'values.esy_standard.value': has no text in es. "
        f"Give it in every language of the site (en: ..., es: ...).",
    ]


def test_a_missing_key_is_refused(tmp_path):
    text = texas(**{"  facilitated_iep:\n    value: true\n": "  other_key_removed:\n    value: true\n"})
    assert problems(tmp_path, text)[-1] == (
        f"{FILE}, line {line_of(text, 'values:')}, key 'values.facilitated_iep': is missing. Add 'facilitated_iep: ...' "
        f"under 'values'."
    )


def test_a_value_given_in_one_language_only_is_refused(tmp_path):
    text = texas(**{"name:\n  en: Texas\n  es: Texas\n": "name:\n  en: Texas\n"})
    assert problems(tmp_path, text) == [
        f"{FILE}, line {line_of(text, 'name:')}, key 'name': has no text in es. Give it in every language of the site "
        f"(en: ..., es: ...)."
    ]


def test_a_key_without_its_source_is_refused(tmp_path):
    text = texas(**{"    source: TEC §29.0111\n": ""})
    assert problems(tmp_path, text) == [
        f"{FILE}, line {line_of(text, '  transition_age:')}, key 'values.transition_age.source': is missing. "
        f"Add 'source: ...' under 'values.transition_age'."
    ]


def test_a_value_and_same_as_federal_together_are_refused(tmp_path):
    text = texas(**{"  transition_age:\n    value: 14\n": "  transition_age:\n    value: 14\n    same_as_federal: true\n"})
    assert problems(tmp_path, text) == [
        f"{FILE}, line {line_of(text, '  transition_age:')}, key 'values.transition_age': gives both "
        f"same_as_federal: true and value. Keep one: the state's own value, or same_as_federal with the state rule "
        f"that confirms it."
    ]


def test_a_period_must_have_a_number_and_a_unit(tmp_path):
    text = texas(**{"    value: 45 school_days": "    value: 45 schooldays"})
    assert problems(tmp_path, text) == [
        f"{FILE}, line {line_of(text, '45 schooldays')}, key 'values.evaluation_timeline.value': '45 schooldays' is "
        f"not a time period. Write a number and a unit, like 45 school_days. Units: {', '.join(states.UNITS)}."
    ]


def test_an_unconfirmed_value_is_refused_naming_the_rule_to_check(tmp_path):
    text = texas(**{"    source: TEC §29.0111\n    confirmed: true": "    source: TEC §29.0111\n    confirmed: false"})
    assert problems(tmp_path, text) == [
        f"{FILE}, line {line_of(text, '  iep_timeline:')}, key 'values.iep_timeline': this value is not confirmed "
        f"against the rule's text (confirmed: false). Check it against 19 TAC §89.1011, then set confirmed: true; or, "
        f"to preview the site anyway, build with IEP_ALLOW_UNCONFIRMED=true (its pages then say the rule is not "
        f"checked yet).",
        f"{FILE}, line {line_of(text, '  reevaluation_no_reply:')}, key 'values.reevaluation_no_reply': this value is "
        f"not confirmed against the rule's text (confirmed: false). Check it against 34 CFR §300.300(c)(2), as 19 TAC "
        f"chapter 89 applies it, then set confirmed: true; or, to preview the site anyway, build with "
        f"IEP_ALLOW_UNCONFIRMED=true (its pages then say the rule is not checked yet).",
        f"{FILE}, line {line_of(text, '  transition_age:')}, key 'values.transition_age': this value is not "
        f"confirmed against the rule's text (confirmed: false). Check it against TEC §29.0111, then set confirmed: "
        f"true; or, to preview the site anyway, build with IEP_ALLOW_UNCONFIRMED=true (its pages then say the rule "
        f"is not checked yet).",
        f"{FILE}, line {line_of(text, '  records_access:')}, key 'values.records_access': this value is not "
        f"confirmed against the rule's text (confirmed: false). Check it against TEC §26.004; 34 CFR §300.613(a), "
        f"then set confirmed: true; or, to preview the site anyway, build with IEP_ALLOW_UNCONFIRMED=true (its pages "
        f"then say the rule is not checked yet).",
    ]


def test_an_allowed_unconfirmed_value_is_marked_as_not_checked_in_the_pages():
    rules = states.load("texas", ROOT, LANGUAGES, allow_unconfirmed=True)
    assert rules.text("iep_timeline.note", "en") == (
        "This is the rule in Texas. This guide has not yet checked this against the rule's own text. Ask your district "
        "or parent center before you count on it.")
    assert rules.text("transition_age.note", "en") == "This is the rule in Texas."


def test_a_key_that_follows_the_federal_rule_says_so_with_the_state_source():
    rules = states.load("texas", ROOT, LANGUAGES, allow_unconfirmed=True)
    assert rules.text("due_process_limit", "es") == "2 años"
    assert rules.text("due_process_limit.note", "es") == "En esto, Texas sigue la regla federal."
    assert rules.text("due_process_limit.state_rule", "en") == (
        "The Texas rule, which follows the federal one: 19 TAC §89.1151(c).")
    assert rules.text("transition_age.state_rule", "en") == "The Texas rule, which this guide uses: TEC §29.0111."


def test_the_federal_profile_names_no_state_rule():
    rules = states.load("federal", ROOT, LANGUAGES)
    assert rules.text("transition_age.state_rule", "en") == ""
    assert (rules.text("transition_age.note", "en") or "").startswith("This is the federal rule.")


def test_an_unknown_profile_lists_the_profiles():
    with pytest.raises(ProfileError) as error:
        states.load("atlantis", ROOT, LANGUAGES)
    assert str(error.value) == (
        f"Unknown state profile 'atlantis': there is no file {ROOT / 'data/states/atlantis.yml'}. "
        f"Available profiles: {', '.join(PROFILES)}."
    )


def test_a_language_without_its_texts_names_the_file_to_copy(tmp_path):
    with pytest.raises(ProfileError) as error:
        states.load("texas", write_profile(tmp_path, texas()), ["en", "es", "vi"], allow_unconfirmed=True)
    assert str(error.value) == (
        "State rules text 'data/states/text/vi.yml' not found: each language of the site needs one. Copy "
        "data/states/text/en.yml and translate its texts (never its keys).")


def test_massachusetts_states_its_own_timelines_and_the_consent_rule():
    rules = states.load("massachusetts", ROOT, LANGUAGES, allow_unconfirmed=True)
    assert rules.text("evaluation_timeline.sentence", "en") == (
        "The school must finish the evaluation within 30 school working days after it gets your written consent.")
    assert rules.text("iep_timeline.sentence", "en") == (
        "The team must hold the team meeting and give you the proposed IEP within 45 school working days after "
        "the school gets your written consent to the evaluation.")
    assert (rules.text("iep_consent.sentence", "es") or "").startswith(
        "En Massachusetts, la escuela debe recibir su respuesta por escrito a cada IEP nuevo")


@pytest.mark.parametrize("profile", PROFILES)
def test_every_variable_renders_without_a_placeholder_or_a_raw_unit(profile):
    rules = states.load(profile, ROOT, LANGUAGES, allow_unconfirmed=True)
    bad = []
    for lang in LANGUAGES:
        for variable in rules.variables():
            text = rules.text(variable, lang)
            if text is None or re.search(r"[{}_]|\bNone\b", text):  # a placeholder, a unit's key (school_days)
                bad.append((lang, variable, text))
    assert bad == []


@pytest.mark.parametrize("profile", PROFILES)
def test_every_sentence_variable_is_a_sentence(profile):
    rules = states.load(profile, ROOT, LANGUAGES, allow_unconfirmed=True)
    for lang in LANGUAGES:
        for key, spec in states.KEYS.items():
            if "sentence" in spec.fields:
                text = rules.text(f"{key}.sentence", lang) or ""
                assert text[:1].isupper(), (lang, key, text)
                assert text.endswith("."), (lang, key, text)


def test_units_agree_with_the_amount():
    rules = states.load("federal", ROOT, LANGUAGES)
    assert rules.text("state_complaint_limit", "en") == "1 year"
    assert rules.text("state_complaint_limit", "es") == "1 año"
    assert rules.text("due_process_limit", "en") == "2 years"


def test_a_half_year_age_reads_as_a_fraction():
    assert states.load("illinois", ROOT, LANGUAGES, allow_unconfirmed=True).text("transition_age", "en") == "14½"


# -- in a build ------------------------------------------------------------------------------

PAGES = {
    "en/index.md": "# Home\n\n{{ state.evaluation_timeline.sentence }} {{ state.evaluation_timeline.note }}\n",
    "es/index.md": "# Inicio\n\n{{ state.evaluation_timeline.sentence }}\n",
}


def test_an_unconfirmed_profile_fails_the_build_naming_the_setting(tmp_path):
    result = build(make_project(tmp_path, PAGES), tmp_path, env={"IEP_STATE": "massachusetts"})
    assert not result.ok
    assert len(result.warnings) == 1
    first, *rest = result.warnings[0].splitlines()
    assert first.startswith("State profile 'data/states/massachusetts.yml', line ")
    assert rest[-1].endswith("(the profile is chosen by IEP_STATE)")
    assert len(rest) == len(states.load("massachusetts", ROOT, LANGUAGES, True).unconfirmed()) - 1


def test_allowing_unconfirmed_values_builds_with_them_marked(tmp_path):
    result = build(make_project(tmp_path, PAGES), tmp_path,
                   env={"IEP_STATE": "massachusetts", "IEP_ALLOW_UNCONFIRMED": "true"})
    assert result.ok, result.log
    assert result.text("").startswith(
        "Home The school must finish the evaluation within 30 school working days after it gets your written "
        "consent. This is the rule in Massachusetts.")
