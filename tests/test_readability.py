"""The readability scores: syllables, words and sentences counted as each language says them."""

import pytest

from iep_tools import readability, syllables

# Syllables by the rules of Spanish (diphthongs, triphthongs, hiatus, y, ü, h, acronyms).
SPANISH = {
    "evaluación": 4, "reunión": 3, "día": 2, "oído": 3, "país": 2, "guion": 1, "ciudad": 2,
    "Uruguay": 3, "averigüéis": 4, "ahí": 2, "prohíbe": 3, "maíz": 2, "buey": 1, "ley": 1,
    "educación": 4, "PEI": 3,
    "construí": 2, "chiita": 3, "prohibir": 2, "reina": 2, "reintegrar": 4, "reiniciar": 4,
    "poeta": 3, "leer": 2, "cuidar": 2, "y": 1, "mayo": 2, "hoy": 1, "muy": 1, "búho": 2,
    "ahora": 3, "alcohol": 3, "que": 1, "guitarra": 3, "pingüino": 3, "huevo": 2, "aéreo": 4,
    "reúne": 3, "baúl": 2, "acción": 2, "ahumar": 2, "cacahuete": 4, "escuela": 3,
    "consentimiento": 5, "individualizado": 7, "videollamada": 6, "todavía": 4, "área": 3,
    "mayoría": 4, "audiencia": 3, "guía": 2, "fue": 1, "Evaluación": 4, "IEP": 3, "IEPs": 3,
}
# Syllables as English dictionaries give them.
ENGLISH = {
    "the": 1, "school": 1, "evaluation": 5, "area": 3, "idea": 3, "create": 2, "family": 3,
    "table": 2, "little": 2, "people": 2, "special": 2, "education": 4, "program": 2,
    "disability": 5, "meeting": 2, "parents": 2, "therapy": 3, "transition": 3, "diploma": 3,
    "beautiful": 3, "quiet": 2, "video": 3, "being": 2, "walked": 1, "wanted": 2, "makes": 1,
    "classes": 2, "changes": 2, "trying": 2, "beyond": 2, "autism": 3, "usual": 3, "safely": 2,
    "statement": 2, "schedule": 2, "services": 3, "used": 1, "needed": 2, "experience": 4,
    "individual": 5, "appropriate": 4, "various": 3, "poem": 2, "immediately": 5, "someone": 2,
    "behavior": 3, "whole": 1, "notes": 1, "anxious": 2, "nation": 2, "else's": 2, "don't": 1,
    "speech-language": 3, "IEP": 3, "ADHD": 4, "FAPE": 1, "OK": 2,
}


@pytest.mark.parametrize(("word", "count"), SPANISH.items())
def test_spanish_syllables(word, count):
    assert syllables.word_syllables(word, "es") == count


@pytest.mark.parametrize(("word", "count"), ENGLISH.items())
def test_english_syllables(word, count):
    assert syllables.word_syllables(word, "en") == count


def test_the_lists_are_long_enough():
    assert len(SPANISH) >= 40
    assert len(ENGLISH) >= 30


@pytest.mark.parametrize(("lang", "number", "count"), [
    ("es", "3", 1), ("es", "16", 3), ("es", "21", 3), ("es", "34", 5), ("es", "60", 3), ("es", "504", 5),
    ("en", "3", 1), ("en", "16", 2), ("en", "21", 3), ("en", "60", 2), ("en", "504", 4),
])
def test_a_number_counts_as_it_is_said(lang, number, count):
    assert syllables.word_syllables(number, lang) == count


def test_words_keep_hyphens_and_apostrophes_inside():
    assert syllables.words("speech-language therapy, don't (IEP).") == ["speech-language", "therapy", "don't", "IEP"]


def test_sentences_end_at_full_stops_and_lines_but_not_abbreviations():
    text = "Vive en EE. UU. desde 2010. ¿Es bueno? Sí.\nUna lista sin punto final"
    assert syllables.sentences(text) == ["Vive en EE. UU. desde 2010.", "¿Es bueno?", "Sí.", "Una lista sin punto final"]


def test_spanish_score_is_the_inflesz_formula():
    # 4 words, 1 + 4 + 1 + 2 = 8 syllables, 1 sentence: 206.835 - 62.3 * 2 - 4
    value, count = readability.score("La evaluación es gratis.", "es")
    assert count == 4
    assert value == pytest.approx(206.835 - 62.3 * 8 / 4 - 4)


def test_english_score_is_the_flesch_kincaid_grade():
    # 5 words, 1 + 1 + 3 + 1 + 1 = 7 syllables, 1 sentence
    value, count = readability.score("The school gives family help.", "en")
    assert count == 5
    assert value == pytest.approx(0.39 * 5 + 11.8 * 7 / 5 - 15.59)


def test_languages_without_a_formula_are_named(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - i18n:\n      languages:\n"
        "        - {locale: en, default: true, name: English}\n        - {locale: es, name: Español}\n"
        "        - {locale: vi, name: Tiếng Việt}\n        - {locale: ar, name: العربية}\n", encoding="utf-8")
    assert readability.unscored(tmp_path) == ["vi", "ar"]
