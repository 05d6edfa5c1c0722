"""Screenshots of what families see: the home page and a topic page in every language, on a
phone (390 px) and a desktop (1280 px), each the whole page from top to bottom; and on the
phone, the first screen (the helpline bar, the header) and a definition opened by a tap.

    python scripts/screenshots.py                        # serves site/ (mkdocs build first)
    python scripts/screenshots.py --site /tmp/site --out artifacts/screenshots

Writes one PNG per page and width into --out (default artifacts/screenshots/, which git
ignores), named like `es-what-is-an-iep-390.png`, and prints their paths. The languages
are read from the built site: the default one at the root, and every folder with its own
404 page (this project gives each language one).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from iep_tools import offline_chromium as chromium
from iep_tools.serve_site import serving

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = (390, 1280)
PAGES = ("", "what-is-an-iep/")  # home and a topic page, under each language's root
HEIGHT = 844  # the viewport; the screenshot takes the whole page


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="a built site (default: site/)")
    parser.add_argument("--out", type=Path, default=ROOT / "artifacts" / "screenshots")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        parser.error(f"{args.site} has no index.html: build the site first (mkdocs build)")
    if chromium.executable() is None:
        parser.error("Chromium is missing: apt-get install chromium")
    for path in take(args.site, args.out):
        print(path)
    return 0


def take(site: Path, out: Path, playwright=None, widths=WIDTHS, pages=PAGES) -> list[Path]:
    """Screenshot every page of `pages` under every language root of `site` at every width.

    `playwright`: a running Playwright to use (one per thread); without it, its own."""
    if playwright is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as own:
            return take(site, out, own, widths, pages)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with serving(site) as base_url:
        browser = playwright.chromium.launch(executable_path=chromium.executable(), args=chromium.FLAGS)
        try:
            for width in widths:
                context = browser.new_context(viewport={"width": width, "height": HEIGHT},
                                              is_mobile=width < 768, has_touch=width < 768)
                page = context.new_page()
                for root in language_roots(site):
                    for path in pages:
                        page.goto(base_url + root + path, wait_until="load")
                        lang = page.evaluate("document.documentElement.lang")
                        target = out / f"{lang}-{path.strip('/').replace('/', '-') or 'home'}-{width}.png"
                        page.screenshot(path=str(target), full_page=True, animations="disabled")
                        written.append(target)
                    if width < 768:
                        written += _phone_views(page, base_url + root, out)
                context.close()
        finally:
            browser.close()
    return written


def _phone_views(page, root_url: str, out: Path) -> list[Path]:
    """The first screen of the home page, and a topic page with a definition opened by a tap."""
    page.goto(root_url, wait_until="load")
    lang = page.evaluate("document.documentElement.lang")
    first = out / f"{lang}-first-screen-390.png"
    page.screenshot(path=str(first), animations="disabled")
    written = [first]
    page.goto(root_url + PAGES[1], wait_until="load")
    term = page.locator("article a.glossary-term").first
    if term.count():
        term.scroll_into_view_if_needed()
        term.tap()
        page.locator(".glossary-popover").wait_for()
        shown = out / f"{lang}-{PAGES[1].strip('/')}-definition-390.png"
        page.screenshot(path=str(shown), animations="disabled")
        written.append(shown)
    return written


def language_roots(site: Path) -> list[str]:
    """'' for the default language, then 'es/' and every other language folder."""
    return ["", *sorted(f"{folder.name}/" for folder in site.iterdir()
                        if folder.is_dir() and (folder / "404.html").is_file() and (folder / "index.html").is_file())]


if __name__ == "__main__":
    sys.exit(main())
