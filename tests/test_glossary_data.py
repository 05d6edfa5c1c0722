"""The glossary files: every problem message, exactly, and the language's sort order."""

from __future__ import annotations

from pathlib import Path

import pytest

from iep_guide.datafile import DataError
from iep_guide.glossary import data as glossary_data
from iep_guide.glossary.data import load_all, missing_ids, parse, sort_key

ROOT = Path(__file__).resolve().parent.parent
FILE = "data/glossary/en.yml"
FILE_SHOWN = f"Glossary file '{FILE}'"


def error_of(text: str) -> str:
    with pytest.raises(DataError) as caught:
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
        "Glossary file 'data/glossary/en.yml', line 1: a list in [ ] or a group in { } that starts on this line is not closed."
    )


def test_unknown_key():
    assert error_of("iep: {term: IEP, short: A plan.}\nfape:\n  term: FAPE\n  shrt: A right.\n") == (
        "Glossary file 'data/glossary/en.yml', line 4, entry 'fape', key 'shrt': unknown key 'shrt'. "
        "Did you mean 'short'? Known keys here: term, match, short, long."
    )


def test_duplicate_id():
    assert error_of("fape: {term: FAPE, short: A.}\niep: {term: IEP, short: B.}\nfape: {term: F, short: C.}\n") == (
        "Glossary file 'data/glossary/en.yml', line 3, entry 'fape': is given twice, on lines 1 and 3. Keep one."
    )


def test_duplicate_key_in_entry():
    assert error_of("fape:\n  term: FAPE\n  short: A.\n  short: B.\n") == (
        "Glossary file 'data/glossary/en.yml', line 4, entry 'fape', key 'short': is given twice, on lines 3 and 4. "
        "Keep one."
    )


def test_same_match_form_on_two_ids():
    assert error_of("iep:\n  term: IEP\n  short: A plan.\nlre:\n  term: LRE\n  match:\n    - IEP\n  short: B.\n") == (
        "Glossary file 'data/glossary/en.yml', line 7, entry 'lre': match form 'IEP' is already used "
        "by entry 'iep' (line 2)."
    )


def test_same_match_form_in_another_case_on_two_ids():
    assert error_of("a: {term: Consent, short: A.}\nb: {term: B, match: [consent], short: B.}\n") == (
        "Glossary file 'data/glossary/en.yml', line 2, entry 'b': match form 'consent' is already used "
        "by entry 'a' (line 1)."
    )


def test_missing_required_key():
    assert error_of("fape: {term: FAPE}\n") == (
        "Glossary file 'data/glossary/en.yml', line 1, entry 'fape', key 'short': is missing. Add 'short: ...' under 'fape'."
    )


def test_wrong_type():
    assert error_of("fape: {term: FAPE, short: A., match: FAPEs}\n") == (
        "Glossary file 'data/glossary/en.yml', line 1, entry 'fape', key 'match': must be a list (lines starting with '- '); "
        "it is text."
    )


def test_number_where_text_is_expected():
    assert error_of("fape: {term: 504, short: A.}\n") == (
        "Glossary file 'data/glossary/en.yml', line 1, entry 'fape', key 'term': must be text, but YAML reads 504 as a "
        "number. Put it in quotes: \"504\"."
    )


def test_short_definition_too_long():
    assert error_of(f"fape: {{term: FAPE, short: {'a' * 201}}}\n") == (
        "Glossary file 'data/glossary/en.yml', line 1, entry 'fape', key 'short': is 201 characters long; "
        "keep it to 200 and put the rest in 'long'."
    )


def test_bad_id():
    assert error_of("Fape: {term: FAPE, short: A.}\n") == (
        "Glossary file 'data/glossary/en.yml', line 1, entry 'Fape': the entry id 'Fape' must be lowercase letters, digits "
        "and hyphens, like 'related-services'."
    )


def test_reserved_id():
    assert error_of("letter-a: {term: A, short: A.}\n") == (
        "Glossary file 'data/glossary/en.yml', line 1, entry 'letter-a': the entry id 'letter-a' starts with 'letter-', "
        "which the glossary page uses for its own anchors."
    )


def test_every_problem_of_a_file_is_reported():
    assert error_of("fape: {term: 504, short: A.}\niep: {short: x}\n").splitlines() == [
        f"{FILE_SHOWN}, line 1, entry 'fape', key 'term': must be text, but YAML reads 504 as a number. "
        "Put it in quotes: \"504\".",
        f"{FILE_SHOWN}, line 2, entry 'iep', key 'term': is missing. Add 'term: ...' under 'iep'.",
    ]


def test_not_a_mapping():
    assert error_of("- fape\n") == (
        "Glossary file 'data/glossary/en.yml': must map entry ids to entries, like 'fape: {term: FAPE, short: ...}'."
    )


def test_missing_file(tmp_path):
    with pytest.raises(DataError) as caught:
        load_all(tmp_path, ["en", "es"])
    assert str(caught.value) == (
        "Glossary file 'data/glossary/en.yml': not found: each built language (en, es) needs one. "
        "Copy data/glossary/en.yml and translate it."
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
    glossary = parse(f"x: {{term: '{term}', short: S.}}\n", lang, FILE)
    assert [letter for letter, _ in glossary.sorted_entries()] == [expected]


def test_project_glossaries_are_complete():
    glossaries = load_all(ROOT, ["en", "es"])
    assert missing_ids(glossaries) == []
    assert list(glossaries["en"].entries) == list(glossaries["es"].entries)
    for glossary in glossaries.values():
        for entry in glossary.entries.values():
            assert len(entry.short) <= glossary_data.SHORT_LIMIT
