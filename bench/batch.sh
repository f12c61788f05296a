#!/usr/bin/env bash
# Batch ingest throughput: text letters (documents/s) and page images
# (pages/s), each with --jobs 1 and --jobs 2, and the 2-job speed-up.
#
# Usage: bench/batch.sh [BUILD_DIR]      (default: build)
# Environment: TEXT_LETTERS (default 400) letters made from the samples with
# one varying line; IMAGES_DIR a folder of page images to reuse (default:
# rendered from the samples with samples/render/render_letters.py, clean
# 300 dpi variant); OMP_THREAD_LIMIT is set to 1 as for every OCR run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
bin=$build/congvan
[[ -x $bin ]] || { echo "bench/batch.sh: $bin not built" >&2; exit 1; }
export OMP_THREAD_LIMIT=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

n=${TEXT_LETTERS:-400}
mkdir -p "$work/text"
python3 - "$root/samples/letters" "$work/text" "$n" <<'PY'
import pathlib, sys
src, out, n = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
letters = sorted(src.glob("*.txt"))
for i in range(n):
    base = letters[i % len(letters)].read_text(encoding="utf-8")
    (out / f"{i:05d}.txt").write_text(base + f"\nBản lưu số {i}.\n", encoding="utf-8")
PY

if [[ -n ${IMAGES_DIR:-} ]]; then
  images=$IMAGES_DIR
else
  python3 "$root/samples/render/render_letters.py" "$work/render" >/dev/null
  images=$work/render/clean300
fi

# Runs one batch into a fresh database; prints "documents pages seconds".
run() {
  local jobs=$1 dir=$2 db=$work/bench-$RANDOM.db
  local start end summary
  start=$(date +%s.%N)
  summary=$("$bin" --db "$db" ingest --jobs "$jobs" "$dir" 2>&1 >/dev/null | tail -2)
  end=$(date +%s.%N)
  rm -f "$db" "$db-wal" "$db-shm"
  local docs pages
  docs=$(sed -n 's/^\([0-9]*\) added.*/\1/p' <<<"$summary")
  pages=$(sed -n 's/^\([0-9]*\) pages in.*/\1/p' <<<"$summary")
  echo "$docs $pages $(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')"
}

report() {
  local what=$1 unit=$2 dir=$3
  read -r d1 p1 s1 < <(run 1 "$dir")
  read -r d2 p2 s2 < <(run 2 "$dir")
  local c1=$d1 c2=$d2
  if [[ $unit == pages ]]; then c1=$p1; c2=$p2; fi
  printf '%-12s jobs=1: %4d documents, %4d pages in %7.2f s = %7.2f %s/s\n' "$what" "$d1" "$p1" "$s1" "$(awk -v c="$c1" -v s="$s1" 'BEGIN { print c / s }')" "$unit"
  printf '%-12s jobs=2: %4d documents, %4d pages in %7.2f s = %7.2f %s/s\n' "$what" "$d2" "$p2" "$s2" "$(awk -v c="$c2" -v s="$s2" 'BEGIN { print c / s }')" "$unit"
  printf '%-12s 2-job speed-up: %.2fx\n' "$what" "$(awk -v a="$s1" -v b="$s2" 'BEGIN { print a / b }')"
}

echo "congvan batch bench on $(getconf _NPROCESSORS_ONLN) cores, load average $(cut -d" " -f1 /proc/loadavg) ($(date -u +%FT%TZ))"
report "text letters" documents "$work/text"
report "page images" pages "$images"
