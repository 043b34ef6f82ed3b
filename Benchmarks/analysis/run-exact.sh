#!/usr/bin/env bash
# The organization absence factor against its exact optimum: for generated organizations of
# PEOPLE people (seeds 1..SEEDS), `understudy analyze --format json` reports the group, whether it
# is proven smallest ("exact") and its lower bound; HiGHS (scipy's milp) solves the same problem
# from the report's own data (absence_factor_reference.py). Usage:
#   Benchmarks/analysis/run-exact.sh [PEOPLE] [SEEDS]      # default 2000 people, 20 seeds
set -euo pipefail
cd "$(dirname "$0")/../.."
people=${1:-2000}
seeds=${2:-20}
python=python3
$python -c 'import scipy' 2>/dev/null || {
  [ -x Benchmarks/.venv/bin/python ] || python3 -m venv Benchmarks/.venv
  Benchmarks/.venv/bin/pip install -q scipy
  python=Benchmarks/.venv/bin/python
}
swift build -c release --product understudy >/dev/null
bin=.build/release/understudy
source Benchmarks/timed.sh
work=$timed_folder
printf '| seed | method | size | lower bound | HiGHS optimum | analyze wall | HiGHS |\n'
printf '|---|---|---|---|---|---|---|\n'
exact=0
for seed in $(seq 1 "$seeds"); do
  $bin generate --people "$people" --seed "$seed" --output "$work/org.xml" >/dev/null
  read -r seconds _ < <(timed $bin analyze "$work/org.xml" --format json --output "$work/gaps.json")
  read -r method size bound < <($python -c '
import json, sys
factor = json.load(open(sys.argv[1]))["summary"]["absenceFactor"]
print(factor["method"], factor["size"], factor["lowerBound"])' "$work/gaps.json")
  read -r status optimum solved < <($python Benchmarks/analysis/absence_factor_reference.py "$work/gaps.json")
  [ "$method" = exact ] && exact=$((exact + 1))
  if [ "$status" = optimum ] && [ "$method" = exact ] && [ "$size" != "$optimum" ]; then
    echo "seed $seed: exact answer $size differs from the optimum $optimum" >&2
    exit 1
  fi
  printf '| %s | %s | %s | %s | %s | %s s | %s s |\n' "$seed" "$method" "$size" "$bound" \
    "$optimum" "$seconds" "$solved"
done
echo "exact on $exact of $seeds organizations of $people people"
