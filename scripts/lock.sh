#!/usr/bin/env bash
# Re-lock every dependency after changing requirements*.txt: the newest versions the
# ranges allow, each pinned with its hashes. The build's lock comes first; the other two
# keep its versions (-c requirements.lock). Commit the three .lock files, then run the tests.
#     bash scripts/lock.sh                        # keep the locked versions where the ranges allow
#     bash scripts/lock.sh --upgrade              # move everything to the newest allowed
#     bash scripts/lock.sh --upgrade-package mkdocs-material
set -euo pipefail
cd "$(dirname "$0")/.."
compile=(python -m piptools compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links
         --resolver=backtracking)
"${compile[@]}" "$@" --output-file requirements.lock requirements.txt
"${compile[@]}" "$@" --output-file requirements-dev.lock requirements-dev.txt
"${compile[@]}" "$@" --output-file requirements-properdocs.lock requirements-properdocs.txt
echo "Locked: requirements.lock, requirements-dev.lock, requirements-properdocs.lock"
