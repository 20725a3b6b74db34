#!/usr/bin/env bash
# What the worker's class-data archive (WorkerArchive) saves, measured in one run: each round grades every lab once
# with the archive and once without (PGLABS_CLASS_ARCHIVE=off), alternating, so both see the same machine load.
# A first round, not counted, makes sure the archive holds every lab's classes. Prints one line per measurement and
# a median table.
#
#   tools/bench/class-archive.sh [ROUNDS] [LABS...]
#
# Run it on a quiet machine and write the load (uptime) down with the numbers.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
rounds=${1:-3}
shift $(( $# >= 1 ? 1 : 0 ))
labs=("$@")
[ ${#labs[@]} -eq 0 ] && labs=(07 08 09 10 11)

work=$(mktemp -d "${TMPDIR:-/tmp}/pglabs-bench-archive-XXXXXX")
trap 'rm -rf "$work"' EXIT
mvn -B -q -DskipTests package >/dev/null

# One grading: prints "<grading ms> <wall ms>", or nothing when the grading failed (not a measurement).
grade() {
  local archive=$1 lab=$2 out=$work/out.json start end
  rm -f "$out"
  start=$(date +%s%N)
  PGLABS_CLASS_ARCHIVE=$archive ./pglabs grade "$lab" --submission solutions --all --format json --out "$out" \
    >"$work/last.log" 2>&1 || { echo "grading failed:" >&2; tail -5 "$work/last.log" >&2; return 0; }
  end=$(date +%s%N)
  echo "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["run"]["durationMs"])' "$out") \
$(( (end - start) / 1000000 ))"
}

echo "warm-up round (the archive takes in every lab's classes), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for lab in "${labs[@]}"; do grade on "$lab" >/dev/null; done
sleep 10  # the archive is made in the background after a grading

results=$work/results
for round in $(seq 1 "$rounds"); do
  for lab in "${labs[@]}"; do
    for archive in on off; do
      line=$(grade "$archive" "$lab")
      [ -n "$line" ] && echo "$lab $archive $line" | tee -a "$results"
    done
  done
  echo "round $round done, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
done

python3 - "$results" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    lab, archive, grading, wall = line.split()
    rows.setdefault((lab, archive), []).append((int(grading), int(wall)))
print("| lab | with the archive: grading (wall) | without: grading (wall) |")
print("|---|---:|---:|")
for lab in sorted({k[0] for k in rows}):
    cells = []
    for archive in ("on", "off"):
        m = rows.get((lab, archive), [])
        cells.append("%.1f s (%.1f s)" % (statistics.median(g for g, _ in m) / 1000, statistics.median(w for _, w in m) / 1000) if m else "-")
    print("| %s | %s | %s |" % (lab, cells[0], cells[1]))
PY
