"""Page weight on first load: what a phone downloads to show each page, against a budget.

    python scripts/page_weight.py                      # build both sites, load every page in Chromium
    python scripts/page_weight.py --site site/         # measure a site already built

Builds the project (strict) and plain mkdocs-material + mkdocs-static-i18n with the same
pages (scripts/synthetic_site.py's `plain_config`: the project's mkdocs.yml without its
hooks, overrides, extra CSS/JS and other plugins), serves each with scripts/serve_site.py
(gzip, as static hosts serve text files) and loads every page in a fresh Chromium context
(empty cache), recording every request the page and its workers send until the network is
idle. A request's bytes are the body the site serves for it: its size, and its gzip size
when the host compresses that type. Per page type (home, topic, glossary, 404) and
language, the table shows the heaviest page of the type.

Budget (the exit status is 1 when any is over):
- every page <= 100 KB gzip-compressed in total, and <= 12 requests on first load;
- each language's home page no heavier than plain Material's, uncompressed and gzip;
- no request leaves the site's own host;
- nothing render-blocking but stylesheets: every script in <head> that loads a file is
  `defer` or `async`, and the stylesheets in <head> add at most 4 KB gzip to plain
  Material's (what Lighthouse's render-blocking audit looks at, checked exactly).

It needs Chromium (scripts/test.sh installs it): reading the HTML alone cannot see what
scripts fetch, such as the search index, which is where plain Material is heaviest.
"""

from __future__ import annotations

import argparse
import json
import mimetypes
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from lxml import html as lxml_html

from iep_tools import offline_chromium as chromium
from iep_tools import serve_site
from iep_tools.project import ROOT, not_found_page, page_file
from iep_tools.synthetic_site import plain_project

MAX_GZIP = 100 * 1024
MAX_REQUESTS = 12
BATCH = 8  # pages loading at once
MAX_EXTRA_BLOCKING_CSS = 4 * 1024  # gzip bytes of render-blocking CSS beyond plain Material's
PAGE_TYPES = ("home", "topic", "glossary", "404")
KINDS = ("html", "css", "js", "image", "font", "data", "other")


@dataclass
class Request:
    url: str  # as requested
    path: str | None  # the site path it maps to; None for another host
    size: int = 0
    gzip: int = 0
    kind: str = "other"
    status: int = 200


