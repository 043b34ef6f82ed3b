#!/usr/bin/env bash
# Pages in parallel: a 40,000-worker Workday Get_Workers export as 8 pages (about 150 MB in all),
# imported by `understudy validate page-1.xml … page-8.xml` (release build), which reads the pages
# at once on the machine's cores, against the sum of `xmllint --stream --noout` over the pages,
# one after another. The same import with UNDERSTUDY_FILE_THREADS=1 (one page at a time) shows
# what reading at once gains. Goal (BENCHMARKS.md, "Pages in parallel"): the parallel import's
# wall time at most 0.6x the xmllint sum, on 2 cores.
#
#   Benchmarks/import/run-pages.sh [workers] [megabytes] [pages]   (from the package root)
#   RUNS=5 SCRATCH=.build-perf Benchmarks/import/run-pages.sh       (more runs; another build folder)
set -euo pipefail
workers=${1:-40000}
megabytes=${2:-150}
pages=${3:-8}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${TMPDIR:-/tmp}/understudy-import-bench
mkdir -p "$work"
stem="$work/get-workers-$workers-of-$pages"
files=()
for page in $(seq "$pages"); do files+=("$stem-$page.xml"); done

if ! command -v xmllint >/dev/null; then
  apt-get install -y libxml2-utils >/dev/null
fi
if [ ! -s "${files[-1]}" ]; then
  python3 "$root/Benchmarks/import/workday_export.py" generate --workers "$workers" \
    --target-mb "$megabytes" --pages "$pages" "$stem.xml"
fi
scratch=${SCRATCH:-.build-import}
runs=${RUNS:-3}
(cd "$root" && swift build -c release --scratch-path "$scratch" --product understudy >/dev/null)
understudy=${UNDERSTUDY:-$root/$scratch/release/understudy}

# timed COMMAND...: one run's wall-clock seconds and peak resident set in KiB.
source "$root/Benchmarks/timed.sh"

# xmllint over every page (the sum of the wall times, the largest peak), the parallel import and
# the sequential one alternate, so that a load spike from other work on the machine hits all
# three; ratios are taken per run, and the best, median and worst run are reported.
rows=()
for _ in $(seq "$runs"); do
  lint_s=0
  lint_kib=0
  for file in "${files[@]}"; do
    read -r s kib <<<"$(timed xmllint --stream --noout "$file")"
    lint_s=$(awk "BEGIN{print $lint_s + $s}")
    if [ "$kib" -gt "$lint_kib" ]; then lint_kib=$kib; fi
  done
  read -r par_s par_kib <<<"$(timed "$understudy" validate "${files[@]}")"
  read -r seq_s seq_kib <<<"$(UNDERSTUDY_FILE_THREADS=1 timed "$understudy" validate "${files[@]}")"
  rows+=("$lint_s $lint_kib $par_s $par_kib $seq_s $seq_kib")
done
size_mb=$(cat "${files[@]}" | wc -c | awk '{printf "%.1f", $1 / 1e6}')
echo "pages: $stem-{1..$pages}.xml ($size_mb MB in all, $workers workers), $runs alternating runs," \
  "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$understudy" validate "${files[@]}" 2>/dev/null | tail -1
printf '%s\n' "${rows[@]}" | awk '
  {
    lint[NR] = $1; par[NR] = $3; seq[NR] = $5
    rp[NR] = $3 / $1; rs[NR] = $5 / $1; gain[NR] = $5 / $3
    if ($2 > lrss) lrss = $2; if ($4 > prss) prss = $4; if ($6 > srss) srss = $6
  }
  function sort(a, n,   i, j, t) {
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
  }
  END {
    n = NR; sort(lint, n); sort(par, n); sort(seq, n); sort(rp, n); sort(rs, n); sort(gain, n)
    m = int((n + 1) / 2)
    printf "xmllint --stream, sum over pages  best %6.2f s, median %6.2f s, %6.1f MB peak\n", lint[1], lint[m], lrss / 1024
    printf "understudy validate, parallel     best %6.2f s, median %6.2f s, %6.1f MB peak\n", par[1], par[m], prss / 1024
    printf "understudy validate, one by one   best %6.2f s, median %6.2f s, %6.1f MB peak\n", seq[1], seq[m], srss / 1024
    printf "parallel / xmllint sum per run    best %5.2f x, median %5.2f x, worst %5.2f x  (goal <= 0.60 x)\n", rp[1], rp[m], rp[n]
    printf "one by one / xmllint sum per run  best %5.2f x, median %5.2f x, worst %5.2f x\n", rs[1], rs[m], rs[n]
    printf "speed-up, one by one / parallel   worst %5.2f x, median %5.2f x, best %5.2f x\n", gain[1], gain[m], gain[n]
  }'
