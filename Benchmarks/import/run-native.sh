#!/usr/bin/env bash
# Native format benchmark: a 29 MB native file of 10,000 people, 1,000 skills and 50,000 roles,
# written by `understudy generate`, checked by `understudy validate` (release build) against
# `xmllint --stream --noout --schema` with the project's own XSD on the same file.
# Goal (BENCHMARKS.md, "Native format streaming"): at most 1.5x xmllint's time, under 150 MB
# peak memory.
#
#   Benchmarks/import/run-native.sh [people] [skills] [roles]      (from the package root)
#   RUNS=9 SCRATCH=.build-perf Benchmarks/import/run-native.sh      (more pairs; another build folder)
set -euo pipefail
people=${1:-10000}
skills=${2:-1000}
roles=${3:-50000}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${TMPDIR:-/tmp}/understudy-import-bench
mkdir -p "$work"
file="$work/native-$people-$skills-$roles.xml"
schema="$root/Sources/HRImport/Resources/understudy-org-1.xsd"

if ! command -v xmllint >/dev/null; then
  apt-get install -y libxml2-utils >/dev/null
fi
scratch=${SCRATCH:-.build-import}
runs=${RUNS:-5}
(cd "$root" && swift build -c release --scratch-path "$scratch" --product understudy >/dev/null)
understudy=${UNDERSTUDY:-$root/$scratch/release/understudy}
if [ ! -s "$file" ]; then
  # The generator is deterministic: the same options always write the same file.
  "$understudy" generate --people "$people" --skills "$skills" --roles "$roles" --output "$file"
fi

# timed COMMAND...: one run's wall-clock seconds and peak resident set in KiB.
source "$root/Benchmarks/timed.sh"

# xmllint and understudy alternate, so that a load spike from other work on the machine hits both;
# the ratio is taken per pair, and the best, median and worst pair are reported.
pairs=()
for _ in $(seq "$runs"); do
  read -r lint_s lint_kib <<<"$(timed xmllint --stream --noout --schema "$schema" "$file")"
  read -r us_s us_kib <<<"$(timed "$understudy" validate "$file")"
  pairs+=("$lint_s $lint_kib $us_s $us_kib")
done
size_mb=$(awk "BEGIN{printf \"%.1f\", $(stat -c %s "$file") / 1e6}")
echo "file: $file ($size_mb MB), $runs alternating runs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$("$understudy" validate "$file" 2>/dev/null)"
printf '%s\n' "${pairs[@]}" | awk '
  { lint[NR] = $1; us[NR] = $3; ratio[NR] = $3 / $1; if ($4 > rss) rss = $4; if ($2 > lrss) lrss = $2 }
  function sort(a, n,   i, j, t) {
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
  }
  END {
    n = NR; sort(lint, n); sort(us, n); sort(ratio, n); m = int((n + 1) / 2)
    printf "xmllint --stream --schema  best %5.2f s, median %5.2f s, %6.1f MB peak\n", lint[1], lint[m], lrss / 1024
    printf "understudy validate        best %5.2f s, median %5.2f s, %6.1f MB peak\n", us[1], us[m], rss / 1024
    printf "ratio per pair             best %5.2f x, median %5.2f x, worst %5.2f x  (goal <= 1.50 x, < 150 MB)\n", ratio[1], ratio[m], ratio[n]
  }'
