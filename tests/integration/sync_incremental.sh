# Incremental sync: only new UIDs are fetched; a rebuilt mailbox (new
# UIDVALIDITY) is rescanned and only what is really new is recorded; several
# mailboxes, one with an accented name.
. "$(dirname "$0")/../lib/common.sh"
start_dovecot
export RSVP_IMAP_PASSWORD="$IMAP_PASSWORD" RSVP_DB="$TMP/rsvp.db"
sync() { "$RSVP_BIN" sync --verbose --url "imap://127.0.0.1:$IMAP_PORT/INBOX" --user "$IMAP_USER" --ca-file "$CA_FILE" --retries 0 "$@"; }
corpus=("$RSVP_TEST_DATA"/corpus/messages/*.eml)

"$RSVP_SOURCE_DIR/scripts/dovecot.sh" load "$TMP/imap" "${corpus[@]:0:20}" >/dev/null
expect_exit 0 sync
expect_contains "$TMP/out" "INBOX: 20 seen, 20 new"
"$RSVP_SOURCE_DIR/scripts/dovecot.sh" load "$TMP/imap" "${corpus[@]:20}" >/dev/null
expect_exit 0 sync
expect_contains "$TMP/out" "INBOX: 42 seen, 41 new, 1 duplicate"
expect_exit 0 sync
expect_contains "$TMP/out" "INBOX: 0 seen, 0 new"
expect_eq "$(count_messages "$RSVP_DB")" 61 "messages after three syncs"

# Rebuild the mailbox: Dovecot forgets its UIDs and gives a new UIDVALIDITY.
# The same messages come back under new UIDs, with two really new ones.
"$RSVP_SOURCE_DIR/scripts/dovecot.sh" stop "$TMP/imap" >/dev/null
sleep 1  # UIDVALIDITY is a timestamp: make sure it changes
rm -f "$MAILDIR"/dovecot-uidlist "$MAILDIR"/dovecot.index* "$MAILDIR"/dovecot.list.index*
generate_messages "$TMP/new" 2
"$RSVP_SOURCE_DIR/scripts/dovecot.sh" restart "$TMP/imap" >/dev/null
"$RSVP_SOURCE_DIR/scripts/dovecot.sh" load "$TMP/imap" "$TMP/new" >/dev/null
expect_exit 0 sync
expect_contains "$TMP/err" "UIDVALIDITY changed"
expect_contains "$TMP/out" "INBOX: 64 seen, 2 new, 62 duplicate"
expect_eq "$(count_messages "$RSVP_DB")" 63 "messages after the rebuild"
expect_exit 0 sync
expect_contains "$TMP/out" "INBOX: 0 seen, 0 new"

# A second mailbox with an accented name (modified UTF-7 on the wire and on disk).
folder="$MAILDIR/.R&AOk-ponses"
mkdir -p "$folder"/{cur,new,tmp}
generate_messages "$TMP/folder" 1
sed -i 's/gen0\./folder./' "$TMP/folder/000000.eml"
cp "$TMP/folder/000000.eml" "$folder/new/0000000001.eml-test"
chown -R 65534:65534 "$folder"
expect_exit 0 sync --mailbox "Réponses"
expect_contains "$TMP/out" "Réponses: 1 seen, 1 new"
"$RSVP_BIN" messages --format json >"$TMP/messages.json"
expect_eq "$(jq -r '[.[].source | select(startswith("Réponses;UIDVALIDITY="))] | length' "$TMP/messages.json")" 1 "source in the accented mailbox"

# --dry-run says what would be recorded and writes nothing.
"$RSVP_SOURCE_DIR/scripts/dovecot.sh" load "$TMP/imap" "$RSVP_TEST_DATA/corpus/messages/dev-007.eml" >/dev/null
generate_messages "$TMP/dry" 3  # gen0 and gen1 are known from the rebuild above
"$RSVP_SOURCE_DIR/scripts/dovecot.sh" load "$TMP/imap" "$TMP/dry" >/dev/null
before=$(sha256sum "$RSVP_DB" | cut -d' ' -f1)
expect_exit 0 sync --dry-run
expect_contains "$TMP/out" "INBOX: 4 seen, 1 new, 3 duplicate"
expect_contains "$TMP/out" "dry run"
expect_eq "$(sha256sum "$RSVP_DB" | cut -d' ' -f1)" "$before" "database after a dry run"
expect_exit 0 sync
expect_contains "$TMP/out" "INBOX: 4 seen, 1 new, 3 duplicate"
