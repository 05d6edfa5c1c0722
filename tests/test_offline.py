"""The offline copy: built with Material's offline plugin, one inline search per language."""

import json
import zipfile

import pytest

from iep_tools import build_offline
from sitebuild import ROOT, build


@pytest.fixture(scope="module")
def offline(tmp_path_factory):
    result = build(ROOT, tmp_path_factory.mktemp("offline"), env=build_offline.ENVIRONMENT)
    assert result.ok, result.log
    return result


def test_pages_are_files_not_folders(offline):
    assert (offline.site / "team.html").is_file()
    assert (offline.site / "es/team.html").is_file()
    home = offline.page("index.html")
    assert "team.html" in home.xpath("//article//a/@href")
    pages = [href for href in home.xpath("//nav[contains(@class,'md-nav--primary')]//a/@href") if not href.startswith("#")]
    assert pages
    assert [href for href in pages if not href.endswith(".html")] == []


@pytest.mark.parametrize(("folder", "lang"), [("", "en"), ("es/", "es")])
def test_each_language_has_an_inline_search_index(offline, folder, lang):
    script = (offline.site / folder / "search/search_index.js").read_text(encoding="utf-8")
    assert script.startswith("var __index = {")
    index = json.loads(script.removeprefix("var __index = "))
    assert index["config"]["lang"] == [lang]
    assert index == json.loads((offline.site / folder / "search/search_index.json").read_text(encoding="utf-8"))


def test_worker_shim_is_local(offline):
    sources = offline.page("es/team.html").xpath("//script/@src")
    assert "../assets/javascripts/vendor/iframe-worker-shim.js" in sources
    assert not [src for src in sources if "//" in src]


def test_pack_writes_a_zip_with_every_page(offline, tmp_path):
    output = tmp_path / "guide.zip"
    build_offline.pack(offline.site, output)
    names = zipfile.ZipFile(output).namelist()
    assert {"index.html", "es/index.html", "search/search_index.js", "es/search/search_index.js"} <= set(names)
