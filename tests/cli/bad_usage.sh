# Usage errors exit 2 with a message on stderr and nothing on stdout.
. "$(dirname "$0")/../lib/common.sh"
export RSVP_DB="$TMP/rsvp.db"
expect_exit 2 "$RSVP_BIN" --no-such-flag headcount
[ -s "$TMP/err" ] || fail "no message for a bad flag"
expect_exit 2 "$RSVP_BIN"
expect_exit 2 "$RSVP_BIN" headcount --format xml
expect_exit 2 "$RSVP_BIN" import
# sync without a server or a password says what is missing.
unset RSVP_IMAP_PASSWORD
expect_exit 2 "$RSVP_BIN" sync
expect_contains "$TMP/err" "no IMAP server"
expect_exit 2 "$RSVP_BIN" sync --url imaps://127.0.0.1/INBOX --user x
expect_contains "$TMP/err" "RSVP_IMAP_PASSWORD"
expect_exit 2 "$RSVP_BIN" sync --url http://127.0.0.1/INBOX --user x
# A config file named on the command line must exist.
expect_exit 2 "$RSVP_BIN" --config "$TMP/no-such.conf" headcount
