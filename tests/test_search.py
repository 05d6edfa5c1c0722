"""The guide's own search (hooks/iep_guide/search/, overrides/assets/javascripts/search/).

Build: each language's index in its folder (settings, shards, pages, titles, typo buckets),
every page of the language and every glossary entry in it, Spanish accents folded and words
stemmed, and `extra.iep.search: material` building Material's own search instead.
Browser (real Chromium, Material's search dialog): English and Spanish queries, accents
optional, a one-letter typo, glossary terms, the offline copy from file://, and no request
to any other host; the worker loads nothing until the reader comes to the search.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import Stemmer
import yaml

from browser import PageProblems, chromium, require_browser, search_with
from iep_guide.search import files as search_files
from iep_guide.search.text import Keys, fold, words
from iep_tools import build_offline
from sitebuild import ROOT, build

LANGUAGES = [("", "en", "english"), ("es/", "es", "spanish")]
PAGES = sorted(path.stem for path in (ROOT / "docs" / "en").glob("*.md"))  # same names in es/


def location(stem: str) -> str:
    return "" if stem == "index" else f"{stem}/"


def settings(site, folder: str) -> dict:
    return json.loads((site.site / folder / "search" / "search_index.json").read_text(encoding="utf-8"))


def glossary_ids(lang: str) -> list[str]:
    return list(yaml.safe_load((ROOT / "data" / "glossary" / f"{lang}.yml").read_text(encoding="utf-8")))


def shard_for(site, folder: str, key: str) -> dict:
    """The term shard that holds `key`, found as engine.js finds it (bounds in UTF-16 order)."""
    iep = settings(site, folder)["config"]["iep"]
    number = max(i for i, bound in enumerate(iep["bounds"]) if bound.encode("utf-16-be") <= key.encode("utf-16-be"))
    return json.loads((site.site / folder / "search" / "t" / f"{number}.json").read_text(encoding="utf-8"))


def places_of(entry: list) -> set[int]:
    """The pages (numbers) of a key's entry: [[word, places, values], ...]."""
    found = set()
    for _word, places, _values in entry[0]:
        page = 0
        for i in range(0, len(places), 2):
            page += places[i]
            found.add(page)
    return found


# ---------------------------------------------------------------------------------------------
# The index as built


@pytest.mark.parametrize(("folder", "lang", "stemmer"), LANGUAGES)
def test_each_language_has_its_index_in_parts(real_site, folder, lang, stemmer):
    index = settings(real_site, folder)
    assert index["docs"] == []  # nothing for Material's lunr: the worker reads the parts
    assert index["config"]["lang"] == [lang]
    iep = index["config"]["iep"]
    assert (iep["version"], iep["path"], iep["scripts"], iep["stemmer"]) == (1, f"{folder}search/", False, stemmer)
    assert iep["bounds"][0] == ""
    search = real_site.site / folder / "search"
    assert sorted(int(path.stem) for path in (search / "t").glob("*.json")) == list(range(len(iep["bounds"])))
    assert sorted(int(path.stem) for path in (search / "v").glob("*.json")) == list(range(2 * iep["buckets"]))
    assert iep["pages"] == len(PAGES)
    assert len(iep["bounds"]) >= 3  # in parts: a query never needs them all


@pytest.mark.parametrize(("folder", "lang", "stemmer"), LANGUAGES)
def test_parts_are_small_and_the_whole_is_light(real_site, folder, lang, stemmer):
    search = real_site.site / folder / "search"
    sizes = {path.relative_to(search).as_posix(): len(gzip.compress(path.read_bytes(), 9))
             for path in search.rglob("*.json")}
    big = {name: size for name, size in sizes.items() if size > 12_000}
    assert big == {}, "a part of the index over 12 KB gzip"
    assert 20_000 < sum(sizes.values()) < 150_000, sizes


@pytest.mark.parametrize(("folder", "lang", "stemmer"), LANGUAGES)
def test_every_page_of_the_language_is_in_its_index(real_site, folder, lang, stemmer):
    docs = search_files.read_docs(real_site.site / folder / "search")
    pages = {doc["location"]: doc["title"] for doc in docs if "#" not in doc["location"]}
    assert sorted(pages) == sorted(location(stem) for stem in PAGES)
    for where, title in pages.items():  # the title is the page's own, in the page's language
        assert real_site.text(folder + where, "//article//h1") == title, where
    assert not any(doc["location"].startswith(("es/", "/")) for doc in docs)


