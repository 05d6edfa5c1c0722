"""What a state profile says, key by key, and how it differs from the federal rules.

    python scripts/state_report.py texas            # the report for data/states/texas.yml
    python scripts/state_report.py texas --lang es  # the values as the Spanish pages say them
    python scripts/state_report.py --all            # a line per profile: how many values are confirmed

For each key: the value (as the pages say it), the rule it comes from, whether it is
confirmed against the rule's text, and the pages and glossary files that use it. Then the
values still to confirm (the build refuses them unless IEP_ALLOW_UNCONFIRMED=true), and
every key where the state's rule differs from the federal one. REBRANDING.md explains how
to add a state.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from iep_guide import states
from iep_tools.project import ROOT, languages

USES = re.compile(r"\{\{\s*state\.([a-z_]+)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("profile", nargs="?", help="a profile's name: a file name in data/states/")
    parser.add_argument("--lang", help="the language to show values in (default: the site's first)")
    parser.add_argument("--all", action="store_true", help="one line for every profile")
    parser.add_argument("--project", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    langs = list(languages(args.project))
    lang = args.lang or langs[0]
    if lang not in langs:
        parser.error(f"'{lang}' is not a language of this site: {', '.join(langs)}")
    try:
        if args.all:
            print(summary(args.project, langs))
        elif args.profile:
            print(report(states.load(args.profile, args.project, langs, allow_unconfirmed=True), args.project, lang))
        else:
            parser.error(f"name a profile ({', '.join(states.available(args.project))}) or give --all")
    except states.ProfileError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


def report(rules: states.StateRules, project: Path, lang: str) -> str:
    profile, federal = rules.profile, rules.federal
    uses = used_by(project)
    lines = [f"State profile {profile.file}: {profile.name[lang]}", ""]
    for key in states.KEYS:
        rule = profile.rules[key]
        status = "confirmed" if rule.confirmed else "NOT CONFIRMED"
        follows = " (same as federal)" if rule.follows_federal else ""
        lines.append(f"{key}{follows}")
        lines.append(f"  value:   {_value(rules, key, lang)}")
        lines.append(f"  source:  {rule.source}")
        lines.append(f"  status:  {status}")
        lines.append(f"  used in: {', '.join(uses.get(key, [])) or 'no page yet'}")
    missing = rules.unconfirmed()
    lines += ["", f"Not confirmed yet ({len(missing)}): the build refuses these unless IEP_ALLOW_UNCONFIRMED=true."]
    lines += [f"- {rule.key} (line {rule.line}): check it against {rule.source}, then set confirmed: true"
              for rule in missing] or ["- none"]
    if not rules.is_federal:
        federal_rules = states.StateRules(federal, federal, rules.texts, True)
        different = [key for key in states.KEYS if not profile.rules[key].follows_federal
                     and _value(rules, key, lang) != _value(federal_rules, key, lang)]
        lines += ["", f"Different from the federal rules ({len(different)}):"]
        lines += [f"- {key}: {profile.name[lang]}: {_value(rules, key, lang)} | federal: "
                  f"{_value(federal_rules, key, lang)} ({federal.rules[key].source})" for key in different] or ["- none"]
    return "\n".join(lines)


def summary(project: Path, langs: list[str]) -> str:
    lines = []
    for profile_id in states.available(project):
        rules = states.load(profile_id, project, langs, allow_unconfirmed=True)
        confirmed = len(states.KEYS) - len(rules.unconfirmed())
        lines.append(f"{profile_id:15} {confirmed:2}/{len(states.KEYS)} confirmed"
                     + (f"; to check: {', '.join(rule.key for rule in rules.unconfirmed())}" if rules.unconfirmed() else ""))
    return "\n".join(lines)


def used_by(project: Path) -> dict[str, list[str]]:
    """Which pages and glossary files use each key: {'transition_age': ['en/team.md', ...]}."""
    found: dict[str, list[str]] = {}
    sources = sorted((project / "docs").rglob("*.md")) + sorted((project / "data" / "glossary").glob("*.yml"))
    for path in sources:
        name = path.relative_to(project / "docs").as_posix() if path.suffix == ".md" else path.relative_to(project).as_posix()
        for key in sorted(set(USES.findall(path.read_text(encoding="utf-8")))):
            found.setdefault(key, []).append(name)
    return found


def _value(rules: states.StateRules, key: str, lang: str) -> str:
    spec = states.KEYS[key]
    name = "sentence" if "sentence" in spec.fields else key
    text = rules.text(key if name == key else f"{key}.sentence", lang) or ""
    if key == "age_of_majority":
        text = f"{rules.text(key, lang)}; {rules.text(f'{key}.rights', lang)}"
    return " ".join(text.split())


if __name__ == "__main__":
    sys.exit(main())
