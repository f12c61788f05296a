#!/usr/bin/env bash
# Renders the sample letters into scans (samples/render/render_letters.py) and
# runs bench/ocr_bench on them: pages/s and CER of congvan, tesseract, ocrmypdf.
# Usage: bench/ocr_bench.sh [BUILD_DIR] [ocr_bench options, e.g. --limit 4 --workers2]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
shift || true
scans=$build/scans
[ -d "$scans/truth_blocks" ] || python3 "$here/samples/render/render_letters.py" "$scans"
cmake --build "$build" --target ocr_bench
exec "$build/ocr_bench" "$scans" "$@"
