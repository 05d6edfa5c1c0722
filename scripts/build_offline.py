"""Build the offline copy of the guide and pack it as a zip file.

    python scripts/build_offline.py [--output dist/iep-guide-offline.zip]

Families with a weak connection can download the zip once, unpack it, and open
index.html from disk: every page, both languages and search work without a network.
Uses Material's offline plugin (IEP_OFFLINE=true), which turns off directory URLs.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENVIRONMENT = {"IEP_OFFLINE": "true"}  # turns on Material's offline plugin (mkdocs.yml)


def build_offline(site_dir: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, **ENVIRONMENT, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir), "-f", str(ROOT / "mkdocs.yml")]
    return subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True)


def pack(site_dir: Path, output: Path) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(site_dir.rglob("*")):
            if path.is_file() and path.suffix != ".gz":
                archive.write(path, path.relative_to(site_dir).as_posix())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "dist" / "iep-guide-offline.zip")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        result = build_offline(Path(tmp) / "site")
        if result.returncode != 0:
            sys.stderr.write(result.stdout + result.stderr)
            return result.returncode
        pack(Path(tmp) / "site", args.output)
    print(f"Offline copy written to {args.output}. Unzip it and open index.html.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
