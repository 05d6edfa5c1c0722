#!/usr/bin/env bash
# Run the whole test suite. On a fresh machine it first installs what the tests need:
# the Python packages (pinned), Debian's Chromium and Java, and the pinned Node
# tools (Nu HTML checker, Lighthouse). Safe to run again: installed
# things are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1

python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
python -m pip install --quiet --disable-pip-version-check --no-deps -e .  # iep_guide and iep_tools, by name

# Debian packages: Chromium for the browser tests, Java for the Nu HTML checker.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Missing: ${missing[*]}. Run 'sudo apt-get install ${missing[*]}' (the browser and HTML tests need them)." >&2
    exit 1
  fi
fi

if [ -f package.json ] && [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

python -m pytest "$@"
