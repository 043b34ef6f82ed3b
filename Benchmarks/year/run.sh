#!/usr/bin/env bash
# Week-by-week (coverage-weeks) benchmark of `understudy plan`; see README.md.
#
# Usage: Benchmarks/year/run.sh [selftest|solvers|quality|hard|all]   (default: all = quality hard)
#   selftest  the Python against itself: checker on hand-made plans, both back ends on a
#             hand-made cascade instance and on two small instances (no understudy binary)
#   solvers   HiGHS against CP-SAT on the small family: agreement, time to prove optimality
#   quality   understudy on the small family (with and without cascades), every plan checked,
#             the gap to the proven optimum, understudy's bound checked against it
#   hard      understudy on the hard family; CP-SAT gets understudy's wall time
#
# Environment (defaults in brackets):
#   UNDERSTUDY   binary [../../.build/release/understudy, relative to Benchmarks/year]
#   PLAN_TIME    understudy --time-limit on the small family [10]
#   REF_SOLVER   highs, cpsat or auto: HiGHS, then CP-SAT when HiGHS proves nothing [auto]
#   REF_TIME     reference time limit per solver on the small family, seconds [120]
#   HARD_SIZES   people in the hard family ["150 300 1000 3000"]; HARD_WEEKS [26]
#   HARD_TIME    understudy --time-limit on the hard family [30]
#   HARD_CASCADES  on, off or both [on]
#   MAX_PAIRS    reference.py --max-pairs on the hard family [150000]
#   CP_FACTOR, CP_MIN  CP-SAT's time on the hard family: understudy's wall time x CP_FACTOR,
#                at least CP_MIN seconds [1, 1]; e.g. CP_FACTOR=10 for a stronger reference
set -euo pipefail
cd "$(dirname "$0")"
MODE=${1:-all}
UNDERSTUDY=${UNDERSTUDY:-../../.build/release/understudy}
PLAN_TIME=${PLAN_TIME:-10}
REF_SOLVER=${REF_SOLVER:-auto}
REF_TIME=${REF_TIME:-120}
HARD_SIZES=${HARD_SIZES:-"150 300 1000 3000"}
HARD_WEEKS=${HARD_WEEKS:-26}
HARD_TIME=${HARD_TIME:-30}
HARD_CASCADES=${HARD_CASCADES:-on}
MAX_PAIRS=${MAX_PAIRS:-150000}
CP_FACTOR=${CP_FACTOR:-1}
CP_MIN=${CP_MIN:-1}
START=2027-01-04
DATA=results/data
PY=../.venv/bin/python

if [ ! -x "$PY" ]; then python3 -m venv ../.venv; fi
"$PY" -c "import highspy, ortools" 2>/dev/null || "$PY" -m pip install --quiet highspy ortools
mkdir -p "$DATA"

# The small family: sizes x horizons, seed = position in the list, so each instance differs.
small_instances() {
  local seed=0
  for n in 15 30 45 60; do
    for h in 8 16 26; do
      seed=$((seed + 1))
      echo "$n $h $seed"
    done
  done
}

generate() {  # family people weeks seed -> prints the stem
  local stem="$DATA/$1-$2-$3-$4"
  [ -f "$stem.json" ] || "$PY" generate.py "$1" --people "$2" --weeks "$3" --seed "$4" --out "$stem"
  echo "$stem"
}

flag_for() { [ "$1" = off ] && echo "--no-cascades" || true; }

# reference STEM TAG SOLVER SECONDS [reference.py flags]: appends its JSON line to STEM-TAG.ref.txt
reference() {
  local stem=$1 tag=$2 solver=$3 seconds=$4
  shift 4
  rm -f "$stem-$tag.ref-$solver.json"
  "$PY" reference.py "$stem.json" --solver "$solver" --time-limit "$seconds" $(flag_for "$tag") \
    --plan-out "$stem-$tag.ref-$solver.json" "$@" >> "$stem-$tag.ref.txt" \
    || echo "{\"solver\": \"$solver\", \"status\": \"error\", \"seconds\": 0}" >> "$stem-$tag.ref.txt"
  # Every reference plan is checked too: the checker and the model test each other.
  if [ -f "$stem-$tag.ref-$solver.json" ]; then
    "$PY" check_plan.py "$stem.json" "$stem-$tag.ref-$solver.json" $(flag_for "$tag") \
      | tail -n 1 >> "$stem-$tag.refcheck.txt" || true
  fi
}

# understudy STEM TAG WEEKS SECONDS: plans, times the run, checks the plan; prints the wall time
understudy() {
  local stem=$1 tag=$2 weeks=$3 seconds=$4 began ended rc=0
  began=$(date +%s.%N)
  "$UNDERSTUDY" plan "$stem.xml" --format json --weeks "$weeks" --start "$START" \
    $(flag_for "$tag") --time-limit "$seconds" --quiet -o "$stem-$tag.plan.json" \
    2> "$stem-$tag.plan.err" || rc=$?
  ended=$(date +%s.%N)
  "$PY" check_plan.py "$stem.json" "$stem-$tag.plan.json" $(flag_for "$tag") \
    > "$stem-$tag.check.txt" 2>&1 || true
  printf '%s %.3f\n' "$rc" "$(echo "$ended - $began" | bc)"
}

