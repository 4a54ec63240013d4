# import records .eml files idempotently; messages and headcount report them as JSON.
. "$(dirname "$0")/../lib/common.sh"
export RSVP_DB="$TMP/rsvp.db"
corpus="$RSVP_TEST_DATA/corpus/messages"

expect_exit 0 "$RSVP_BIN" import "$corpus"
expect_exit 0 "$RSVP_BIN" messages --format json
expect_eq "$(jq length "$TMP/out")" 61 "messages from 62 files with one duplicate"
for field in source message_id from date subject kind party_size delegate bounced_recipient reply_text evidence; do
  expect_eq "$(jq "[.[] | has(\"$field\")] | all" "$TMP/out")" true "field $field"
done
expect_eq "$(jq -r '[.[] | select(.message_id == "<A4EBE485DAB86F7E55061A2C048DD7DB@SRV-EXCH01.ITER.local>")] | length' "$TMP/out")" 1 "duplicate stored once"
expect_eq "$(jq -r '.[] | select(.source | endswith("dev-010.eml")) | .date' "$TMP/out")" "2016-10-18T10:02:55+02:00" "ISO 8601 date"

# A second import of the same files records nothing new.
cp "$RSVP_DB" "$TMP/before.db"
expect_exit 0 "$RSVP_BIN" import "$corpus"
expect_exit 0 "$RSVP_BIN" messages --format json
expect_eq "$(jq length "$TMP/out")" 61 "messages after a second import"

expect_exit 0 "$RSVP_BIN" headcount --format json
for field in attending confirmed declined tentative; do
  expect_eq "$(jq "has(\"$field\")" "$TMP/out")" true "headcount field $field"
done
expect_eq "$(jq '.respondents' "$TMP/out")" 48 "respondents (one per sender address)"

# A missing file is an input error.
expect_exit 10 "$RSVP_BIN" import "$TMP/no-such.eml"
