"""Write the search's JavaScript stemmers from a Snowball checkout, as classic scripts.

    git clone https://github.com/snowballstem/snowball && cd snowball && git checkout v3.1.1 && make snowball
    python scripts/vendor_snowball.py path/to/snowball

The build stems with PyStemmer (requirements.txt), Snowball's C stemmers for Python; the
search worker must stem a reader's words exactly as the build did, so its stemmers are
generated from the same Snowball release line (`snowball ALGORITHM.sbl -js`): PyStemmer's
version is the Snowball version it bundles, and the checkout must have the same major and
minor version (3.1.x). Snowball writes ES modules; the worker loads scripts with
importScripts (and the offline copy with script tags), so each language becomes one classic
script: Snowball's base class and the language's stemmer in one function, which sets
`self.snowballStemmers.<algorithm>`. tests/test_search.py checks that both stem every word of
the guide alike.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

from iep_tools.project import ROOT

VENDOR = ROOT / "overrides" / "assets" / "javascripts" / "vendor" / "snowball"
ALGORITHMS = ("english", "spanish")  # hooks/iep_guide/search/text.py STEMMERS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("snowball", type=Path, help="a Snowball checkout with its compiler built (make snowball)")
    args = parser.parse_args(argv)
    compiler = args.snowball / "snowball"
    if not compiler.is_file():
        parser.error(f"{compiler} not found: run `make snowball` in {args.snowball}")
    version = _version(args.snowball)
    wanted = _python_version()
    if ".".join(version.split(".")[:2]) != wanted:
        parser.error(f"{args.snowball} is Snowball {version}, but PyStemmer bundles Snowball {wanted}.x: "
                     f"check out a v{wanted}.x tag there first")
    base = _module_body((args.snowball / "javascript" / "base-stemmer.js").read_text(encoding="utf-8"), "BaseStemmer")
    VENDOR.mkdir(parents=True, exist_ok=True)
    for algorithm in ALGORITHMS:
        out = VENDOR / f"{algorithm}.js"
        subprocess.run([str(compiler), str(args.snowball / "algorithms" / f"{algorithm}.sbl"), "-js", "-o", str(out)],
                       check=True)
        out.write_text(_classic(algorithm, version, base, out.read_text(encoding="utf-8")), encoding="utf-8")
        print(f"wrote {out.relative_to(ROOT)}")
    shutil.copyfile(args.snowball / "COPYING", VENDOR / "LICENSE")
    return 0


def _version(checkout: Path) -> str:
    text = (checkout / "compiler" / "header.h").read_text(encoding="utf-8")
    found = re.search(r'SNOWBALL_VERSION\s+"([\d.]+)"', text)
    if found is None:
        raise SystemExit(f"{checkout}/compiler/header.h names no SNOWBALL_VERSION")
    return found.group(1)


def _python_version() -> str:
    """The Snowball release line (major.minor) of the build's stemmers: PyStemmer's version."""
    from importlib.metadata import version

    return ".".join(version("PyStemmer").split(".")[:2])


def _module_body(source: str, name: str) -> str:
    """Snowball's base class, without its `export default`."""
    if f"export default class {name} " not in source:
        raise SystemExit(f"Snowball's base-stemmer.js no longer exports class {name}: update scripts/vendor_snowball.py")
    return source.replace(f"export default class {name} ", f"class {name} ", 1)


def _classic(algorithm: str, version: str, base: str, module: str) -> str:
    imported = "import B from './base-stemmer.js'\n"
    exported = "export default class extends B {"
    if imported not in module or exported not in module:
        raise SystemExit(f"Snowball's {algorithm} stemmer changed shape: update scripts/vendor_snowball.py")
    body = module.replace(imported, "const B = BaseStemmer;\n", 1).replace(
        exported, f"(self.snowballStemmers = self.snowballStemmers || {{}}).{algorithm} = class extends B {{", 1)
    return (f"/*! Snowball {version} {algorithm} stemmer (https://snowballstem.org/), BSD-3-Clause: see LICENSE beside this\n"
            f"    file. Generated with `snowball {algorithm}.sbl -js` and made a classic script by\n"
            f"    scripts/vendor_snowball.py; do not edit. */\n"
            f"(function () {{\n\"use strict\";\n{base}\n{body}\n}})();\n")


if __name__ == "__main__":
    sys.exit(main())
