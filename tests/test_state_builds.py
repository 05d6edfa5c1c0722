"""The real site under every shipped state profile: each builds strictly in both
languages, and the figures that vary by state change with the profile."""

from __future__ import annotations

import re

import pytest

from iep_guide import states
from sitebuild import ROOT, build

pytestmark = pytest.mark.slow  # one real build per profile

PROFILES = states.available(ROOT)
LANGUAGES = ["en", "es"]
RULES = {profile: states.load(profile, ROOT, LANGUAGES, allow_unconfirmed=True) for profile in PROFILES}


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
@pytest.mark.parametrize("url", ["", "process/", "es/process/", "team/", "es/what-is-an-iep/", "esy/", "glossary/",
                                 "evaluation/", "es/disagree/", "rights/", "es/rights-card/"])
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


# -- transition.md: the transition age, the rights at the age of majority and the end of
# services come from the profile (federal rule, Massachusetts, Texas) --------------------

TRANSITION_PROFILES = ["federal", "massachusetts", "texas"]
TRANSITION_URLS = {"en": "transition/", "es": "es/transition/"}
TRANSITION_SENTENCES = {  # the page's words around each value, as docs/<lang>/transition.md writes them
    "transition_age": {"en": "Transition planning must start by age {value}.",
                       "es": "La planificación de la transición debe empezar a los {value} años a más tardar."},
    "age_of_majority": {"en": "Your child becomes a legal adult at the age of majority: {value}.",
                        "es": "Su hijo pasa a ser adulto ante la ley al llegar a la mayoría de edad: {value}."},
    "services_end": {"en": "Special education services can last {value}.",
                     "es": "Los servicios de educación especial pueden durar {value}."},
}


def _transition_rules(profile: str) -> states.StateRules:
    return states.load(profile, ROOT, ["en", "es"], allow_unconfirmed=True)


def _transition_sentence(profile: str, key: str, lang: str) -> str:
    value = _transition_rules(profile).text(key, lang)
    assert value, f"{profile}: {key} has no text in {lang}"
    return TRANSITION_SENTENCES[key][lang].format(value=value)


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("key", ["transition_age.note", "age_of_majority.rights"])
def test_transition_profiles_give_different_texts(key, lang):
    """Federal, Massachusetts and Texas say these differently, so the checks below can fail."""
    texts = {_transition_rules(profile).text(key, lang) for profile in TRANSITION_PROFILES}
    assert len(texts) == len(TRANSITION_PROFILES)


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("profile", TRANSITION_PROFILES)
def test_transition_page_states_the_profiles_transition_age(sites, profile, lang):
    text = sites[profile].text(TRANSITION_URLS[lang])
    assert _transition_sentence(profile, "transition_age", lang) in text
    assert _transition_rules(profile).text("transition_age.note", lang) in text


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("profile", TRANSITION_PROFILES)
def test_transition_page_states_the_profiles_age_of_majority_and_rights(sites, profile, lang):
    text = sites[profile].text(TRANSITION_URLS[lang])
    rights = _transition_rules(profile).text("age_of_majority.rights", lang)
    assert _transition_sentence(profile, "age_of_majority", lang) in text
    assert rights in text
    others = [_transition_rules(other).text("age_of_majority.rights", lang)
              for other in TRANSITION_PROFILES if other != profile]
    assert [other for other in others if other in text] == []


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("profile", TRANSITION_PROFILES)
def test_transition_page_states_when_the_profiles_services_end(sites, profile, lang):
    assert _transition_sentence(profile, "services_end", lang) in sites[profile].text(TRANSITION_URLS[lang])


@pytest.mark.parametrize(("profile", "sentence"), [
    ("federal", "Transition planning must start by age 16."),
    ("massachusetts", "Transition planning must start by age 14."),
    ("texas", "Transition planning must start by age 14."),
])
def test_transition_page_transition_age_in_plain_figures(sites, profile, sentence):
    assert sentence in sites[profile].text("transition/")


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("url", ["iep-or-504/", "es/iep-or-504/", "transition/", "es/transition/",
                                 "discipline/", "es/discipline/"])
