# Faults that end a run with a clear message and the documented status:
# an expired certificate, a certificate for another host, a database that
# cannot be written, a corrupted database; and secrets that never show.
. "$(dirname "$0")/../lib/common.sh"
start_dovecot
export RSVP_IMAP_PASSWORD="$IMAP_PASSWORD"
url="imap://127.0.0.1:$IMAP_PORT/INBOX"
"$RSVP_SOURCE_DIR/scripts/dovecot.sh" load "$TMP/imap" "$RSVP_TEST_DATA/corpus/messages/dev-007.eml" >/dev/null

# reissue_certificate SUBJECT_ALT_NAME DAYS: a new server certificate from the same CA.
reissue_certificate() {
  local dir="$TMP/imap"
  openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial \
    -days "$2" -extfile <(printf 'subjectAltName=%s\n' "$1") -out "$dir/server.crt" 2>/dev/null
  "$RSVP_SOURCE_DIR/scripts/dovecot.sh" restart "$dir" >/dev/null
}

# A certificate for another host is refused, even from the right CA.
reissue_certificate "DNS:imap.example.org" 30
expect_exit 4 "$RSVP_BIN" --db "$TMP/a.db" sync --url "$url" --user "$IMAP_USER" --ca-file "$CA_FILE" --retries 0
expect_contains "$TMP/err" "TLS"
# An expired certificate (valid for no day at all) is refused.
reissue_certificate "IP:127.0.0.1,DNS:localhost" 0
sleep 1
expect_exit 4 "$RSVP_BIN" --db "$TMP/a.db" sync --url "$url" --user "$IMAP_USER" --ca-file "$CA_FILE" --retries 0
reissue_certificate "IP:127.0.0.1,DNS:localhost" 30
expect_exit 0 "$RSVP_BIN" --db "$TMP/a.db" sync --url "$url" --user "$IMAP_USER" --ca-file "$CA_FILE"

# Secrets: not in any output, not in the database, not on the command line.
expect_exit 0 "$RSVP_BIN" --db "$TMP/secret.db" sync --verbose --url "$url" --user "$IMAP_USER" --ca-file "$CA_FILE"
RSVP_IMAP_PASSWORD=wrong-$IMAP_PASSWORD expect_exit 3 "$RSVP_BIN" --db "$TMP/secret.db" sync --verbose --url "$url" --user "$IMAP_USER" --ca-file "$CA_FILE"
! grep -qF -- "$IMAP_PASSWORD" "$TMP/out" "$TMP/err" || fail "the password was printed"
! grep -qaF -- "$IMAP_PASSWORD" "$TMP"/secret.db* || fail "the password is in the database"
"$RSVP_BIN" --db "$TMP/ps.db" sync --url "$url" --user "$IMAP_USER" --ca-file "$CA_FILE" --response-timeout 5 &
pid=$!
cmdline=
for _ in $(seq 100); do  # until the child has exec'd rsvp
  cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)
  [[ $cmdline == *" sync "* ]] && break
  sleep 0.01
done
wait "$pid" || true
[[ $cmdline == *"$IMAP_USER"* ]] || fail "could not read the sync's command line"
[[ $cmdline != *"$IMAP_PASSWORD"* ]] || fail "the password is on the command line"

# A corrupted database: a clear error, not a crash.
head -c 8192 /dev/urandom >"$TMP/corrupt.db"
expect_exit 8 "$RSVP_BIN" --db "$TMP/corrupt.db" headcount
expect_contains "$TMP/err" "error:"

# A database in a directory rsvp may not write (run as nobody: root writes anywhere).
if command -v setpriv >/dev/null; then
  mkdir -p "$TMP/readonly"
  chmod 555 "$TMP/readonly"
  expect_exit 8 setpriv --reuid=65534 --regid=65534 --clear-groups "$RSVP_BIN" --db "$TMP/readonly/rsvp.db" headcount
  expect_contains "$TMP/err" "cannot open the database"
fi
