"""The screenshots a reviewer looks at: home and a topic page, every language, phone and
desktop width, whole pages (scripts/screenshots.py)."""

from __future__ import annotations

import struct

import pytest

from browser import playwright_session, require_browser
from iep_tools import screenshots

pytestmark = pytest.mark.browser


def png_size(path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


def test_screenshots_of_home_and_topic_page_in_each_language(real_site, artifacts):
    require_browser()
    with playwright_session() as session:
        written = screenshots.take(real_site.site, artifacts / "screenshots", session)
    names = sorted(path.name for path in written)
    assert names == sorted(f"{lang}-{page}-{width}.png" for lang in ("en", "es")
                           for page in ("home", "what-is-an-iep") for width in (390, 1280))
    for path in written:
        width, height = png_size(path)
        assert width == int(path.stem.rsplit("-", 1)[1])
        assert height > 844  # the whole page, not just the first screen
