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
