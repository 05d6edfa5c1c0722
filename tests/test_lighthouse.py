"""The Lighthouse budget (scripts/lighthouse_budget.py): home and a topic page in each
language, mobile preset: accessibility, SEO and best practices 100, performance at least
98. The reports are kept with the artifacts.

The test takes the median of seven runs, where the script's default is three: on a shared
CI machine single runs can be slow for reasons of their own (a home page scored 98, 85 and
96 in three runs there; a topic page 100, 100, 92, 97 and 97 in five), where every page
scores 100 on a quiet machine. Only performance varies; the other scores never did.
"""

from __future__ import annotations

import pytest

from browser import require
from iep_tools import lighthouse_budget

pytestmark = pytest.mark.browser
RUNS = 7


def test_home_and_topic_pages_are_within_the_lighthouse_budget(site_url, artifacts, capsys):
    require("Lighthouse", lighthouse_budget.LIGHTHOUSE.exists(), "npm ci")
    status = lighthouse_budget.check(site_url, lighthouse_budget.PAGES, RUNS, artifacts / "lighthouse")
    report = capsys.readouterr().out
    with capsys.disabled():
        print("\n" + report)  # the scores, in the test log
    assert status == 0, report
