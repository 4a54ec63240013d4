# explain shows why a message got its kind: the deciding words marked in the
# reply text, the rule, the confidence; by Message-ID or by source.
. "$(dirname "$0")/../lib/common.sh"
export RSVP_DB="$TMP/rsvp.db"
corpus="$RSVP_TEST_DATA/corpus/messages"
expect_exit 0 "$RSVP_BIN" import "$corpus"

# By source file name: a delegation, its words marked with «…» (not a terminal).
expect_exit 0 "$RSVP_BIN" explain dev-010.eml
expect_contains "$TMP/out" "kind        confirmed"
expect_contains "$TMP/out" "delegate    Mme Sandrine Roussel"
expect_contains "$TMP/out" "rule        delegate:represented-by"
expect_contains "$TMP/out" "je «me ferai représenter» par Mme Sandrine Roussel"
grep -q $'\033' "$TMP/out" && fail "escape sequences written to a file"

# By Message-ID, with or without angle brackets: a decline read in a negated clause.
id=$(jq -r '.[] | select(.source | endswith("dev-009.eml")) | .message_id' <("$RSVP_BIN" messages --format json))
expect_exit 0 "$RSVP_BIN" explain "$id"
expect_contains "$TMP/out" "kind        declined"
expect_contains "$TMP/out" "je ne «serai pas présent» le 16 novembre"
expect_exit 0 "$RSVP_BIN" explain "${id:1:${#id}-2}"
expect_contains "$TMP/out" "kind        declined"

# The quoted invitation is not shown: only what the sender wrote.
grep -q "Je vous invite à confirmer" "$TMP/out" && fail "quoted invitation in the explanation"

# A bounce is decided by its report, not by words in the reply.
expect_exit 0 "$RSVP_BIN" explain dev-002.eml
expect_contains "$TMP/out" "kind        bounce"
expect_contains "$TMP/out" "read in     report"

# An unknown message is a usage error with a hint.
expect_exit 2 "$RSVP_BIN" explain "<nobody@example.org>"
expect_contains "$TMP/err" "error: no message <nobody@example.org>"
expect_contains "$TMP/err" "hint:"
