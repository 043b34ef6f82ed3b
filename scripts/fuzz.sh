#!/usr/bin/env bash
# Runs one libFuzzer target of Fuzz/ (or all of them, one after another) for SECONDS each.
#
#   scripts/fuzz.sh TARGET SECONDS [LIBFUZZER-OPTION...]
#   scripts/fuzz.sh all SECONDS
#   scripts/fuzz.sh list
#
# Builds the harnesses once (release, -sanitize=fuzzer,address), seeds each target's corpus with
# the test fixtures and samples, and exits non-zero on any finding: a crash, a sanitizer report,
# an input slower than 10 s or a run above 2 GiB. Findings land in
# Fuzz/.build/fuzz/TARGET/artifacts/ (crash-*, timeout-*, oom-*); the corpus it grows stays in
# Fuzz/.build/fuzz/TARGET/corpus/ for the next run. FUZZ_WORK=DIR puts both elsewhere. To
# reproduce a finding: Fuzz/.build/release/fuzz-TARGET FILE; to minimise it, add
# -minimize_crash=1 -runs=10000 (RELIABILITY.md).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
targets=(native native-schema workday successfactors bamboohr hrxml3 hrxml2 europass mapping
  mapping-file spreadsheet plan)

usage() {
  echo "usage: scripts/fuzz.sh TARGET|all SECONDS [LIBFUZZER-OPTION...]" >&2
  echo "targets: ${targets[*]}" >&2
  exit 64
}
[[ ${1:-} == list ]] && { printf '%s\n' "${targets[@]}"; exit 0; }
[[ $# -ge 2 && $2 =~ ^[0-9]+$ ]] || usage
target=$1 seconds=$2
shift 2
if [[ $target != all ]] && ! printf '%s\n' "${targets[@]}" | grep -qx -- "$target"; then usage; fi

echo "== building the fuzz targets (release, -sanitize=fuzzer,address)"
work=${FUZZ_WORK:-$root/Fuzz/.build/fuzz}
mkdir -p "$work"
# gold warns once per executable about an ASan symbol it cannot export: harmless, left out.
if ! swift build -c release --package-path Fuzz -Xswiftc -sanitize=fuzzer,address \
  >"$work/build.log" 2>&1; then
  cat "$work/build.log" >&2
  echo "fuzz build failed" >&2
  exit 1
fi
grep -v "Cannot export local symbol '__asan_extra_spill_area'" "$work/build.log" | tail -3
bin=$(swift build -c release --package-path Fuzz --show-bin-path)

# Allocation stacks cost a third of the speed; rerun a finding without this to see them.
export ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=0}

run() {
  local name=$1 dir=$work/$1
  shift
  mkdir -p "$dir/corpus" "$dir/artifacts"
  touch "$dir/started"
  echo "== fuzz-$name for ${seconds}s (artifacts: ${dir#"$root"/}/artifacts)"
  local status=0
  # The first folder is the corpus libFuzzer adds to; the others are read-only seeds.
  "$bin/fuzz-$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
    -dict="$root/Fuzz/understudy.dict" -artifact_prefix="$dir/artifacts/" -print_final_stats=1 \
    "$@" "$dir/corpus" "$root/Tests/HRImportTests/Fixtures" "$root/samples" \
    "$root/Tests/HRImportTests/Fixtures/sheets" \
    >"$dir/log" 2>&1 &
  local pid=$!
  wait "$pid" || status=$?
  rm -f /dev/shm/understudy-fuzz-"$pid"-* /tmp/understudy-fuzz-"$pid"-*
  grep -E '^#[0-9]+[[:space:]]+DONE|^stat::number_of_executed_units|^stat::average_exec_per_sec' \
    "$dir/log" || true
  local found
  found=$(find "$dir/artifacts" -type f -newer "$dir/started" 2>/dev/null | head -20)
  if [[ $status -ne 0 || -n $found ]]; then
    echo "FINDING in fuzz-$name (exit $status):" >&2
    grep -E 'ERROR: |SUMMARY: |Fatal error|Test unit written|==ERROR' "$dir/log" | head -20 >&2
    echo "log: $dir/log" >&2
    return 1
  fi
}

failed=()
if [[ $target == all ]]; then
  for name in "${targets[@]}"; do run "$name" "$@" || failed+=("$name"); done
else
  run "$target" "$@" || failed+=("$target")
fi
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzzing found problems in: ${failed[*]}" >&2
  exit 1
fi
echo "no finding"
