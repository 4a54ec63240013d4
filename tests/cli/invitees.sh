# invitees import/list/unmatched, pending, link/unlink and events over the
# development corpus and tests/data/invitees (lists in windows-1252 with
# semicolons and in UTF-8 with commas; out-of-office notices; replies to a
# second invitation).
. "$(dirname "$0")/../lib/common.sh"
export RSVP_DB="$TMP/rsvp.db"
data="$RSVP_TEST_DATA/invitees"
rsvp() { "$RSVP_BIN" "$@"; }

expect_exit 0 rsvp import "$RSVP_TEST_DATA/corpus/messages" "$data/messages/away-fr.eml" "$data/messages/away-en.eml"

# Import: encoding and separator detected; a second import changes nothing.
expect_exit 0 rsvp invitees import "$data/invitees-fr.csv"
expect_contains "$TMP/out" "46 added, 0 updated, 0 unchanged (windows-1252, ';')"
expect_exit 0 rsvp invitees import "$data/invitees-en.csv"
expect_contains "$TMP/out" "9 added, 0 updated, 0 unchanged (UTF-8, ',')"
expect_exit 0 rsvp invitees import "$data/invitees-fr.csv"
expect_contains "$TMP/out" "0 added, 0 updated, 46 unchanged"
expect_exit 0 rsvp invitees list --format json
expect_eq "$(jq length "$TMP/out")" 55 "invitees after a second import"
expect_eq "$(jq -r '.[] | select(.address == "nathalie.girard@mairie-toulon.fr") | .extras["Téléphone"]' "$TMP/out")" "+33 4 94 36 30 00" "extras kept"
# The same address in another case, with a new organisation: updated, not added.
printf 'E-mail,Nom,Organisation\nDANIEL.NOVAK@eurecom.fr,Daniel Novak,EURECOM Sophia\n' >"$TMP/update.csv"
expect_exit 0 rsvp invitees import "$TMP/update.csv"
expect_contains "$TMP/out" "0 added, 1 updated, 0 unchanged"
expect_exit 0 rsvp invitees list --format json
expect_eq "$(jq length "$TMP/out")" 55 "invitees after an update"
expect_eq "$(jq -r '.[] | select(.address == "daniel.novak@eurecom.fr") | .organisation' "$TMP/out")" "EURECOM Sophia" "organisation updated"
expect_exit 0 rsvp invitees import "$data/invitees-en.csv"
expect_contains "$TMP/out" "0 added, 1 updated, 8 unchanged"

# Bad lists: a row without an address is skipped (exit 1); no address column
# is a usage error; a missing file an input error.
printf 'Nom;Courriel\nSans adresse;\nAnne;anne@x.fr\n' >"$TMP/partial.csv"
expect_exit 1 rsvp --db "$TMP/other.db" invitees import "$TMP/partial.csv"
expect_contains "$TMP/err" "warning: line 2: no address, row skipped"
printf 'Nom;Téléphone\nAnne;1\n' >"$TMP/no-address.csv"
expect_exit 2 rsvp --db "$TMP/other.db" invitees import "$TMP/no-address.csv"
expect_contains "$TMP/err" "no address column"
expect_exit 10 rsvp invitees import "$TMP/missing.csv"

# Matching: a display name (personal address), a name in the reply (the
# service's address writing for its director), review for the ambiguous one.
expect_exit 0 rsvp invitees list --format json
by() { jq -r --arg a "$1" '.[] | select(.address == $a) | [.status, (.answered_by | map(.sender + ":" + .rule) | join(" "))] | join(" ")' "$TMP/out"; }
expect_eq "$(by fabienne.roux@ch-aix.fr)" "confirmed fabienne.roux13@gmail.com:name" "matched by display name"
expect_eq "$(by aurelie.blanc@mairie-avignon.com)" "confirmed commande.publique@mairie-avignon.com:mentioned" "secretary matched to her director by name"
expect_eq "$(by pgiraud@var.fr)" "declined pgiraud@var.fr:address" "matched by address"
expect_eq "$(by arnaud.lefevre@bpifrance.fr)" "confirmed arnaud.lefevre@bpifrance.fr:address" "address case aside"
expect_exit 0 rsvp invitees unmatched --format json
expect_eq "$(jq -c '[.[] | {sender, status, candidates: [.candidates[].address]}]' "$TMP/out")" \
  '[{"sender":"k.belkacem@rtm.fr","status":"confirmed","candidates":["claire.vasseur@rtm.fr","olivier.tessier@rtm.fr"]}]' "ambiguous sent to review"

# Pending without any event recorded: everything is one event.
expect_exit 0 rsvp pending --format json
expect_eq "$(jq length "$TMP/out")" 14 "pending"
expect_eq "$(jq -r '.[] | select(.address == "jean-luc.meyer@ville-gap.fr") | .unreachable' "$TMP/out")" \
  "550 5.1.1 <jean-luc.meyer@ville-gap.fr>: Recipient address rejected: User unknown in virtual mailbox table" "bounce dev-002"
expect_eq "$(jq -r '.[] | select(.address == "thomas.renard@cg04.fr") | .unreachable' "$TMP/out")" \
  "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup" "bounce dev-003"
expect_eq "$(jq '[.[] | select(.away_on_the_day)] | length' "$TMP/out")" 0 "no event day, no away on the day"

# The event, then the exact pending list, away on the day included.
expect_exit 0 rsvp event set club-2016-11 --date 2016-11-16 --place "Préfecture de région, Marseille" --capacity 60 \
  --invitation "<invitation-club-acheteurs-20161016@paca.pref.gouv.fr>"
