#!/usr/bin/env bash
# Keeps the core pure: nothing in core may include I/O or third-party headers.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bad=$(grep -nE '#include <(curl|sqlite3|CLI|mimetic|libxml|nlohmann|fstream|iostream|filesystem|cstdio|unistd|sys/)' \
        "$root"/src/core/*.cpp "$root"/include/rsvp/core/*.hpp || true)
if [ -n "$bad" ]; then
  echo "core must stay free of I/O and third-party headers:" >&2
  echo "$bad" >&2
  exit 1
fi
