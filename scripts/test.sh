#!/usr/bin/env bash
# Run lint, type checks and the whole test suite. On a fresh machine it first installs what
# the tests need: the Python packages at the versions requirements-dev.lock pins (with
# hashes), ProperDocs in its own environment (.venv-properdocs), Debian's Chromium and Java,
# and the pinned Node tools (Nu HTML checker, Lighthouse). Safe to run again: installed
# things are skipped. Arguments go to pytest: bash scripts/test.sh --quick, or -k glossary
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1
pip=(python -m pip install --quiet --disable-pip-version-check)

"${pip[@]}" --require-hashes -r requirements-dev.lock
"${pip[@]}" --no-deps -e .  # iep_guide and iep_tools, by name

# ProperDocs, the tested alternative to MkDocs (tests/test_properdocs.py), apart: installed
# beside MkDocs it would take over every `import mkdocs`.
if [ ! -x .venv-properdocs/bin/properdocs ]; then
  python -m venv .venv-properdocs
  .venv-properdocs/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes \
    -r requirements-properdocs.lock
fi

# Debian packages: Chromium for the browser tests, Java for the Nu HTML checker.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Missing: ${missing[*]}. Run 'sudo apt-get install ${missing[*]}': the browser and HTML tests need" \
         "them (they are skipped without, and fail in CI)." >&2
  fi
fi

if [ -f package.json ] && [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

# Lint and types (pyproject.toml). mypy reads scripts/ as the package iep_tools.
python -m ruff check hooks scripts tests
mkdir -p build/typing && ln -sfn ../../scripts build/typing/iep_tools
python -m mypy

# On every core (pytest-xdist) unless the arguments say how many: -n 1 runs in one process.
# A module's tests share one worker (loadscope), so a module's fixtures (a site built with
# three languages, the accessibility scans of every page) are made once, not once per worker.
workers=(-n auto) dist=(--dist loadscope)
for arg in "$@"; do
  case "$arg" in
    -n|-n[0-9]*|--numprocesses*|-nauto) workers=() dist=() ;;
    --dist*) dist=() ;;
  esac
done
python -m pytest "${workers[@]}" "${dist[@]}" "$@"
