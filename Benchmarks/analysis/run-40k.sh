#!/usr/bin/env bash
# Analysis after import at 40,000 people: the 150 MB Workday export of Benchmarks/import/run.sh,
# read with every job profile as a role (`--derive-roles all`: four roles of thousands of people).
# Per round, alternating: `xmllint --stream --noout`, `understudy validate` (the import) and
# `understudy analyze --format json` (import, coverage, calendar, absence factor, succession, a
# 14 MB report). Reports the analysis after import (analyze - validate, per round) as a ratio of
# the import (goal <= 0.3x) and analyze as a ratio of xmllint (goal <= 1.3x), best and median.
#
#   Benchmarks/analysis/run-40k.sh                     (from the package root; RUNS=5 by default)
#   RUNS=7 SCRATCH=.build-perf Benchmarks/analysis/run-40k.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${TMPDIR:-/tmp}/understudy-import-bench
mkdir -p "$work"
file="$work/get-workers-40000.xml"
command -v xmllint >/dev/null || apt-get install -y libxml2-utils >/dev/null
if [ ! -s "$file" ]; then
  python3 "$root/Benchmarks/import/workday_export.py" generate --workers 40000 --target-mb 150 "$file"
fi
scratch=${SCRATCH:-.build}
runs=${RUNS:-5}
(cd "$root" && swift build -c release --scratch-path "$scratch" --product understudy >/dev/null 2>&1)
understudy=${UNDERSTUDY:-$root/$scratch/release/understudy}
source "$root/Benchmarks/timed.sh"
report="$timed_folder/gaps.json"

rounds=()
for _ in $(seq "$runs"); do
  read -r lint_s _ <<<"$(timed xmllint --stream --noout "$file")"
  read -r import_s import_kib <<<"$(timed "$understudy" validate "$file" --derive-roles all)"
  read -r analyze_s analyze_kib <<<"$(timed "$understudy" analyze "$file" --derive-roles all \
    --format json --output "$report")"
  rounds+=("$lint_s $import_s $analyze_s $analyze_kib")
done
echo "file: $file, $runs rounds, load $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$report" <<'PY'
import json, sys
factor = json.load(open(sys.argv[1]))["summary"]["absenceFactor"]
print(f"absence factor: {factor['size']} ({factor['method']}, lower bound {factor['lowerBound']})")
PY
printf '%s\n' "${rounds[@]}" | awk '
  { lint[NR] = $1; imp[NR] = $2; ana[NR] = $3; after[NR] = ($3 - $2) / $2; vs[NR] = $3 / $1
    if ($4 > rss) rss = $4 }
  function sort(a, n,   i, j, t) {
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
  }
  END {
    n = NR; sort(lint, n); sort(imp, n); sort(ana, n); sort(after, n); sort(vs, n); m = int((n + 1) / 2)
    printf "xmllint --stream --noout  best %5.2f s, median %5.2f s\n", lint[1], lint[m]
    printf "understudy validate       best %5.2f s, median %5.2f s\n", imp[1], imp[m]
    printf "understudy analyze        best %5.2f s, median %5.2f s, %6.1f MB peak\n", ana[1], ana[m], rss / 1024
    printf "analysis after import     best %5.2f x, median %5.2f x of the import (goal <= 0.3 x)\n", after[1], after[m]
    printf "analyze / xmllint         best %5.2f x, median %5.2f x (goal <= 1.3 x)\n", vs[1], vs[m]
  }'
