"""Lighthouse budget: the home page and one topic page in each language, on a phone.

    python scripts/lighthouse_budget.py                   # serves site/ (mkdocs build first)
    python scripts/lighthouse_budget.py --url http://127.0.0.1:8000/   # a site already served
    python scripts/lighthouse_budget.py --save artifacts/lighthouse    # keep the JSON reports

Runs the pinned Lighthouse (npm ci installs it into node_modules/) with its default mobile
preset (a mid-range phone, slow 4G, CPU slowed down 4 times) in Debian's Chromium, offline,
three times a page, and takes the median of each category score: performance varies by a
few points from run to run. Prints every score and exits 1 when a median is below budget:
accessibility, SEO and best practices 100, performance 98. The site is served as a static
host serves it, compressed (scripts/serve_site.py).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from iep_tools import offline_chromium as chromium
from iep_tools.serve_site import serving

ROOT = Path(__file__).resolve().parent.parent

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
BUDGET = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
PAGES = ["", "what-is-an-iep/", "es/", "es/what-is-an-iep/"]
RUNS = 3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--site", type=Path, default=ROOT / "site", help="a built site to serve (default: site/)")
    where.add_argument("--url", help="the base URL of a site already served, ending in /")
    parser.add_argument("--pages", nargs="+", default=PAGES, help="URL paths under the base URL")
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--save", type=Path, help="a folder for the JSON reports")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE.relative_to(ROOT)} is missing: run 'npm ci' first.", file=sys.stderr)
        return 2
    if args.url:
        return check(args.url, args.pages, args.runs, args.save)
    if not (args.site / "index.html").is_file():
        print(f"{args.site} has no index.html: build the site first (mkdocs build).", file=sys.stderr)
        return 2
    with serving(args.site) as url:
        return check(url, args.pages, args.runs, args.save)


def check(base_url: str, pages: list[str], runs: int, save: Path | None) -> int:
    print(f"Lighthouse, mobile preset, median of {runs} runs; budget: "
          + ", ".join(f"{name} {score}" for name, score in BUDGET.items()))
    over_budget = []
    for path in pages:
        reports = [run(base_url + path) for _ in range(runs)]
        if save:
            save.mkdir(parents=True, exist_ok=True)
            for number, report in enumerate(reports, 1):
                name = (path.strip("/").replace("/", "-") or "home") + f"-{number}.json"
                (save / name).write_text(json.dumps(report), encoding="utf-8")
        medians = {}
        for category, budget in BUDGET.items():
            scores = [score(report, category) for report in reports]
            medians[category] = statistics.median(scores)
            mark = "ok" if medians[category] >= budget else f"BELOW {budget}"
            print(f"  /{path:<22} {category:<15} {medians[category]:>5g}  runs {scores}  {mark}")
            if medians[category] < budget:
                over_budget.append((path, category, failing_audits(reports, category)))
    for path, category, audits in over_budget:
        print(f"/{path} {category}: " + ("; ".join(audits) or "no single audit fails"))
    if over_budget:
        print(f"Over budget: {len(over_budget)} score(s).")
        return 1
    print("Within budget.")
    return 0


def run(url: str) -> dict:
    """One Lighthouse run of `url`: its JSON report."""
    command = [
        str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
        "--only-categories=" + ",".join(BUDGET),
        "--disable-full-page-screenshot",  # not scored; saves a second a run
        "--chrome-flags=" + " ".join(f'"{flag}"' if " " in flag else flag for flag in chromium.FLAGS),
    ]
    result = subprocess.run(command, capture_output=True, text=True,
                            env={**os.environ, "CHROME_PATH": chromium.executable() or "chromium"})
    if result.returncode != 0 or not result.stdout.startswith("{"):
        raise SystemExit(f"Lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    report = json.loads(result.stdout)
    if report.get("runtimeError"):
        raise SystemExit(f"Lighthouse could not load {url}: {report['runtimeError']}")
    return report


def score(report: dict, category: str) -> float:
    value = report["categories"][category]["score"]
    return round(value * 100) if value is not None else 0


def failing_audits(reports: list[dict], category: str) -> list[str]:
    """The weighted audits of a category that lose points in any run, with their values."""
    failing: dict[str, list] = {}
    for report in reports:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                value = audit.get("displayValue") or f"score {audit['score']}"
                failing.setdefault(ref["id"], []).append(str(value))
    return [f"{name} ({', '.join(values)})" for name, values in failing.items()]


if __name__ == "__main__":
    sys.exit(main())
