"""Benchmark the glossary hook: a synthetic site built with and without it.

    python scripts/bench_glossary.py [--pages 200] [--words 1500] [--terms 2000] [--repeat 3]

Builds a copy of this project with generated pages (in English and Spanish) and a generated
glossary, once with hooks/glossary.py and once without, `--repeat` times each, alternating,
and prints the median build times (wall clock and CPU) and their ratios. Target: at most 1.10.
Everything is written into a temporary directory.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PARTS = ["mkdocs.yml", "brand.yml", "brand", "hooks", "overrides", "data"]
SYLLABLES = "ka lo mi ne ru sa te vo zu pra bel dor fin gal hur jex kil mon nup ost quar rin sul tov".split()
ACCENTS = str.maketrans("aeiou", "áéíóú")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200, help="pages per language")
    parser.add_argument("--words", type=int, default=1500, help="words per page")
    parser.add_argument("--terms", type=int, default=2000, help="glossary entries per language")
    parser.add_argument("--repeat", type=int, default=3, help="builds of each variant")
    args = parser.parse_args()

    rng = random.Random(20261127)
    glossary = _glossary(rng, args.terms)
    with tempfile.TemporaryDirectory(prefix="bench-glossary-") as tmp:
        with_hook = _project(Path(tmp) / "with", glossary, args, rng, keep_hook=True)
        without_hook = _project(Path(tmp) / "without", glossary, args, random.Random(20261127), keep_hook=False)
        wall: dict[str, list[float]] = {"with": [], "without": []}
        cpu: dict[str, list[float]] = {"with": [], "without": []}
        for run in range(args.repeat):
            for name, project in (("without", without_hook), ("with", with_hook)):
                seconds, cpu_seconds = _build(project, Path(tmp) / f"site-{name}-{run}")
                wall[name].append(seconds)
                cpu[name].append(cpu_seconds)
                print(f"run {run + 1}: {name:7} glossary hook {seconds:6.2f} s wall, {cpu_seconds:6.2f} s CPU",
                      flush=True)
    print(f"\n{args.pages} pages x 2 languages, ~{args.words} words each, {args.terms} terms per language")
    for label, times in (("wall-clock", wall), ("CPU", cpu)):
        with_s, without_s = statistics.median(times["with"]), statistics.median(times["without"])
        print(f"{label:10}: median without the hook {without_s:6.2f} s, with {with_s:6.2f} s, "
              f"ratio {with_s / without_s:.3f}")
    print("target: ratio <= 1.10 (CPU time is the steadier measure on a shared machine)")


def _glossary(rng: random.Random, count: int) -> list[dict]:
    """Entries with a two-word term, its plural and an acronym; every form unique."""
    entries, used = [], set()
    while len(entries) < count:
        words = [_word(rng) for _ in range(2)]
        term = " ".join(words)
        acronym = "".join(w[0] for w in words).upper() + _word(rng)[:2].upper()
        forms = [term, term + "s", acronym]
        if used.intersection(f.lower() for f in forms) or len(acronym) < 3:
            continue
        used.update(f.lower() for f in forms)
        entries.append({"id": f"term-{len(entries):04d}", "term": term, "forms": forms})
    return entries


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))


def _project(root: Path, glossary: list[dict], args, rng: random.Random, keep_hook: bool) -> Path:
    root.mkdir(parents=True)
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, root / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, root / part)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    config = _without_nav(config)
    if not keep_hook:
        config = [line for line in config if line.strip() != "- hooks/glossary.py"]
    (root / "mkdocs.yml").write_text("\n".join(config) + "\n", encoding="utf-8")

    for lang in ("en", "es"):
        data = {}
        for entry in glossary:
            term = entry["term"] if lang == "en" else entry["term"].translate(ACCENTS)
            forms = entry["forms"] if lang == "en" else [term, term + "s", entry["forms"][2]]
            data[entry["id"]] = {"term": term, "match": forms[1:], "short": f"Definition of {term}."}
        (root / "data" / "glossary" / f"{lang}.yml").write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        docs = root / "docs" / lang
        docs.mkdir(parents=True)
        (docs / "index.md").write_text("# Home\n\nThe synthetic site.\n", encoding="utf-8")
        (docs / "glossary.md").write_text("# Glossary\n\nAll the terms.\n", encoding="utf-8")
        for number in range(args.pages):
            (docs / f"page-{number:03d}.md").write_text(_page(rng, glossary, args.words, lang), encoding="utf-8")
    return root


def _without_nav(lines: list[str]) -> list[str]:
    """The config lines minus the `nav:` block (the synthetic pages are not in it)."""
    out, skipping = [], False
    for line in lines:
        if line.startswith("nav:"):
            skipping = True
            continue
        if skipping and (line.startswith((" ", "-")) or not line.strip()):
            continue
        skipping = False
        out.append(line)
    return out


def _page(rng: random.Random, glossary: list[dict], words: int, lang: str) -> str:
    vocabulary = [_word(rng) for _ in range(300)]
    parts, count, section = [f"# Page {rng.randint(0, 10**6)}\n"], 0, 0
    while count < words:
        if count % 300 == 0:
            section += 1
            parts.append(f"\n## Section {section}\n")
        sentence = []
        for _ in range(rng.randint(8, 20)):
            if rng.random() < 0.04:
                entry = rng.choice(glossary)
                form = rng.choice(entry["forms"])
                sentence.append(form if lang == "en" or form.isupper() else form.translate(ACCENTS))
            else:
                sentence.append(rng.choice(vocabulary))
        if rng.random() < 0.1:
            sentence.append(f"`{rng.choice(vocabulary)}`")
        count += len(sentence)
        text = " ".join(sentence).capitalize() + "."
        parts.append(f"- {text}" if rng.random() < 0.2 else f"\n{text}\n")
    return "\n".join(parts) + "\n"


def _build(project: Path, site: Path) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds) of one `mkdocs build` in a subprocess."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site), "-f", str(project / "mkdocs.yml")]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"build of {project.name} failed:\n{result.stdout}{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu


if __name__ == "__main__":
    main()
