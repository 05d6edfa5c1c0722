/* How the search reads words: what hooks/iep_guide/search/text.py does at build time, the
   same way, so that a word typed finds the word written. words(): NFC, lowercased, runs of
   letters and digits. fold(): accents and other marks dropped. Keys#key(): the Snowball
   stem (vendor/snowball/, the version the build uses), folded. tests/test_search.py checks
   that both give every word of the guide the same key. */
(function () {
  "use strict";
  var TOKEN = /[\p{L}\p{N}]+/gu;
  var MARKS = /\p{M}+/gu;
  var ASCII = /^[\x00-\x7f]*$/;

  function words(text) {
    return text.normalize("NFC").toLowerCase().match(TOKEN) || [];
  }

  function fold(word) {
    return ASCII.test(word) ? word : word.normalize("NFD").replace(MARKS, "");
  }

  /* One language's keys, remembered. `algorithm`: a Snowball algorithm loaded beside this
     file ("spanish"), or null to fold only. */
  function Keys(algorithm) {
    var Stemmer = algorithm ? (self.snowballStemmers || {})[algorithm] : null;
    if (algorithm && !Stemmer) throw new Error("search: the " + algorithm + " stemmer is not loaded");
    this.stemmer = Stemmer ? new Stemmer() : null;
    this.known = new Map();
  }
  Keys.prototype.key = function (word) {
    var found = this.known.get(word);
    if (found === undefined) {
      found = fold(this.stemmer ? this.stemmer.stemWord(word) : word);
      this.known.set(word, found);
    }
    return found;
  };

  self.iepSearchText = { words: words, fold: fold, Keys: Keys };
})();