def test_new_topic_pages_leave_no_variable_or_placeholder(sites, profile, url):
    text = sites[profile].text(url)
    assert "{{" not in text
    assert "}}" not in text
    assert "_days" not in text


def said(profile: str, lang: str, template: str) -> str:
    """`template` as a page of `profile` says it: each `{key}` or `{key.field}` replaced with the
    profile's text in `lang`, white space collapsed (an empty unit note leaves no gap)."""
    text = re.sub(r"\{([\w.]+)\}", lambda match: RULES[profile].text(match.group(1), lang) or "", template)
    return " ".join(text.split())


def page_url(lang: str, page: str) -> str:
    return ("es/" if lang == "es" else "") + page


# The disagree page's sentences with a time limit, in each language.
LIMITS = {
    ("en", "state_complaint_limit"): "The problem must have happened no more than {state_complaint_limit} before the "
                                     "state gets your complaint. {state_complaint_limit.note}",
    ("es", "state_complaint_limit"): "El problema debe haber pasado como máximo {state_complaint_limit} antes de que el "
                                     "estado reciba su queja. {state_complaint_limit.note}",
    ("en", "due_process_limit"): "You must file within {due_process_limit} of when you knew, or should have known, "
                                 "about the problem. {due_process_limit.note}",
    ("es", "due_process_limit"): "Debe presentarla dentro de {due_process_limit} desde que supo, o debió saber, del "
                                 "problema. {due_process_limit.note}",
}


@pytest.mark.parametrize(("lang", "key"), LIMITS)
def test_the_disagree_page_states_the_time_limits_of_the_profile(sites, lang, key):
    """Massachusetts and Texas both follow the federal figures: the note after each figure (whose
    rule it is, and whether it is checked) and the state rule in Sources tell them apart."""
    pages = {profile: sites[profile].text(page_url(lang, "disagree/")) for profile in ("massachusetts", "texas")}
    for profile, other in (("massachusetts", "texas"), ("texas", "massachusetts")):
        sentence = said(profile, lang, LIMITS[lang, key])
        assert sentence in pages[profile]
        assert sentence not in pages[other]
        assert said(profile, lang, f"{{{key}.state_rule}}") in pages[profile]
        assert said(profile, lang, f"{{{key}.state_rule}}") not in pages[other]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_disagree_page_states_the_facilitated_iep_program_of_the_profile(sites, lang):
    texts = {profile: said(profile, lang, "{facilitated_iep} {facilitated_iep.note}")
             for profile in ("massachusetts", "texas", "california", "federal")}
    assert len(set(texts.values())) == 4
    for profile, text in texts.items():
        assert text in sites[profile].text(page_url(lang, "disagree/"))
    assert texts["massachusetts"].startswith(("The Bureau of Special Education Appeals (BSEA) offers",
                                              "La Oficina de Apelaciones de Educación Especial (BSEA"))


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("profile", PROFILES)
def test_the_evaluation_page_states_the_evaluation_timeline_of_the_profile(sites, profile, lang):
    sentence = said(profile, lang, "{evaluation_timeline.sentence} {evaluation_timeline.unit_note} "
                                   "{evaluation_timeline.note}")
    assert sentence in sites[profile].text(page_url(lang, "evaluation/"))


def test_the_evaluation_timelines_differ_between_profiles():
    assert len({said(profile, "en", "{evaluation_timeline.sentence}") for profile in PROFILES}) >= 4


RECORDS = {
    "en": "It can never take longer than {records_access} after you ask. {records_access.unit_note} "
          "{records_access.note}",
    "es": "Nunca puede tardar más de {records_access} desde que usted lo pida. {records_access.unit_note} "
          "{records_access.note}",
}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("profile", "period"), [
    ("federal", "45 calendar days"), ("california", "5 business days"), ("illinois", "10 business days"),
])
def test_the_rights_page_states_how_long_the_school_may_take_to_show_records(sites, profile, period, lang):
    assert said(profile, "en", "{records_access}") == period
    assert said(profile, lang, RECORDS[lang]) in sites[profile].text(page_url(lang, "rights/"))
