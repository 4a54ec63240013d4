# Settings come from the config file's sections; the command line wins.
. "$(dirname "$0")/../lib/common.sh"
mkdir -p "$XDG_CONFIG_HOME/rsvp"
cat >"$XDG_CONFIG_HOME/rsvp/rsvp.conf" <<CONF
db = "$TMP/from-config.db"
[sync]
url = "imaps://127.0.0.1:1/INBOX"
user = "someone"
password-command = "echo secret"
connect-timeout = 2
retries = 0
CONF
# Port 1 refuses: the config's server, user and password were all taken.
expect_exit 5 "$RSVP_BIN" sync
expect_contains "$TMP/err" "imaps://127.0.0.1:1/"
[ -f "$TMP/from-config.db" ] || fail "the config's db was not used"
expect_exit 0 "$RSVP_BIN" --db "$TMP/from-cli.db" headcount
[ -f "$TMP/from-cli.db" ] || fail "--db did not win over the config"
# The example config documents every setting and parses.
expect_exit 5 "$RSVP_BIN" --config "$RSVP_SOURCE_DIR/config/rsvp.example.conf" --db "$TMP/x.db" sync --url imaps://127.0.0.1:1/INBOX --password-command "echo x" --connect-timeout 2 --retries 0
