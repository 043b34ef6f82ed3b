#!/usr/bin/env bash
# Optimizer scale: 10,000 people, 1,000 skills, 500 roles; wall time, peak memory, certified gap.
# Usage: Benchmarks/run-scale.sh [seeds]   (default seeds 1..3)
set -euo pipefail
cd "$(dirname "$0")"
SEEDS=${1:-3}
swift build -c release --product optimizer-bench >/dev/null
BIN=$(swift build -c release --show-bin-path)/optimizer-bench
for seed in $(seq 1 "$SEEDS"); do
  /usr/bin/time -v "$BIN" scale --people 10000 --skills 1000 --roles 500 --seed "$seed" \
    2> >(grep -E "Elapsed \(wall clock\)|Maximum resident set size" >&2)
done
