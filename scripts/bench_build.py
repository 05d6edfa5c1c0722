"""Build benchmark: the project's configuration against plain mkdocs-material, at scale.

    python scripts/bench_build.py --source guide                  # the real guide: 100, 300, 1,000 pages per language
    python scripts/bench_build.py --source synthetic              # synthetic sites (takes hours on 2 cores)
    python scripts/bench_build.py --source guide --pages 300 --repeat 5
    python scripts/bench_build.py --smoke                         # the smallest size, once

Each size is a site (scripts/synthetic_site.py) built two ways, with the same pages:
  (a) plain mkdocs-material + mkdocs-static-i18n: no project hooks, overrides or extra CSS/JS;
  (b) the project's full configuration: its mkdocs.yml, hooks, overrides, data and brand,
each `mkdocs build` in its own process, a and b interleaved (alternating who goes first),
--repeat times. Sources: "guide", the real guide's pages in English and Spanish replicated
into folders to reach N pages per language, with its own glossary; "synthetic", invented
~1,500-word pages with G glossary terms in L languages. One table row per size: median wall
and CPU seconds per built page, the ratios b/a, and peak memory (maximum resident set size),
then whether each target is met:

- the real guide at N=300 and N=1000: b/a <= 1.15 on wall-clock time and <= 1.25 on CPU time;
- the synthetic site at N=1000, L=2, G=2000: the same;
- linear scaling: seconds per page grow at most 20 % from the smallest N (they fall as the
  fixed start-up cost spreads), and each page added costs the same within +-20 %;
- peak memory grows at most linearly: the memory added per page does not grow with N.

Everything is written to a temporary directory, removed at the end (unless --keep).
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from iep_tools.synthetic_site import SOURCES, Spec, make_site

VARIANTS = ("plain", "full")  # (a), (b)
METRICS = {"wall": "wall-clock", "cpu": "CPU time"}
LIMITS = {"wall": 1.15, "cpu": 1.25}  # b/a at the target sizes
TARGET_SIZES = {"guide": [(300, 2, 0), (1000, 2, 0)], "synthetic": [(1000, 2, 2000)]}  # (N, L, G); G 0: its own
DEFAULT_PAGES = {"guide": [100, 300, 1000], "synthetic": [100, 500, 1000]}
FLAT_TOLERANCE = 0.20
MEMORY_TOLERANCE = 0.20
MEMORY_SLACK_MB = 15  # run-to-run noise of a process's peak RSS
COLUMNS = ["source", "N", "L", "G", "pages built", "a s/page", "b s/page", "b/a", "a CPU s/page", "b CPU s/page",
           "b/a CPU", "a peak MB", "b peak MB"]


class BuildFailed(RuntimeError):
    """A benchmark build did not succeed; the message holds its log."""


@dataclass
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the build process
    rss_mb: float  # peak resident set size of the build process


@dataclass
class Result:
    spec: Spec
    runs: dict[str, list[Run]] = field(default_factory=lambda: {v: [] for v in VARIANTS})

    @property
    def size(self) -> tuple[str, int, int, int]:
        terms = 0 if self.spec.source == "guide" else self.spec.terms
        return self.spec.source, self.spec.pages, len(self.spec.langs), terms

    def median(self, variant: str, what: str) -> float:
        return statistics.median(getattr(run, what) for run in self.runs[variant])

    def per_page(self, variant: str, what: str = "wall") -> float:
        return self.median(variant, what) / self.spec.built_pages()

    def ratio(self, what: str = "wall") -> float:
        return self.median("full", what) / self.median("plain", what)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    specs = [Spec(pages=pages, source="guide") for pages in args.pages] if args.source == "guide" else [
        Spec(pages=pages, languages=languages, terms=terms, words=args.words)
        for languages, terms, pages in itertools.product(args.languages, args.terms, args.pages)]
    print(machine(), flush=True)
    print(f"source: {args.source}; sizes: {len(specs)}, builds: {len(specs) * 2 * args.repeat}\n", flush=True)
    results = []
    workdir = Path(args.keep or tempfile.mkdtemp(prefix="bench-build-"))
    try:
        for spec in specs:
            results.append(measure(spec, workdir / f"{spec.source}-n{spec.pages}-l{spec.languages}-g{spec.terms}",
                                   args.repeat, keep=bool(args.keep)))
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print()
    print(table(results))
    print()
    for line in targets(results):
        print(line)
    return 0


def _arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", choices=SOURCES, default="guide", help="the real guide, or synthetic pages")
    parser.add_argument("--pages", type=int, nargs="+", help="N: pages per language (default: the source's series)")
    parser.add_argument("--languages", type=int, nargs="+", default=[2, 4], help="L: languages (synthetic)")
    parser.add_argument("--terms", type=int, nargs="+", default=[50, 2000], help="G: glossary terms (synthetic)")
    parser.add_argument("--words", type=int, default=1500, help="words per page (synthetic)")
    parser.add_argument("--repeat", type=int, default=3, help="builds of each configuration per size (median)")
    parser.add_argument("--smoke", action="store_true", help="the smallest size, built once")
    parser.add_argument("--keep", metavar="DIR", help="write the sites into DIR and keep them")
    args = parser.parse_args(argv)
    args.pages = args.pages or DEFAULT_PAGES[args.source]
    if args.smoke:
        args.pages, args.languages, args.terms, args.repeat = [min(args.pages)], [min(args.languages)], [min(args.terms)], 1
    return args


def measure(spec: Spec, root: Path, repeat: int, keep: bool = False) -> Result:
    site = make_site(root, spec)
    result = Result(spec)
    for rep in range(repeat):
        order = VARIANTS if rep % 2 == 0 else VARIANTS[::-1]  # interleaved, alternating who goes first
        for variant in order:
            run = build(site.config(variant), root / f"site-{variant}")
            result.runs[variant].append(run)
            print(f"{spec.source} N={spec.pages:<5} L={len(spec.langs)} G={result.size[3]:<5} run {rep + 1}/{repeat} "
                  f"{'a' if variant == 'plain' else 'b'} ({variant:5}): {run.wall:7.2f} s wall, "
                  f"{run.cpu:7.2f} s CPU, {run.rss_mb:6.0f} MB peak", flush=True)
    if not keep:
        shutil.rmtree(root, ignore_errors=True)  # sites of one size at a time on disk
    return result


def build(config: Path, site_dir: Path) -> Run:
    """One `mkdocs build` in its own process: wall time, CPU time and peak RSS of that process."""
    shutil.rmtree(site_dir, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site_dir)]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=config.parent, env=environment, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)  # this child's own resource usage
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            log.seek(0)
            raise BuildFailed(f"build of {config} failed:\n{log.read().decode(errors='replace')}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)  # ru_maxrss is in KiB on Linux


def table(results: list[Result]) -> str:
    """The results as a Markdown table (a: plain Material, b: the project)."""
    rows = ["| " + " | ".join(COLUMNS) + " |", "|---|" + "---:|" * (len(COLUMNS) - 1)]
    for r in results:
        source, pages, languages, terms = r.size
        cells = [source, pages, languages, terms or "its own", r.spec.built_pages(),
                 f"{r.per_page('plain'):.4f}", f"{r.per_page('full'):.4f}", f"{r.ratio():.3f}",
                 f"{r.per_page('plain', 'cpu'):.4f}", f"{r.per_page('full', 'cpu'):.4f}", f"{r.ratio('cpu'):.3f}",
                 f"{r.median('plain', 'rss_mb'):.0f}", f"{r.median('full', 'rss_mb'):.0f}"]
        rows.append("| " + " | ".join(str(c) for c in cells) + " |")
    return "\n".join(rows)


def targets(results: list[Result]) -> list[str]:
    """One line per target and measure: met, NOT MET, or not measured in this run.

    Times are judged both as wall-clock and as CPU time of the build process: on a shared
    machine the wall clock also counts the time other processes held the CPU.
    """
    by_size = {r.size: r for r in results}
    lines = ["Targets (b = the project's configuration, a = plain Material):"]
    for source in sorted({r.spec.source for r in results}):
        for pages, languages, terms in TARGET_SIZES[source]:
            where = f"{source} N={pages}, L={languages}" + (f", G={terms}" if terms else "")
            at = by_size.get((source, pages, languages, terms))
            for what, name in METRICS.items():
                limit = LIMITS[what]
                if at is None:
                    lines.append(f"- not measured: b/a <= {limit} at {where} ({name})")
                else:
                    lines.append(f"- {verdict(at.ratio(what) <= limit)}: b/a <= {limit} at {where} ({name}): "
                                 f"{at.ratio(what):.3f}")
    series: dict[tuple[str, int, int], list[Result]] = {}
    for r in results:
        source, _, languages, terms = r.size
        series.setdefault((source, languages, terms), []).append(r)
    measured_scaling = False
    for (source, languages, terms), group in sorted(series.items()):
        group.sort(key=lambda r: r.spec.pages)
        if len(group) < 2:
            continue
        measured_scaling = True
        sizes = f"{source} N={group[0].spec.pages}..{group[-1].spec.pages}, L={languages}" + (f", G={terms}" if terms else "")
        for variant, label in (("full", "b"), ("plain", "a")):
            for what, name in METRICS.items():
                lines.append(_scaling(group, variant, label, what, name, sizes))
            lines.append(_memory(group, variant, label, sizes))
    if not measured_scaling:
        lines.append("- not measured: scaling (needs two or more N of one series)")
    return lines


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def _scaling(group: list[Result], variant: str, label: str, what: str, name: str, sizes: str) -> str:
    """Linear scaling, judged two ways. Seconds per page must not grow by more than 20 %
    from the smallest N (it falls as the build's fixed start-up cost is spread over more
    pages), and the cost of each page added between sizes (the slope) must stay within
    +-20 % of the first slope; with two sizes there is one slope, and only the first test."""
    per_page = [r.per_page(variant, what) for r in group]
    growth = [value / per_page[0] - 1 for value in per_page[1:]]
    slopes = [(b.median(variant, what) - a.median(variant, what)) / (b.spec.built_pages() - a.spec.built_pages())
              for a, b in itertools.pairwise(group)]
    slope_changes = [slope / slopes[0] - 1 for slope in slopes[1:]]
    linear = all(change <= FLAT_TOLERANCE for change in growth) and all(
        abs(change) <= FLAT_TOLERANCE for change in slope_changes)
    line = (f"- {verdict(linear)}: {label} scales linearly ({sizes}, {name}): s/page "
            f"{', '.join(f'{value:.4f}' for value in per_page)} (most growth {max(growth):+.0%}; "
            f"may not pass +{FLAT_TOLERANCE:.0%}); s per added page {', '.join(f'{slope:.4f}' for slope in slopes)}")
    if slope_changes:
        line += f" (change {max(slope_changes, key=abs):+.0%}; may not pass +-{FLAT_TOLERANCE:.0%})"
    return line


def _memory(group: list[Result], variant: str, label: str, sizes: str) -> str:
    rss = [(r.spec.built_pages(), r.median(variant, "rss_mb")) for r in group]
    slopes = [(m2 - m1) / (p2 - p1) for (p1, m1), (p2, m2) in itertools.pairwise(rss)]
    linear = all(
        (m2 - m1) <= (p2 - p1) * slopes[0] * (1 + MEMORY_TOLERANCE) + MEMORY_SLACK_MB
        for (p1, m1), (p2, m2) in itertools.pairwise(rss[1:])
    )
    steps = ", ".join(f"{m:.0f}" for _, m in rss)
    per_page = ", ".join(f"{slope * 1024:.0f}" for slope in slopes)
    return (f"- {verdict(linear)}: {label} peak memory at most linear ({sizes}): {steps} MB; "
            f"KB added per built page between sizes: {per_page}")


def machine() -> str:
    """The machine and the versions the numbers are for."""
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        memory = int(Path("/proc/meminfo").read_text().split()[1]) / 1024**2
    except (OSError, IndexError, ValueError):
        memory = 0
    packages = ", ".join(f"{name} {_version(name)}" for name in
                         ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "Markdown", "pymdown-extensions", "lxml"))
    return (f"machine: {cpu}, {os.cpu_count()} cores, {memory:.0f} GiB RAM; Python {platform.python_version()}; "
            f"{packages}; {datetime.date.today().isoformat()}")


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "missing"


if __name__ == "__main__":
    sys.exit(main())