@pytest.mark.parametrize(("folder", "lang"), [("", "en"), ("es/", "es")])
def test_glossary_entries_are_results_of_their_own(real_site, folder, lang):
    docs = search_files.read_docs(real_site.site / folder / "search")
    anchors = [doc["location"].removeprefix("glossary/#") for doc in docs if doc["location"].startswith("glossary/#")]
    assert sorted(anchors) == sorted(glossary_ids(lang))
    terms = yaml.safe_load((ROOT / "data" / "glossary" / f"{lang}.yml").read_text(encoding="utf-8"))
    titles = {doc["location"].removeprefix("glossary/#"): doc["title"] for doc in docs
              if doc["location"].startswith("glossary/#")}
    assert titles == {entry_id: entry["term"] for entry_id, entry in terms.items()}


def test_glossary_forms_find_the_pages_of_the_other_forms(real_site):
    keys = Keys("es")
    shard = shard_for(real_site, "es/", keys.key("pei"))  # "~<key>" is in the shard of <key>
    listed = shard["~" + keys.key("pei")]
    assert [keys.key("pei")] in [form_keys for form_keys, _ in listed]
    assert "iep" in [entry_id for _, entry_id in listed]
    entry = shard["#iep"]  # every place of any form: "PEI" finds the pages that say "IEP"
    assert "iep" in entry[0]
    assert "pei" in entry[0]
    iep_pages = places_of(shard_for(real_site, "es/", keys.key("iep"))[keys.key("iep")])
    page = 0
    glossary_pages = set()
    for i in range(0, len(entry[1]), 2):
        page += entry[1][i]
        glossary_pages.add(page)
    assert iep_pages <= glossary_pages


def test_spanish_folds_accents_and_stems():
    keys = Keys("es")
    assert fold("evaluación") == "evaluacion"
    assert fold("niño") == "nino"
    assert keys.key("evaluación") == keys.key("evaluacion") == keys.key("evaluaciones") == "evalu"
    assert keys.key("escuelas") == keys.key("escuela")
    assert words("¿Qué es un PEI?") == ["qué", "es", "un", "pei"]
    assert keys.is_stop("qué")
    assert keys.is_stop("que")
    assert not keys.is_stop("escuela")


def test_spanish_index_finds_a_word_written_without_its_accents(real_site):
    keys = Keys("es")
    shard = shard_for(real_site, "es/", "evaluacion")
    assert shard["evaluacion"] == "evalu"  # the word as folded points at its key
    entry = shard_for(real_site, "es/", "evalu")["evalu"]
    written = [word for word, _places, _values in entry[0]]
    assert "evaluación" in written
    assert "evaluaciones" in written
    assert len(places_of(entry)) >= 5
    assert keys.key("evaluacion") == "evalu"


def test_english_stems_but_keeps_english_words_apart(real_site):
    keys = Keys("en")
    assert keys.key("meetings") == keys.key("meeting") == "meet"
    entry = shard_for(real_site, "", "meet")["meet"]
    assert {"meeting", "meetings"} <= {word for word, _places, _values in entry[0]}
    assert Keys("en").algorithm == "english"
    assert Keys("fr").algorithm is None


