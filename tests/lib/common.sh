# Shared by the shell tests: strict mode, a temporary directory, assertions.
# Each test is a plain script that CTest runs; exit 77 means "skipped".
set -euo pipefail

: "${RSVP_BIN:?run through ctest, which sets RSVP_BIN}"
: "${RSVP_SOURCE_DIR:?}"
: "${RSVP_TEST_DATA:?}"

TMP=$(mktemp -d /tmp/rsvp-test.XXXXXX)
# Never read the config or database of whoever runs the tests.
export XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data"
unset RSVP_CONFIG RSVP_DB RSVP_IMAP_PASSWORD
chmod 755 "$TMP"
cleanup_hooks=()
cleanup() {
  local hook
  for hook in "${cleanup_hooks[@]+"${cleanup_hooks[@]}"}"; do eval "$hook" || true; done
  rm -rf "$TMP"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

# expect_exit CODE COMMAND...: runs COMMAND, output to $TMP/out and $TMP/err.
expect_exit() {
  local want=$1; shift
  local got=0
  "$@" >"$TMP/out" 2>"$TMP/err" || got=$?
  if [ "$got" -ne "$want" ]; then
    echo "--- stdout"; cat "$TMP/out"; echo "--- stderr"; cat "$TMP/err"
    fail "'$*' exited $got, expected $want"
  fi
}

expect_eq() { [ "$1" == "$2" ] || fail "${3:-value}: got '$1', expected '$2'"; }
expect_contains() { grep -qF -- "$2" "$1" || { cat "$1"; fail "$1 does not contain '$2'"; }; }

# Starts a throwaway Dovecot in $TMP/imap (skips the test if there is none)
# and sources its settings: IMAP_PORT, IMAPS_PORT, IMAP_USER, IMAP_PASSWORD, CA_FILE.
start_dovecot() {
  command -v dovecot >/dev/null || command -v /usr/sbin/dovecot >/dev/null || { echo "SKIP: dovecot is not installed"; exit 77; }
  "$RSVP_SOURCE_DIR/scripts/dovecot.sh" start "$TMP/imap" >/dev/null
  cleanup_hooks+=("'$RSVP_SOURCE_DIR/scripts/dovecot.sh' stop '$TMP/imap' >/dev/null 2>&1")
  # shellcheck source=/dev/null
  . "$TMP/imap/env"
}

# generate_messages DIR N: N distinct messages made from the sample replies,
# each with its own Message-ID (one awk process: thousands take a second).
generate_messages() {
  mkdir -p "$1"
  awk -v dir="$1" -v n="$2" '
    FNR == 1 { t++ }
    { lines[t, FNR] = $0; count[t] = FNR }
    END {
      for (i = 0; i < n; i++) {
        k = i % t + 1
        file = sprintf("%s/%06d.eml", dir, i)
        for (l = 1; l <= count[k]; l++) {
          line = lines[k, l]
          if (line ~ /^Message-I[Dd]: *</) sub(/</, "<gen" i ".", line)
          print line > file
        }
        close(file)
      }
    }' "$RSVP_TEST_DATA"/corpus/messages/*.eml
}

# count_messages DB: distinct messages recorded in DB.
count_messages() { "$RSVP_BIN" --db "$1" messages --format json | jq length; }

# imap_flags [MAILBOX]: every message's UID and flags, read by Dovecot's own
# doveadm (an IMAP client would be one more session); \Recent left out, as it
# belongs to whichever session opened the mailbox first.
imap_flags() {
  doveadm -c "$TMP/imap/dovecot.conf" fetch -u "$IMAP_USER" "uid flags" mailbox "${1:-INBOX}" all | sed 's/\\Recent//'
}
