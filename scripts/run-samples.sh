#!/usr/bin/env bash
# The main job: set up and build, ingest everything under samples/ into the
# default database, and print the deadlines (soonest first).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
export OMP_THREAD_LIMIT=1
./build/congvan ingest samples || true   # exit 1 only reports failed files; go on
./build/congvan deadlines
