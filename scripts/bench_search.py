"""Search benchmark: Material's own search against the guide's (hooks/iep_guide/search/).

    python scripts/bench_search.py                      # the real guide, and a synthetic site of 1,000 pages a language
    python scripts/bench_search.py --pages 300          # a smaller synthetic site
    python scripts/bench_search.py --smoke              # the real guide only, one query a language

Each site is built twice with the same configuration but `extra.iep.search` (IEP_SEARCH):
(a) `material`, Material's lunr search, and (b) `iep`, the guide's; each `mkdocs build` in
its own process, a then b. Then, in Debian's Chromium, both served as a static host serves
them (scripts/serve_site.py, gzip), a and b alternating query by query, each query in a
fresh browser profile (nothing cached):

- bytes: what the search downloads before its first results (every request of the search:
  its index, worker, stemmers and lunr scripts, from page load to the first result), as the
  gzip size of each file (level 6, as the server sends it);
- first results: seconds from the query typed (the page loaded and idle, the search box
  open) to the first result shown; it includes what the search downloads and, for lunr,
  building the index in the page;
- next query: the same for a second query in the same page (parts already loaded);
- build: seconds of each build, and, for (b), the seconds the index took (the build's own
  debug line), as a share of its build.

Prints a table per site and the ratios b/a. Run it once on an idle machine; results go to
BENCHMARKS.md by hand.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from iep_tools.project import ROOT
from iep_tools.synthetic_site import Spec, make_site

sys.path.insert(0, str(ROOT / "tests"))
from browser import chromium, playwright_session, serve

VARIANTS = ("material", "iep")
GUIDE_QUERIES = {"en": ["evaluation", "meeting", "transition plan"], "es": ["evaluacion", "reunión", "transición"]}
SEARCH_REQUEST = re.compile(r"(^|/)(search/|assets/javascripts/(workers/search|search/|lunr/|vendor/snowball/))")
FIRST_TIMEOUT = 300  # seconds a first query may take (lunr builds its index in the page first)
INDEX_TIME = re.compile(r"Search index of '(\w+)': .*, ([\d.]+) s$", re.M)


@dataclass
class Built:
    site: Path
    seconds: float
    index_seconds: float = 0.0


@dataclass
class Query:
    lang: str
    text: str
    bytes: dict[str, int] = field(default_factory=dict)  # variant -> gzip bytes
    first: dict[str, float] = field(default_factory=dict)  # variant -> s to first results
    next: dict[str, float] = field(default_factory=dict)  # variant -> s for the second query


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000, help="pages per language of the synthetic site")
    parser.add_argument("--smoke", action="store_true", help="the real guide only, one query a language")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-search-") as temporary:
        root = Path(temporary)
        sites: list[tuple[str, Path, list[tuple[str, str, str]] | None]] = [
            ("the guide", ROOT / "mkdocs.yml", _guide_queries(args.smoke))]
        if not args.smoke:
            synthetic = make_site(root / "synthetic", Spec(pages=args.pages, languages=2, terms=50))
            sites.append((f"synthetic, {args.pages} pages a language", synthetic.config("full"), None))
        for name, config, queries in sites:
            built = {variant: build(config, root / f"site-{variant}", variant) for variant in VARIANTS}
            if queries is None:
                queries = _site_queries(built["material"].site)
            print(report(name, built, measure(built, queries)), flush=True)
            for variant in VARIANTS:
                shutil.rmtree(built[variant].site, ignore_errors=True)
    return 0


def build(config: Path, site: Path, variant: str) -> Built:
    """One `mkdocs build -v` in its own process, with IEP_SEARCH=variant."""
    shutil.rmtree(site, ignore_errors=True)
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "IEP_SEARCH": variant}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-v", "-f", str(config), "-d", str(site)],
                          cwd=config.parent, env=environment, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"build of {config} ({variant}) failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
    index = sum(float(found[2]) for found in INDEX_TIME.finditer(done.stdout + done.stderr))
    print(f"built {config.parent.name} with search {variant}: {seconds:.1f} s (index {index:.2f} s)", flush=True)
    return Built(site, seconds, index)


def measure(built: dict[str, Built], queries: list[tuple[str, str, str]]) -> list[Query]:
    """Each (language, query, second query) in a fresh profile, a and b alternating."""
    results = []
    with serve(built["material"].site) as url_a, serve(built["iep"].site) as url_b, playwright_session() as session:
        urls = {"material": url_a, "iep": url_b}
        for number, (lang, text, second) in enumerate(queries):
            query = Query(lang, text)
            for variant in VARIANTS if number % 2 == 0 else VARIANTS[::-1]:
                _one(session, urls[variant], built[variant].site, lang, text, second, variant, query)
            print(f"  {lang} {text!r}: " + ", ".join(
                f"{v} {query.bytes[v] / 1024:.1f} KB {query.first[v] * 1000:.0f} ms" for v in VARIANTS), flush=True)
            results.append(query)
    return results


def _one(session, base: str, site: Path, lang: str, text: str, second: str, variant: str, query: Query) -> None:
    with chromium(session, viewport={"width": 390, "height": 800}) as context:
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(base + ("" if lang == "en" else f"{lang}/"))
        page.wait_for_load_state("networkidle")
        errors: list[str] = []
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.keyboard.press("/")
        query.first[variant] = _search(page, text, FIRST_TIMEOUT)
        query.bytes[variant] = sum(_gzip_size(site, url, base) for url in dict.fromkeys(requests)
                                   if SEARCH_REQUEST.search(urlsplit(url).path))
        query.next[variant] = _search(page, second, 60)
        if errors:
            print(f"  console errors with {variant}: {errors[:3]}", flush=True)


def _search(page, text: str, timeout: float) -> float:
    """Seconds from the query typed to its first result (tests/browser.py `search_with`, timed)."""
    box = page.locator("input.md-search__input")
    started = time.perf_counter()
    box.fill(text)
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=timeout * 1000)
    return time.perf_counter() - started


def _gzip_size(site: Path, url: str, base: str) -> int:
    path = unquote(urlsplit(url).path).removeprefix(urlsplit(base).path)
    file = site / path
    if file.is_dir():
        file = file / "index.html"
    return len(gzip.compress(file.read_bytes(), 6)) if file.is_file() else 0


def report(name: str, built: dict[str, Built], queries: list[Query]) -> str:
    a, b = built["material"], built["iep"]
    rows = [f"\n### {name}\n",
            "| query | a KB gzip | b KB gzip | b/a | a first ms | b first ms | b/a | a next ms | b next ms | b/a |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for q in queries:
        rows.append(f"| {q.lang}: {q.text} | {q.bytes['material'] / 1024:.1f} | {q.bytes['iep'] / 1024:.1f} | "
                    f"{_ratio(q.bytes)} | {q.first['material'] * 1000:.0f} | {q.first['iep'] * 1000:.0f} | "
                    f"{_ratio(q.first)} | {q.next['material'] * 1000:.0f} | {q.next['iep'] * 1000:.0f} | "
                    f"{_ratio(q.next)} |")
    median = {key: {v: statistics.median(getattr(q, key)[v] for q in queries) for v in VARIANTS}
              for key in ("bytes", "first", "next")}
    rows += ["", f"Medians b/a: bytes {_ratio(median['bytes'])}, first results {_ratio(median['first'])}, "
                 f"next query {_ratio(median['next'])}.",
             f"Build: a {a.seconds:.1f} s, b {b.seconds:.1f} s (b/a {b.seconds / a.seconds:.3f}); b's index "
             f"{b.index_seconds:.2f} s, {100 * b.index_seconds / b.seconds:.1f} % of its build."]
    return "\n".join(rows)


def _ratio(values: Mapping[str, float]) -> str:
    return f"{values['iep'] / values['material']:.3f}" if values["material"] else "-"


def _guide_queries(smoke: bool) -> list[tuple[str, str, str]]:
    queries = [(lang, texts[i], texts[(i + 1) % len(texts)]) for lang, texts in GUIDE_QUERIES.items()
               for i in range(len(texts))]
    return queries[:1] + queries[3:4] if smoke else queries


def _site_queries(material_site: Path) -> list[tuple[str, str, str]]:
    """Three words of six letters or more from each language's page titles (first, middle, last page)."""
    queries = []
    for lang, folder in (("en", ""), ("es", "es/")):
        docs = json.loads((material_site / folder / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
        titles = [doc["title"] for doc in docs if "#" not in doc["location"]]
        picked = []
        for title in (titles[len(titles) // 4], titles[len(titles) // 2], titles[-2]):
            word = max(re.findall(r"\w{6,}", title) or ["search"], key=len)
            picked.append(word.lower())
        queries += [(lang, picked[i], picked[(i + 1) % 3]) for i in range(3)]
    return queries


if __name__ == "__main__":
    sys.exit(main())
