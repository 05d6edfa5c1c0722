"""The site built with ProperDocs 1.6.7, the maintained continuation of MkDocs 1.x, is the
site MkDocs 1.6.1 builds: every file the same, except the generator <meta> tag.

ProperDocs runs from its own virtual environment, .venv-properdocs (scripts/test.sh makes it
from requirements-properdocs.lock), because installing it beside MkDocs redirects every
`import mkdocs` in that environment to ProperDocs.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from browser import require
from sitebuild import ROOT

pytestmark = pytest.mark.external

PROPERDOCS = ROOT / ".venv-properdocs" / "bin" / "properdocs"
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_properdocs_builds_the_same_site_as_mkdocs(real_site, tmp_path):
    require("ProperDocs", PROPERDOCS.is_file(), "python -m venv .venv-properdocs && "
            ".venv-properdocs/bin/pip install --require-hashes -r requirements-properdocs.lock")
    site = tmp_path / "site"
    result = subprocess.run([str(PROPERDOCS), "build", "--strict", "--site-dir", str(site)], cwd=ROOT,
                            capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))] == []
    generator = GENERATOR.search((site / "index.html").read_bytes())
    assert generator is not None
    assert "ProperDocs 1.6.7" in generator.group(0).decode()

    properdocs, mkdocs = _files(site), _files(real_site.site)
    assert sorted(properdocs) == sorted(mkdocs)
    different = [name for name in mkdocs
                 if GENERATOR.sub(b"", properdocs[name]) != GENERATOR.sub(b"", mkdocs[name])]
    assert different == []
