# Reports in every format, byte for byte against tests/data/golden/, on the
# sample replies plus hostile ones (a formula as display name, escape
# sequences in a subject and a name, a name with a comma and quotes).
#   RSVP_UPDATE_GOLDEN=1 ctest -R cli.reports    rewrites the golden files
. "$(dirname "$0")/../lib/common.sh"
export RSVP_DB="$TMP/rsvp.db"
golden="$RSVP_TEST_DATA/golden"

# Relative paths, so that sources in the output do not depend on the checkout.
(cd "$RSVP_TEST_DATA" && "$RSVP_BIN" import corpus/messages hostile >/dev/null)

ext() { case $1 in text) echo txt ;; *) echo "$1" ;; esac; }

# check NAME COMMAND...: each format of COMMAND against golden/NAME.EXT.
check() {
  local name=$1; shift
  local format file
  for format in text csv tsv json jsonl; do
    file="$golden/$name.$(ext $format)"
    expect_exit 0 "$RSVP_BIN" "$@" --format "$format"
    [ -s "$TMP/err" ] && fail "$* --format $format wrote to stderr: $(cat "$TMP/err")"
    if [ "${RSVP_UPDATE_GOLDEN:-}" = 1 ]; then
      cp "$TMP/out" "$file"
    else
      cmp -s "$TMP/out" "$file" || { diff "$file" "$TMP/out" | head -20; fail "$* --format $format differs from $file"; }
    fi
    case $format in
      json) jq -e . "$TMP/out" >/dev/null || fail "$* --format json is not JSON" ;;
      jsonl) while IFS= read -r line; do
               jq -e . <<<"$line" >/dev/null || fail "$* --format jsonl: not JSON: $line"
             done <"$TMP/out" ;;
      text) grep -q $'\033' "$TMP/out" && fail "$* --format text: an escape character reached the output" ;;
    esac
    # Only what came from a message may be non-ASCII, and all of it is UTF-8.
    iconv -f UTF-8 -t UTF-8 "$TMP/out" >/dev/null || fail "$* --format $format is not UTF-8"
  done
  return 0
}

check headcount headcount
check list list
check messages messages
check review review
check show show jean.dupont@nice.fr
check show-escape show escape@example.net

# The formula in a display name is neutralised in CSV and TSV.
expect_contains "$golden/list.csv" "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
expect_contains "$golden/messages.csv" "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
expect_contains "$golden/messages.csv" ",'+Re: Invitation au club des acheteurs,"
expect_contains "$golden/messages.tsv" $'\t\'=HYPERLINK("http://x","y")\t'
grep -q '^=\|,=' "$golden/list.csv" && fail "a cell begins with ="
# CSV: a byte order mark, CRLF line ends; TSV and the rest: neither.
expect_eq "$(head -c 3 "$golden/list.csv" | od -An -tx1 | tr -d ' ')" efbbbf "CSV byte order mark"
expect_eq "$(grep -c $'\r$' "$golden/headcount.csv")" 2 "CSV lines ending in CRLF"
grep -q $'\r' "$golden/list.tsv" && fail "CR in TSV"
expect_eq "$(jq -r '.[] | select(.from == "jean.dupont@nice.fr") | .name' "$golden/messages.json")" 'Dupont, Jean "JD" (Mairie de Nice)' "name with a comma and quotes"
expect_eq "$(jq -r '.[] | select(.address == "jean.dupont@nice.fr") | .organisation' "$golden/list.json")" "Mairie de Nice" "organisation"
# The escape sequences come out clean in text, intact (escaped) in JSON.
expect_contains "$golden/show-escape.txt" "subject     Re: Invitation URGENT"
expect_contains "$golden/show-escape.txt" "name          Eve Terminal"
expect_contains "$golden/messages.txt" "Re: Invitation URGENT"
expect_eq "$(jq -r '.[] | select(.from == "escape@example.net") | .subject' "$golden/messages.json" | grep -c $'\033\\[31m')" 1 "escape kept in JSON"

# On a terminal (a pseudo-terminal from script(1)): a bold header, unless
# NO_COLOR is set; the message's escape sequences stay out either way.
if command -v script >/dev/null; then
  TERM=xterm script -qec "'$RSVP_BIN' list" /dev/null >"$TMP/tty"
  grep -q $'\033\\[1mADDRESS' "$TMP/tty" || fail "no bold header on a terminal"
  expect_eq "$(grep -c $'\033' "$TMP/tty")" 1 "escape sequences on a terminal"
  TERM=xterm NO_COLOR=1 script -qec "'$RSVP_BIN' list" /dev/null >"$TMP/tty"
  grep -q $'\033' "$TMP/tty" && fail "NO_COLOR not honoured"
  expect_contains "$TMP/tty" "Eve Terminal"
fi

