"""Benchmark the glossary: the same synthetic site built with its glossaries and with empty ones.

    python scripts/bench_glossary.py [--pages 200] [--words 1500] [--terms 2000] [--repeat 3]

Writes a synthetic site (scripts/synthetic_site.py: English and Spanish, ~1,500-word pages
with glossary terms, a generated glossary) and builds it with the project's configuration,
once with the glossaries and once with empty ones (no term to mark), `--repeat` times each, interleaved, each build
in its own process (scripts/bench_build.py's `build`). Prints the median build times, wall
clock and CPU, and their ratios. Target: at most 1.10. Everything is written into a
temporary directory.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from iep_tools.bench_build import build
from iep_tools.synthetic_site import Spec, make_site

TARGET = 1.10
VARIANTS = {"without": "full-without-glossary", "with": "full"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200, help="pages per language")
    parser.add_argument("--words", type=int, default=1500, help="words per page")
    parser.add_argument("--terms", type=int, default=2000, help="glossary entries per language")
    parser.add_argument("--repeat", type=int, default=3, help="builds of each variant")
    args = parser.parse_args(argv)
    spec = Spec(pages=args.pages, languages=2, terms=args.terms, words=args.words)
    runs: dict[str, list] = {name: [] for name in VARIANTS}
    with tempfile.TemporaryDirectory(prefix="bench-glossary-") as tmp:
        site = make_site(Path(tmp) / "site", spec)
        for number in range(args.repeat):
            order = list(VARIANTS) if number % 2 == 0 else list(VARIANTS)[::-1]
            for name in order:
                run = build(site.config(VARIANTS[name]), Path(tmp) / f"out-{name}")
                runs[name].append(run)
                print(f"run {number + 1}: {name:7} glossary {run.wall:6.2f} s wall, {run.cpu:6.2f} s CPU",
                      flush=True)
    print(f"\n{args.pages} pages x 2 languages, ~{args.words} words each, {args.terms} terms per language")
    for label, what in (("wall-clock", "wall"), ("CPU", "cpu")):
        with_s = statistics.median(getattr(run, what) for run in runs["with"])
        without_s = statistics.median(getattr(run, what) for run in runs["without"])
        ratio = with_s / without_s
        verdict = "met" if ratio <= TARGET else "NOT MET"
        print(f"{label:10}: median without the glossary {without_s:6.2f} s, with {with_s:6.2f} s, "
              f"ratio {ratio:.3f} ({verdict}: <= {TARGET})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
