"""How the search reads words: the same rules at build time (here) and in the reader's
browser (overrides/assets/javascripts/search/text.js), so a word typed finds the word written.

- `words`: the text in Unicode NFC, lowercased, cut into runs of letters and digits
  ("¿Qué es un IEP?" -> qué, es, un, iep). Python's `[^\\W_]` and JavaScript's
  `[\\p{L}\\p{N}]` are the same characters.
- `fold`: the word without accents or other marks (NFD, marks dropped): "evaluación" ->
  "evaluacion", "niño" -> "nino". Every lookup goes through it, so accents are optional.
- `Keys.key`: the word's stem (Snowball, in the languages `STEMMERS` names; PyStemmer, its
  C build for Python), folded: "evaluaciones", "evaluación" and "evaluacion" all have the
  key "evalu". The index is keyed by it; the browser stems with Snowball too, the same
  algorithms generated as JavaScript (overrides/assets/javascripts/vendor/snowball/,
  scripts/vendor_snowball.py).
- `STOP_WORDS`: the commonest little words of a language ("de", "the"), left out of the
  index and of queries (folded, so "qué" and "que" alike). The browser gets the list with
  the index, so it is written only here.
tests/test_search.py checks that Python and the browser give every word of the guide the
same key.
"""

from __future__ import annotations

import re
import unicodedata

import Stemmer

STEMMERS = {"en": "english", "es": "spanish"}  # language -> Snowball algorithm (vendored in JS)
TOKEN = re.compile(r"[^\W_]+")
STOP_WORDS = {
    "en": frozenset(TOKEN.findall(
        "a an and are as at be by do does for from has have how i if in into is it its me my of on or our so "
        "that the their them then there these they this those to was we were what when where which who why "
        "will with you your")),
    "es": frozenset(TOKEN.findall(
        "a al como con cual cuando de del donde e el ella ellos en entre era es esa ese eso esta este esto "
        "fue ha hay la las le les lo los mas me mi mis muy ni o para pero por que quien se si sin sobre su sus "
        "te tu u un una unas uno unos usted y ya yo")),
}


def words(text: str) -> list[str]:
    """The words of a text, lowercased, in order."""
    return TOKEN.findall(unicodedata.normalize("NFC", text).lower())


def fold(word: str) -> str:
    """The word without its accents and other combining marks."""
    if word.isascii():
        return word
    return "".join(char for char in unicodedata.normalize("NFD", word) if not unicodedata.category(char).startswith("M"))


class Keys(dict):
    """One language's keys, word -> key, each worked out once (a site has a few thousand
    different words, each met many times): `keys[word]`, also from C code such as
    `map(keys.__getitem__, words)`. Made for each build (the module keeps no state)."""

    def __init__(self, lang: str):
        super().__init__()
        self.algorithm = STEMMERS.get(lang)
        self._stem = Stemmer.Stemmer(self.algorithm).stemWord if self.algorithm else None
        self.stop = STOP_WORDS.get(lang, frozenset())
        self._folded: dict[str, str] = {}

    def __missing__(self, word: str) -> str:
        key = self[word] = fold(self._stem(word) if self._stem else word)
        return key

    def key(self, word: str) -> str:
        """The index key of a lowercased word: its stem, folded."""
        return self[word]

    def fold(self, word: str) -> str:
        folded = self._folded.get(word)
        if folded is None:
            folded = self._folded[word] = fold(word)
        return folded

    def is_stop(self, word: str) -> bool:
        return self.fold(word) in self.stop