need_binary() {
  if [ ! -x "$UNDERSTUDY" ]; then
    echo "no understudy binary at $UNDERSTUDY (build it, or set UNDERSTUDY)" >&2
    exit 1
  fi
}

run_selftest() {
  echo "== checker on hand-made plans (tests/)"
  "$PY" check_plan.py tests/tiny-cascade.json tests/plan-ok.json | tail -n 1
  if "$PY" check_plan.py tests/tiny-cascade.json tests/plan-bad.json > results/selftest-bad.txt; then
    echo "FAILED: the checker accepted tests/plan-bad.json"; exit 1
  fi
  echo "plan-bad.json rejected with $(($(wc -l < results/selftest-bad.txt) - 1)) violations (expected 24)"
  if "$PY" check_plan.py tests/tiny-cascade.json tests/plan-ok.json --no-cascades > /dev/null; then
    echo "FAILED: without cascades the cascade plan must be rejected"; exit 1
  fi
  echo "== both back ends on tests/tiny-cascade.json (optimum 38 with cascades, 20 without)"
  for tag in on off; do
    for solver in highs cpsat; do
      "$PY" reference.py tests/tiny-cascade.json --solver "$solver" --time-limit 30 \
        $(flag_for "$tag") --plan-out results/selftest-plan.json \
        | "$PY" -c 'import json,sys; r=json.load(sys.stdin); print(r["solver"], "cascades", r["cascades"], r["status"], r["objective"])'
      "$PY" check_plan.py tests/tiny-cascade.json results/selftest-plan.json $(flag_for "$tag") | tail -n 1
    done
  done
  echo "== both back ends on two small instances"
  : > results/selftest.jsonl
  for spec in "30 16 2" "45 16 5"; do
    set -- $spec
    stem=$(generate small "$1" "$2" "$3")
    for tag in on off; do
      rm -f "$stem-$tag.ref.txt" "$stem-$tag.refcheck.txt"
      for solver in highs cpsat; do reference "$stem" "$tag" "$solver" 30; done
      "$PY" report.py record selftest "$stem" "$tag"
    done
  done
  "$PY" report.py solvers results/selftest.jsonl
}

run_solvers() {
  : > results/solvers.jsonl
  while read -r n h seed; do
    stem=$(generate small "$n" "$h" "$seed")
    for tag in on off; do
      rm -f "$stem-$tag.ref.txt" "$stem-$tag.refcheck.txt"
      for solver in highs cpsat; do reference "$stem" "$tag" "$solver" "$REF_TIME"; done
      "$PY" report.py record solvers "$stem" "$tag"
    done
  done < <(small_instances)
  "$PY" report.py solvers results/solvers.jsonl | tee results/solvers.txt
}

run_quality() {
  need_binary
  : > results/quality.jsonl
  while read -r n h seed; do
    stem=$(generate small "$n" "$h" "$seed")
    for tag in on off; do
      read -r rc seconds < <(understudy "$stem" "$tag" "$h" "$PLAN_TIME")
      rm -f "$stem-$tag.ref.txt" "$stem-$tag.refcheck.txt"
      if [ "$REF_SOLVER" = auto ]; then
        reference "$stem" "$tag" highs "$REF_TIME"
        if ! tail -n 1 "$stem-$tag.ref.txt" | grep -q '"status": "optimal"'; then
          reference "$stem" "$tag" cpsat "$REF_TIME"
        fi
      else
        reference "$stem" "$tag" "$REF_SOLVER" "$REF_TIME"
      fi
      "$PY" report.py record quality "$stem" "$tag" planRc="$rc" planSeconds="$seconds"
    done
  done < <(small_instances)
  "$PY" report.py quality results/quality.jsonl | tee results/quality.txt
}

run_hard() {
  need_binary
  : > results/hard.jsonl
  case "$HARD_CASCADES" in both) tags="on off" ;; *) tags=$HARD_CASCADES ;; esac
  for n in $HARD_SIZES; do
    stem=$(generate hard "$n" "$HARD_WEEKS" 1)
    for tag in $tags; do
      read -r rc seconds < <(understudy "$stem" "$tag" "$HARD_WEEKS" "$HARD_TIME")
      rm -f "$stem-$tag.ref.txt" "$stem-$tag.refcheck.txt"
      # CP-SAT gets understudy's wall time (times CP_FACTOR, at least CP_MIN seconds).
      limit=$(echo "t = $seconds * $CP_FACTOR; if (t < $CP_MIN) t = $CP_MIN; t" | bc)
      reference "$stem" "$tag" cpsat "$limit" --max-pairs "$MAX_PAIRS"
      "$PY" report.py record hard "$stem" "$tag" planRc="$rc" planSeconds="$seconds"
    done
  done
  "$PY" report.py hard results/hard.jsonl | tee results/hard.txt
}

case "$MODE" in
  selftest) run_selftest ;;
  solvers) run_solvers ;;
  quality) run_quality ;;
  hard) run_hard ;;
  all) run_quality; run_hard ;;
  *) echo "usage: $0 [selftest|solvers|quality|hard|all]" >&2; exit 64 ;;
esac
