"""Build benchmark: the project's configuration against plain mkdocs-material, at scale.

    python scripts/bench_build.py                 # the full matrix (takes hours on 2 cores)
    python scripts/bench_build.py --pages 100 500 1000 --languages 2 --terms 2000
    python scripts/bench_build.py --smoke         # the smallest size, once (CI)

For every size (N topic pages per language x L languages x G glossary terms) it writes a
synthetic site (scripts/synthetic_site.py: ~1,500-word pages with headings, lists, tables,
links, code, admonitions and glossary terms) and builds it with
  (a) plain mkdocs-material + mkdocs-static-i18n, same content, no project hooks, and
  (b) the project's full configuration: its mkdocs.yml, hooks, overrides, data and brand,
each `mkdocs build` in its own process, a and b interleaved, --repeat times. It prints one
table row per size: median wall seconds per built page, the ratio b/a, and the peak memory
(maximum resident set size) of each build process, then whether each target is met:

- b/a <= 1.15 at N=1000, L=2, G=2000;
- linear scaling up to N=1000: seconds per page grow at most 20 % from N=100's (they fall
  as the fixed start-up cost spreads), and each page added costs the same within +-20 %;
- peak memory grows at most linearly: the memory added per page does not grow with N.

Everything is written to a temporary directory, removed at the end (unless --keep).
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_site import Spec, make_site  # noqa: E402

VARIANTS = ("plain", "full")  # (a), (b)
RATIO_TARGET = 1.15
RATIO_AT = (1000, 2, 2000)
FLAT_TOLERANCE = 0.20
MEMORY_TOLERANCE = 0.20
MEMORY_SLACK_MB = 15  # run-to-run noise of a process's peak RSS
PROGRESS = re.compile(
    r"N=(?P<pages>\d+)\s+L=(?P<languages>\d+) G=(?P<terms>\d+)\s+run \d+/\d+ [ab] \((?P<variant>\w+)\s*\): +"
    r"(?P<wall>[\d.]+) s wall, +(?P<cpu>[\d.]+) s CPU, +(?P<rss>[\d.]+) MB peak"
)
COLUMNS = ["N", "L", "G", "pages built", "a s/page", "b s/page", "b/a", "a CPU s/page", "b CPU s/page",
           "b/a CPU", "a peak MB", "b peak MB"]
METRICS = {"wall": "wall-clock", "cpu": "CPU time"}


@dataclass
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the build process
    rss_mb: float  # peak resident set size of the build process


@dataclass
class Result:
    spec: Spec
    runs: dict[str, list[Run]] = field(default_factory=lambda: {v: [] for v in VARIANTS})

    def median(self, variant: str, what: str) -> float:
        return statistics.median(getattr(run, what) for run in self.runs[variant])

    def per_page(self, variant: str, what: str = "wall") -> float:
        return self.median(variant, what) / self.spec.built_pages()

    def ratio(self, what: str = "wall") -> float:
        return self.median("full", what) / self.median("plain", what)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    if args.report:
        results = from_logs([Path(name).read_text(encoding="utf-8") for name in args.report])
        print(table(results) + "\n")
        print("\n".join(targets(results)))
        return 0
    sizes = list(itertools.product(args.languages, args.terms, args.pages))
    print(_machine(), flush=True)
    print(f"sizes: {len(sizes)}, builds: {len(sizes) * 2 * args.repeat}, ~{args.words} words per page\n", flush=True)
    results = []
    workdir = Path(args.keep or tempfile.mkdtemp(prefix="bench-build-"))
    try:
        for languages, terms, pages in sizes:
            spec = Spec(pages=pages, languages=languages, terms=terms, words=args.words)
            results.append(_measure(spec, workdir / f"n{pages}-l{languages}-g{terms}", args.repeat))
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
    parser.add_argument("--pages", type=int, nargs="+", default=[100, 500, 1000], help="N: topic pages per language")
    parser.add_argument("--languages", type=int, nargs="+", default=[2, 4], help="L: languages built")
    parser.add_argument("--terms", type=int, nargs="+", default=[50, 2000], help="G: glossary terms per language")
    parser.add_argument("--words", type=int, default=1500, help="words per page")
    parser.add_argument("--repeat", type=int, default=3, help="builds of each configuration per size (median)")
    parser.add_argument("--smoke", action="store_true", help="the smallest size, built once")
    parser.add_argument("--keep", metavar="DIR", help="write the sites into DIR and keep them")
    parser.add_argument("--report", metavar="LOG", nargs="+",
                        help="build nothing: print the table and targets from the output of earlier runs")
    args = parser.parse_args(argv)
    if args.smoke:
        args.pages, args.languages, args.terms, args.repeat = [min(args.pages)], [min(args.languages)], [min(args.terms)], 1
    return args


def _measure(spec: Spec, root: Path, repeat: int) -> Result:
    site = make_site(root, spec)
    result = Result(spec)
    for rep in range(repeat):
        order = VARIANTS if rep % 2 == 0 else VARIANTS[::-1]  # interleaved, alternating who goes first
        for variant in order:
            run = build(site.config(variant), root / f"site-{variant}")
            result.runs[variant].append(run)
            print(f"N={spec.pages:<5} L={spec.languages} G={spec.terms:<5} run {rep + 1}/{repeat} "
                  f"{'a' if variant == 'plain' else 'b'} ({variant:5}): {run.wall:7.2f} s wall, "
                  f"{run.cpu:7.2f} s CPU, {run.rss_mb:6.0f} MB peak", flush=True)
    shutil.rmtree(root, ignore_errors=True)
    return result


def from_logs(logs: list[str]) -> list[Result]:
    """Results from the progress lines of earlier runs (the same size in two logs: all runs count)."""
    results: dict[tuple[int, int, int], Result] = {}
    for log in logs:
        for match in PROGRESS.finditer(log):
            pages, languages, terms = (int(match[name]) for name in ("pages", "languages", "terms"))
            result = results.setdefault((pages, languages, terms), Result(Spec(pages, languages, terms)))
            run = Run(float(match["wall"]), float(match["cpu"]), float(match["rss"]))
            result.runs[match["variant"]].append(run)
    return sorted(results.values(), key=lambda r: (r.spec.languages, r.spec.terms, r.spec.pages))


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
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            log.seek(0)
            sys.exit(f"build of {config} failed:\n{log.read().decode(errors='replace')}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)  # ru_maxrss is in KiB on Linux


def table(results: list[Result]) -> str:
    """The results as a Markdown table (a: plain Material, b: the project)."""
    rows = ["| " + " | ".join(COLUMNS) + " |", "|" + "---:|" * len(COLUMNS)]
    for r in results:
        s = r.spec
        cells = [s.pages, s.languages, s.terms, s.built_pages(),
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
    by_size = {(r.spec.pages, r.spec.languages, r.spec.terms): r for r in results}
    lines = ["Targets (b = the project's configuration, a = plain Material):"]
    at = by_size.get(RATIO_AT)
    where = f"N={RATIO_AT[0]}, L={RATIO_AT[1]}, G={RATIO_AT[2]}"
    for what, name in METRICS.items():
        if at is None:
            lines.append(f"- not measured: b/a <= {RATIO_TARGET} at {where} ({name})")
        else:
            lines.append(f"- {_verdict(at.ratio(what) <= RATIO_TARGET)}: b/a <= {RATIO_TARGET} at {where} "
                         f"({name}): {at.ratio(what):.3f}")

    series: dict[tuple[int, int], list[Result]] = {}
    for r in results:
        series.setdefault((r.spec.languages, r.spec.terms), []).append(r)
    for (languages, terms), group in sorted(series.items()):
        group.sort(key=lambda r: r.spec.pages)
        if len(group) < 2:
            continue
        sizes = f"N={group[0].spec.pages}..{group[-1].spec.pages}, L={languages}, G={terms}"
        for variant, label in (("full", "b"), ("plain", "a")):
            for what, name in METRICS.items():
                lines.append(_scaling(group, variant, label, what, name, sizes))
            rss = [(r.spec.built_pages(), r.median(variant, "rss_mb")) for r in group]
            slopes = [(m2 - m1) / (p2 - p1) for (p1, m1), (p2, m2) in zip(rss, rss[1:])]
            linear = all(
                (m2 - m1) <= (p2 - p1) * slopes[0] * (1 + MEMORY_TOLERANCE) + MEMORY_SLACK_MB
                for (p1, m1), (p2, m2) in zip(rss[1:], rss[2:])
            )
            steps = ", ".join(f"{m:.0f}" for _, m in rss)
            per_page = ", ".join(f"{slope * 1024:.0f}" for slope in slopes)
            lines.append(f"- {_verdict(linear)}: {label} peak memory at most linear ({sizes}): {steps} MB; "
                         f"KB added per built page between sizes: {per_page}")
    if len(lines) == 1 + len(METRICS):
        lines.append("- not measured: scaling (needs two or more N at the same L and G)")
    return lines


def _scaling(group: list[Result], variant: str, label: str, what: str, name: str, sizes: str) -> str:
    """Linear scaling, judged two ways. Seconds per page must not grow by more than 20 %
    from the smallest N (it falls as the build's fixed start-up cost is spread over more
    pages), and the cost of each page added between sizes (the slope) must stay within
    +-20 % of the first slope; with two sizes there is one slope, and only the first test."""
    per_page = [r.per_page(variant, what) for r in group]
    growth = [value / per_page[0] - 1 for value in per_page[1:]]
    slopes = [(b.median(variant, what) - a.median(variant, what)) / (b.spec.built_pages() - a.spec.built_pages())
              for a, b in zip(group, group[1:])]
    slope_changes = [slope / slopes[0] - 1 for slope in slopes[1:]]
    linear = all(change <= FLAT_TOLERANCE for change in growth) and all(
        abs(change) <= FLAT_TOLERANCE for change in slope_changes)
    line = (f"- {_verdict(linear)}: {label} scales linearly ({sizes}, {name}): s/page "
            f"{', '.join(f'{value:.4f}' for value in per_page)} (most growth {max(growth):+.0%}; "
            f"may not pass +{FLAT_TOLERANCE:.0%}); s per added page {', '.join(f'{slope:.4f}' for slope in slopes)}")
    if slope_changes:
        line += f" (change {max(slope_changes, key=abs):+.0%}; may not pass +-{FLAT_TOLERANCE:.0%})"
    return line


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def _machine() -> str:
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
