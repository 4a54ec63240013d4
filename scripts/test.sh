#!/usr/bin/env bash
# The test command. .ci/run calls exactly this.
#   scripts/test.sh           everything CI runs: install what is missing, build
#                             with warnings as errors, run every test (unit, CLI,
#                             integration against a real Dovecot); then the same
#                             suite under AddressSanitizer + UBSan; then a short
#                             fuzz run of every libFuzzer target
#   scripts/test.sh --quick   only the first part
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
quick=false
[ "${1:-}" = "--quick" ] && quick=true

"$root/scripts/deps.sh"
"$root/scripts/check-layering.sh"

run_suite() {  # BUILD_DIR [cmake options]
  local build=$1; shift
  RSVP_BUILD_DIR=$build "$root/scripts/build.sh" -DRSVP_WERROR=ON "$@"
  (cd "$build" && ctest --no-tests=error --output-on-failure -j2)
}

echo "== tests"
run_suite "${RSVP_BUILD_DIR:-$root/build}"
$quick && exit 0

echo "== tests under AddressSanitizer and UndefinedBehaviorSanitizer"
# Leaks in libraries' process-lifetime caches (libxml2, iconv, curl) are not ours.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
run_suite "$root/build-asan" -DRSVP_SANITIZE=ON

echo "== fuzzing (${RSVP_FUZZ_SECONDS:-8} s per target)"
"$root/scripts/fuzz.sh" "${RSVP_FUZZ_SECONDS:-8}"
