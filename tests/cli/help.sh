# --help works at the top and for every command, and exits 0.
. "$(dirname "$0")/../lib/common.sh"
expect_exit 0 "$RSVP_BIN" --help
expect_contains "$TMP/out" "sync"
expect_contains "$TMP/out" "headcount"
for command in sync import headcount messages; do
  expect_exit 0 "$RSVP_BIN" "$command" --help
  expect_contains "$TMP/out" "$command"
done
