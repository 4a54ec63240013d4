# The manual page renders without warnings and names every command; the bash
# completion offers the commands, their options and values, and addresses.
. "$(dirname "$0")/../lib/common.sh"
page="$RSVP_SOURCE_DIR/src/cli/rsvp.1"
completion="$RSVP_SOURCE_DIR/src/cli/rsvp.bash-completion"

commands=$("$RSVP_BIN" --help | awk '/^Subcommands:/ { on = 1; next } on && NF { print $1 }')
[ -n "$commands" ] || fail "no commands in rsvp --help"

# Every command, and every sub-command of a command, in the page and the completion.
for command in $commands; do
  grep -q "^\.B[I]* $command\b\|^\.B[I]* \"$command " "$page" || fail "$command is not in the manual page"
  grep -q "\b$command\b" "$completion" || fail "$command is not in the bash completion"
  for sub in $("$RSVP_BIN" "$command" --help | awk '/^Subcommands:/ { on = 1; next } on && NF { print $1 }'); do
    grep -q "^\.B[I]* \"*$command $sub\b" "$page" || fail "$command $sub is not in the manual page"
  done
done
for section in NAME SYNOPSIS COMMANDS OPTIONS FILES ENVIRONMENT "EXIT STATUS" EXAMPLES; do
  grep -q "^\.SH \"*$section\"*$" "$page" || fail "no $section section"
done
grep -q '^15 2 \* \* \*' "$page" || fail "no crontab line in EXAMPLES"

# The completion, driven as bash drives it.
export RSVP_DB="$TMP/rsvp.db"
(cd "$RSVP_TEST_DATA" && "$RSVP_BIN" import hostile >/dev/null)
complete_line() {
  bash -c '
    . "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
    PATH="$(dirname "$RSVP_BIN"):$PATH" _rsvp
    printf "%s\n" "${COMPREPLY[@]}"' _ "$completion" "$@"
}
expect_eq "$(complete_line rsvp lis)" list "command"
expect_eq "$(complete_line rsvp --db "$RSVP_DB" rev)" review "command after --db"
expect_eq "$(complete_line rsvp list --format "" | tr '\n' ' ')" "text csv tsv json jsonl " "formats"
expect_eq "$(complete_line rsvp history x --format "" | tr '\n' ' ')" "text json " "history formats"
expect_eq "$(complete_line rsvp messages --k)" --kind "option"
expect_eq "$(complete_line rsvp show j)" jean.dupont@nice.fr "address"

# The page renders without a warning (man-db and groff).
command -v man >/dev/null || { echo "SKIP: man is not installed"; exit 77; }
warnings=$(MANWIDTH=80 man -l "$page" 2>&1 >/dev/null)
[ -z "$warnings" ] || fail "man -l warns: $warnings"
MANWIDTH=80 man -l "$page" 2>/dev/null | grep -q "EXIT STATUS" || fail "the page does not render"
exit 0
