#!/usr/bin/env bash
# Builds the libFuzzer targets with clang, ASan and UBSan, and runs each for
# SECONDS (default 8), seeded from the test messages. A crash fails the run
# and leaves its input in build-fuzz/findings/.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-8}; shift || true
build=${RSVP_FUZZ_DIR:-$root/build-fuzz}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(decode header_words html extract classify imap_response report)

CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DRSVP_FUZZ=ON -DRSVP_SANITIZE=ON -DRSVP_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j2 --target "${targets[@]/#/fuzz_}" >/dev/null

# Seeds: the sample messages, and for reply extraction their bodies too.
seeds="$build/seeds"
mkdir -p "$seeds/messages" "$build/findings"
cp "$root"/tests/data/corpus/messages/*.eml "$seeds/messages/"
[ -d "$root/tests/data/replies" ] && cp "$root"/tests/data/replies/*.txt "$seeds/messages/" 2>/dev/null || true
printf '* OK [UIDVALIDITY 7] ok\r\n* 1 FETCH (UID 3 BODY[] {5}\r\nhello)\r\nR1 OK done\r\n' >"$seeds/messages/imap.txt"

status=0
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  mkdir -p "$corpus"
  echo "fuzz_$target: ${seconds}s"
  # -rss_limit_mb bounds memory, -timeout flags a single input that stalls.
  if ! "$build/tests/fuzz/fuzz_$target" "$corpus" "$seeds/messages" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -max_len=262144 -artifact_prefix="$build/findings/$target-" -print_final_stats=1 \
      >"$build/fuzz_$target.log" 2>&1; then
    status=1
    echo "fuzz_$target FOUND A PROBLEM:" >&2
    grep -E "ERROR|SUMMARY|Test unit written" "$build/fuzz_$target.log" >&2 || tail -20 "$build/fuzz_$target.log" >&2
  else
    grep -E "stat::number_of_executed_units" "$build/fuzz_$target.log" | sed "s/^/  /"
  fi
done
exit $status
