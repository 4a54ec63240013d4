# reclassify after a "rules change" (a stored row altered with the sqlite3
# shell): exactly that message is reported, and restored.
. "$(dirname "$0")/../lib/common.sh"
command -v sqlite3 >/dev/null || { echo "SKIP: the sqlite3 shell is not installed"; exit 77; }
export RSVP_DB="$TMP/rsvp.db"
marc=marc.lemoine@direccte.gouv.fr
expect_exit 0 "$RSVP_BIN" import "$RSVP_TEST_DATA/corpus/messages"
sqlite3 "$RSVP_DB" "UPDATE messages SET kind = 'other', party_size = 0 WHERE from_address = '$marc'"
expect_exit 0 "$RSVP_BIN" reclassify --dry-run --format json
expect_eq "$(jq -c '[.changed[] | .from + ":" + .before.kind + ">" + .after.kind]' "$TMP/out")" "[\"$marc:other>confirmed\"]" "dry run"
expect_eq "$(sqlite3 "$RSVP_DB" "SELECT kind FROM messages WHERE from_address = '$marc'")" other "dry run writes nothing"
expect_exit 0 "$RSVP_BIN" reclassify
expect_contains "$TMP/out" "1 changed"
expect_contains "$TMP/out" "$marc"
expect_eq "$(sqlite3 "$RSVP_DB" "SELECT kind FROM messages WHERE from_address = '$marc'")" confirmed "restored"

expect_exit 0 "$RSVP_BIN" history "$marc" --format json
expect_eq "$(jq -c '[.[] | .cause]' "$TMP/out")" '["import"]' "history: the altered row never reached the respondents"
expect_exit 0 "$RSVP_BIN" reclassify --format json
expect_eq "$(jq '.changed | length' "$TMP/out")" 0 "a second reclassify changes nothing"
