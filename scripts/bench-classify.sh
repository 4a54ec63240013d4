#!/usr/bin/env bash
# Messages classified per second (decode + extract + classify) on one core,
# over the development corpus repeated ROUNDS times (default 200).
#   scripts/bench-classify.sh [ROUNDS]
# Builds a Release tree in $RSVP_BENCH_BUILD_DIR (default build-release/).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-200}
build=${RSVP_BENCH_BUILD_DIR:-$root/build-release}
log="$build/bench-build.log"
mkdir -p "$build"
if ! { cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release && cmake --build "$build" --target bench_classify -j2; } >"$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi
# One core: pinned when taskset is there (the program is single-threaded anyway).
pin=()
if command -v taskset >/dev/null; then pin=(taskset -c 0); fi
"${pin[@]}" "$build/tests/bench_classify" "$root/tests/data/corpus/messages" "$rounds"
