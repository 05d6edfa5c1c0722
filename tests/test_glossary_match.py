"""The term matcher and marking, on HTML strings: one behaviour per test."""

from __future__ import annotations

import pytest

from glossary_markup import linked, mark, mark_html, text_of


def test_links_a_term():
    assert mark("<p>Your IEP is ready.</p>") == (
        '<p>Your <a class="glossary-term" data-glossary-id="iep" href="glossary/#iep">IEP</a> is ready.</p>'
    )


def test_marks_first_occurrence_only():
    assert linked("<p>IEP one.</p><p>IEP two, IEPs three.</p>") == [("IEP", "iep")]


def test_every_occurrence_when_asked():
    assert linked("<p>IEP one.</p><p>IEP two, IEPs three.</p>", every=True) == [
        ("IEP", "iep"), ("IEP", "iep"), ("IEPs", "iep")]


def test_longest_match_wins():
    assert linked("<p>An Individualized Education Program helps.</p>") == [
        ("Individualized Education Program", "iep")]


def test_longest_match_wins_over_acronym_prefix():
    assert linked("<p>The IEP team meets.</p>") == [("IEP team", "iep-team")]


def test_plural_form_matches():
    assert linked("<p>Two IEPs.</p>") == [("IEPs", "iep")]


def test_synonym_matches():
    assert linked("<p>The Individuals with Disabilities Education Act says so.</p>") == [
        ("Individuals with Disabilities Education Act", "idea")]


def test_acronym_needs_its_case():
    assert linked("<p>A good idea, an Idea, iep.</p>") == []


def test_acronym_in_its_case_matches():
    assert linked("<p>The law is IDEA.</p>") == [("IDEA", "idea")]


def test_ordinary_words_match_in_any_case():
    assert linked("<p>CONSENT matters.</p>") == [("CONSENT", "consent")]


def test_long_form_matches_in_any_case():
    assert linked("<p>individualized education program</p>") == [("individualized education program", "iep")]


def test_accented_word_matches():
    assert linked("<p>La evaluación de su niño.</p>") == [("evaluación", "evaluation"), ("niño", "child")]


def test_accent_variant_matches_same_entry():
    assert linked("<p>La evaluacion.</p>") == [("evaluacion", "evaluation")]


def test_no_match_inside_accented_word():
    assert linked("<p>La reevaluación de los niños.</p>") == []


def test_no_match_inside_a_word():
    assert linked("<p>IEPx and consents and education_plan.</p>") == []


def test_punctuation_is_a_boundary():
    assert linked("<p>(IEP), IEP's</p>") == [("IEP", "iep")]


def test_form_with_digits_matches():
    assert linked("<p>A 504 plan is different.</p>") == [("504 plan", "504")]


def test_marks_text_after_an_inline_element():
    assert linked("<p><em>Note</em> the IEP.</p>") == [("IEP", "iep")]


def test_marks_inside_inline_formatting():
    assert linked("<p>Read <strong>the IEP</strong>.</p>") == [("IEP", "iep")]


def test_several_terms_in_one_text():
    assert linked("<p>IDEA gives consent rights and an IEP.</p>") == [
        ("IDEA", "idea"), ("consent", "consent"), ("IEP", "iep")]


def test_keeps_the_text_around_links():
    assert text_of(mark("<p>a IEP b <em>c</em> consent d</p>")) == "a IEP b c consent d"


@pytest.mark.parametrize("tag", ["h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "kbd", "samp",
                                 "abbr", "dfn", "button", "summary", "label", "script", "style"])
def test_skips_element(tag):
    assert "glossary-term" not in mark(f"<div><{tag}>IEP</{tag}></div>")


def test_skips_link_text():
    assert mark('<p><a href="x">IEP</a></p>') == '<p><a href="x">IEP</a></p>'


def test_skips_svg():
    assert "glossary-term" not in mark('<div><svg><text>IEP</text></svg></div>')


def test_skips_nested_inside_skipped_element():
    assert linked("<h2>The <em>IEP</em></h2>") == []


def test_marks_tail_of_skipped_element():
    assert linked("<p><code>IEP</code> and the IEP</p>") == [("IEP", "iep")]


def test_skips_glossary_entries():
    assert linked('<div class="glossary-entries"><dl><dd>IEP</dd></dl></div>') == []


def test_skips_opt_out_class():
    assert linked('<p class="no-glossary">IEP</p>') == []


def test_skipped_occurrence_does_not_use_up_the_first_link():
    assert linked("<h2>IEP</h2><p>The IEP.</p>") == [("IEP", "iep")]


def test_only_allowed_ids_are_linked():
    result = mark_html("<p>IEP and consent</p>", allowed={"consent": 1})
    assert result is not None
    assert result[1] == ["consent"]


def test_unchanged_page_is_returned_as_none():
    assert mark_html("<p>Nothing here.</p>") is None


def test_marking_twice_changes_nothing():
    once = mark("<p>IEP and IEP, consent.</p>")
    assert mark_html(once) is None


def test_text_is_escaped():
    assert mark("<p>&lt;script&gt; IEP &amp;</p>").startswith("<p>&lt;script&gt; <a ")


def test_reports_used_ids_in_order():
    result = mark_html("<p>consent, IEP, consent</p>")
    assert result is not None
    assert result[1] == ["consent", "iep"]


def test_punctuation_inside_a_form_matches_any_separator():
    assert linked("<p>The IEP-team.</p>") == [("IEP-team", "iep-team")]
