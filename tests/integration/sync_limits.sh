# A message larger than the limit is recorded from its header only, marked,
# and the sync exits 1; the insecure-plaintext setting warns on every run.
. "$(dirname "$0")/../lib/common.sh"
start_dovecot
export RSVP_IMAP_PASSWORD="$IMAP_PASSWORD" RSVP_DB="$TMP/rsvp.db"
"$RSVP_SOURCE_DIR/scripts/dovecot.sh" load "$TMP/imap" "$RSVP_TEST_DATA/corpus/messages/dev-041.eml" \
  "$RSVP_TEST_DATA/corpus/messages/dev-007.eml" >/dev/null
size41=$(stat -c %s "$RSVP_TEST_DATA/corpus/messages/dev-041.eml")
size07=$(stat -c %s "$RSVP_TEST_DATA/corpus/messages/dev-007.eml")
[ "$size41" -gt 10240 ] && [ "$size07" -lt 10240 ] || fail "fixture sizes changed: $size41 $size07"

expect_exit 1 "$RSVP_BIN" sync --verbose --url "imap://127.0.0.1:$IMAP_PORT/INBOX" --user "$IMAP_USER" \
  --ca-file "$CA_FILE" --max-message-size 0.01
expect_contains "$TMP/out" "1 skipped (too large)"
expect_contains "$TMP/err" "too large"
"$RSVP_BIN" messages --format json >"$TMP/m.json"
expect_eq "$(jq length "$TMP/m.json")" 2 "both messages recorded"
jq -e --arg s "$size41" '.[] | select(.problems != null and (.problems | contains("body not fetched") and contains($s)))' "$TMP/m.json" >/dev/null \
  || fail "the large message is not marked with its size"
expect_eq "$(jq -r '.[] | select(.problems | . != null and contains("body not fetched")) | .subject' "$TMP/m.json" | grep -c .)" 1 "header of the large message decoded"

expect_exit 0 "$RSVP_BIN" sync --url "imap://127.0.0.1:$IMAP_PORT/INBOX" --user "$IMAP_USER" --ca-file "$CA_FILE" --insecure-plaintext
expect_contains "$TMP/err" "insecure-plaintext"
