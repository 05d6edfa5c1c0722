#!/usr/bin/env bash
# Run the whole test suite. On a fresh machine it first installs what the tests need:
# the Python packages (pinned), Debian's Chromium for the browser tests, and the
# pinned Node tools (Nu HTML checker, Lighthouse). Safe to run again: installed
# things are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1

python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: run 'sudo apt-get install chromium' (the browser tests need it)." >&2
    exit 1
  fi
fi

if [ -f package.json ] && [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

python -m pytest "$@"
