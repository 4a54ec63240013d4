# A sync killed with SIGKILL resumes without duplicates; a server restart in
# the middle of a sync is survived by reconnecting, with every flag left as
# it was; a second sync of the same database is refused; a server that
# accepts the connection and never answers times out.
. "$(dirname "$0")/../lib/common.sh"
start_dovecot
export RSVP_IMAP_PASSWORD="$IMAP_PASSWORD"
total=5000
# Straight into the empty Maildir: names sort in UID order, one process.
generate_messages "$MAILDIR/new" "$total"
chown -R 65534:65534 "$MAILDIR"
imap_flags >"$TMP/flags.before"
sync_args=(sync --verbose --url "imap://127.0.0.1:$IMAP_PORT/INBOX" --user "$IMAP_USER" --ca-file "$CA_FILE")
sync() { local db=$1; shift; "$RSVP_BIN" --db "$db" "${sync_args[@]}" "$@"; }
# Waits until a sync running in the background has recorded something.
wait_for_progress() {
  local db=$1 i
  for ((i = 0; i < 200; i++)); do
    [ -f "$db" ] && [ "$(count_messages "$db" 2>/dev/null || echo 0)" -gt 0 ] && return 0
    sleep 0.05
  done
  fail "no progress in $db"
}

# 1. kill -9 at three points in the middle, then run again: everything
#    once, nothing twice, and the database intact.
wait_for_more() {  # DB N: until DB holds more than N messages
  local i
  for ((i = 0; i < 400; i++)); do
    [ -f "$1" ] && [ "$(count_messages "$1" 2>/dev/null || echo 0)" -gt "$2" ] && return 0
    sleep 0.05
  done
  fail "no progress in $1"
}
partial=0
for point in 1 2 3; do
  "$RSVP_BIN" --db "$TMP/killed.db" "${sync_args[@]}" >/dev/null 2>&1 &
  pid=$!
  wait_for_more "$TMP/killed.db" "$partial"
  kill -9 "$pid"
  wait "$pid" || true
  partial=$(count_messages "$TMP/killed.db")
  echo "kill $point: $partial of $total messages recorded"
done
[ "$partial" -lt "$total" ] || fail "the sync finished before it was killed: make the mailbox larger"
expect_exit 0 sync "$TMP/killed.db"
expect_eq "$(count_messages "$TMP/killed.db")" "$total" "messages after resuming"
"$RSVP_BIN" --db "$TMP/killed.db" messages --format json >"$TMP/all.json"
expect_eq "$(jq '[.[].message_id] | unique | length' "$TMP/all.json")" "$total" "distinct Message-IDs"
expect_exit 0 "$RSVP_BIN" --db "$TMP/killed.db" check

# 2. The server restarts mid-sync: rsvp reconnects (read-only again) and finishes.
"$RSVP_BIN" --db "$TMP/restarted.db" "${sync_args[@]}" --retries 5 >"$TMP/restart.out" 2>"$TMP/restart.err" &
pid=$!
wait_for_progress "$TMP/restarted.db"
"$RSVP_SOURCE_DIR/scripts/dovecot.sh" restart "$TMP/imap" >/dev/null
status=0
wait "$pid" || status=$?
[ "$status" -eq 0 ] || { cat "$TMP/restart.err"; fail "sync across a restart exited $status"; }
expect_contains "$TMP/restart.out" "reconnected"
expect_eq "$(count_messages "$TMP/restarted.db")" "$total" "messages after a restart mid-sync"
imap_flags >"$TMP/flags.after"
diff -u "$TMP/flags.before" "$TMP/flags.after" || fail "flags changed"

# 3. Another sync holds the lock: refused at once with its own status.
flock "$TMP/locked.db.lock" sleep 5 &
holder=$!
sleep 0.2
expect_exit 9 sync "$TMP/locked.db"
expect_contains "$TMP/err" "another rsvp sync"
kill "$holder" 2>/dev/null || true

# 4. A server that accepts the connection and never answers.
"$RSVP_SILENT_SERVER" 20 >"$TMP/silent.port" &
cleanup_hooks+=("kill $! 2>/dev/null")
for _ in $(seq 50); do [ -s "$TMP/silent.port" ] && break; sleep 0.05; done
start=$(date +%s)
expect_exit 5 "$RSVP_BIN" --db "$TMP/silent.db" sync --url "imap://127.0.0.1:$(cat "$TMP/silent.port")/INBOX" \
  --user x --ca-file "$CA_FILE" --response-timeout 1 --retries 1
elapsed=$(( $(date +%s) - start ))
[ "$elapsed" -lt 15 ] || fail "gave up only after $elapsed s"
