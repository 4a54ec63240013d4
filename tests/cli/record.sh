# The record: corrections (set/unset), history, reclassify, backup, check,
# private files, and import of mbox and Maildir.
. "$(dirname "$0")/../lib/common.sh"
export RSVP_DB="$TMP/rsvp.db"
corpus="$RSVP_TEST_DATA/corpus/messages"
marc=marc.lemoine@direccte.gouv.fr

expect_exit 0 "$RSVP_BIN" import "$corpus"
expect_eq "$(stat -c %a "$RSVP_DB")" 600 "database mode"

# History of an imported respondent: one entry, caused by the import.
expect_exit 0 "$RSVP_BIN" history "$marc" --format json
expect_eq "$(jq length "$TMP/out")" 1 "history entries after import"
expect_eq "$(jq -r '.[0].cause' "$TMP/out")" import "cause"
expect_eq "$(jq -r '.[0].before.status' "$TMP/out")" null "status before"
expect_eq "$(jq -r '.[0].after.status' "$TMP/out")" confirmed "status after"
expect_eq "$(jq -r '.[0].decided_by' "$TMP/out")" "<282092CD0E50337AC9F38E6D70F4D6B2@SRV-EXCH01.DIRECCTE.local>" "deciding message"

# A correction wins, is counted, and survives a re-import and a reclassify.
expect_exit 0 "$RSVP_BIN" set "$marc" --status declined --note "phoned: cannot come"
expect_contains "$TMP/out" "declined (corrected)"
expect_exit 0 "$RSVP_BIN" headcount --format json
expect_eq "$(jq .attending "$TMP/out")" 47 "attending after the correction"
expect_eq "$(jq .corrected "$TMP/out")" 1 "corrected respondents"
expect_exit 0 "$RSVP_BIN" import "$corpus"
expect_exit 0 "$RSVP_BIN" reclassify --format json
expect_eq "$(jq '.changed | length' "$TMP/out")" 0 "reclassify changes nothing"
expect_exit 0 "$RSVP_BIN" headcount --format json
expect_eq "$(jq .attending "$TMP/out")" 47 "attending after import and reclassify"
expect_exit 0 "$RSVP_BIN" history "$marc" --format json
expect_eq "$(jq -c '[.[] | .cause]' "$TMP/out")" '["import","set"]' "history causes"
expect_eq "$(jq -r '.[1].note' "$TMP/out")" "phoned: cannot come" "note"
expect_eq "$(jq -r '.[1].before.status + " -> " + .[1].after.status' "$TMP/out")" "confirmed -> declined" "previous value"
expect_exit 0 "$RSVP_BIN" unset "$marc"
expect_exit 0 "$RSVP_BIN" headcount --format json
expect_eq "$(jq .attending "$TMP/out")" 48 "attending after unset"
expect_exit 0 "$RSVP_BIN" history "$marc"
expect_contains "$TMP/out" "unset"
# Usage errors: nothing to unset, contradictory options, a bad status.
expect_exit 2 "$RSVP_BIN" unset "$marc"
expect_exit 2 "$RSVP_BIN" set "$marc" --status declined --party 2
expect_exit 2 "$RSVP_BIN" set "$marc" --status maybe
expect_exit 2 "$RSVP_BIN" set "$marc"

# Backup and check.
expect_exit 0 "$RSVP_BIN" backup "$TMP/backup.db"
expect_eq "$(stat -c %a "$TMP/backup.db")" 600 "backup mode"
expect_exit 0 "$RSVP_BIN" --db "$TMP/backup.db" check
expect_eq "$(cat "$TMP/out")" ok "check of the backup"
expect_exit 0 "$RSVP_BIN" --db "$TMP/backup.db" headcount --format json
expect_eq "$(jq .attending "$TMP/out")" 48 "headcount from the backup"
expect_exit 2 "$RSVP_BIN" backup "$RSVP_DB"
expect_exit 0 "$RSVP_BIN" check

# A backup taken while an import writes is a consistent database.
mkdir "$TMP/many"
for i in $(seq 1 300); do
  printf 'From: p%s@x.fr\r\nMessage-ID: <many-%s@x>\r\nDate: Tue, 18 Oct 2016 09:00:00 +0200\r\nSubject: Re: Invitation\r\n\r\nJe serai présent.\r\n' "$i" "$i" >"$TMP/many/$i.eml"
done
"$RSVP_BIN" import "$TMP/many" >/dev/null 2>"$TMP/import.err" &
importer=$!
for i in 1 2 3 4 5; do
  expect_exit 0 "$RSVP_BIN" backup "$TMP/during-$i.db"
  expect_exit 0 "$RSVP_BIN" --db "$TMP/during-$i.db" check
done
wait "$importer" || { cat "$TMP/import.err"; fail "import during backups failed"; }
expect_exit 0 "$RSVP_BIN" headcount --format json
expect_eq "$(jq .messages "$TMP/out")" 361 "all messages recorded"

# A damaged database fails its check with the database exit code.
cp "$TMP/backup.db" "$TMP/damaged.db"
size=$(stat -c %s "$TMP/damaged.db")
dd if=/dev/urandom of="$TMP/damaged.db" bs=4096 seek=$((size / 8192)) count=4 conv=notrunc status=none
expect_exit 8 "$RSVP_BIN" --db "$TMP/damaged.db" check
expect_contains "$TMP/err" "integrity"

# mbox and Maildir go through the same pipeline, idempotently.
export RSVP_DB="$TMP/boxes.db"
mkdir -p "$TMP/Maildir/cur" "$TMP/Maildir/new" "$TMP/Maildir/tmp"
n=0
for f in "$corpus"/dev-00*.eml; do
  n=$((n + 1))
  if [ $((n % 2)) -eq 0 ]; then
    cp "$f" "$TMP/Maildir/cur/100$n.M1P1.host:2,S"
  else
    { echo "From sender@example.org Mon Oct 17 14:37:00 2016"; sed 's/^\(>*From \)/>\1/' "$f"; echo; } >>"$TMP/replies.mbox"
  fi
done
expect_exit 0 "$RSVP_BIN" import "$TMP/replies.mbox" "$TMP/Maildir"
expect_exit 0 "$RSVP_BIN" messages --format json
expect_eq "$(jq length "$TMP/out")" "$n" "messages from mbox and Maildir"
expect_exit 0 "$RSVP_BIN" import "$TMP/replies.mbox" "$TMP/Maildir"
expect_exit 0 "$RSVP_BIN" messages --format json
expect_eq "$(jq length "$TMP/out")" "$n" "after a second import"
# The same classification as the .eml files themselves.
export RSVP_DB="$TMP/eml.db"
expect_exit 0 "$RSVP_BIN" import "$corpus"/dev-00*.eml
expect_exit 0 "$RSVP_BIN" messages --format json
jq -c 'sort_by(.message_id) | [.[] | [.message_id, .kind, .party_size, .reply_text]]' "$TMP/out" >"$TMP/eml.json"
RSVP_DB="$TMP/boxes.db" "$RSVP_BIN" messages --format json | jq -c 'sort_by(.message_id) | [.[] | [.message_id, .kind, .party_size, .reply_text]]' >"$TMP/boxes.json"
cmp -s "$TMP/eml.json" "$TMP/boxes.json" || { diff "$TMP/eml.json" "$TMP/boxes.json" | head; fail "mbox/Maildir classify differently"; }
