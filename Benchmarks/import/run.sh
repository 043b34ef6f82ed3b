#!/usr/bin/env bash
# Streaming import benchmark: a 150 MB, 40,000-worker Workday Get_Workers response, imported by
# `understudy validate` (release build) against `xmllint --stream --noout` on the same file.
# Goal (BENCHMARKS.md, "Import speed"): at most 1.0x xmllint's time, under 150 MB peak memory.
#
#   Benchmarks/import/run.sh [workers] [megabytes]      (from the package root)
#   RUNS=9 SCRATCH=.build-perf Benchmarks/import/run.sh  (more pairs; another build folder)
set -euo pipefail
workers=${1:-40000}
megabytes=${2:-150}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${TMPDIR:-/tmp}/understudy-import-bench
mkdir -p "$work"
file="$work/get-workers-$workers.xml"

if ! command -v xmllint >/dev/null; then
  apt-get install -y libxml2-utils >/dev/null
fi
if [ ! -s "$file" ]; then
  python3 "$root/Benchmarks/import/workday_export.py" generate --workers "$workers" \
    --target-mb "$megabytes" "$file"
fi
scratch=${SCRATCH:-.build-import}
runs=${RUNS:-5}
(cd "$root" && swift build -c release --scratch-path "$scratch" --product understudy >/dev/null)
understudy=${UNDERSTUDY:-$root/$scratch/release/understudy}

# timed COMMAND...: one run's wall-clock seconds and peak resident set in KiB.
source "$root/Benchmarks/timed.sh"

# xmllint and understudy alternate, so that a load spike from other work on the machine hits both;
# the ratio is taken per pair, and the best, median and worst pair are reported.
pairs=()
for _ in $(seq "$runs"); do
  read -r lint_s lint_kib <<<"$(timed xmllint --stream --noout "$file")"
  read -r us_s us_kib <<<"$(timed "$understudy" validate "$file")"
  pairs+=("$lint_s $lint_kib $us_s $us_kib")
done
size_mb=$(awk "BEGIN{printf \"%.1f\", $(stat -c %s "$file") / 1e6}")
echo "file: $file ($size_mb MB, $workers workers), $runs alternating runs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$("$understudy" validate "$file" 2>/dev/null)"
printf '%s\n' "${pairs[@]}" | summarize_pairs "xmllint --stream --noout" "goal <= 1.00 x, < 150 MB"
