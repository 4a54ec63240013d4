# rsvp sync against a real Dovecot on 127.0.0.1 loaded with the sample
# replies: STARTTLS and IMAPS with the server's CA, every message recorded
# once, flags untouched, a second sync fetching nothing, and the headcount
# the same as importing the files.
. "$(dirname "$0")/../lib/common.sh"
start_dovecot
"$RSVP_SOURCE_DIR/scripts/dovecot.sh" load "$TMP/imap" "$RSVP_TEST_DATA/corpus/messages" >/dev/null
export RSVP_IMAP_PASSWORD="$IMAP_PASSWORD"

imap_flags >"$TMP/flags.before"
expect_eq "$(grep -c "^uid:" "$TMP/flags.before")" 62 "messages in the mailbox"
grep -q 'Seen' "$TMP/flags.before" && fail "messages start unseen"

# STARTTLS on the imap port.
expect_exit 0 "$RSVP_BIN" --db "$TMP/sync.db" sync --verbose --url "imap://127.0.0.1:$IMAP_PORT/INBOX" --user "$IMAP_USER" --ca-file "$CA_FILE"
expect_contains "$TMP/out" "INBOX: 62 seen, 61 new, 1 duplicate"
expect_exit 0 "$RSVP_BIN" --db "$TMP/sync.db" messages --format json
expect_eq "$(jq length "$TMP/out")" 61 "distinct messages recorded"
expect_eq "$(jq -r '[.[].source | select(test("^INBOX;UIDVALIDITY=[0-9]+;UID=[0-9]+$"))] | length' "$TMP/out")" 61 "IMAP sources"

# Read-only: no flag changed.
imap_flags >"$TMP/flags.after"
diff -u "$TMP/flags.before" "$TMP/flags.after" || fail "sync changed flags on the server"

# A second sync fetches nothing.
expect_exit 0 "$RSVP_BIN" --db "$TMP/sync.db" sync --verbose --url "imap://127.0.0.1:$IMAP_PORT/INBOX" --user "$IMAP_USER" --ca-file "$CA_FILE"
expect_contains "$TMP/out" "INBOX: 0 seen, 0 new"

# The same replies imported from files give the same headcount.
expect_exit 0 "$RSVP_BIN" --db "$TMP/sync.db" headcount --format json
cp "$TMP/out" "$TMP/headcount.sync"
expect_exit 0 "$RSVP_BIN" --db "$TMP/files.db" import "$RSVP_TEST_DATA/corpus/messages"
expect_exit 0 "$RSVP_BIN" --db "$TMP/files.db" headcount --format json
diff -u <(jq -S 'del(.messages)' "$TMP/out") <(jq -S 'del(.messages)' "$TMP/headcount.sync") || fail "IMAP and file headcounts differ"
expect_exit 0 "$RSVP_BIN" --db "$TMP/sync.db" headcount
expect_contains "$TMP/out" "attending"

# IMAPS with the CA file works too.
expect_exit 0 "$RSVP_BIN" --db "$TMP/imaps.db" sync --url "imaps://127.0.0.1:$IMAPS_PORT/INBOX" --user "$IMAP_USER" --ca-file "$CA_FILE"
expect_exit 0 "$RSVP_BIN" --db "$TMP/imaps.db" messages --format json
expect_eq "$(jq length "$TMP/out")" 61 "messages over IMAPS"
