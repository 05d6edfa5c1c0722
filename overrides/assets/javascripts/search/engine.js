/* The guide's search, behind Material's search dialog. hooks/iep_guide/search/ builds the
   index in parts (index.py: what each part holds); a query loads only the parts it needs,
   with fetch, or importScripts in the offline copy. Material's worker protocol: SETUP (the
   index settings) -> READY; QUERY (the text typed) -> RESULT {items: one list per page, its
   sections and the page itself, suggest}. Each word of the query is a unit, and so is a
   glossary form of several words; pages that have every unit come first, or, when none has,
   the pages with the most. */
(function () {
  "use strict";
  var T = self.iepSearchText;
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var DETAILED = 20;         // pages shown with their sections; the others by their title
  var SECTIONS_SHOWN = 8;    // sections of one page in the results
  var PREFIX_MIN = 3;        // letters before the word being typed is read as a beginning
  var PREFIX_SHARDS = 2, PREFIX_KEYS = 20, TYPO_WORDS = 6;
  var TITLE = 3;             // a word in a section's title counts this much more
  var PAGE_TITLE = 3;        // a page whose own title holds every unit of the query counts this much more
  var EXACT = 2, FOLDED = 1.6, GLOSSARY = 0.9, PREFIX = 0.7, TYPO = 0.5;
  var SLOT = 65536;          // section ids: page * SLOT + section
  var MAX_UNITS = 30;        // words of a query read (a bit each)
  var WORD = /[\p{L}\p{N}]+/gu;

  var index = null;
  var latest = 0;

  function start(workerUrl) {
    self.iepSearch.root = new URL("../../../", workerUrl);  // assets/javascripts/search/ -> the site
  }

  function receive(message) {
    if (message.type === SETUP) {
      var settings = message.data.config.iep;
      index = { settings: settings, base: new URL(settings.path, self.iepSearch.root),
                keys: new T.Keys(settings.stemmer), stop: new Set(settings.stop), files: new Map() };
      postMessage({ type: READY });
    } else if (message.type === QUERY) {
      var id = ++latest;
      search(message.data).then(function (result) {
        if (id === latest) postMessage({ type: RESULT, data: result });
      }, function (error) {
        console.error(error);
        if (id === latest) postMessage({ type: RESULT, data: { items: [] } });
      });
    }
  }

  /* ---- Loading the parts ---- */

  function load(name) {
    var files = index.files;
    if (!files.has(name)) {
      var loading = index.settings.scripts ? script(name) : fetchJson(name);
      loading.catch(function () { files.delete(name); });
      files.set(name, loading);
    }
    return files.get(name);
  }

  function fetchJson(name) {
    return fetch(new URL(name + ".json", index.base)).then(function (response) {
      if (!response.ok) throw new Error("search: " + response.url + " answered " + response.status);
      return response.json();
    });
  }

  function script(name) {
    var url = new URL(name + ".js", index.base).href;
    return Promise.resolve(importScripts(url)).then(function () {
      var files = self.iepSearchFiles || {};
      if (!(name in files)) throw new Error("search: " + url + " did not load");
      return files[name];
    });
  }

  function shardOf(key) {  // the last shard whose first key is <= key
    var bounds = index.settings.bounds, low = 0, high = bounds.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (bounds[middle] <= key) low = middle; else high = middle - 1;
    }
    return low;
  }

  function shard(number) { return load("t/" + number); }

  function isEntry(value) { return Array.isArray(value) && Array.isArray(value[0]); }

  /* The entries a folded word or key leads to: its own, and those of the keys it is an alias of. */
  async function entriesOf(key, found) {
    var value = (await shard(shardOf(key)))[key];
    var targets = [];
    if (typeof value === "string") targets = [value];
    else if (Array.isArray(value) && typeof value[0] === "string") targets = value;
    else if (isEntry(value)) { found.set(key, value); targets = value[1] || []; }
    for (var target of targets) {
      if (found.has(target)) continue;
      var entry = (await shard(shardOf(target)))[target];
      if (isEntry(entry)) found.set(target, entry);
    }
    return found;
  }

  /* ---- Reading the query ---- */

  function tokens(query) {
    var list = T.words(query).slice(0, MAX_UNITS);
    var typing = !/\s$/.test(query);
    return list.map(function (word, i) {
      var folded = T.fold(word);
      return { word: word, folded: folded, stop: index.stop.has(folded), last: typing && i === list.length - 1,
               keys: new Set([index.keys.key(word), index.keys.key(folded)]) };
    });
  }

  /* A word's candidates: {key, entry, weight, token}; `token` when the key is the word's own,
     so that the word as typed ranks first, then the word without its accents. */
  async function candidates(token) {
    var found = new Map();
    await entriesOf(token.folded, found);
    for (var key of token.keys) await entriesOf(key, found);
    var list = [];
    found.forEach(function (entry, key) {
      token.keys.add(key);
      list.push({ key: key, entry: entry, weight: 1, token: token });
    });
    if (token.last && token.folded.length >= PREFIX_MIN) list = list.concat(await prefixes(token, found));
    if (!list.length && token.folded.length >= index.settings.typo) list = await typos(token);
    return list;
  }

  function frequency(entry) {  // places of all the key's words
    return entry[0].reduce(function (sum, form) { return sum + form[1].length / 2; }, 0);
  }

  async function prefixes(token, found) {
    var first = shardOf(token.folded), last = Math.min(shardOf(token.folded + "\uffff"), first + PREFIX_SHARDS - 1);
    var more = new Map();
    for (var number = first; number <= last; number++) {
      var part = await shard(number);
      for (var key in part) {
        if (key.startsWith(token.folded) && !found.has(key)) await entriesOf(key, more);
      }
    }
    var list = [];
    more.forEach(function (entry, key) { if (!found.has(key)) list.push({ key: key, entry: entry, weight: PREFIX }); });
    list.sort(function (a, b) { return frequency(b.entry) - frequency(a.entry); });
    return list.slice(0, PREFIX_KEYS);
  }

  async function typos(token) {
    var letters = Array.from(token.folded), count = index.settings.buckets;
    var buckets = await Promise.all([
      load("v/" + bucket(letters[0], letters[1], count)),
      load("v/" + (count + bucket(letters[letters.length - 2], letters[letters.length - 1], count))),
    ]);
    var words = new Set();
    buckets.forEach(function (list) {
      list.forEach(function (word) { if (words.size < TYPO_WORDS && oneEdit(letters, Array.from(word))) words.add(word); });
    });
    var found = new Map();
    for (var word of words) await entriesOf(word, found);
    var list = [];
    found.forEach(function (entry, key) { list.push({ key: key, entry: entry, weight: TYPO }); });
    return list;
  }

  function bucket(first, second, count) {  // as index.py's bucket()
    return (first.codePointAt(0) * 31 + second.codePointAt(0)) % count;
  }

  function oneEdit(a, b) {  // one letter changed, added, dropped, or two swapped
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (i === a.length && i === b.length) return false;
    var rest = function (x, from) { return x.slice(from).join(""); };
    if (a.length === b.length) {
      return rest(a, i + 1) === rest(b, i + 1) ||
        (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(a, i + 2) === rest(b, i + 2));
    }
    return a.length > b.length ? rest(a, i + 1) === rest(b, i) : rest(a, i) === rest(b, i + 1);
  }

  /* Units: each word that is not a stop word, except that a glossary form of several words
     is one unit (found only where the entry is), and a one-word form adds its entry's places. */
  async function units(list) {
    var cands = await Promise.all(list.map(function (token) { return token.stop ? [] : candidates(token); }));
    var out = [];
    for (var i = 0; i < list.length; i++) {
      var match = await glossaryAt(list, i);
      if (match.length > 1) {
        out.push({ tokens: list.slice(i, i + match.length), cands: [], glossary: match.entries });
        i += match.length - 1;
      } else if (!list[i].stop) {
        out.push({ tokens: [list[i]], cands: cands[i], glossary: match.entries });
      }
    }
    return out;
  }

  /* The longest glossary form that starts at token i: {length, entries: [[entry id, value]]}. */
  async function glossaryAt(list, i) {
    var best = { length: 0, entries: [] };
    for (var key of list[i].keys) {
      var part = await shard(shardOf(key));
      (part["~" + key] || []).forEach(function (form) {
        var formKeys = form[0], n = formKeys.length;
        if (i + n > list.length || n < best.length) return;
        for (var j = 0; j < n; j++) if (!list[i + j].keys.has(formKeys[j])) return;
        if (n > best.length) best = { length: n, entries: [] };
        if (!best.entries.some(function (e) { return e[0] === form[1]; })) best.entries.push([form[1], part["#" + form[1]]]);
      });
    }
    return best;
  }

  /* ---- Scoring ---- */

  function eachPlace(places, visit) {
    for (var i = 0, page = 0; i < places.length; i += 2) {
      page += places[i];
      visit(page * SLOT + places[i + 1], i >> 1);
    }
  }

  function score(all) {
    var total = index.settings.sections, sections = new Map();
    all.forEach(function (unit, u) {
      function add(places, values, weight, df, forms) {
        var idf = Math.log(1 + total / Math.max(1, df));
        eachPlace(places, function (sid, j) {
          var value = values[j], tf = value >> 1;
          var s = weight * idf * (tf / (tf + 1.2)) * (value & 1 ? TITLE : 1);
          var row = sections.get(sid);
          if (!row) sections.set(sid, row = { scores: new Array(all.length).fill(0), forms: new Set(), titled: 0 });
          if (s > row.scores[u]) row.scores[u] = s;
          if (value & 1 && sid % SLOT === 0) row.titled |= 1 << u;  // in the page's own title (its first section)
          forms.forEach(function (form) { row.forms.add(form); });
        });
      }
      unit.cands.forEach(function (c) {
        var df = frequency(c.entry);
        c.entry[0].forEach(function (form) {
          var word = form[0], factor = 1;
          if (c.token) factor = word === c.token.word ? EXACT : T.fold(word) === c.token.folded ? FOLDED : 1;
          add(form[1], form[2], c.weight * factor, df, [word]);
        });
      });
      unit.glossary.forEach(function (g) {
        add(g[1][1], g[1][2], GLOSSARY, g[1][1].length / 2, highlightable(g[1][0]));
      });
    });
    return sections;
  }

  /* A glossary entry's words to mark and highlight: its one-word forms (a phrase's words,
     such as "school", would light up everywhere), or its term's words if it has none. */
  function highlightable(entryForms) {
    var single = entryForms.filter(function (form) { return form.indexOf(" ") < 0; });
    if (single.length) return single;
    return entryForms[0].split(" ").filter(function (word) { return !index.stop.has(T.fold(word)); });
  }

  function rank(all, sections) {
    var pages = new Map(), full = (1 << all.length) - 1;
    sections.forEach(function (row, sid) {
      var page = Math.floor(sid / SLOT), covered = 0, sum = 0;
      row.scores.forEach(function (s, u) { if (s > 0) { covered |= 1 << u; sum += s; } });
      var entry = pages.get(page);
      if (!entry) pages.set(page, entry = { page: page, covered: 0, titled: 0, sections: [] });
      entry.covered |= covered;
      entry.titled |= row.titled;
      entry.sections.push({ section: sid % SLOT, score: sum, row: row });
    });
    var list = Array.from(pages.values());
    var complete = list.filter(function (p) { return p.covered === full; });
    if (complete.length) list = complete;
    list.forEach(function (p) {
      p.sections.sort(function (a, b) { return b.score - a.score || a.section - b.section; });
      p.count = bits(p.covered);
      p.score = p.sections[0].score * (1 + 0.1 * Math.min(p.sections.length - 1, 5))
        * (1 + (PAGE_TITLE - 1) * bits(p.titled) / all.length);  // the page named for the query first
    });
    return list.sort(function (a, b) { return b.count - a.count || b.score - a.score || a.page - b.page; });
  }

  function bits(n) { var c = 0; for (; n; n &= n - 1) c++; return c; }

  /* ---- Results, as Material renders them ---- */

  async function search(query) {
    var list = tokens(query);
    var all = await units(list);
    if (!all.length) return { items: [] };
    var ranked = rank(all, score(all));
    var marks = new Set();
    ranked.slice(0, DETAILED).forEach(function (p) {
      p.sections.forEach(function (s) { s.row.forms.forEach(function (form) { marks.add(T.fold(form)); }); });
    });
    var items = await Promise.all(ranked.map(function (p, n) {
      return n < DETAILED ? detailed(p, all, marks) : listed(p, all);
    }));
    return { items: items, suggest: suggestion(query, all) };
  }

  async function detailed(p, all, marks) {
    var size = index.settings.chunk, shown = p.sections.slice(0, SECTIONS_SHOWN);
    var needed = new Set([0].concat(shown.map(function (s) { return Math.floor(s.section / size); })));
    var chunks = {};
    await Promise.all(Array.from(needed).map(function (k) {
      return load("p/" + p.page + "-" + k).then(function (chunk) { chunks[k] = chunk; });
    }));
    var location = chunks[0][0];
    function doc(section, score, row) {
      var data = chunks[Math.floor(section / size)][1][section % size];
      return { location: location + (data[0] ? "#" + data[0] : ""), title: mark(data[1], marks),
               text: data[2] ? "<p>" + mark(data[2], marks) + "</p>" : "", score: score, terms: terms(row, all) };
    }
    var group = shown.map(function (s) { return doc(s.section, s.score, s.row); });
    if (!shown.some(function (s) { return s.section === 0; })) group.push(doc(0, 0, shown[0].row));
    return group;
  }

  async function listed(p, all) {
    var block = await load("n/" + Math.floor(p.page / index.settings.block));
    var data = block[p.page % index.settings.block];
    return [{ location: data[0], title: escape(data[1]), text: "", score: p.score, terms: terms(p.sections[0].row, all) }];
  }

  /* Material's `terms`: the words to highlight on the page (?h=), true; the query's words a
     section lacks, false (shown struck through). */
  function terms(row, all) {
    var out = {};
    all.forEach(function (unit, u) {
      if (!row || !(row.scores[u] > 0)) out[unit.tokens.map(function (t) { return t.word; }).join(" ")] = false;
    });
    if (row) row.forms.forEach(function (form) { out[form] = true; });
    return out;
  }

  function mark(text, marks) {
    var out = "", last = 0;
    text.replace(WORD, function (word, offset) {
      var marked = marks.has(T.fold(word.normalize("NFC").toLowerCase()));
      out += escape(text.slice(last, offset)) + (marked ? "<mark>" + escape(word) + "</mark>" : escape(word));
      last = offset + word.length;
      return word;
    });
    return out + escape(text.slice(last));
  }

  function escape(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  /* Material completes the word being typed with the last suggestion that starts with it. */
  function suggestion(query, all) {
    var typed = query.split(/[\s-]+/).pop(), best = null, most = 0;
    if (!typed || /\s$/.test(query)) return [];
    all.forEach(function (unit) {
      unit.cands.forEach(function (c) {
        if (c.weight !== PREFIX && c.weight !== 1) return;
        c.entry[0].forEach(function (form) {
          var places = form[1].length;
          if (form[0].startsWith(typed) && form[0] !== typed && places > most) { best = form[0]; most = places; }
        });
      });
    });
    return best ? [best] : [];
  }

  self.iepSearch = { start: start, receive: receive, oneEdit: oneEdit, bucket: bucket };
})();
