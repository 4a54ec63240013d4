#!/usr/bin/env bash
# The test command: installs what is missing, builds with warnings as
# errors, and runs every test, unit and integration (real Dovecot, real
# SQLite files, the real binary). .ci/run calls exactly this.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/deps.sh"
"$root/scripts/build.sh" -DRSVP_WERROR=ON "$@"
"$root/scripts/check-layering.sh"
cd "${RSVP_BUILD_DIR:-$root/build}"
ctest --no-tests=error --output-on-failure -j2
