"""The real site under every shipped state profile: each builds strictly in both
languages, and the figures that vary by state change with the profile."""

from __future__ import annotations

import pytest

from iep_guide import states
from sitebuild import ROOT, build

pytestmark = pytest.mark.slow  # one real build per profile

PROFILES = states.available(ROOT)


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    built = {}
    for profile in PROFILES:
        result = build(ROOT, tmp_path_factory.mktemp(profile), env={"IEP_STATE": profile, "IEP_ALLOW_UNCONFIRMED": "true"})
        built[profile] = result
    return built


@pytest.mark.parametrize("profile", PROFILES)
def test_the_profile_builds_strictly_without_a_warning(sites, profile):
    assert sites[profile].ok, sites[profile].log
    assert sites[profile].warnings == []


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("url", ["", "process/", "es/process/", "team/", "es/what-is-an-iep/", "esy/", "glossary/"])
def test_no_variable_or_placeholder_is_left(sites, profile, url):
    text = sites[profile].text(url)
    assert "{{" not in text
    assert "}}" not in text
    assert "_days" not in text


def test_massachusetts_states_the_30_and_45_school_working_day_timelines(sites):
    text = sites["massachusetts"].text("process/")
    assert "The school must finish the evaluation within 30 school working days after it gets your written consent." in text
    assert ("The team must hold the team meeting and give you the proposed IEP within 45 school working days after "
            "the school gets your written consent to the evaluation.") in text
    spanish = sites["massachusetts"].text("es/process/")
    assert "La escuela debe terminar la evaluación dentro de 30 días hábiles escolares" in spanish


@pytest.mark.parametrize(("url", "sentence"), [
    ("what-is-an-iep/", "In Massachusetts, the school must get your written answer to each new IEP before it carries it out."),
    ("es/what-is-an-iep/",
     "En Massachusetts, la escuela debe recibir su respuesta por escrito a cada IEP nuevo antes de ponerlo en práctica."),
])
def test_massachusetts_states_the_consent_to_each_iep(sites, url, sentence):
    assert sentence in sites["massachusetts"].text(url)
    assert sentence not in sites["federal"].text(url)
    assert "Your written consent is needed only before services start for the first time" in sites["federal"].text(
        "what-is-an-iep/")


@pytest.mark.parametrize(("profile", "phrase"), [
    ("federal", "This planning must start by age 16."), ("massachusetts", "This planning must start by age 14."),
    ("texas", "This planning must start by age 14."), ("new-york", "This planning must start by age 15."),
    ("illinois", "This planning must start by age 14½."),
])
def test_the_transition_age_comes_from_the_profile(sites, profile, phrase):
    assert phrase in sites[profile].text("team/")


@pytest.mark.parametrize(("profile", "limit"), [("federal", "2 years"), ("texas", "2 years")])
def test_the_due_process_limit_in_the_glossary_comes_from_the_profile(sites, profile, limit):
    entry = sites[profile].text("glossary/", "//dfn[@id='due-process']/../following-sibling::dd[1]")
    assert f"you must ask for it within {limit} of when you knew" in entry
