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
# each with its own Message-ID.
generate_messages() {
  local dir=$1 n=$2 i
  local files=("$RSVP_TEST_DATA"/corpus/messages/*.eml)
  mkdir -p "$dir"
  for ((i = 0; i < n; i++)); do
    sed "s/^\(Message-I[Dd]: *<\)/\1gen$i./" "${files[i % ${#files[@]}]}" >"$dir/$(printf %06d "$i").eml"
  done
}

# count_messages DB: distinct messages recorded in DB.
count_messages() { "$RSVP_BIN" --db "$1" messages --format json | jq length; }

# imap_flags: every message's flags, \Recent left out (it goes to whichever
# session SELECTs first, this check included).
imap_flags() {
  curl -s --ssl-reqd --cacert "$CA_FILE" -u "$IMAP_USER:$IMAP_PASSWORD" \
    "imap://127.0.0.1:$IMAP_PORT/${1:-INBOX}" -X 'FETCH 1:* (FLAGS)' | sed 's/\\Recent \?//; s/ \\Recent//'
}
