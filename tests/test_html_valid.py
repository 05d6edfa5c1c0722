"""Every page of the real site is valid HTML for the W3C Nu HTML checker (vnu, from the
pinned npm package vnu-jar, run with the system's Java), and LinkChecker, following every
link of the served site with its anchor check, finds no broken link or anchor.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys

import pytest

from browser import require
from iep_tools.project import page_paths
from sitebuild import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.mark.external  # Java
def test_nu_html_checker_finds_no_error(real_site):
    require("java", bool(shutil.which("java")), "apt-get install default-jre-headless")
    require("vnu.jar", VNU.is_file(), "npm ci")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--skip-non-html", "--format", "text", str(real_site.site)],
        capture_output=True, text=True,
    )
    output = (result.stdout + result.stderr).replace(f"file:{real_site.site}/", "")
    errors = [line for line in output.splitlines() if ": error:" in line or ": fatal:" in line]
    assert errors == [], output
    assert result.returncode == 0, output


@pytest.mark.slow  # follows every link of the served site
def test_linkchecker_finds_no_broken_link_or_anchor(site_url, tmp_path):
    require("linkchecker", _linkchecker_installed(), "pip install --require-hashes -r requirements-dev.lock")
    config = tmp_path / "linkcheckerrc"
    # Internal links only (LinkChecker's default); anchors too. Full speed: serve_site.py
    # lets LinkChecker past its 3-requests-a-second politeness limit.
    config.write_text("[checking]\nmaxrequestspersecond=1000\n\n[AnchorCheck]\n", encoding="utf-8")
    start = [site_url] + [site_url + path for path in page_paths() if path.endswith("404.html")]
    result = subprocess.run(
        [sys.executable, "-m", "linkcheck", "--config", str(config), "--no-status", "--verbose",
         "--output", "csv", *start],
        capture_output=True, text=True, cwd=tmp_path,
    )
    rows = list(csv.DictReader(io.StringIO("".join(
        line for line in result.stdout.splitlines(keepends=True) if not line.startswith("#")
    )), delimiter=";"))
    assert rows, result.stdout + result.stderr
    broken = [
        f"{row['parentname'] or 'start'} line {row['line']}: {row['urlname']} -> {row['result']} {row['warningstring']}".strip()
        for row in rows
        if row["valid"] != "True" or "anchor" in row["warningstring"].lower()
    ]
    assert broken == []
    checked = {row["url"].split("#")[0] for row in rows if row["result"] == "200 OK"}
    assert {site_url + path for path in page_paths()} <= checked  # every page was reached
    assert result.returncode == 0, result.stdout + result.stderr


def _linkchecker_installed() -> bool:
    try:
        import linkcheck  # noqa: F401
    except ImportError:
        return False
    return True
