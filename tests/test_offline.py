"""The offline copy: built with Material's offline plugin, one inline search per language."""

import zipfile

import pytest

import build_offline
from sitebuild import Build


@pytest.fixture(scope="module")
def offline(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("offline")
    result = build_offline.build_offline(tmp / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return Build(result.returncode, result.stdout + result.stderr, tmp / "site")


def test_pages_are_files_not_folders(offline):
    assert (offline.site / "team.html").is_file()
    assert (offline.site / "es/team.html").is_file()
    links = offline.page("index.html").xpath("//nav[contains(@class,'md-nav--primary')]//a/@href")
    assert "team.html" in links


@pytest.mark.parametrize("folder, lang", [("", "en"), ("es/", "es")])
def test_each_language_has_an_inline_search_index(offline, folder, lang):
    script = (offline.site / folder / "search/search_index.js").read_text(encoding="utf-8")
    assert script.startswith("var __index = {")
    assert f'"lang": ["{lang}"]' in script or f'"lang":["{lang}"]' in script


def test_worker_shim_is_local(offline):
    sources = offline.page("es/team.html").xpath("//script/@src")
    assert "../assets/javascripts/vendor/iframe-worker-shim.js" in sources
    assert not [src for src in sources if "//" in src]


def test_pack_writes_a_zip_with_every_page(offline, tmp_path):
    output = tmp_path / "guide.zip"
    build_offline.pack(offline.site, output)
    names = zipfile.ZipFile(output).namelist()
    assert {"index.html", "es/index.html", "search/search_index.js", "es/search/search_index.js"} <= set(names)
