# Sourced by the benchmark scripts: `timed COMMAND...` runs the command once and prints its
# wall-clock seconds and peak resident set in KiB ("1.23 45678"), or prints its standard error
# and exits when it fails. Its files are the run's own (a temporary folder removed on exit), so
# benchmarks running at the same time cannot mix them up.
timed_folder=$(mktemp -d)
trap 'rm -rf "$timed_folder"' EXIT
timed() {
  /usr/bin/time -f "%e %M" -o "$timed_folder/time.txt" "$@" >/dev/null \
    2>"$timed_folder/stderr.txt" || {
    cat "$timed_folder/stderr.txt" >&2
    exit 1
  }
  cat "$timed_folder/time.txt"
}

# `printf '%s\n' "${pairs[@]}" | summarize_pairs LABEL GOAL`: for pairs "ref_s ref_kib us_s
# us_kib" timed alternately (so a load spike hits both), the reference's and understudy's best
# and median times and peaks, and the best, median and worst ratio per pair; LABEL names the
# reference, GOAL is printed after the ratios.
summarize_pairs() {
  awk -v label="$1" -v goal="$2" '
    { ref[NR] = $1; us[NR] = $3; ratio[NR] = $3 / $1; if ($4 > rss) rss = $4; if ($2 > rrss) rrss = $2 }
    function sort(a, n,   i, j, t) {
      for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    }
    END {
      n = NR; sort(ref, n); sort(us, n); sort(ratio, n); m = int((n + 1) / 2)
      printf "%-26s best %5.2f s, median %5.2f s, %6.1f MB peak\n", label, ref[1], ref[m], rrss / 1024
      printf "understudy validate        best %5.2f s, median %5.2f s, %6.1f MB peak\n", us[1], us[m], rss / 1024
      printf "ratio per pair             best %5.2f x, median %5.2f x, worst %5.2f x  (%s)\n", ratio[1], ratio[m], ratio[n], goal
    }'
}