# Filters.
expect_exit 0 "$RSVP_BIN" list --status declined --format json
expect_eq "$(jq 'length' "$TMP/out")" 11 "declined respondents"
expect_eq "$(jq '[.[] | select(.status != "declined")] | length' "$TMP/out")" 0 "only declined"
expect_exit 0 "$RSVP_BIN" list --status undecided --format jsonl
expect_eq "$(jq -s 'map(.status) | unique' -c "$TMP/out")" '["undecided"]' "only undecided"
expect_exit 0 "$RSVP_BIN" messages --kind bounce --format json
expect_eq "$(jq -c '[.[].kind] | unique' "$TMP/out")" '["bounce"]' "only bounces"
expect_eq "$(jq length "$TMP/out")" 2 "bounces"
expect_exit 0 "$RSVP_BIN" messages --since 2016-11-10 --format json
expect_eq "$(jq length "$TMP/out")" 3 "messages since 10 November"
expect_exit 0 "$RSVP_BIN" messages --since 2016-11-15T09:40:00+02:00 --kind confirmed --format json
expect_eq "$(jq -r '.[].from' "$TMP/out")" elodie.marchand@ville-arles.fr "since an instant, confirmed"
expect_exit 0 "$RSVP_BIN" show CLAIRE.Jourdan@ars.sante.fr --format json
expect_eq "$(jq -c '[.messages[].kind]' "$TMP/out")" '["declined","confirmed"]' "messages in date order"
expect_eq "$(jq -r .status "$TMP/out")" confirmed "status shown"

# A correction shows in list, show and review (not compared byte for byte:
# it carries the time it was made).
expect_exit 0 "$RSVP_BIN" set jerome.barbier@mairie-aixenprovence.fr --status confirmed --party 2 --note "phoned"
expect_exit 0 "$RSVP_BIN" show jerome.barbier@mairie-aixenprovence.fr --format json
expect_eq "$(jq -c '[.corrected, .decided_by, .party_size, .note]' "$TMP/out")" '[true,"correction 1",2,"phoned"]' "corrected respondent"
expect_eq "$(jq -c '[.corrections[] | [.action, .status, .party_size, .note]]' "$TMP/out")" '[["set","confirmed",2,"phoned"]]' "corrections"
expect_exit 0 "$RSVP_BIN" show jerome.barbier@mairie-aixenprovence.fr
expect_contains "$TMP/out" "confirmed (corrected), party of 2"
expect_contains "$TMP/out" "correction 1 decides"
expect_exit 0 "$RSVP_BIN" review --format json
expect_eq "$(jq '[.[] | select(.address == "jerome.barbier@mairie-aixenprovence.fr")] | length' "$TMP/out")" 0 "a correction settles the contradiction"

# Usage errors: exit 2, a message on stderr, nothing on stdout.
for args in "show nobody@example.org" "messages --since yesterday" "messages --kind maybe" "list --status maybe" \
            "list --format xml" "review --format html"; do
  # shellcheck disable=SC2086
  expect_exit 2 "$RSVP_BIN" $args
  [ -s "$TMP/out" ] && fail "rsvp $args wrote to stdout"
  [ -s "$TMP/err" ] || fail "rsvp $args: no error message"
done
expect_contains <(echo; "$RSVP_BIN" show nobody@example.org 2>&1 || true) "error: no respondent nobody@example.org"

# An empty database: exit 0; CSV and TSV a header row, JSON [], JSON Lines nothing.
export RSVP_DB="$TMP/empty.db"
bom=$'\xef\xbb\xbf'
for report in list messages review; do
  expect_exit 0 "$RSVP_BIN" $report --format csv
  expect_eq "$(wc -l <"$TMP/out")" 1 "$report csv lines"
  expect_eq "$(head -c 3 "$TMP/out")" "$bom" "$report csv BOM"
  expect_exit 0 "$RSVP_BIN" $report --format tsv
  expect_eq "$(wc -l <"$TMP/out")" 1 "$report tsv lines"
  expect_exit 0 "$RSVP_BIN" $report --format json
  expect_eq "$(cat "$TMP/out")" "[]" "$report json"
  expect_exit 0 "$RSVP_BIN" $report --format jsonl
  expect_eq "$(wc -c <"$TMP/out")" 0 "$report jsonl bytes"
  expect_exit 0 "$RSVP_BIN" $report
  expect_eq "$(wc -l <"$TMP/out")" 1 "$report text: the header only"
done
expect_eq "$(head -1 "$golden/list.tsv")" "$(RSVP_DB="$TMP/empty.db" "$RSVP_BIN" list --format tsv)" "same header when empty"
expect_exit 0 "$RSVP_BIN" headcount --format json
expect_eq "$(jq -c '[.attending, .respondents, .messages, .review]' "$TMP/out")" "[0,0,0,0]" "empty headcount"
expect_exit 2 "$RSVP_BIN" show nobody@example.org
exit 0
