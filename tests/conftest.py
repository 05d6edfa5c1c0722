import os
from pathlib import Path

import pytest

from browser import chromium, require_browser, serve
from sitebuild import ROOT, build

QUICK = "not browser and not slow and not external and not bench"


def pytest_addoption(parser):
    parser.addoption("--quick", action="store_true",
                     help=f"only the quick tests: -m '{QUICK}' (README gives the time budget)")


def pytest_configure(config):
    if config.getoption("quick"):
        config.option.markexpr = f"({config.option.markexpr}) and {QUICK}" if config.option.markexpr else QUICK


@pytest.fixture(scope="session")
def real_site(tmp_path_factory):
    """The project's own site, built once for the whole test run."""
    result = build(ROOT, tmp_path_factory.mktemp("real"))
    assert result.ok, result.log
    return result


@pytest.fixture(scope="session")
def site_url(real_site):
    """The real site served on 127.0.0.1 as a static host serves it; its base URL."""
    with serve(real_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser_context():
    """One Chromium for the session's browser tests (a Playwright context: new_page())."""
    require_browser()
    with chromium() as context:
        yield context


@pytest.fixture
def artifacts(tmp_path):
    """Where a test leaves files for a reviewer to look at: $IEP_ARTIFACTS/ when set (CI
    sets it to artifacts/, which git ignores), otherwise a temporary folder."""
    folder = os.environ.get("IEP_ARTIFACTS")
    return Path(folder).resolve() if folder else tmp_path
