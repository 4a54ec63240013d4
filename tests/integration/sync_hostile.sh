# Hostile messages arrive by IMAP like any other: each is stored and marked,
# none crashes or stalls the sync, and the ordinary replies around them are
# recorded as usual.
. "$(dirname "$0")/../lib/common.sh"
start_dovecot
export RSVP_IMAP_PASSWORD="$IMAP_PASSWORD" RSVP_DB="$TMP/rsvp.db"
h="$TMP/hostile"
mkdir -p "$h"
header() { printf 'From: Hostile <hostile-%s@example.org>\r\nSubject: %s\r\nDate: Tue, 18 Oct 2016 10:00:00 +0200\r\nMessage-ID: <hostile-%s@example.org>\r\n' "$1" "$1" "$1"; }

# 100,000 nested multiparts.
{ header nested; printf 'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b0"\r\n\r\n'
  awk 'BEGIN { for (i = 0; i < 100000; i++) printf "--b%d\r\nContent-Type: multipart/mixed; boundary=\"b%d\"\r\n\r\n", i, i + 1 }'
  printf 'Je serai présent.\r\n'; } >"$h/01-nested.eml"
# A 10 MB header line.
{ header longline; printf 'X-Long: '; head -c 10000000 /dev/zero | tr '\0' 'a'; printf '\r\n\r\nJe serai présent.\r\n'; } >"$h/02-longline.eml"
# A base64 attachment that decodes to 20 MB of zeros.
{ header bomb; printf 'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="x"\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nOui.\r\n--x\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n'
  head -c 20000000 /dev/zero | base64 -w 76 | sed 's/$/\r/'; printf -- '--x--\r\n'; } >"$h/03-bomb.eml"
# Invalid charsets everywhere, NUL bytes, a header line without a colon.
{ header charset; printf 'Content-Type: text/plain; charset="x-no-such-charset"\r\nbroken header line\r\nContent-Transfer-Encoding: 8bit\r\n\r\nJe serai pr\xe9sent\x00 le 16.\r\n'; } >"$h/04-charset.eml"
# Random bytes.
head -c 65536 /dev/urandom >"$h/05-random.eml"

"$RSVP_SOURCE_DIR/scripts/dovecot.sh" load "$TMP/imap" "$RSVP_TEST_DATA/corpus/messages/dev-007.eml" "$h" \
  "$RSVP_TEST_DATA/corpus/messages/dev-009.eml" >/dev/null
start=$(date +%s)
status=0
"$RSVP_BIN" sync --verbose --url "imap://127.0.0.1:$IMAP_PORT/INBOX" --user "$IMAP_USER" --ca-file "$CA_FILE" \
  --max-message-size 64 >"$TMP/out" 2>"$TMP/err" || status=$?
elapsed=$(( $(date +%s) - start ))
[ "$status" -eq 0 ] || [ "$status" -eq 1 ] || { cat "$TMP/err"; fail "sync exited $status"; }
[ "$elapsed" -lt 60 ] || fail "the sync took $elapsed s"
expect_contains "$TMP/out" "INBOX: 7 seen, 7 new"
"$RSVP_BIN" messages --format json >"$TMP/m.json"
expect_eq "$(jq length "$TMP/m.json")" 7 "every message stored"
for id in nested longline charset; do
  expect_eq "$(jq -r --arg id "<hostile-$id@example.org>" '.[] | select(.message_id == $id) | .problems != null' "$TMP/m.json")" true "$id marked"
done
expect_eq "$(jq -r '.[] | select(.message_id == "<hostile-charset@example.org>") | .kind' "$TMP/m.json")" confirmed "latin-1 read despite its label"
expect_eq "$(jq -r '[.[] | select(.source | test("UID=(1|7)$")) | .kind] | sort | join(",")' "$TMP/m.json")" "confirmed,declined" "ordinary replies around them"
echo "hostile sync took $elapsed s"
