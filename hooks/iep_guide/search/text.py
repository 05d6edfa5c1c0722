"""How the search reads words: the same rules at build time (here) and in the reader's
browser (overrides/assets/javascripts/search/text.js), so a word typed finds the word written.

- `words`: the text in Unicode NFC, lowercased, cut into runs of letters and digits
  ("¿Qué es un IEP?" -> qué, es, un, iep). Python's `[^\\W_]` and JavaScript's
  `[\\p{L}\\p{N}]` are the same characters.
- `fold`: the word without accents or other marks (NFD, marks dropped): "evaluación" ->
  "evaluacion", "niño" -> "nino". Every lookup goes through it, so accents are optional.
- `Keys.key`: the word's stem (Snowball, in the languages `STEMMERS` names), folded:
  "evaluaciones", "evaluación" and "evaluacion" all have the key "evalu". The index is keyed
  by it; the browser stems with Snowball too, generated from the same Snowball version
  (overrides/assets/javascripts/vendor/snowball/, scripts/vendor_snowball.py).
- `STOP_WORDS`: the commonest little words of a language ("de", "the"), left out of the
  index and of queries (folded, so "qué" and "que" alike). The browser gets the list with
  the index, so it is written only here.
tests/test_search.py checks that Python and the browser give every word of the guide the
same key.
"""

from __future__ import annotations

import re
import unicodedata

import snowballstemmer

STEMMERS = {"en": "english", "es": "spanish"}  # language -> Snowball algorithm (vendored in JS)
TOKEN = re.compile(r"[^\W_]+")
STOP_WORDS = {
    "en": frozenset(
        "a an and are as at be by do does for from has have how i if in into is it its me my of on or our so "
        "that the their them then there these they this those to was we were what when where which who why "
        "will with you your".split()),
    "es": frozenset(
        "a al como con cual cuando de del donde e el ella ellos en entre era es esa ese eso esta este esto "
        "fue ha hay la las le les lo los mas me mi mis muy ni o para pero por que quien se si sin sobre su sus "
        "te tu u un una unas uno unos usted y ya yo".split()),
}


def words(text: str) -> list[str]:
    """The words of a text, lowercased, in order."""
    return TOKEN.findall(unicodedata.normalize("NFC", text).lower())


def fold(word: str) -> str:
    """The word without its accents and other combining marks."""
    if word.isascii():
        return word
    return "".join(char for char in unicodedata.normalize("NFD", word) if not unicodedata.category(char).startswith("M"))


class Keys:
    """One language's keys, remembered: a site has a few thousand different words, each
    met many times. Made for each build (the module keeps no state)."""

    def __init__(self, lang: str):
        algorithm = STEMMERS.get(lang)
        self.algorithm = algorithm
        self._stem = snowballstemmer.stemmer(algorithm).stemWord if algorithm else None
        self.stop = STOP_WORDS.get(lang, frozenset())
        self._keys: dict[str, str] = {}
        self._folded: dict[str, str] = {}

    def key(self, word: str) -> str:
        """The index key of a lowercased word: its stem, folded."""
        found = self._keys.get(word)
        if found is None:
            found = self._keys[word] = fold(self._stem(word) if self._stem else word)
        return found

    def fold(self, word: str) -> str:
        found = self._folded.get(word)
        if found is None:
            found = self._folded[word] = fold(word)
        return found

    def is_stop(self, word: str) -> bool:
        return self.fold(word) in self.stop
