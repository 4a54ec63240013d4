#!/usr/bin/env bash
# Configures and builds rsvp in build/ (or $RSVP_BUILD_DIR). Extra arguments
# go to cmake's configure step, e.g. -DRSVP_SANITIZE=ON. Progress lines are
# left out; warnings and errors are not.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${RSVP_BUILD_DIR:-$root/build}
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$build" -j2 | { grep -vE '^\[ *[0-9]+%\] (Building|Built|Linking)' || true; }
