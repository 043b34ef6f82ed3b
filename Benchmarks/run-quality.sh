#!/usr/bin/env bash
# Optimizer quality: the Swift heuristic against the proven HiGHS optimum of the same model.
# Usage: Benchmarks/run-quality.sh [seeds]   (default seeds 1..5; sizes 30, 60, 90, 120, 150)
#        SCARCITY=tight Benchmarks/run-quality.sh 5   (OrganizationGenerator's .tight instances)
set -euo pipefail
cd "$(dirname "$0")"
SEEDS=${1:-5}
SIZES=${SIZES:-"30 60 90 120 150"}
SCARCITY=${SCARCITY:-typical}
if [ "$SCARCITY" = typical ]; then TAG=""; else TAG="$SCARCITY-"; fi
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/pip install --quiet highspy
swift build -c release --product optimizer-bench >/dev/null
BIN=$(swift build -c release --show-bin-path)/optimizer-bench
mkdir -p results
OUT="results/quality${TAG:+-${TAG%-}}.jsonl"
: > "$OUT"
for n in $SIZES; do
  for seed in $(seq 1 "$SEEDS"); do
    "$BIN" quality --people "$n" --seed "$seed" --scarcity "$SCARCITY" \
      --json "results/instance-$TAG$n-$seed.json" >/dev/null
    # HiGHS prints a banner on stdout when it starts; the result is the last line.
    .venv/bin/python milp_reference.py "results/instance-$TAG$n-$seed.json" | tail -n 1 \
      | sed "s/^{/{\"people\": $n, \"seed\": $seed, /" >> "$OUT"
  done
done
OUT="$OUT" .venv/bin/python - <<'PY'
import json, os, statistics
rows = [json.loads(line) for line in open(os.environ["OUT"])]
print(f"{'people':>6} {'seed':>4} {'before':>7} {'heur':>7} {'HiGHS':>7} {'bound':>7} {'gap%':>6} "
      f"{'swift s':>8} {'HiGHS s':>8} {'speedup':>8}")
gaps, speed150 = [], []
for r in rows:
    h = r["heuristic"]
    opt = r["optimum"]
    gain_opt = opt - h["coverageBefore"]
    gap = 100 * (opt - h["coverageAfter"]) / opt if opt > 0 else 0.0
    gaps.append(gap)
    speed = r["seconds"] / max(h["seconds"], 1e-9)
    if r["people"] == 150:
        speed150.append(speed)
    flag = "" if r["status"] == "Optimal" else f" ({r['status']})"
    assert h["upperBound"] >= opt - 1e-6, f"bound below optimum: {r}"
    print(f"{r['people']:>6} {r['seed']:>4} {h['coverageBefore']:>7g} {h['coverageAfter']:>7g} "
          f"{opt:>7g} {h['upperBound']:>7g} {gap:>6.2f} {h['seconds']:>8.4f} {r['seconds']:>8.3f} "
          f"{speed:>7.0f}x{flag}")
print()
print(f"instances: {len(rows)}  optimal: {sum(g < 1e-9 for g in gaps)}")
print(f"mean gap to HiGHS optimum: {sum(gaps)/len(gaps):.3f} %   worst: {max(gaps):.3f} %")
if speed150:
    speed150.sort()
    print(f"speedup on 150-person instances: min {speed150[0]:.0f}x, "
          f"median {statistics.median(speed150):.0f}x, mean {statistics.mean(speed150):.0f}x")
print("every Swift bound >= the HiGHS optimum: yes")
PY
