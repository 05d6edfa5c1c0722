"""scripts/screenshots.py on the real site: what a reviewer sees of each language on a phone
and a desktop. In CI the pictures are kept with the artifacts (IEP_ARTIFACTS)."""

from __future__ import annotations

import struct

import pytest

from browser import playwright_session, require_browser
from iep_tools import screenshots

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def png_size(path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_screenshots_of_each_language_on_a_phone_and_a_desktop(real_site, artifacts):
    require_browser()
    with playwright_session() as session:  # the session's own, if another test has one running
        written = screenshots.take(real_site.site, artifacts / "screenshots", session)
    names = {path.name for path in written}
    for lang in ("en", "es"):
        assert {f"{lang}-home-390.png", f"{lang}-home-1280.png", f"{lang}-what-is-an-iep-390.png",
                f"{lang}-first-screen-390.png", f"{lang}-what-is-an-iep-definition-390.png"} <= names
    for path in written:
        width, height = png_size(path)
        expected = 1280 if path.stem.endswith("1280") else 390
        assert width == expected, path.name
        if "home" in path.stem:
            assert height > 844, f"{path.name} is the whole page, not one screen"
        if "first-screen" in path.stem or "definition" in path.stem:
            assert height == 844, f"{path.name} is one screen"
