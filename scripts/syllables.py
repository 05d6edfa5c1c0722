"""Count syllables, words and sentences in English and Spanish, for the readability scores.

Spanish syllables follow the rules of the language, not a hyphenation dictionary (which
leaves out the breaks a hyphen may not take: "día" has two syllables but no hyphen point):

- Each syllable has one vowel nucleus. The strong vowels a, e, o (with or without an
  accent) each make a nucleus of their own, so two of them side by side are a hiatus
  ("le-er", "po-e-ta").
- The weak vowels i, u, ü join a strong vowel next to them in one nucleus: a diphthong
  ("cuan-do", "ciu-dad") or a triphthong ("U-ru-guay", "a-ve-ri-güéis"). Two different weak
  vowels make one nucleus too ("cui-dar"); the same one twice makes two ("chi-i-ta").
- A weak vowel with an accent (í, ú) carries the stress and breaks from a strong vowel next
  to it: a hiatus ("dí-a", "pa-ís", "o-í-do"). Beside another weak vowel it is still a
  diphthong ("cons-truí").
- "y" at the end of a word, after a vowel, is a vowel ("ley", "muy"); the word "y" is one
  syllable. Elsewhere it is a consonant ("ma-yo").
- "h" between two vowels is silent and does not part them ("prohí-be", "a-hí", "prohi-bir").
- The prefix re- before u, or before i + n + a consonant or "ic", is a hiatus ("re-u-nión",
  "re-in-te-grar", "re-i-ni-ciar"), but not in "rei-na".
- An acronym in capitals ("PEI", "IEP", "IEPs") is spelled: one syllable per letter in
  Spanish; in English too, except W (three) and the acronyms said as words ("FAPE").
- A number is counted as it is said ("21": "veintiuno", "twenty-one").

English has no such rules; its spelling is counted with the usual vowel-group rules (silent
final e, -ed and -es endings, -le, vowel pairs said as two syllables), and the words of this
guide that those rules get wrong are listed in ENGLISH_EXCEPTIONS.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

__all__ = ["sentences", "syllables", "word_syllables", "words"]

WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”»)]*(?=\s+|$)")
# Words that end with a full stop without ending the sentence.
_ABBREVIATIONS = {"ee", "uu", "e.g", "i.e", "u.s", "dr", "dra", "sr", "sra", "srta", "ej", "vs"}


# ---- Spanish -------------------------------------------------------------------------

_ES_STRONG = set("aeoáéó")
_ES_ACCENTED_WEAK = set("íú")
_ES_WEAK = set("iuü")
_ES_VOWELS = _ES_STRONG | _ES_ACCENTED_WEAK | _ES_WEAK
_ES_PREFIX_HIATUS = re.compile(r"^re(?=u|in(?:[^aeiouáéíóú]|ic))")


def _spanish_word(word: str) -> int:
    word = word.lower()
    if word == "y":
        return 1
    letters = list(word)
    if letters and letters[-1] == "y" and len(letters) > 1 and letters[-2] in _ES_VOWELS:
        letters[-1] = "i"  # "ley", "Uruguay": a vowel at the end of a word
    count = 0
    start = 0
    prefix = _ES_PREFIX_HIATUS.match(word)
    if prefix:
        count, start = 1, 2  # "re-": its own syllable, apart from the vowel after it
    run: list[str] = []
    i = start
    while i <= len(letters):
        char = letters[i] if i < len(letters) else ""
        if char in _ES_VOWELS:
            run.append(char)
        elif char == "h" and run and i + 1 < len(letters) and letters[i + 1] in _ES_VOWELS:
            pass  # a silent h between vowels: the vowels on each side stay together
        else:
            count += _spanish_nuclei(run)
            run = []
        i += 1
    return max(count, 1)


def _spanish_nuclei(run: list[str]) -> int:
    """Vowel nuclei in a run of vowels with no consonant between them: one for each strong
    vowel and each accented weak one, the unaccented weak vowels joining them."""
    if not run:
        return 0
    nuclei = sum(1 for vowel in run if vowel in _ES_STRONG or vowel in _ES_ACCENTED_WEAK)
    if nuclei:
        return nuclei
    # Only unaccented weak vowels: one nucleus, except the same vowel twice ("chiita").
    return 1 + sum(1 for a, b in itertools.pairwise(run) if a == b)


_ES_UNITS = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
             "diez", "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete",
             "dieciocho", "diecinueve", "veinte", "veintiuno", "veintidós", "veintitrés",
             "veinticuatro", "veinticinco", "veintiséis", "veintisiete", "veintiocho", "veintinueve"]
_ES_TENS = {3: "treinta", 4: "cuarenta", 5: "cincuenta", 6: "sesenta", 7: "setenta", 8: "ochenta", 9: "noventa"}
_ES_HUNDREDS = {1: "ciento", 2: "doscientos", 3: "trescientos", 4: "cuatrocientos", 5: "quinientos",
                6: "seiscientos", 7: "setecientos", 8: "ochocientos", 9: "novecientos"}


def _spanish_number(n: int) -> str:
    if n < 30:
        return _ES_UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _ES_TENS[tens] + (f" y {_ES_UNITS[unit]}" if unit else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        if n == 100:
            return "cien"
        return _ES_HUNDREDS[hundreds] + (f" {_spanish_number(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    head = "mil" if thousands == 1 else f"{_spanish_number(thousands)} mil"
    return head + (f" {_spanish_number(rest)}" if rest else "")


# ---- English -------------------------------------------------------------------------

# Words of this guide that the English rules below count wrong, with the right count.
ENGLISH_EXCEPTIONS = {
    "area": 3, "areas": 3, "idea": 3, "ideas": 3, "create": 2, "created": 3, "science": 2,
    "behavior": 3, "behaviors": 3, "behavioral": 4, "negotiate": 4, "dyslexia": 4,
    "reevaluate": 5, "reevaluation": 6, "reevaluations": 6, "whoever": 3,
    # compounds whose first part ends with a silent e
    "someone": 2, "sometimes": 2, "something": 2, "somewhere": 2, "everyone": 3, "everyday": 3,
    "caregiver": 3, "caregivers": 3, "homework": 2, "safeguard": 2, "safeguards": 2,
}
_EN_WORDLIKE_ACRONYMS = {"FAPE": 1}
_EN_VOWELS = set("aeiouy")
# Endings after which a silent e inside the word stays silent: "safely", "placement".
_EN_SUFFIXES = ("ly", "ment", "ments", "ful", "ness", "less")


def _english_word(word: str) -> int:
    word = word.lower().replace("’", "'")
    extra = 0
    if "'" in word:
        word, _, ending = word.partition("'")  # "don't", "child's": the part before counts,
        if ending == "s" and re.search(r"(?:[sxz]|ch|sh|[cgs]e)$", word):
            extra = 1  # and "'s" after a hissing sound: "else's", "nurse's"
    word = "".join(ch for ch in word if ch.isalpha())
    if not word:
        return 0
    if word in ENGLISH_EXCEPTIONS:
        return ENGLISH_EXCEPTIONS[word] + extra
    return max(_english_groups(word) - _english_silent(word), 1) + extra


def _english_is_vowel(word: str, i: int) -> bool:
    char = word[i]
    if char in "aeiou":
        return True
    if char != "y" or i == 0:
        return False  # a "y" that starts a word is a consonant ("yes")
    # Between two vowels, "y" is a consonant ("beyond", "player").
    return not (word[i - 1] in "aeiou" and i + 1 < len(word) and word[i + 1] in "aeiou")


def _english_groups(word: str) -> int:
    """Vowel groups, splitting the vowel pairs that English says as two syllables."""
    count = 0
    for i in range(len(word)):
        if not _english_is_vowel(word, i):
            continue
        if i == 0 or not _english_is_vowel(word, i - 1) or _english_splits(word, i):
            count += 1
    if re.search(r"[^aeiou]isms?$", word):
        count += 1  # "autism": the m is a syllable of its own
    return count


def _english_splits(word: str, i: int) -> bool:
    """Whether the vowels at i - 1 and i belong to two syllables."""
    a, b = word[i - 1], word[i]
    before = word[i - 2] if i >= 2 else ""
    after = word[i + 1 :]
    if a == "y":
        return before not in "aeiou"  # "trying", "studying": y then another vowel
    if b in "aeiou" and word.endswith("ing") and i == len(word) - 3:
        return True  # "being", "going", "doing"
    if a == "i" and b in "aou":
        if before in ("t", "s", "c", "x", "g"):
            return False  # "nation", "vision", "special", "anxious", "region"
        if after.startswith("n") and before in ("n", "l"):
            return False  # "union", "million"
        return True  # "media", "radio", "period", "various", "guardian"
    if a == "i" and b == "e":
        if len(word) >= 6 and after in ("r", "st"):
            return True  # "easier", "earliest"
        if before in ("t", "c", "s"):
            return False  # "patient", "efficient"
        return after[:1] == "t" or after[:2] in ("nc", "nt")  # "quiet", "experience", "client"
    if a == "e" and b == "o":
        return before != "p"  # "video", "geography"; not "people"
    if a == "u" and b in "ao":
        return before not in ("q", "g")  # "usual", "evaluate", "duo"; not "quality", "language"
    if a == "o" and b == "e":
        return after[:1] in ("m", "t")  # "poem", "poet"
    return False


def _english_silent(word: str) -> int:
    """Vowel groups that are written but not said: a final e, -es, -ed, an e before -ly."""
    size = len(word)
    silent = 0
    if size < 3:
        return 0
    for suffix in _EN_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            if stem.endswith("e") and stem[-2] not in _EN_VOWELS and not _syllabic_le(stem):
                silent += 1  # "safely", "statement"
            break
    if word.endswith("e") and not word.endswith(("ee", "ye", "ie", "oe")) and word[-2] not in _EN_VOWELS:
        if not _syllabic_le(word) and _english_groups(word) > 1:
            silent += 1  # "make", "code"; not "table", "little", "free"
    elif word.endswith("es") and size > 3 and word[-3] not in _EN_VOWELS:
        if not re.search(r"(?:[sxz]|ch|sh|[cgsz])es$", word) and not _syllabic_le(word[:-1]):
            silent += 1  # "makes", "notes"; not "classes", "changes", "places", "tables"
    elif word.endswith("ed") and size > 3 and word[-3] not in _EN_VOWELS and word[-3] not in "td":
        if not (word[-3] == "r" and word[-4] not in _EN_VOWELS and word[-4] != "r"):
            silent += 1  # "walked", "used"; not "wanted", "needed", "hundred"
    return silent


def _syllabic_le(word: str) -> bool:
    """A final "le" said as a syllable: after a consonant ("table", "little"), not "whole"."""
    return word.endswith("le") and len(word) > 2 and word[-3] not in _EN_VOWELS


_EN_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
             "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
             "eighteen", "nineteen"]
_EN_TENS = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}


def _english_number(n: int) -> str:
    if n < 20:
        return _EN_UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _EN_TENS[tens] + (f" {_EN_UNITS[unit]}" if unit else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_EN_UNITS[hundreds]} hundred" + (f" {_english_number(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    return f"{_english_number(thousands)} thousand" + (f" {_english_number(rest)}" if rest else "")


# ---- Both ----------------------------------------------------------------------------

def _acronym(word: str) -> str | None:
    """The letters of an acronym in capitals ("IEP", "IEPs" -> "IEP"), else None."""
    core = word[:-1] if len(word) > 2 and word.endswith("s") else word
    if len(core) >= 2 and core.isalpha() and core.isupper():
        return core
    return None


def word_syllables(word: str, lang: str) -> int:
    """Syllables in one word as it is said: a number as its words, an acronym spelled."""
    word = unicodedata.normalize("NFC", word)
    if "-" in word:  # "speech-language": one word, each part said
        return sum(word_syllables(part, lang) for part in word.split("-") if part)
    if word.isdigit():
        n = int(word)
        spoken = _spanish_number(n) if lang == "es" else _english_number(n)
        if n >= 10000:  # read digit by digit
            spoken = " ".join((_spanish_number if lang == "es" else _english_number)(int(d)) for d in word)
        return sum(word_syllables(part, lang) for part in spoken.split())
    letters = _acronym(word)
    if letters is not None:
        if lang == "es":
            return len(letters)
        if letters in _EN_WORDLIKE_ACRONYMS:
            return _EN_WORDLIKE_ACRONYMS[letters]
        return sum(3 if letter == "W" else 1 for letter in letters)
    if any(ch.isdigit() for ch in word):  # "3rd", "1820a": the letters and the digits
        parts = re.findall(r"\d+|[^\W\d_]+", word)
        return sum(word_syllables(part, lang) for part in parts)
    return _spanish_word(word) if lang == "es" else _english_word(word)


def words(text: str) -> list[str]:
    """The words of a text: runs of letters and digits, with inner hyphens and apostrophes
    ("speech-language", "don't" are one word each)."""
    return WORD.findall(unicodedata.normalize("NFC", text))


def syllables(text: str, lang: str) -> int:
    return sum(word_syllables(word, lang) for word in words(text))


def sentences(text: str) -> list[str]:
    """The sentences of a text. Each line is at least one sentence (readability.prose
    puts each paragraph, list item or table cell on its own line); within a line a
    sentence ends at . ! ? or … followed by a space, unless the word before is an
    abbreviation ("EE. UU.", "e.g.")."""
    result = []
    for line in text.splitlines():
        line = line.strip()
        start = 0
        for end in _SENTENCE_END.finditer(line):
            before = line[start : end.start()].split()
            last = before[-1].lower().rstrip(".") if before else ""
            if last in _ABBREVIATIONS:
                continue
            result.append(line[start : end.end()].strip())
            start = end.end()
        if line[start:].strip():
            result.append(line[start:].strip())
    return [sentence for sentence in result if words(sentence)]
