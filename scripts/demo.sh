#!/usr/bin/env bash
# The demo: installs what is missing, builds, starts a throwaway Dovecot on
# 127.0.0.1 loaded with the sample replies, runs `rsvp sync` against it over
# STARTTLS with the server's own CA file, prints `rsvp headcount`, and stops
# the server.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/deps.sh"
"$root/scripts/build.sh"
rsvp="${RSVP_BUILD_DIR:-$root/build}/src/rsvp"

work=$(mktemp -d /tmp/rsvp-demo.XXXXXX)
trap '"$root/scripts/dovecot.sh" stop "$work/imap" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
"$root/scripts/dovecot.sh" start "$work/imap" >/dev/null
"$root/scripts/dovecot.sh" load "$work/imap" "$root/tests/data/corpus/messages" >/dev/null
# shellcheck source=/dev/null
. "$work/imap/env"

export RSVP_IMAP_PASSWORD="$IMAP_PASSWORD"
"$rsvp" --db "$work/rsvp.db" sync --verbose --url "imap://127.0.0.1:$IMAP_PORT/INBOX" --user "$IMAP_USER" --ca-file "$CA_FILE"
echo
"$rsvp" --db "$work/rsvp.db" headcount
