#!/bin/sh
# Times the clerk's common queries on a database of a million tasks (built on
# first use, about 10 minutes on two cores): bench/queries.sh [BUILD_DIR] [DB]
set -eu
build=${1:-build}
db=${2:-/tmp/congvan-bench-1m.db}
cmake --build "$build" --target queries_bench >/dev/null
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$build/queries_bench" "$db" --tasks 1000000 --runs 7
