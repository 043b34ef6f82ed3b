#!/usr/bin/env bash
# Streaming import benchmark: a 150 MB, 40,000-worker Workday Get_Workers response, imported by
# `understudy validate` (release build) against `xmllint --stream --noout` on the same file.
# Goal (BENCHMARKS.md, "Import streaming"): at most 2x xmllint's time, under 300 MB peak memory.
#
#   Benchmarks/import/run.sh [workers] [megabytes]      (from the package root)
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
(cd "$root" && swift build -c release --scratch-path .build-import --product understudy >/dev/null)
understudy="$root/.build-import/release/understudy"

# Best of three wall-clock times, and the peak resident set of that run, in seconds and KiB.
measure() {
  local best="" rss=""
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || {
      cat "$work/stderr.txt" >&2
      exit 1
    }
    read -r seconds kib <"$work/time.txt"
    if [ -z "$best" ] || awk "BEGIN{exit !($seconds < $best)}"; then best=$seconds; rss=$kib; fi
  done
  echo "$best $rss"
}

read -r lint_s lint_kib <<<"$(measure xmllint --stream --noout "$file")"
read -r us_s us_kib <<<"$(measure "$understudy" validate "$file")"
size_mb=$(awk "BEGIN{printf \"%.1f\", $(stat -c %s "$file") / 1e6}")
echo "file: $file ($size_mb MB, $workers workers)"
echo "$("$understudy" validate "$file" 2>/dev/null)"
printf 'xmllint --stream --noout   %6.2f s  %6.1f MB peak\n' "$lint_s" "$(awk "BEGIN{print $lint_kib/1024}")"
printf 'understudy validate        %6.2f s  %6.1f MB peak\n' "$us_s" "$(awk "BEGIN{print $us_kib/1024}")"
printf 'ratio                      %6.2f x  (goal <= 2.00 x, < 300 MB)\n' "$(awk "BEGIN{print $us_s/$lint_s}")"
