"""The glossary files: every problem message, exactly, and the language's sort order."""

from __future__ import annotations

from pathlib import Path

import pytest

import glossary_data
from glossary_data import GlossaryError, letter, load_all, missing_ids, parse, sort_key

ROOT = Path(__file__).resolve().parent.parent
FILE = "data/glossary/en.yml"


def error_of(text: str) -> str:
    with pytest.raises(GlossaryError) as caught:
        parse(text, "en", FILE)
    return str(caught.value)


def test_reads_an_entry():
    glossary = parse("fape:\n  term: FAPE\n  match: [free appropriate public education]\n  short: A right.\n",
                     "en", FILE)
    entry = glossary.entries["fape"]
    assert (entry.term, entry.forms, entry.short, entry.long, entry.line) == (
        "FAPE", ("FAPE", "free appropriate public education"), "A right.", None, 1)


def test_term_is_always_a_match_form():
    assert parse("iep: {term: IEP, short: A plan.}", "en", FILE).entries["iep"].forms == ("IEP",)


def test_long_explanation_paragraphs():
    entry = parse('x:\n  term: X\n  short: S\n  long: "One\\n\\nTwo\\nlines"\n', "en", FILE).entries["x"]
    assert entry.long_paragraphs == ["One", "Two lines"]


def test_malformed_yaml():
    assert error_of("fape: {term: FAPE\n  short: x\n") == (
        "Glossary file 'data/glossary/en.yml' is not valid YAML: line 2, column 8: "
        "did not find expected ',' or '}'"
    )


def test_unknown_key():
    assert error_of("iep: {term: IEP, short: A plan.}\nfape:\n  term: FAPE\n  shrt: A right.\n") == (
        "Glossary file 'data/glossary/en.yml' line 4, entry 'fape': unknown key 'shrt'. "
        "Did you mean 'short'? Known keys: term, match, short, long."
    )


def test_duplicate_id():
    assert error_of("fape: {term: FAPE, short: A.}\niep: {term: IEP, short: B.}\nfape: {term: F, short: C.}\n") == (
        "Glossary file 'data/glossary/en.yml' line 3: duplicate entry id 'fape' (first defined on line 1)."
    )


def test_duplicate_key_in_entry():
    assert error_of("fape:\n  term: FAPE\n  short: A.\n  short: B.\n") == (
        "Glossary file 'data/glossary/en.yml' line 4, entry 'fape': duplicate key 'short' "
        "(first given on line 3)."
    )


def test_same_match_form_on_two_ids():
    assert error_of("iep:\n  term: IEP\n  short: A plan.\nlre:\n  term: LRE\n  match:\n    - IEP\n  short: B.\n") == (
        "Glossary file 'data/glossary/en.yml' line 7, entry 'lre': match form 'IEP' is already used "
        "by entry 'iep' (line 2)."
    )


def test_same_match_form_in_another_case_on_two_ids():
    assert error_of("a: {term: Consent, short: A.}\nb: {term: B, match: [consent], short: B.}\n") == (
        "Glossary file 'data/glossary/en.yml' line 2, entry 'b': match form 'consent' is already used "
        "by entry 'a' (line 1)."
    )


def test_missing_required_key():
    assert error_of("fape: {term: FAPE}\n") == (
        "Glossary file 'data/glossary/en.yml' line 1, entry 'fape': 'short' is required."
    )


def test_wrong_type():
    assert error_of("fape: {term: FAPE, short: A., match: FAPEs}\n") == (
        "Glossary file 'data/glossary/en.yml' line 1, entry 'fape': 'match' must be a list, "
        "like [IEPs, Individualized Education Program]."
    )


def test_number_where_text_is_expected():
    assert error_of("fape: {term: 504, short: A.}\n") == (
        "Glossary file 'data/glossary/en.yml' line 1, entry 'fape': 'term' must be text, not a number."
    )


def test_short_definition_too_long():
    assert error_of(f"fape: {{term: FAPE, short: {'a' * 201}}}\n") == (
        "Glossary file 'data/glossary/en.yml' line 1, entry 'fape': 'short' is 201 characters long; "
        "keep it to 200 and put the rest in 'long'."
    )


def test_bad_id():
    assert error_of("Fape: {term: FAPE, short: A.}\n") == (
        "Glossary file 'data/glossary/en.yml' line 1: entry id 'Fape' must be lowercase letters, digits "
        "and hyphens, like 'related-services'."
    )


def test_reserved_id():
    assert error_of("letter-a: {term: A, short: A.}\n") == (
        "Glossary file 'data/glossary/en.yml' line 1: entry id 'letter-a' starts with 'letter-', "
        "which the glossary page uses for its own anchors."
    )


def test_not_a_mapping():
    assert error_of("- fape\n") == (
        "Glossary file 'data/glossary/en.yml' must map entry ids to entries, like 'fape: {term: FAPE, ...}'."
    )


def test_missing_file(tmp_path):
    with pytest.raises(GlossaryError) as caught:
        load_all(tmp_path, ["en", "es"])
    assert str(caught.value) == (
        "Glossary file 'data/glossary/en.yml' not found: each built language (en, es) needs one."
    )


def test_id_missing_in_another_language():
    en = parse("iep: {term: IEP, short: A.}\nfape: {term: FAPE, short: B.}\n", "en", "data/glossary/en.yml")
    es = parse("iep: {term: IEP, short: A.}\n", "es", "data/glossary/es.yml")
    assert missing_ids({"en": en, "es": es}) == [
        "Glossary entry 'fape' is in 'data/glossary/en.yml' (line 2) but missing from 'data/glossary/es.yml'."
    ]


def test_spanish_order_accent_with_base_letter_and_n_tilde_after_n():
    terms = ["ñandú", "oso", "nube", "árbol", "abeja", "Zapato", "evaluación", "evaluar", "de transición", "del año"]
    assert sorted(terms, key=lambda t: sort_key(t, "es")) == [
        "abeja", "árbol", "de transición", "del año", "evaluación", "evaluar", "nube", "ñandú", "oso", "Zapato"]


def test_english_order_ignores_case():
    assert sorted(["consent", "BIP", "advocate", "IEP team", "IEP"], key=lambda t: sort_key(t, "en")) == [
        "advocate", "BIP", "consent", "IEP", "IEP team"]


@pytest.mark.parametrize(("term", "lang", "expected"), [
    ("árbol", "es", "A"), ("ñandú", "es", "Ñ"), ("ñandú", "en", "N"), ("504 plan", "en", "#"), ("IEP", "en", "I")])
def test_letter_of_a_term(term, lang, expected):
    assert letter(term, lang) == expected


def test_project_glossaries_are_complete():
    glossaries = load_all(ROOT, ["en", "es"])
    assert missing_ids(glossaries) == []
    assert len(glossaries["en"].entries) >= 40
    assert set(glossaries["en"].entries) == set(glossaries["es"].entries)
    for glossary in glossaries.values():
        for entry in glossary.entries.values():
            assert len(entry.short) <= glossary_data.SHORT_LIMIT
