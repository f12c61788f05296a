#!/bin/sh
# Times the clerk's common queries, each with its table as the CLI prints it,
# on a database of a million tasks (built on first use: 409 s at load 1,
# about 20 minutes on two busy cores): bench/queries.sh [BUILD_DIR] [DB]. A database made by an
# older congvan is upgraded in place first (schema 4 -> 5: about a minute).
set -eu
build=${1:-build}
db=${2:-/tmp/congvan-bench-1m.db}
cmake --build "$build" --target queries_bench >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
"$build/queries_bench" "$db" --tasks 1000000 --runs 5 || status=$?
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
