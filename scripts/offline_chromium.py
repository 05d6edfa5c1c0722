"""Debian's Chromium on a machine with no network but the package registries: where it is,
and the flags every run needs (without them Chromium keeps trying to reach Google's hosts).
The browser tests, the page-weight script, the Lighthouse budget and the screenshots use it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

DEBIAN_PATH = "/usr/bin/chromium"
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def executable() -> str | None:
    """The Chromium to run: Debian's, or the first `chromium` on PATH; None when there is none."""
    return DEBIAN_PATH if Path(DEBIAN_PATH).exists() else shutil.which("chromium")
