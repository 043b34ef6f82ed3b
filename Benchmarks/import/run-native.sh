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
printf '%s\n' "${pairs[@]}" | summarize_pairs "xmllint --stream --schema" "goal <= 1.50 x, < 150 MB"
