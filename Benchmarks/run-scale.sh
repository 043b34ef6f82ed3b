#!/usr/bin/env bash
# Planner scale, as a user runs it: `understudy generate` writes 10,000 people, 1,000 skills and
# 500 roles; `understudy plan --weeks 52` plans the year (with and without teaching cascades).
# Prints wall time and peak memory (/usr/bin/time) and the plan's figures from its JSON.
# Usage: Benchmarks/run-scale.sh [seeds]   (default seeds 1..3; run from anywhere)
set -euo pipefail
cd "$(dirname "$0")/.."
SEEDS=${1:-3}
swift build -c release --product understudy >/dev/null
BIN=.build/release/understudy
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
for seed in $(seq 1 "$SEEDS"); do
  "$BIN" generate --plain --people 10000 --skills 1000 --roles 500 --seed "$seed" --output "$WORK/org.xml"
  for cascades in "" "--no-cascades"; do
    /usr/bin/time -f "%e %M" -o "$WORK/time" "$BIN" plan "$WORK/org.xml" --weeks 52 --quiet \
      --format json --output "$WORK/plan.json" $cascades
    read -r wall kb < "$WORK/time"
    python3 - "$WORK/plan.json" "$seed" "${cascades:-cascades}" "$wall" "$kb" <<'PY'
import json, sys
plan = json.load(open(sys.argv[1]))
c, s = plan["coverage"], plan["search"]
print(f"seed {sys.argv[2]} {sys.argv[3]}: bundles {s['candidateBundles']} pairs {len(plan['pairs'])} "
      f"taught-by-trained {sum(1 for p in plan['pairs'] if p['mentorTrainedBy'])} "
      f"CW {c['coverageWeeksBefore']} -> {c['coverageWeeks']} bound {c['coverageWeeksBound']} "
      f"gap {c['coverageWeeksGapPercent']} % time-limit-hit {s['stoppedOnTimeLimit']} "
      f"wall {sys.argv[4]} s peak {int(sys.argv[5]) // 1024} MB")
PY
  done
done
