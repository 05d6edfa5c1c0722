"""State profile variables: values per language, the IEP_STATE override, and bad input."""

import pytest

import state_profiles
from sitebuild import build, make_project

PAGES = {
    "en/index.md": "# Home\n\nPlanning starts by age {{ state.transition_age }} ({{ state.transition_age.source }}). {{ state.rule_note }}\n",
    "es/index.md": "# Inicio\n\nEl plazo es de {{ state.evaluation_timeline }}.\n",
}


def text(result, url):
    return " ".join(result.page(url).xpath("string(//article)").split())


def test_federal_profile_by_default(tmp_path):
    result = build(make_project(tmp_path, PAGES), tmp_path)
    assert result.returncode == 0, result.log
    assert "Planning starts by age 16 (34 CFR §300.320(b))." in text(result, "")
    assert "This is the federal rule." in text(result, "")


def test_values_come_in_the_language_being_built(tmp_path):
    result = build(make_project(tmp_path, PAGES), tmp_path)
    assert "El plazo es de 60 días." in text(result, "es/")


def test_iep_state_overrides_the_profile_for_one_build(tmp_path):
    result = build(make_project(tmp_path, PAGES), tmp_path, env={"IEP_STATE": "massachusetts"})
    assert result.returncode == 0, result.log
    assert "Planning starts by age 14 (M.G.L. c.71B §2; 603 CMR 28.05(4)(c))." in text(result, "")
    assert "This guide uses the rules for Massachusetts." in text(result, "")


def test_profile_inherits_what_it_does_not_set():
    assert state_profiles.load("massachusetts").text("evaluation_timeline", "es") == "60 días"


def test_unknown_variable_fails_naming_file_and_line(tmp_path):
    pages = dict(PAGES, **{"en/index.md": "# Home\n\nText.\n\nAge {{ state.transition_agee }}.\n"})
    result = build(make_project(tmp_path, pages), tmp_path)
    assert result.returncode != 0
    assert (
        "WARNING -  Doc file 'en/index.md' line 5 uses an unknown variable '{{ state.transition_agee }}'. "
        "Known variables: state.name, state.rule_note, state.transition_age, state.transition_age.source,"
    ) in result.log


@pytest.mark.parametrize("profile, key, lang, sentence", [
    ("massachusetts", "transition_age", "en",
     "The Massachusetts rule, which this guide uses: M.G.L. c.71B §2; 603 CMR 28.05(4)(c)."),
    ("massachusetts", "transition_age", "es",
     "La regla de Massachusetts, que es la que usa esta guía: M.G.L. c.71B §2; 603 CMR 28.05(4)(c)."),
    ("massachusetts", "evaluation_timeline", "en", ""),  # the federal rule: cited already
    ("federal", "transition_age", "en", ""),
])
def test_state_rule_names_the_states_own_rule_only(profile, key, lang, sentence):
    assert state_profiles.load(profile).text(f"{key}.state_rule", lang) == sentence


def test_state_rule_with_an_unknown_placeholder_is_refused(tmp_path):
    (tmp_path / "bad.yml").write_text("name: {en: Bad}\nrule_note: {en: x}\nstate_rule: {en: 'The {state} rule'}\n")
    with pytest.raises(state_profiles.ProfileError, match=r"'state_rule' 'The \{state\} rule' may use only \{name\} and \{source\}"):
        state_profiles.load("bad", tmp_path)


def test_unknown_profile_fails_naming_the_setting(tmp_path):
    result = build(make_project(tmp_path, PAGES), tmp_path, env={"IEP_STATE": "atlantis"})
    assert result.returncode != 0
    assert "Unknown state profile 'atlantis'" in result.log
    assert "Available profiles: federal, massachusetts. (the profile is chosen by IEP_STATE)" in result.log


def test_profile_with_unknown_key_is_refused(tmp_path):
    (tmp_path / "bad.yml").write_text("name: {en: Bad}\nrule_note: {en: x}\nvalue: {}\n")
    with pytest.raises(state_profiles.ProfileError, match=r"unknown key\(s\) value; allowed keys: extends, name, rule_note, state_rule, values"):
        state_profiles.load("bad", tmp_path)


def test_value_without_source_is_refused(tmp_path):
    (tmp_path / "bad.yml").write_text("name: {en: Bad}\nrule_note: {en: x}\nvalues:\n  transition_age:\n    value: 14\n")
    with pytest.raises(state_profiles.ProfileError, match="value 'transition_age': give exactly 'value' and 'source'"):
        state_profiles.load("bad", tmp_path)


def test_malformed_profile_names_the_line(tmp_path):
    (tmp_path / "bad.yml").write_text("name: {en: Bad}\nrule_note: [unclosed\n")
    with pytest.raises(state_profiles.ProfileError, match=r"bad.yml line \d+ is not valid YAML"):
        state_profiles.load("bad", tmp_path)
