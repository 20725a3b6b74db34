#!/usr/bin/env bash
# The three speed targets of class grading, measured in one run against their baselines:
#
#   1. all eleven labs of one submission, cold process (`pglabs grade --submission solutions --all`), ≤ 15 s wall;
#   2. 100 submissions × all labs at grade-class's default jobs, ≤ 5 min (bench-class, a generated class);
#   3. one process ≥ 10× faster per submission than a fresh `mvn` Surefire run of the graders per submission.
#
#   tools/bench/scale-targets.sh [STUDENTS] [ROUNDS]
#
# STUDENTS (default 12) is the generated class; ROUNDS (default 3) the cold runs of target 1 and the mvn runs of
# target 3. Everything runs on the embedded PostgreSQL, templates cached after the first run, one measurement at a
# time. Extra JVM options for pglabs go in PGLABS_JAVA_OPTS as usual. Run it on a quiet machine; it prints the load
# with the numbers, so write both down.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
students=${1:-12}
rounds=${2:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/pglabs-bench-scale-XXXXXX")
trap 'rm -rf "$work"' EXIT

load() { cut -d' ' -f1-3 /proc/loadavg; }
now() { date +%s%N; }
secs() { awk -v a="$1" -v b="$(now)" 'BEGIN {printf "%.1f", (b - a) / 1e9}'; }
calc() { awk "BEGIN {printf \"%.1f\", $1}"; }
median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }

mvn -B -q -DskipTests package >/dev/null 2>&1 || { echo "the build failed: mvn -B -DskipTests package" >&2; exit 1; }
echo "pglabs $(git rev-parse --short HEAD), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "load $(load), PGLABS_JAVA_OPTS='${PGLABS_JAVA_OPTS:-}'"
./pglabs grade --submission solutions --all --db embedded >/dev/null 2>&1 || true  # fills the template cache

echo "1. all labs of one submission, cold process:"
for r in $(seq "$rounds"); do
  t0=$(now)
  ./pglabs grade --submission solutions --all --db embedded >"$work/grade.txt" 2>&1
  wall=$(secs "$t0")
  printf '   run %d: wall %.1f s (%s), load %s\n' "$r" "$wall" "$(grep -o 'graded on .*' "$work/grade.txt")" "$(load)"
  echo "$wall" >>"$work/cold"
done

# grade-class's default jobs: one more than the processors (GradingRunner.defaultParallelism).
echo "2. a class of $students generated submissions, one process at the default jobs, and a fresh JVM each:"
./pglabs bench-class --students "$students" --jobs "$(( $(nproc) + 1 ))" --baseline 2 --db embedded 2>&1 \
  | tee "$work/class.txt" | sed 's/^/   /'
echo "   load $(load)"

echo "3. a fresh mvn Surefire run of the graders (hidden checks included) on one submission:"
for r in $(seq "$rounds"); do
  t0=$(now)
  mvn -B -q -o -pl harness,graders -am verify -Dtest='**/*Grader,**/*HiddenChecks' \
    -Dsurefire.failIfNoSpecifiedTests=false >"$work/mvn.txt" 2>&1
  wall=$(secs "$t0")
  printf '   run %d: wall %.1f s, load %s\n' "$r" "$wall" "$(load)"
  echo "$wall" >>"$work/mvn"
done

cold=$(median <"$work/cold")
each=$(grep -o 'jobs [0-9]*: [0-9.]* s for [0-9]* submissions = [0-9.]* s each' "$work/class.txt" | tail -1 \
  | grep -o '[0-9.]* s each' | cut -d' ' -f1)
fresh=$(median <"$work/mvn")
echo "summary (medians):"
printf '   1. one submission, cold: %.1f s wall (target 15 s)\n' "$cold"
printf '   2. 100 submissions at the default jobs: %.1f min (target 5 min), %s s each\n' \
  "$(calc "100 * $each / 60")" "$each"
printf '   3. a fresh mvn run per submission %.1f s, one process %s s each: %.1f× (target 10×)\n' \
  "$fresh" "$each" "$(calc "$fresh / $each")"