def test_material_option_builds_materials_own_search(tmp_path):
    result = build(ROOT, tmp_path, env={"IEP_SEARCH": "material"})
    assert result.ok, result.log
    assert result.warnings == []
    for folder, lang, _ in LANGUAGES:
        index = settings(result, folder)
        assert index["config"]["lang"] == [lang]
        assert "iep" not in index["config"]
        assert {doc["location"] for doc in index["docs"] if "#" not in doc["location"]} == {
            location(stem) for stem in PAGES}
        assert not (result.site / folder / "search" / "t").exists()
    config = json.loads(result.page("es/team/").xpath("string(//script[@id='__config'])"))
    assert re.search(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js$", config["search"]), config["search"]


# ---------------------------------------------------------------------------------------------
# In Chromium


@pytest.fixture
def page(browser_context, site_url):
    page = browser_context.new_page()
    page.problems = PageProblems(page, site_url)
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    page.close()


def results(page) -> list[str]:
    """The links of the results shown, in order, each page and its sections."""
    links = page.locator(".md-search-result__item .md-search-result__link")
    return [links.nth(i).get_attribute("href") for i in range(links.count())]


def ask(page, base: str, path: str, query: str) -> list[str]:
    page.goto(base + path)
    page.keyboard.press("/")  # Material's shortcut
    search_with(page, query)
    return [link.removeprefix(base) for link in results(page)]


def pages_of(links: list[str]) -> list[str]:
    found: list[str] = []
    for link in links:
        where = link.partition("#")[0].partition("?")[0]
        if where not in found:
            found.append(where)
    return found


@pytest.mark.browser
@pytest.mark.parametrize(("path", "query", "first"), [
    ("", "transition plan", "transition/"),
    ("", "summer services", "esy/"),
    ("es/", "transición", "es/transition/"),
    ("es/", "disciplina", "es/discipline/"),
    ("", "evaluation", "evaluation/"),  # a page named for the query comes before pages that use it often
    ("es/", "evaluación", "es/evaluation/"),
    ("", "IEP meeting", "prepare/"),
    ("es/", "reunión del IEP", "es/prepare/"),
])
def test_a_query_finds_its_page_first(page, site_url, path, query, first):
    links = ask(page, site_url, path, query)
    assert pages_of(links)[0] == first, links
    assert all(link.startswith("es/") == path.startswith("es/") for link in links), links
    assert page.problems == []


SPANISH_PAIRS = ["evaluación", "educación", "reunión", "transición", "años", "niño", "información",
                 "además", "después", "según", "médico", "decisión"]


@pytest.mark.browser
@pytest.mark.parametrize("accented", SPANISH_PAIRS)
def test_spanish_without_accents_finds_the_same_pages(page, site_url, accented):
    with_accents = pages_of(ask(page, site_url, "es/", accented))
    without = pages_of(ask(page, site_url, "es/", fold(accented)))
    assert with_accents
    assert sorted(without) == sorted(with_accents)
    assert page.problems == []


@pytest.mark.browser
def test_the_exact_accented_form_ranks_first(page, site_url):
    marked = page.locator(".md-search-result__item mark")
    ask(page, site_url, "es/", "evaluacion")
    assert marked.count() > 0
    assert "evaluación" in {marked.nth(i).inner_text().lower() for i in range(min(10, marked.count()))}


@pytest.mark.browser
@pytest.mark.parametrize(("path", "typo", "page_found"), [
    ("", "trensition", "transition/"),
    ("", "discipllne", "discipline/"),
    ("es/", "evaluasión", "es/evaluation/"),
])
def test_one_wrong_letter_still_finds(page, site_url, path, typo, page_found):
    links = ask(page, site_url, path, typo)
    assert page_found in pages_of(links), links
    assert page.problems == []


@pytest.mark.browser
@pytest.mark.parametrize(("path", "query", "entry"), [
    ("", "ESY", "glossary/#esy"),
    ("", "extended school year", "glossary/#esy"),
    ("es/", "PEI", "es/glossary/#iep"),
    ("es/", "ano escolar extendido", "es/glossary/#esy"),
])
def test_a_glossary_term_finds_its_entry(page, site_url, path, query, entry):
    links = [re.sub(r"\?[^#]*", "", link) for link in ask(page, site_url, path, query)]  # without ?h=
    assert entry in links, links
    assert page.problems == []


@pytest.mark.browser
def test_an_acronym_finds_the_pages_of_its_long_form(page, site_url):
    acronym = set(pages_of(ask(page, site_url, "es/", "PEI")))
    long_form = set(pages_of(ask(page, site_url, "es/", "Programa de Educación Individualizado")))
    assert long_form - {"es/glossary/"} <= acronym


@pytest.mark.browser
def test_search_loads_nothing_until_used_and_asks_only_this_site(page, site_url):
    page.goto(site_url + "es/team/")
    page.wait_for_load_state("networkidle")
    parts = re.compile(re.escape(site_url) + r"(es/)?search/[tpnv]/")
    assert [url for url in page.requests if parts.match(url)] == []
    assert not [url for url in page.requests if "vendor/snowball" in url]
    page.keyboard.press("/")
    search_with(page, "evaluación")
    shards = [url for url in page.requests if re.search(r"/es/search/t/\d+\.json$", url)]
    total = len(settings_of(page, site_url)["config"]["iep"]["bounds"])
    assert 1 <= len(set(shards)) < total, shards
    assert not [url for url in page.requests if url.startswith(site_url + "search/")]  # not the English index
    assert not [url for url in page.requests if not url.startswith((site_url, "data:", "blob:"))]
    assert page.problems == []


def settings_of(page, site_url: str) -> dict:
    return page.evaluate("url => fetch(url).then(r => r.json())", site_url + "es/search/search_index.json")


def test_the_worker_is_not_render_blocking(real_site):
    page = real_site.page("es/team/")
    blocking = [src for src in page.xpath("//head/script[@src]/@src")
                if not page.xpath(f"//head/script[@src='{src}'][@defer or @async or @type='module']")]
    assert not [src for src in blocking if "search" in src], blocking


@pytest.mark.browser
def test_python_and_javascript_stem_every_word_alike(real_site, browser_context):
    vendor = ROOT / "overrides" / "assets" / "javascripts" / "vendor" / "snowball"
    page = browser_context.new_page()
    try:
        for folder, _lang, algorithm in LANGUAGES:
            docs = search_files.read_docs(real_site.site / folder / "search")
            vocabulary = sorted({word for doc in docs for word in words(doc["title"] + " " + doc["text"])})
            page.goto("about:blank")
            page.add_script_tag(content=(vendor / f"{algorithm}.js").read_text(encoding="utf-8"))
            stems = page.evaluate(f"""words => {{ const s = new self.snowballStemmers.{algorithm}();
                return words.map(w => s.stemWord(w)); }}""", vocabulary)
            stemmer = Stemmer.Stemmer(algorithm)  # as text.py's Keys stems, before folding
            python = [stemmer.stemWord(word) for word in vocabulary]
            differ = [(word, js, py) for word, js, py in zip(vocabulary, stems, python, strict=True) if js != py]
            assert len(vocabulary) > 500
            assert differ == []
    finally:
        page.close()


@pytest.mark.browser
def test_the_offline_copy_searches_from_disk(tmp_path):
    require_browser()
    result = build(ROOT, tmp_path, env=build_offline.ENVIRONMENT)
    assert result.ok, result.log
    iep = json.loads((result.site / "es/search/search_index.json").read_text(encoding="utf-8"))["config"]["iep"]
    assert iep["scripts"] is True
    assert (result.site / "es/search/t/0.js").read_text(encoding="utf-8").startswith(
        '(self.iepSearchFiles = self.iepSearchFiles || {})["t/0"] = {')
    with chromium() as context:
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(Path(result.site / "es" / "team.html").as_uri())
        page.keyboard.press("/")
        search_with(page, "evaluacion")
        links = results(page)
        assert links
        assert all(link.startswith((result.site / "es").as_uri() + "/") for link in links), links
        assert any(link.startswith((result.site / "es" / "evaluation.html").as_uri()) for link in links), links
        assert [url for url in requests if not url.startswith(("file://", "data:", "blob:"))] == []


# ---------------------------------------------------------------------------------------------
# The benchmark (scripts/bench_search.py)


def test_search_benchmark_reports_ratios_b_over_a():
    from iep_tools import bench_search

    built = {"material": bench_search.Built(Path("a"), 4.0), "iep": bench_search.Built(Path("b"), 5.0, 0.5)}
    query = bench_search.Query("es", "evaluacion", {"material": 2048, "iep": 512}, {"material": 0.8, "iep": 0.2},
                               {"material": 0.1, "iep": 0.1})
    lines = bench_search.report("site", built, [query]).splitlines()
    assert lines[5] == "| es: evaluacion | 2.0 | 0.5 | 0.250 | 800 | 200 | 0.250 | 100 | 100 | 1.000 |"
    assert lines[-2] == "Medians b/a: bytes 0.250, first results 0.250, next query 1.000."
    assert lines[-1] == "Build: a 4.0 s, b 5.0 s (b/a 1.250); b's index 0.50 s, 10.0 % of its build."


@pytest.mark.bench
@pytest.mark.browser
def test_search_benchmark_smoke_run_prints_its_table():
    require_browser()
    done = subprocess.run([sys.executable, "scripts/bench_search.py", "--smoke"], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "### the guide" in done.stdout
    assert "| query | a KB gzip | b KB gzip | b/a |" in done.stdout
    assert re.search(r"^\| es: evaluacion \| [\d.]+ \| [\d.]+ \| [\d.]+ \|", done.stdout, re.M), done.stdout
