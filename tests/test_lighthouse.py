"""The Lighthouse budget (scripts/lighthouse_budget.py): home and a topic page in each
language, mobile preset, one run each: accessibility, SEO and best practices 100, and the
audits that pass or fail the same on every run. The performance score is printed and the
reports are kept with the artifacts; it is not gated (see the script)."""

from __future__ import annotations

import pytest

from browser import require
from iep_tools import lighthouse_budget
from iep_tools.project import ROOT, dump_config, load_config


@pytest.mark.browser
@pytest.mark.external
@pytest.mark.slow
def test_home_and_topic_pages_are_within_the_lighthouse_budget(site_url, artifacts, capsys):
    require("Lighthouse", lighthouse_budget.LIGHTHOUSE.exists(), "npm ci")
    status = lighthouse_budget.check(site_url, lighthouse_budget.pages(), artifacts / "lighthouse")
    report = capsys.readouterr().out
    with capsys.disabled():
        print("\n" + report)  # the scores, in the test log
    assert status == 0, report


def _report(scores: dict, audits: dict) -> dict:
    return {"categories": {name: {"score": value / 100, "auditRefs": []} for name, value in scores.items()},
            "audits": audits}


PASSING = {audit: {"score": 1, "scoreDisplayMode": "metricSavings"} for audit in lighthouse_budget.PASS_AUDITS}
FULL = {"accessibility": 100, "best-practices": 100, "seo": 100, "performance": 71}


def test_a_slow_performance_score_alone_passes_the_gate():
    assert lighthouse_budget.gate(_report(FULL, PASSING)) == []


def test_a_category_below_100_fails_the_gate():
    problems = lighthouse_budget.gate(_report({**FULL, "seo": 92}, PASSING))
    assert problems == ["seo 92, below 100: no single audit fails"]


def test_a_failing_or_broken_audit_fails_the_gate():
    audits = {**PASSING,
              "uses-text-compression": {"score": 0.5, "scoreDisplayMode": "metricSavings", "displayValue": "12 KiB"},
              "font-display": {"score": None, "scoreDisplayMode": "error", "errorMessage": "trace missing"}}
    audits.pop("unminified-css")
    assert lighthouse_budget.gate(_report(FULL, audits)) == [
        "audit uses-text-compression fails: 12 KiB",
        "Lighthouse has no audit 'unminified-css': update PASS_AUDITS for this version",
        "audit font-display could not run: trace missing",
    ]


def test_an_audit_that_does_not_apply_passes():
    audits = {**PASSING, "third-party-summary": {"score": None, "scoreDisplayMode": "notApplicable"}}
    assert lighthouse_budget.gate(_report(FULL, audits)) == []


def test_every_language_mkdocs_yml_builds_is_checked(tmp_path):
    assert lighthouse_budget.pages() == ["", "what-is-an-iep/", "es/", "es/what-is-an-iep/"]
    settings = load_config(ROOT / "mkdocs.yml")
    i18n = next(plugin["i18n"] for plugin in settings["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    i18n["languages"] += [{"locale": "ht", "name": "Kreyòl ayisyen", "build": True},
                          {"locale": "ar", "name": "العربية", "build": False}]  # not built: not checked
    dump_config(settings, tmp_path / "mkdocs.yml")
    assert lighthouse_budget.pages(tmp_path) == ["", "what-is-an-iep/", "es/", "es/what-is-an-iep/",
                                                 "ht/", "ht/what-is-an-iep/"]
