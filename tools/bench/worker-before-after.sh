#!/usr/bin/env bash
# Grading time of the Java labs before and after student Java moved into the worker, measured in one run:
# each round grades every lab once with a build of BASELINE (a commit before the worker) and once with this
# checkout, alternating, so both see the same machine load. Prints one line per measurement and a median table.
#
#   tools/bench/worker-before-after.sh [BASELINE_REV] [ROUNDS] [LABS...]
#
# With CLASS_STUDENTS=N set, each round also grades a generated class of N students on the same labs with
# bench-class (--jobs 2, no fresh-JVM baseline) in both builds.
#
# Both builds use the embedded PostgreSQL (templates cached after the first round). Run it on a quiet machine and
# write the load (uptime) down with the numbers.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
here=$(pwd)
rev=${1:-fc7a533}
rounds=${2:-3}
shift $(( $# >= 2 ? 2 : $# ))
labs=("$@")
[ ${#labs[@]} -eq 0 ] && labs=(07 08 09 10 11)

work=$(mktemp -d "${TMPDIR:-/tmp}/pglabs-bench-before-after-XXXXXX")
cleanup() { git -C "$here" worktree remove --force "$work/baseline" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

git -C "$here" worktree add -q --detach "$work/baseline" "$rev"
echo "building the baseline ($rev) and this checkout ($(git -C "$here" rev-parse --short HEAD))" >&2
(cd "$work/baseline" && mvn -B -q -DskipTests package >/dev/null)
(cd "$here" && mvn -B -q -DskipTests package >/dev/null)

# One grading: prints "<grading ms> <wall ms>" (grading time from the JSON's run.durationMs), or nothing when the
# grading failed (its last lines go to stderr; a failed run is not a measurement).
grade() {
  local dir=$1 lab=$2 out=$work/out.json start end
  rm -f "$out"
  start=$(date +%s%N)
  local log
  log=$work/last-$(basename "$dir").log
  (cd "$dir" && ./pglabs grade "$lab" --submission solutions --all --format json --out "$out" >"$log" 2>&1) \
    || { echo "grading failed in $dir:" >&2; tail -5 "$log" >&2; return 0; }
  end=$(date +%s%N)
  local ms
  ms=$(grep -o '"durationMs" *: *[0-9]*' "$out" | tail -1 | grep -o '[0-9]*$')
  echo "$ms $(( (end - start) / 1000000 ))"
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
results=$work/results.txt
for round in $(seq 1 "$rounds"); do
  for lab in "${labs[@]}"; do
    for side in before after; do
      dir=$here; [ "$side" = before ] && dir=$work/baseline
      read -r grading wall < <(grade "$dir" "$lab") || continue
      echo "round $round lab $lab $side grading ${grading} ms wall ${wall} ms load $(cut -d' ' -f1 /proc/loadavg)"
      echo "$lab $side $grading $wall" >> "$results"
    done
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ -n "${CLASS_STUDENTS:-}" ]; then
  csv=$(IFS=,; echo "${labs[*]}")
  for round in $(seq 1 "$rounds"); do
    for side in before after; do
      dir=$here; [ "$side" = before ] && dir=$work/baseline
      line=$(cd "$dir" && ./pglabs bench-class --students "$CLASS_STUDENTS" --labs "$csv" --jobs 2 --baseline 0 \
        2>/dev/null | grep -- "--jobs 2" || echo "failed")
      echo "class round $round $side ($CLASS_STUDENTS students, labs $csv): $line load $(cut -d' ' -f1 /proc/loadavg)"
    done
  done
fi

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
echo
echo "| lab | before: grading (wall) | after: grading (wall) |"
echo "|---|---:|---:|"
for lab in "${labs[@]}"; do
  row="| $lab |"
  for side in before after; do
    g=$(awk -v l="$lab" -v s="$side" '$1==l && $2==s {print $3}' "$results" | median)
    w=$(awk -v l="$lab" -v s="$side" '$1==l && $2==s {print $4}' "$results" | median)
    row="$row $(awk -v g="$g" -v w="$w" 'BEGIN {printf "%.1f s (%.1f s)", g/1000, w/1000}') |"
  done
  echo "$row"
done
