#!/usr/bin/env bash
# The test command: set up, build under AddressSanitizer and UBSan with
# warnings as errors, and run the whole suite with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build-test -DCONGVAN_SANITIZE=ON -DCONGVAN_WERROR=ON -DCONGVAN_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=Debug
export OMP_THREAD_LIMIT=1
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
if [ -f tests/lsan.supp ]; then export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp; fi
cd build-test
ctest --output-on-failure -j"$(nproc)" --timeout 600
