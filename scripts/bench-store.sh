#!/usr/bin/env bash
# Times the store's read paths on a generated database of COUNT messages
# (default 100000): headcount, and the per-respondent and per-message
# listings. Prints milliseconds, best of RUNS (default 5).
#   scripts/bench-store.sh [COUNT]
# Builds in $RSVP_BUILD_DIR (default build/) first; the database is made in a
# temporary directory and removed afterwards.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
count=${1:-100000}
runs=${RUNS:-5}
build=${RSVP_BUILD_DIR:-$root/build}
"$root/scripts/build.sh" >/dev/null
rsvp="$build/src/rsvp"
gen="$build/tests/gen_store"

tmp=$(mktemp -d /tmp/rsvp-bench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export RSVP_DB="$tmp/bench.db" XDG_CONFIG_HOME="$tmp/config"
unset RSVP_CONFIG

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

start=$(date +%s%N)
"$gen" "$RSVP_DB" "$count"
echo "generated $count messages in $(ms "$start") ms ($(du -h "$RSVP_DB" | cut -f1))"

# best_of NAME COMMAND...: the fastest of $runs runs, output discarded.
best_of() {
  local name=$1; shift
  local best='' t
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$@" >/dev/null
    t=$(ms "$start")
    if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
  done
  printf '%-34s %6s ms\n' "$name" "$best"
}

best_of "headcount" "$rsvp" headcount
best_of "headcount --format json" "$rsvp" headcount --format json
# `list` (one row per respondent) where this rsvp has it.
if "$rsvp" --help | grep -qE '^ +list +'; then
  best_of "list --format json" "$rsvp" list --format json
fi
best_of "messages --format json" "$rsvp" messages --format json
best_of "history ADDRESS" "$rsvp" history person1@organisation1.fr
best_of "check" "$rsvp" check
best_of "backup" "$rsvp" backup "$tmp/backup.db"
"$rsvp" headcount
