import pytest

from sitebuild import ROOT, build


@pytest.fixture(scope="session")
def real_site(tmp_path_factory):
    """The project's own site, built once for the whole test run."""
    result = build(ROOT, tmp_path_factory.mktemp("real"))
    assert result.returncode == 0, result.log
    return result