expect_exit 0 rsvp pending --format csv
cmp "$TMP/out" "$data/pending-club-2016-11.csv" || { diff "$TMP/out" "$data/pending-club-2016-11.csv"; fail "pending CSV"; }
expect_exit 0 rsvp pending --include-tentative --format json
expect_eq "$(jq -r '[.[] | select(.status == "tentative") | .address] | join(" ")' "$TMP/out")" \
  "anne-sophie.guerin@univ-tln.fr daniel.novak@eurecom.fr" "--include-tentative"
expect_eq "$(jq length "$TMP/out")" 16 "pending with tentative"
expect_exit 0 rsvp pending
expect_contains "$TMP/out" "away on the day (until 2016-11-18)"
expect_contains "$TMP/out" "unreachable (550 5.1.1"
expect_exit 0 rsvp invitees list
expect_contains "$TMP/out" "commande.publique@mairie-avignon.com (mentioned)"

# A person's link wins, and can be withdrawn.
expect_exit 0 rsvp link K.Belkacem@rtm.fr claire.vasseur@rtm.fr --note "Mme Vasseur's assistant"
expect_exit 0 rsvp invitees unmatched --format json
expect_eq "$(jq length "$TMP/out")" 0 "nothing to review after the link"
expect_exit 0 rsvp pending --format json
expect_eq "$(jq '[.[] | .address] | index("claire.vasseur@rtm.fr")' "$TMP/out")" null "linked invitee answered"
expect_exit 0 rsvp invitees list --format json
expect_eq "$(by claire.vasseur@rtm.fr)" "confirmed k.belkacem@rtm.fr:link" "link"
expect_exit 2 rsvp link k.belkacem@rtm.fr nobody@rtm.fr
expect_contains "$TMP/err" "not on the invitee list"
expect_exit 0 rsvp unlink k.belkacem@rtm.fr
expect_exit 2 rsvp unlink k.belkacem@rtm.fr
expect_exit 0 rsvp invitees unmatched --format json
expect_eq "$(jq length "$TMP/out")" 1 "back to review after unlink"

# A second event in the same mailbox: replies by thread (In-Reply-To, a
# reply to a reply) and by date; each event keeps its own answers.
expect_exit 0 rsvp event set club-2017-03 --date 2017-03-15 --place Nice --capacity 4 \
  --invitation "<invitation-club-acheteurs-20170215@paca.pref.gouv.fr>"
expect_exit 0 rsvp import "$data/messages"
expect_exit 0 rsvp event show club-2017-03 --format json
expect_eq "$(jq -c '[.attending, .confirmed, .declined, .respondents, .messages, .capacity, .remaining, .over_capacity]' "$TMP/out")" \
  '[5,3,1,4,4,4,-1,true]' "second event"
expect_exit 0 rsvp event show club-2016-11 --format json
expect_eq "$(jq -c '[.attending, .respondents, .capacity, .remaining, .over_capacity, .invitees, .pending, .unreachable, .away, .unmatched]' "$TMP/out")" \
  '[48,50,60,12,false,55,14,2,2,1]' "first event, as before"
expect_exit 0 rsvp invitees list --event club-2016-11 --format json
expect_eq "$(by pgiraud@var.fr)" "declined pgiraud@var.fr:address" "first event keeps its answer"
expect_eq "$(by thierry.bonnet@ville-cannes.fr)" "confirmed thierry.bonnet@ville-cannes.fr:address" "first event"
expect_exit 0 rsvp invitees list --event club-2017-03 --format json
expect_eq "$(by pgiraud@var.fr)" "confirmed pgiraud@var.fr:address" "second event by References"
expect_eq "$(by thierry.bonnet@ville-cannes.fr)" "declined thierry.bonnet@ville-cannes.fr:address" "second event by date"
expect_eq "$(by marc.lemoine@direccte.gouv.fr)" "confirmed marc.lemoine@direccte.gouv.fr:address" "second event by a reply's thread"
# The first event's pending list is unchanged by the second event's replies.
expect_exit 0 rsvp pending --event club-2016-11 --format csv
cmp "$TMP/out" "$data/pending-club-2016-11.csv" || fail "pending CSV after the second event's replies"
# Without --event: the latest event.
expect_exit 0 rsvp pending --format json
expect_eq "$(jq length "$TMP/out")" 51 "second event's pending by default"
expect_exit 0 rsvp event list --format json
expect_eq "$(jq -r 'map(.name) | join(" ")' "$TMP/out")" "club-2016-11 club-2017-03" "event list"
expect_exit 0 rsvp event list
expect_contains "$TMP/out" "-1 (over capacity)"
expect_exit 2 rsvp pending --event no-such-event
expect_contains "$TMP/err" "the events are: club-2016-11, club-2017-03"
expect_exit 2 rsvp event set bad --date 16/11/2016
expect_exit 2 rsvp event remove no-such-event
expect_exit 0 rsvp event set club-2017-03 --capacity 0
expect_exit 0 rsvp event show club-2017-03 --format json
expect_eq "$(jq -c '[.capacity, .remaining, .over_capacity, .place]' "$TMP/out")" '[null,null,false,"Nice"]' "capacity cleared, place kept"
expect_exit 0 rsvp event remove club-2017-03
expect_exit 0 rsvp event list --format json
expect_eq "$(jq length "$TMP/out")" 1 "one event left"
