"""The benchmark and budget scripts: the page-weight budget holds for the real site, the
build benchmark runs at its smallest size (as a smoke test: its output, never its times),
and its verdicts follow the targets."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from browser import playwright_session, require_browser
from iep_tools import bench_build, page_weight
from iep_tools.project import page_paths
from iep_tools.synthetic_site import Spec, make_site
from sitebuild import ROOT


def test_render_blocking_is_what_the_head_holds_back(tmp_path):
    (tmp_path / "index.html").write_text(
        '<html><head><link rel="stylesheet" href="a.css"><link rel="stylesheet" href="p.css" media="print">'
        '<link rel="icon" href="i.png"><script src="late.js" defer></script><script src="x.js" async></script>'
        '<script src="block.js"></script><script>inline()</script></head><body><script src="b.js"></script>'
        '</body></html>', encoding="utf-8")
    assert page_weight.render_blocking(tmp_path, "") == (["block.js"], ["a.css"])


@pytest.mark.browser
@pytest.mark.slow
def test_every_page_is_within_the_page_weight_budget(real_site, tmp_path):
    require_browser()
    plain = page_weight.build_plain(tmp_path / "plain")
    with playwright_session() as session:
        # plain Material's home pages are what the budget compares with (its stylesheets are read from the HTML)
        loads = page_weight.measure(real_site.site, "project", session) + page_weight.measure(
            plain, "plain", session, kinds=("home",))
    project = [load for load in loads if load.site == "project"]
    assert sorted(load.url_path for load in project) == sorted(page_paths())
    for load in project:  # each load saw the page itself, its CSS and its JS
        assert {"html", "css", "js"} <= {request.kind for request in load.requests}, load.url_path
    assert page_weight.check_budget(loads) == [], page_weight.table(loads)


@pytest.mark.bench
def test_build_benchmark_smoke_run_prints_its_table_and_targets():
    result = subprocess.run([sys.executable, "scripts/bench_build.py", "--source", "synthetic", "--smoke"], cwd=ROOT,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert out.startswith("machine: ")
    assert re.search(r"^synthetic N=100 +L=2 G=50 +run 1/1 a \(plain\): .* MB peak$", out, re.M)
    assert re.search(r"^synthetic N=100 +L=2 G=50 +run 1/1 b \(full \): .* MB peak$", out, re.M)
    assert "| " + " | ".join(bench_build.COLUMNS) + " |" in out
    assert re.search(r"^\| synthetic \| 100 \| 2 \| 50 \| 204 \| [\d.]+ \| [\d.]+ \| [\d.]+ \|", out, re.M)
    assert "- not measured: b/a <= 1.15 at synthetic N=1000, L=2, G=2000 (wall-clock)" in out


def _result(pages: int, plain: float, full: float, rss: tuple[float, float] = (100, 100),
            source: str = "synthetic") -> bench_build.Result:
    result = bench_build.Result(Spec(pages, 2, 2000, source=source))
    result.runs["plain"].append(bench_build.Run(plain, plain, rss[0]))
    result.runs["full"].append(bench_build.Run(full, full, rss[1]))
    return result


def test_wall_clock_target_is_met_at_or_below_1_15_and_not_above():
    assert "- met: b/a <= 1.15 at synthetic N=1000, L=2, G=2000 (wall-clock): 1.150" in bench_build.targets(
        [_result(1000, 20, 23)])
    assert "- NOT MET: b/a <= 1.15 at synthetic N=1000, L=2, G=2000 (wall-clock): 1.200" in bench_build.targets(
        [_result(1000, 20, 24)])


def test_cpu_target_is_1_25():
    assert "- met: b/a <= 1.25 at synthetic N=1000, L=2, G=2000 (CPU time): 1.200" in bench_build.targets(
        [_result(1000, 20, 24)])
    assert "- NOT MET: b/a <= 1.25 at synthetic N=1000, L=2, G=2000 (CPU time): 1.300" in bench_build.targets(
        [_result(1000, 20, 26)])


def test_guide_targets_are_at_300_and_1000_pages():
    lines = bench_build.targets([_result(300, 10, 11, source="guide"), _result(1000, 30, 40, source="guide")])
    assert "- met: b/a <= 1.15 at guide N=300, L=2 (wall-clock): 1.100" in lines
    assert "- NOT MET: b/a <= 1.25 at guide N=1000, L=2 (CPU time): 1.333" in lines


def test_seconds_per_page_may_fall_but_not_grow_more_than_20_percent():
    falling = bench_build.targets([_result(100, 2.04, 3.0), _result(1000, 22, 24)])  # a fixed start-up cost
    assert any(line.startswith("- met: b scales linearly") and "wall-clock" in line for line in falling)
    growing = bench_build.targets([_result(100, 2.04, 2.2), _result(1000, 22, 30)])
    assert any(line.startswith("- NOT MET: b scales linearly") and "most growth +39%" in line for line in growing)


def test_the_cost_of_each_added_page_must_stay_within_20_percent():
    steady = [_result(100, 2, 2.04), _result(500, 10, 10.04), _result(1000, 20, 20.04)]
    assert any(line.startswith("- met: b scales linearly") for line in bench_build.targets(steady))
    # s/page grows under 20 %, but the pages added from 500 to 1000 cost 30 % more than those before
    rising = [_result(100, 2, 2.0), _result(500, 10, 10.0), _result(1000, 20, 23.0)]
    lines = bench_build.targets(rising)
    assert any(line.startswith("- NOT MET: b scales linearly") and "change +30%" in line for line in lines), lines


def test_memory_must_grow_at_most_linearly():
    linear = [_result(100, 1, 1, (100, 100)), _result(500, 5, 5, (140, 140)), _result(1000, 10, 10, (190, 190))]
    assert any(line.startswith("- met: b peak memory") for line in bench_build.targets(linear))
    faster = [_result(100, 1, 1, (100, 100)), _result(500, 5, 5, (140, 140)), _result(1000, 10, 10, (100, 300))]
    assert any(line.startswith("- NOT MET: b peak memory") for line in bench_build.targets(faster))


@pytest.mark.bench
def test_glossary_benchmark_smoke_run_prints_both_ratios():
    result = subprocess.run([sys.executable, "scripts/bench_glossary.py", "--pages", "10", "--terms", "20",
                             "--words", "300", "--repeat", "1"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^run 1: without glossary +[\d.]+ s wall", result.stdout, re.M)
    assert re.search(r"^run 1: with +glossary +[\d.]+ s wall", result.stdout, re.M)
    for label in ("wall-clock", "CPU"):
        assert re.search(rf"^{label} *: median without the glossary .* ratio [\d.]+ \((met|NOT MET): <= 1.1\)$",
                         result.stdout, re.M), result.stdout


def test_the_variant_without_glossary_differs_only_in_its_empty_glossaries(tmp_path):
    site = make_site(tmp_path / "site", Spec(pages=2, languages=2, terms=5, words=50))
    variant = site.config("full-without-glossary").parent
    assert variant.joinpath("mkdocs.yml").read_text() == site.config("full").read_text()
    assert sorted(p.read_text() for p in (variant / "data/glossary").glob("*.yml")) == ["{}\n", "{}\n"]
    assert (site.full / "data/glossary/en.yml").read_text().count("term:") == 5
    with pytest.raises(ValueError, match="unknown variant 'full-without-nothing'"):
        site.config("full-without-nothing")