@dataclass
class PageLoad:
    site: str  # "project" or "plain"
    url_path: str  # '' (home), 'es/team/', '404.html'
    lang: str
    type: str
    requests: list[Request] = field(default_factory=list)
    blocking_scripts: list[str] = field(default_factory=list)  # scripts in <head> without defer/async
    blocking_css: list[str] = field(default_factory=list)  # stylesheets in <head>: site paths

    @property
    def blocking_css_gzip(self) -> int:
        wanted = set(self.blocking_css)
        return sum(r.gzip for r in self.requests if r.path in wanted)

    @property
    def size(self) -> int:
        return sum(r.size for r in self.requests)

    @property
    def gzip(self) -> int:
        return sum(r.gzip for r in self.requests)

    def gzip_of(self, kind: str) -> int:
        return sum(r.gzip for r in self.requests if r.kind == kind)

    @property
    def external(self) -> list[str]:
        return [r.url for r in self.requests if r.path is None]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="the project's built site (default: build it)")
    parser.add_argument("--plain-site", type=Path, help="plain Material's built site (default: build it)")
    parser.add_argument("--json", type=Path, help="also write every page's requests to this file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="page-weight-") as tmp:
        site = args.site or build_project(Path(tmp) / "project")
        plain = args.plain_site or build_plain(Path(tmp) / "plain")
        loads = measure(site, "project") + measure(plain, "plain")
    print("Page weight on first load (Chromium; KB = 1,024 bytes of response bodies; gzip as a static host serves):\n")
    print(table(loads))
    print()
    problems = check_budget(loads)
    for line in budget_lines(loads):
        print(line)
    if args.json:
        args.json.write_text(json.dumps([_as_json(load) for load in loads], indent=1), encoding="utf-8")
    return 1 if problems else 0


# ---------------------------------------------------------------------------------------------
# Building


def build_project(dest: Path, project: Path = ROOT) -> Path:
    """`mkdocs build --strict` of the project into dest/site."""
    return _build(project / "mkdocs.yml", dest / "site", strict=True)


def build_plain(dest: Path, project: Path = ROOT) -> Path:
    """Plain Material with the project's pages (not strict: the pages use the project's variables)."""
    folder = plain_project(dest / "plain", str((project / "docs").resolve()), project)
    return _build(folder / "mkdocs.yml", dest / "site", strict=False)


def _build(config: Path, site: Path, strict: bool) -> Path:
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    if strict:
        command.append("--strict")
    result = subprocess.run(command, cwd=config.parent, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build of {config} failed:\n{result.stdout}{result.stderr}")
    return site


# ---------------------------------------------------------------------------------------------
# Measuring


def pages(site: Path) -> list[tuple[str, str, str]]:
    """(url path, language, page type) of every page of a built site."""
    found = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("assets/", "search/")) or not (rel.endswith(("/index.html", "404.html")) or rel == "index.html"):
            continue
        url_path = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        lang = lxml_html.fromstring(path.read_bytes()).get("lang") or ""
        found.append((url_path, lang, _page_type(url_path, lang)))
    return found


def _page_type(url_path: str, lang: str) -> str:
    name = url_path.rstrip("/").rsplit("/", 1)[-1]
    if name == "404.html":
        return "404"
    if url_path in ("", f"{lang}/"):
        return "home"  # the site root, or a language's root
    return "glossary" if name == "glossary" else "topic"


def measure(site: Path, label: str, playwright=None, kinds: tuple[str, ...] | None = None) -> list[PageLoad]:
    """Load every page of `site` (or only those of the page types `kinds`) on an empty cache;
    their requests, with sizes.

    `playwright`: a running Playwright to use (one per thread); without it, its own."""
    loads = [PageLoad(label, url_path, lang, kind) for url_path, lang, kind in pages(site)
             if kinds is None or kind in kinds]
    for load in loads:
        load.blocking_scripts, load.blocking_css = render_blocking(site, load.url_path)
    if playwright is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as own:
            return measure(site, label, own, kinds)
    with serve_site.serving(site) as base_url:
        browser = playwright.chromium.launch(executable_path=chromium.executable(), args=chromium.FLAGS)
        try:
            for start in range(0, len(loads), BATCH):
                batch = loads[start:start + BATCH]
                for load, requests in zip(batch, _requests_in_browser(browser, base_url, site,
                                                                       [load.url_path for load in batch]), strict=True):
                    load.requests = requests
        finally:
            browser.close()
    return loads


def render_blocking(site: Path, url_path: str, base: str = "http://site/") -> tuple[list[str], list[str]]:
    """The scripts and the stylesheets in a page's <head> that hold back its first paint,
    as site paths ('assets/stylesheets/site.css'); another host's, as its URL."""
    page = _file(site, url_path)
    if page is None:
        raise FileNotFoundError(f"{site}: no page at '{url_path}'")
    page_url = urljoin(base, url_path)
    head = lxml_html.fromstring(page.read_bytes()).find("head")
    scripts, styles = [], []
    for element in head.iter("script", "link") if head is not None else []:
        if element.tag == "script" and element.get("src") and element.get("type") != "module" \
                and element.get("defer") is None and element.get("async") is None:
            scripts.append(_site_path(urljoin(page_url, element.get("src")), base))
        elif element.tag == "link" and "stylesheet" in (element.get("rel") or "").lower().split() \
                and element.get("media") in (None, "all", "screen") and element.get("href"):
            styles.append(_site_path(urljoin(page_url, element.get("href")), base))
    return scripts, styles


def _site_path(url: str, base: str) -> str:
    return unquote(urlsplit(url).path).lstrip("/") if url.startswith(base) else url


def _requests_in_browser(browser, base_url: str, site: Path, url_paths: list[str]) -> list[list[Request]]:
    """Each page's requests, the pages loading side by side, each in its own context (its own
    empty cache): waiting for the network to go quiet is most of a page's time."""
    contexts, seen = [], []
    try:
        for url_path in url_paths:
            context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
            contexts.append(context)
            urls: list[str] = []
            seen.append(urls)
            context.on("request", lambda request, urls=urls: urls.append(request.url))
            context.new_page().goto(base_url + url_path, wait_until="commit")
        for context in contexts:
            page = context.pages[0]
            page.wait_for_load_state("load")
            page.wait_for_load_state("networkidle")
        contexts[0].pages[0].wait_for_timeout(300)  # a worker's own imports start once it has its data
    finally:
        for context in contexts:
            context.close()
    host = urlsplit(base_url).netloc
    return [[_sized(site, url, unquote(parts.path).lstrip("/") if parts.netloc == host else None)
             for url in urls if (parts := urlsplit(url)).scheme not in ("data", "blob", "about")]
            for urls in seen]


def _sized(site: Path, url: str, path: str | None) -> Request:
    if path is None:
        return Request(url, None, kind=_kind(urlsplit(url).path), status=0)
    file = _file(site, path)
    status = 200
    if file is None:  # what the host answers: the language's 404 page
        status, file = 404, not_found_page(site, path)
    if file is None:
        raise FileNotFoundError(f"{site}: neither '{path}' nor a 404 page for it")
    size, compressed = _sizes(str(file), file.stat().st_mtime_ns)
    return Request(url, path, size, compressed, _kind(file.name), status)


def _file(site: Path, path: str) -> Path | None:
    target = site / path
    target = target / "index.html" if target.is_dir() else page_file(site, path)
    return target if target.is_file() else None


@lru_cache(maxsize=1024)
def _sizes(file: str, mtime_ns: int) -> tuple[int, int]:
    """(size, bytes on the wire): gzip for the types scripts/serve_site.py compresses, as hosts do."""
    data = Path(file).read_bytes()
    content_type = mimetypes.guess_type(file)[0] or "application/octet-stream"
    if content_type.startswith(serve_site.COMPRESSED_TYPES):
        return len(data), len(serve_site._gzip(file, mtime_ns))
    return len(data), len(data)


def _kind(name: str) -> str:
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name.rsplit("/", 1)[-1] else "html"
    return {"html": "html", "css": "css", "js": "js", "mjs": "js", "json": "data", "xml": "data",
            "svg": "image", "png": "image", "jpg": "image", "jpeg": "image", "gif": "image", "webp": "image",
            "ico": "image", "avif": "image", "woff": "font", "woff2": "font", "ttf": "font", "otf": "font",
            }.get(suffix, "other")


# ---------------------------------------------------------------------------------------------
# Reporting


def heaviest(loads: list[PageLoad]) -> list[PageLoad]:
    """The heaviest page (gzip) of each site, language and page type, in a stable order."""
    best: dict[tuple[str, str, str], PageLoad] = {}
    for load in loads:
        key = (load.site, load.lang, load.type)
        if key not in best or load.gzip > best[key].gzip:
            best[key] = load
    order = {kind: index for index, kind in enumerate(PAGE_TYPES)}
    return sorted(best.values(), key=lambda load: (load.site != "project", load.lang != "en", load.lang,
                                                    order.get(load.type, 9)))


COLUMNS = ["site", "lang", "page type", "heaviest page", "pages", "requests", "KB", "KB gzip",
           "HTML gz", "CSS gz", "JS gz", "images gz", "fonts gz", "data gz"]


def table(loads: list[PageLoad]) -> str:
    counts: dict[tuple[str, str, str], int] = {}
    for load in loads:
        counts[(load.site, load.lang, load.type)] = counts.get((load.site, load.lang, load.type), 0) + 1
    rows = ["| " + " | ".join(COLUMNS) + " |", "|---|---|---|---|" + "---:|" * (len(COLUMNS) - 4)]
    for load in heaviest(loads):
        cells = [load.site, load.lang, load.type, "/" + load.url_path, counts[(load.site, load.lang, load.type)],
                 len(load.requests), _kb(load.size), _kb(load.gzip)]
        cells += [_kb(load.gzip_of(kind)) for kind in ("html", "css", "js", "image", "font", "data")]
        rows.append("| " + " | ".join(str(cell) for cell in cells) + " |")
    return "\n".join(rows)


def check_budget(loads: list[PageLoad]) -> list[str]:
    """Every way the project's pages are over budget, one line each (empty: within budget)."""
    problems = []
    project = [load for load in loads if load.site == "project"]
    for load in project:
        name = "/" + load.url_path
        if load.gzip > MAX_GZIP:
            problems.append(f"{name}: {_kb(load.gzip)} KB gzip, over {_kb(MAX_GZIP)} KB")
        if len(load.requests) > MAX_REQUESTS:
            problems.append(f"{name}: {len(load.requests)} requests, over {MAX_REQUESTS}")
        for url in load.external:
            problems.append(f"{name}: requests {url}, another host")
        for request in load.requests:
            if request.status == 404:
                problems.append(f"{name}: requests /{request.path}, which the site does not have")
        for url in load.blocking_scripts:
            problems.append(f"{name}: the script {url} in <head> blocks the first paint; add defer")
    plain_css = max((load.blocking_css_gzip for load in loads if load.site == "plain"), default=0)
    for load in project:
        if load.blocking_css_gzip > plain_css + MAX_EXTRA_BLOCKING_CSS:
            problems.append(f"/{load.url_path}: {_kb(load.blocking_css_gzip)} KB gzip of stylesheets block the first "
                            f"paint, over plain Material's {_kb(plain_css)} KB + {_kb(MAX_EXTRA_BLOCKING_CSS)} KB")
    for home, plain in _homes(loads):
        if home.size > plain.size or home.gzip > plain.gzip:
            problems.append(f"/{home.url_path}: {_kb(home.size)} KB ({_kb(home.gzip)} KB gzip), heavier than plain "
                            f"Material's home page, {_kb(plain.size)} KB ({_kb(plain.gzip)} KB gzip)")
    return problems


def budget_lines(loads: list[PageLoad]) -> list[str]:
    project = [load for load in loads if load.site == "project"]
    problems = check_budget(loads)
    heaviest_page = max(project, key=lambda load: load.gzip)
    busiest = max(project, key=lambda load: len(load.requests))
    external = sorted({url for load in project for url in load.external})
    lines = ["Budget:"]
    lines.append(f"- {_verdict(heaviest_page.gzip <= MAX_GZIP)}: every page <= {_kb(MAX_GZIP)} KB gzip "
                 f"(heaviest: /{heaviest_page.url_path}, {_kb(heaviest_page.gzip)} KB)")
    lines.append(f"- {_verdict(len(busiest.requests) <= MAX_REQUESTS)}: every page <= {MAX_REQUESTS} requests "
                 f"(most: /{busiest.url_path}, {len(busiest.requests)})")
    for home, plain in _homes(loads):
        ok = home.size <= plain.size and home.gzip <= plain.gzip
        lines.append(f"- {_verdict(ok)}: home page ({home.lang}) no heavier than plain Material's: "
                     f"{_kb(home.size)} KB / {_kb(home.gzip)} KB gzip / {len(home.requests)} requests against "
                     f"{_kb(plain.size)} KB / {_kb(plain.gzip)} KB gzip / {len(plain.requests)} requests")
    scripts = sorted({url for load in project for url in load.blocking_scripts})
    lines.append(f"- {_verdict(not scripts)}: no render-blocking script" + (f" ({', '.join(scripts)})" if scripts else ""))
    plain_css = max((load.blocking_css_gzip for load in loads if load.site == "plain"), default=0)
    most_css = max(project, key=lambda load: load.blocking_css_gzip)
    lines.append(f"- {_verdict(most_css.blocking_css_gzip <= plain_css + MAX_EXTRA_BLOCKING_CSS)}: render-blocking "
                 f"stylesheets at most {_kb(MAX_EXTRA_BLOCKING_CSS)} KB gzip over plain Material's {_kb(plain_css)} KB "
                 f"(most: /{most_css.url_path}, {_kb(most_css.blocking_css_gzip)} KB)")
    lines.append(f"- {_verdict(not external)}: no request leaves the site's own host"
                 + (f" ({', '.join(external)})" if external else ""))
    missing = [p for p in problems if "does not have" in p]
    if missing:
        lines.append("- NOT MET: every request finds its file: " + "; ".join(missing))
    plain_external = sorted({url for load in loads if load.site == "plain" for url in load.external})
    if plain_external:
        lines.append(f"  (plain Material requests other hosts: {', '.join(plain_external)})")
    lines.append("Within budget." if not problems else f"Over budget: {len(problems)} problem(s).")
    return lines


def _homes(loads: list[PageLoad]):
    """(project home, plain home) per language."""
    plain = {load.lang: load for load in loads if load.site == "plain" and load.type == "home"}
    for load in loads:
        if load.site == "project" and load.type == "home" and load.lang in plain:
            yield load, plain[load.lang]


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def _kb(size: int) -> str:
    return f"{size / 1024:.1f}"


def _as_json(load: PageLoad) -> dict:
    return {"site": load.site, "page": "/" + load.url_path, "lang": load.lang, "type": load.type,
            "bytes": load.size, "gzip": load.gzip,
            "requests": [{"url": r.url, "bytes": r.size, "gzip": r.gzip, "kind": r.kind, "status": r.status}
                         for r in load.requests]}


if __name__ == "__main__":
    sys.exit(main())
