#!/usr/bin/env bash
# Runs the whole Swift Testing suite under a sanitizer, in a scratch folder of its own so the
# normal .build/ stays as it is:
#
#   scripts/sanitize.sh address   # AddressSanitizer (and LeakSanitizer), .build-asan/
#   scripts/sanitize.sh thread    # ThreadSanitizer, .build-tsan/
#
# Extra arguments go to `swift test` (for example `--filter HRImportTests`). The CLI tests run
# the instrumented `understudy` binary, so the command line is checked too. The first report
# fails the run (halt_on_error); RELIABILITY.md records the times and findings.
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  address) scratch=.build-asan ;;
  thread) scratch=.build-tsan ;;
  *)
    echo "usage: scripts/sanitize.sh address|thread [swift test arguments]" >&2
    exit 64
    ;;
esac
sanitizer=$1
shift

export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/scripts/lsan-suppressions.txt}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1}"

# Tests whose figure a sanitizer changes by design, not by a bug: the attack files' 100 MB bound
# reads the peak memory of the CLI children, and instrumented children take several times more
# (shadow memory, quarantine).
skip=(--skip 'AttackFileTests/refused')

start=$SECONDS
swift test --sanitize="$sanitizer" --scratch-path "$scratch" "${skip[@]}" "$@"
echo "sanitize.sh: $sanitizer: the suite passed in $((SECONDS - start)) s"
