"""State profile variables: values per language, the IEP_STATE override, and bad input."""

import pytest

from iep_guide import states
from iep_guide.states import ProfileError
from sitebuild import ROOT, build, make_project

LANGUAGES = ["en", "es"]
PAGES = {
    "en/index.md": "# Home\n\nPlanning starts by age {{ state.transition_age }} ({{ state.transition_age.source }}). {{ state.rule_note }}\n",
    "es/index.md": "# Inicio\n\nEl plazo es de {{ state.evaluation_timeline }}.\n",
}


@pytest.fixture(scope="module")
def federal(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("federal")
    result = build(make_project(tmp, PAGES), tmp)
    assert result.ok, result.log
    return result


def test_federal_profile_by_default(federal):
    assert federal.text("") == ("Home Planning starts by age 16 (34 CFR §300.320(b)). This is the federal rule. Your "
                                "state may set its own rule. Your school district or your state's Parent Training and "
                                "Information Center can tell you.")


def test_values_come_in_the_language_being_built(federal):
    assert federal.text("es/").endswith("Inicio El plazo es de 60 días.")


def test_iep_state_overrides_the_profile_for_one_build(tmp_path):
    result = build(make_project(tmp_path, PAGES), tmp_path, env={"IEP_STATE": "massachusetts"})
    assert result.ok, result.log
    assert result.text("").startswith("Home Planning starts by age 14 (M.G.L. c.71B §2; 603 CMR 28.05(4)(c)). "
                                      "This guide uses the rules for Massachusetts.")


def test_profile_inherits_what_it_does_not_set():
    assert states.load("massachusetts", ROOT, LANGUAGES).text("evaluation_timeline", "es") == "60 días"


def test_unknown_variable_fails_naming_file_line_and_the_closest_variable(tmp_path):
    pages = dict(PAGES, **{"en/index.md": "---\ndescription: x\n---\n\n# Home\n\nText.\n\nAge {{ state.transition_agee }}.\n"})
    result = build(make_project(tmp_path, pages), tmp_path)
    assert not result.ok
    assert result.warnings == [
        "Doc file 'en/index.md' line 9 uses an unknown variable '{{ state.transition_agee }}'. "
        "Did you mean 'state.transition_age'?"
    ]


@pytest.mark.parametrize("profile, key, lang, sentence", [
    ("massachusetts", "transition_age", "en",
     "The Massachusetts rule, which this guide uses: M.G.L. c.71B §2; 603 CMR 28.05(4)(c)."),
    ("massachusetts", "transition_age", "es",
     "La regla de Massachusetts, que es la que usa esta guía: M.G.L. c.71B §2; 603 CMR 28.05(4)(c)."),
    ("massachusetts", "evaluation_timeline", "en", ""),  # the federal rule: cited already
    ("federal", "transition_age", "en", ""),
])
def test_state_rule_names_the_states_own_rule_only(profile, key, lang, sentence):
    assert states.load(profile, ROOT, LANGUAGES).text(f"{key}.state_rule", lang) == sentence


def profile_problem(tmp_path, text: str) -> str:
    (tmp_path / "data" / "states").mkdir(parents=True)
    (tmp_path / "data" / "states" / "bad.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError) as error:
        states.load("bad", tmp_path, LANGUAGES)
    return str(error.value)


def test_state_rule_with_an_unknown_placeholder_is_refused(tmp_path):
    assert profile_problem(tmp_path, "name: {en: Bad, es: Malo}\nrule_note: x\nstate_rule: 'The {state} rule'\n") == (
        f"State profile 'bad': 'state_rule' 'The {{state}} rule' may use only {{name}} and {{source}} in braces "
        f"(it is set in {tmp_path / 'data/states/bad.yml'} or a profile it extends)."
    )


def test_unknown_profile_fails_naming_the_setting(tmp_path):
    result = build(make_project(tmp_path, PAGES), tmp_path, env={"IEP_STATE": "atlantis"})
    assert not result.ok
    assert result.warnings == [
        f"Unknown state profile 'atlantis': there is no file {tmp_path / 'project/data/states/atlantis.yml'}. "
        f"Available profiles: federal, massachusetts. (the profile is chosen by IEP_STATE)"
    ]


def test_profile_with_unknown_key_is_refused(tmp_path):
    path = tmp_path / "data/states/bad.yml"
    assert profile_problem(tmp_path, "name: Bad\nrule_note: x\nstate_rule: x\nvalue: {}\n") == (
        f"State profile '{path}', line 4, key 'value': unknown setting 'value'. Did you mean 'values'? "
        f"Known settings here: extends, name, rule_note, state_rule, values."
    )


def test_value_without_source_is_refused(tmp_path):
    path = tmp_path / "data/states/bad.yml"
    assert profile_problem(tmp_path, "name: Bad\nrule_note: x\nstate_rule: x\nvalues:\n  transition_age:\n    value: 14\n") == (
        f"State profile '{path}', line 5, key 'values.transition_age.source': is missing. "
        f"Add 'source: ...' under 'values.transition_age'."
    )


def test_malformed_profile_names_the_line(tmp_path):
    path = tmp_path / "data/states/bad.yml"
    assert profile_problem(tmp_path, "name: {en: Bad}\nrule_note: [unclosed\n") == (
        f"State profile '{path}', line 2: a list in [ ] or a group in {{ }} that starts on this line is not closed."
    )
