# Each way a sync can fail gets its own exit status and a one-line hint.
. "$(dirname "$0")/../lib/common.sh"
start_dovecot
export RSVP_DB="$TMP/rsvp.db"
url="imap://127.0.0.1:$IMAP_PORT/INBOX"

RSVP_IMAP_PASSWORD=wrong expect_exit 3 "$RSVP_BIN" sync --url "$url" --user "$IMAP_USER" --ca-file "$CA_FILE"
expect_contains "$TMP/err" "refused the login"
expect_contains "$TMP/err" "hint:"

export RSVP_IMAP_PASSWORD="$IMAP_PASSWORD"
# The server's certificate is not trusted without its CA file.
expect_exit 4 "$RSVP_BIN" sync --url "$url" --user "$IMAP_USER"
expect_contains "$TMP/err" "--ca-file"

expect_exit 6 "$RSVP_BIN" sync --url "imap://127.0.0.1:$IMAP_PORT/NoSuchFolder" --user "$IMAP_USER" --ca-file "$CA_FILE"
expect_contains "$TMP/err" "NoSuchFolder"

# Nothing listens on a port just closed.
"$RSVP_SOURCE_DIR/scripts/dovecot.sh" stop "$TMP/imap" >/dev/null
expect_exit 5 "$RSVP_BIN" sync --url "$url" --user "$IMAP_USER" --ca-file "$CA_FILE" --connect-timeout 5 --retries 0
expect_contains "$TMP/err" "cannot reach"
