# headcount adds the invitee figures once there is an invitee list, and the
# capacity once the event has one, warning when confirmations exceed it.
. "$(dirname "$0")/../lib/common.sh"
export RSVP_DB="$TMP/rsvp.db"
expect_exit 0 "$RSVP_BIN" import "$RSVP_TEST_DATA/corpus/messages"
expect_exit 0 "$RSVP_BIN" headcount --format json
expect_eq "$(jq 'has("invitees") or has("capacity")' "$TMP/out")" false "no invitee or capacity figures without a list"

expect_exit 0 "$RSVP_BIN" invitees import "$RSVP_TEST_DATA/invitees/invitees-fr.csv"
expect_exit 0 "$RSVP_BIN" pending --format json
pending=$(jq length "$TMP/out")
expect_exit 0 "$RSVP_BIN" headcount --format json
expect_eq "$(jq .invitees "$TMP/out")" 46 "invitees"
expect_eq "$(jq .pending "$TMP/out")" "$pending" "not answered, as rsvp pending lists them"
expect_eq "$(jq .unreachable "$TMP/out")" 2 "bounced invitees"

expect_exit 0 "$RSVP_BIN" event set club --date 2016-11-16 --capacity 40
expect_exit 0 "$RSVP_BIN" headcount --format json
expect_eq "$(jq .capacity "$TMP/out")" 40 "capacity"
expect_eq "$(jq .remaining "$TMP/out")" -8 "remaining seats (negative: over)"
expect_contains "$TMP/err" "more than its capacity of 40"
expect_exit 0 "$RSVP_BIN" headcount
expect_contains "$TMP/out" "not answered"
