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
printf '%s\n' "${pairs[@]}" | awk '
  { lint[NR] = $1; us[NR] = $3; ratio[NR] = $3 / $1; if ($4 > rss) rss = $4; if ($2 > lrss) lrss = $2 }
  function sort(a, n,   i, j, t) {
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
  }
  END {
    n = NR; sort(lint, n); sort(us, n); sort(ratio, n); m = int((n + 1) / 2)
    printf "xmllint --stream --noout   best %5.2f s, median %5.2f s, %6.1f MB peak\n", lint[1], lint[m], lrss / 1024
    printf "understudy validate        best %5.2f s, median %5.2f s, %6.1f MB peak\n", us[1], us[m], rss / 1024
    printf "ratio per pair             best %5.2f x, median %5.2f x, worst %5.2f x  (goal <= 1.00 x, < 150 MB)\n", ratio[1], ratio[m], ratio[n]
  }'
