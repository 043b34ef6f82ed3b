#!/usr/bin/env bash
# Spreadsheet import benchmark: a 10,000-person × 500-skill .xlsx (every cell a level), read by
# `understudy validate` (release build) against Python's openpyxl in read-only mode reading
# every value of the same file, alternating, in one run. Goal (BENCHMARKS.md, "Spreadsheet
# import"): at least 5x faster than openpyxl.
#
#   Benchmarks/sheets/run.sh [people] [skills]          (from the package root)
#   RUNS=5 Benchmarks/sheets/run.sh 1000 500            (a quick one)
#   SCRATCH=.build-perf UNDERSTUDY=path/to/understudy Benchmarks/sheets/run.sh
#                                                       (another build folder, or a given binary)
#
# openpyxl comes from PyPI into Benchmarks/.venv (made on the first run); the workbook is made
# once into $TMPDIR/understudy-sheet-bench/.
set -euo pipefail
people=${1:-10000}
skills=${2:-500}
runs=${RUNS:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${TMPDIR:-/tmp}/understudy-sheet-bench
mkdir -p "$work"
python=$root/Benchmarks/.venv/bin/python
[ -x "$python" ] || python3 -m venv "$root/Benchmarks/.venv"
"$python" -c "import openpyxl" 2>/dev/null || "$python" -m pip install -q openpyxl
file=$work/matrix-$people-$skills.xlsx
[ -s "$file" ] || "$python" "$root/Benchmarks/sheets/matrix.py" generate "$people" "$skills" "$file"
scratch=${SCRATCH:-.build}
if [ -z "${UNDERSTUDY:-}" ]; then
  (cd "$root" && swift build -c release --scratch-path "$scratch" --product understudy >/dev/null)
fi
understudy=${UNDERSTUDY:-$root/$scratch/release/understudy}

# timed COMMAND...: one run's wall-clock seconds and peak resident set in KiB.
source "$root/Benchmarks/timed.sh"

pairs=()
for _ in $(seq "$runs"); do
  read -r py_s py_kib <<<"$(timed "$python" "$root/Benchmarks/sheets/matrix.py" read "$file")"
  read -r us_s us_kib <<<"$(timed "$understudy" validate "$file")"
  pairs+=("$py_s $py_kib $us_s $us_kib")
done
size_mb=$(awk "BEGIN{printf \"%.1f\", $(stat -c %s "$file") / 1e6}")
echo "file: $file ($size_mb MB, $people people x $skills skills), $runs alternating runs, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$understudy" validate "$file" 2>/dev/null | tail -1
printf '%s\n' "${pairs[@]}" | awk '
  { py[NR] = $1; us[NR] = $3; ratio[NR] = $1 / $3; if ($4 > rss) rss = $4; if ($2 > prss) prss = $2 }
  function sort(a, n,   i, j, t) {
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
  }
  END {
    n = NR; sort(py, n); sort(us, n); sort(ratio, n); m = int((n + 1) / 2)
    printf "openpyxl read-only         best %6.2f s, median %6.2f s, %6.1f MB peak\n", py[1], py[m], prss / 1024
    printf "understudy validate        best %6.2f s, median %6.2f s, %6.1f MB peak\n", us[1], us[m], rss / 1024
    printf "speed-up per pair          worst %5.2f x, median %5.2f x, best %5.2f x  (goal >= 5 x)\n", ratio[1], ratio[m], ratio[n]
  }'
