"""Measure how easy each page is to read, per language, and check the gate.

    python scripts/readability.py            # table of every page
    python scripts/readability.py --strict   # exit 1 when a page misses the gate

English: Flesch-Kincaid grade, at most 8 (aim 6-7):
    0.39 * words / sentences + 11.8 * syllables / words - 15.59
Spanish: Szigriszt-Pazos perspicuity on the INFLESZ scale, at least 55 (aim 65+):
    206.835 - 62.3 * syllables / words - words / sentences
Syllables, words and sentences are counted by iep_tools.syllables: Spanish syllables
by the rules of the language, English ones by vowel groups with the exceptions this
guide needs (a hyphenation dictionary, as textstat uses, undercounts both: "día" 1,
"evaluación" 3, "area" 1). Only the page's prose is measured: the Sources section,
headings and code are left out. Each paragraph, list item or table cell counts as at
least one sentence, so a list without full stops is not read as one long sentence.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import markdown
from lxml import html as lxml_html

from iep_guide import brand, states, variables
from iep_tools import syllables
from iep_tools.project import ROOT, front_matter, languages, markdown_extensions

DOCS = ROOT / "docs"
GATES = {
    "en": ("Flesch-Kincaid grade", "max", 8.0),
    "es": ("Szigriszt-Pazos (INFLESZ)", "min", 55.0),
}
BLOCKS = {"p", "li", "dt", "dd", "td", "th", "summary", "figcaption"}
SKIP = {"pre", "code", "script", "style"}
# Generated pages have no prose of their own to measure.
EXCLUDED = {"glossary.md"}


@dataclass
class Score:
    lang: str
    page: str
    score: float
    words: int

    @property
    def passes(self) -> bool:
        _, kind, limit = GATES[self.lang]
        return self.score <= limit if kind == "max" else self.score >= limit


def prose(source: str, lang: str, profile: states.StateRules, organization: brand.Brand) -> str:
    """The page's readable text, one sentence or more per block, as the build renders it."""
    source, _ = front_matter(source)
    values = variables.brand_values(organization, lang)
    source = variables.VARIABLE.sub(lambda m: variables.lookup(m.group(1), profile, lang, values) or "", source)
    extensions, configs = markdown_extensions()
    rendered = markdown.markdown(source, extensions=extensions, extension_configs=configs)
    tree = lxml_html.fragment_fromstring(rendered, create_parent="div")
    sources = tree.xpath(".//h2[@id='sources']")
    if sources:
        for node in list(sources[0].itersiblings()):
            node.getparent().remove(node)
        sources[0].getparent().remove(sources[0])
    for node in tree.xpath(".//pre | .//code | .//script | .//style"):
        node.drop_tree()
    sentences = []
    for block in tree.iter(*BLOCKS):
        if any(child.tag in BLOCKS for child in block.iterdescendants()):
            # Text directly in a block that also holds blocks (a list item with a nested list).
            text = " ".join((block.text or "").split())
        else:
            text = " ".join(block.text_content().split())
        if not text:
            continue
        if text[-1] not in ".!?:;…":
            text += "."
        sentences.append(text)
    return "\n".join(sentences)


def score(text: str, lang: str) -> tuple[float, int]:
    """(the language's readability score, the number of words) of `text` (as `prose` gives it)."""
    words = syllables.words(text)
    count = len(words)
    if not count:
        return 0.0, 0
    per_sentence = count / len(syllables.sentences(text))
    per_word = sum(syllables.word_syllables(word, lang) for word in words) / count
    if lang == "es":
        return 206.835 - 62.3 * per_word - per_sentence, count
    return 0.39 * per_sentence + 11.8 * per_word - 15.59, count


def measure(path: Path, lang: str, profile: states.StateRules, organization: brand.Brand) -> Score:
    text = prose(path.read_text(encoding="utf-8"), lang, profile, organization)
    value, count = score(text, lang)
    return Score(lang, path.relative_to(DOCS / lang).as_posix(), round(value, 1), count)


def measure_all(docs: Path = DOCS, profile_id: str = "federal") -> list[Score]:
    langs = list(languages(ROOT))
    profile = states.load(profile_id, ROOT, langs)
    organization = brand.load(ROOT / "brand.yml", langs)
    scores = []
    for lang in GATES:
        for path in sorted((docs / lang).rglob("*.md")):
            if path.relative_to(docs / lang).as_posix() not in EXCLUDED:
                scores.append(measure(path, lang, profile, organization))
    return scores


def unscored(project: Path = ROOT) -> list[str]:
    """The site's languages this script has no formula for: named, never skipped silently."""
    return [lang for lang in languages(project) if lang not in GATES]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strict", action="store_true", help="exit 1 when a page misses the gate")
    args = parser.parse_args(argv)
    failed = 0
    print(f"{'lang':4}  {'page':28}  {'words':>5}  {'score':>6}  gate")
    for score in measure_all():
        name, kind, limit = GATES[score.lang]
        verdict = "ok" if score.passes else "FAIL"
        failed += not score.passes
        sign = "<=" if kind == "max" else ">="
        print(f"{score.lang:4}  {score.page:28}  {score.words:5}  {score.score:6.1f}  {verdict} ({name} {sign} {limit:g})")
    others = unscored()
    if others:
        print(f"Not scored: {', '.join(others)}. This script has readability formulas for {', '.join(GATES)} only; "
              f"have a second speaker of the language read those pages (TRANSLATING.md).")
    return 1 if failed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
