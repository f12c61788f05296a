#!/usr/bin/env bash
# Extraction from scanned letters against the plain text: ingests the sample
# letters as text and each scanned variant (samples/render/render_letters.py,
# OUT/scan/<variant>/: whole letters as multi-page TIFF or image-only PDF) into
# its own fresh database, exports JSON, scores it with the eval kit's score.py
# and prints one row per variant with the 7 metrics and, for deadlines_f1 and
# deadline_lead_f1, the difference to the plain-text run. Figures, not a test.
#
# Usage: bench/scan_score.sh [BUILD_DIR] [VARIANT ...]
#   BUILD_DIR  default build; its congvan is used, scans are rendered into
#              BUILD_DIR/scans unless they are there already
#   VARIANT    folders under scans/scan/ (default: all of them)
# Environment: EVAL_DIR (default ../shared/eval beside the repository:
#   score.py and gold/),
#   SCANS_DIR (default BUILD_DIR/scans), JOBS (default 2), KEEP=1 keeps the
#   databases, exports and score reports in BUILD_DIR/scan_score/,
#   REEXTRACT=1 reuses those databases (no OCR): `congvan reextract`, then
#   scores again, for trying text clean-up or rule changes quickly.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
shift || true
bin=$build/congvan
[[ -x $bin ]] || { echo "bench/scan_score.sh: $bin not built" >&2; exit 1; }
eval_dir=${EVAL_DIR:-$root/../shared/eval}
[[ -f $eval_dir/score.py ]] || { echo "bench/scan_score.sh: no score.py in $eval_dir (set EVAL_DIR)" >&2; exit 1; }
scans=${SCANS_DIR:-$build/scans}
jobs=${JOBS:-2}
export OMP_THREAD_LIMIT=1

if [[ ! -d $scans/scan ]]; then
  echo "rendering the letters into $scans (a few minutes)" >&2
  SCAN_ONLY=1 python3 "$root/samples/render/render_letters.py" "$scans" 2>/dev/null
fi
if [[ $# -gt 0 ]]; then
  variants=("$@")
else
  mapfile -t variants < <(cd "$scans/scan" && ls -d */ | tr -d /)
fi

out=$build/scan_score
if [[ -n ${REEXTRACT:-} ]]; then
  [[ -d $out ]] || { echo "bench/scan_score.sh: REEXTRACT=1 needs a KEEP=1 run first" >&2; exit 1; }
  KEEP=1
else
  rm -rf "$out"
  mkdir -p "$out"
fi
[[ -n ${KEEP:-} ]] || trap 'rm -rf "$out"' EXIT

# Ingests one folder into a fresh database and scores it; the per-letter
# report (misses) goes to $out/<name>.txt, the JSON summary to $out/<name>.json.
score() {
  local name=$1 dir=$2 db=$out/$1.db start end
  start=$(date +%s.%N)
  if [[ -n ${REEXTRACT:-} ]]; then
    "$bin" --db "$db" -q reextract --all >/dev/null
  else
    "$bin" --db "$db" -q ingest --jobs "$jobs" "$dir" || echo "($name: some files failed, see above)" >&2
  fi
  end=$(date +%s.%N)
  "$bin" --db "$db" export --format json >"$out/$name.export.json"
  python3 "$eval_dir/score.py" --gold "$eval_dir/gold" --pred "$out/$name.export.json" >"$out/$name.txt"
  python3 "$eval_dir/score.py" --gold "$eval_dir/gold" --pred "$out/$name.export.json" --json >"$out/$name.json"
  python3 -c "import sys; print('%.0f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$start" "$end" >"$out/$name.seconds"
}

score text "$root/samples/letters"
names=(text)
for v in "${variants[@]}"; do
  [[ -d $scans/scan/$v ]] || { echo "bench/scan_score.sh: no $scans/scan/$v" >&2; exit 1; }
  score "scan-$v" "$scans/scan/$v"
  names+=("scan-$v")
done

python3 - "$out" "${names[@]}" <<'PY'
import json, sys, pathlib
out, names = pathlib.Path(sys.argv[1]), sys.argv[2:]
keys = ("deadlines_f1", "deadline_lead_f1", "tasks_f1", "targets_f1",
        "references_f1", "metadata_acc", "appendix_acc")
short = ("deadl", "d_lead", "tasks", "targets", "refs", "meta", "appx")
res = {n: json.loads((out / f"{n}.json").read_text()) for n in names}
fmt = lambda x: "  n/a" if x is None else "%5.3f" % x
print("%-16s %5s %4s " % ("variant", "docs", "s") + " ".join("%7s" % s for s in short)
      + "   Δdeadl  Δd_lead")
base = res["text"]["summary"]
for n in names:
    s = res[n]["summary"]
    docs = res[n]["documents"]["gold"] - len(res[n]["documents"]["missing"])
    secs = (out / f"{n}.seconds").read_text().strip()
    delta = lambda k: "    n/a" if s[k] is None or base[k] is None else "%+7.3f" % (s[k] - base[k])
    print("%-16s %5d %4s " % (n, docs, secs) + " ".join("%7s" % fmt(s[k]) for k in keys)
          + "  %s  %s" % (delta("deadlines_f1"), delta("deadline_lead_f1")))
PY
if [[ -n ${KEEP:-} ]]; then echo "per-letter misses: $out/<variant>.txt" >&2; fi
