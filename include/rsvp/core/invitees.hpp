// Who was invited: the invitee list as spreadsheets save it (CSV in UTF-8 or
// windows-1252, comma or semicolon), and which invitee each sender answers
// for. Pure functions over values.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rsvp/core/away.hpp"
#include "rsvp/core/classify.hpp"
#include "rsvp/core/respondents.hpp"

namespace rsvp::core {

struct Invitee {
    std::string address;       // lower-cased
    std::string name;          // "Prénom Nom" when the list has both columns
    std::string organisation;
    std::vector<std::pair<std::string, std::string>> extras;  // other columns: header, value (non-empty values only)
    bool operator==(const Invitee&) const = default;
};

// --- CSV --------------------------------------------------------------------

// Text from a spreadsheet's bytes: a UTF-8 byte order mark is dropped; valid
// UTF-8 is kept as it is, anything else is read as windows-1252. `encoding`
// receives "UTF-8" or "windows-1252".
[[nodiscard]] std::string spreadsheet_text(std::string_view bytes, std::string* encoding = nullptr);

// ';' or ',': whichever occurs more often outside quotes in the header line
// (a tab if there is neither).
[[nodiscard]] char detect_separator(std::string_view header_line);

// RFC 4180: fields separated by `separator`, records by CRLF or LF, quoted
// fields may hold separators, line breaks and doubled quotes. Empty lines are
// skipped. An unterminated quote runs to the end of the text.
[[nodiscard]] std::vector<std::vector<std::string>> parse_csv(std::string_view text, char separator);

// One cell for a CSV file a spreadsheet opens: quoted when needed (RFC 4180),
// and a cell starting with = + - @ tab or CR gets a leading ' so that no
// spreadsheet runs it as a formula.
[[nodiscard]] std::string csv_cell(std::string_view value);

struct InviteeList {
    std::vector<Invitee> invitees;   // one per address, in file order (a later row with the same address updates it)
    std::vector<std::string> problems;  // rows skipped or merged, with their line number
    std::size_t skipped = 0;            // rows skipped (no usable address)
    std::string encoding;
    char separator = ',';
    std::vector<std::string> columns;  // the header as read
    std::string error;  // not empty: nothing could be read (no header, no address column)
};

// Reads an invitee list. Header names are recognised in French and English,
// case, accents and punctuation aside: address (adresse, adresse e-mail,
// e-mail, email, courriel, mail, address), name (nom, name, last name, nom de
// famille, full name), first name (prénom, first name, given name: joined
// before the name), organisation (organisation, organization, organisme,
// structure, service, établissement, entreprise, company). Other columns are
// kept as extras.
[[nodiscard]] InviteeList read_invitees(std::string_view bytes);

// --- Matching senders to invitees -------------------------------------------

// What matching needs to know about one sender (one respondent address).
struct Sender {
    std::string address;  // lower-cased
    std::string name;     // display name
    std::vector<std::string> texts;  // what the sender wrote (reply texts) in the messages that decide
    bool answered = false;  // has a confirmed/declined/tentative status
};

struct Link {
    std::string sender;   // lower-cased
    std::string invitee;  // lower-cased invitee address
};

// How a sender was matched.
enum class MatchRule { none, link, address, name, mentioned, organisation };
[[nodiscard]] std::string_view to_string(MatchRule rule);

struct Match {
    std::string sender;
    std::optional<std::string> invitee;  // the invitee's address; nullopt: for review
    MatchRule rule = MatchRule::none;
    std::vector<std::string> candidates;  // when unmatched: likely invitees (addresses), best first
};

// Rules, first that applies: a person's link; the same address (case
// aside); the display name is an invitee's name (word order, case and
// accents aside); an invitee's full name appears in what the sender wrote
// ("M. le Directeur Jean Dupont"; senders that answered only); the sender's
// domain is the domain of exactly one invitee nobody has answered for yet
// (senders that answered only; not for personal mail providers such as
// gmail.com or orange.fr). A rule that finds several invitees matches none
// and names them as candidates. One Match per sender, in the senders' order.
[[nodiscard]] std::vector<Match> match_senders(const std::vector<Invitee>& invitees, const std::vector<Sender>& senders,
                                               const std::vector<Link>& links);

// The words of a name, folded and without titles (M., Mme, Dr, ...), sorted:
// "DUPONT Jean" and "M. Jean Dupont" give the same key.
[[nodiscard]] std::vector<std::string> name_key(std::string_view name);

// --- Invitees' state for one event -------------------------------------------

struct Bounce {
    std::string recipient;  // the address that could not be reached
    std::string reason;
};

struct Notice {  // an out-of-office notice, by its sender
    std::string sender;
    CivilDate written_on;
    std::string text;
};

struct InviteeState {
    Invitee invitee;
    std::optional<Kind> status;  // nullopt: has not answered
    int party_size = 0;
    bool corrected = false;
    std::vector<std::string> answered_by;  // senders matched to this invitee, sorted
    std::optional<std::string> unreachable;  // the bounce's reason
    std::optional<Absence> absence;          // from the latest notice that gave dates
    bool away_on_the_day = false;            // the absence covers the event's day
};

// Each invitee's state: the latest decision among the senders matched to
// them (a correction first), bounces of their address, and whether a notice
// of theirs says they are away on `event_day`. In the invitees' order.
[[nodiscard]] std::vector<InviteeState> invitee_states(const std::vector<Invitee>& invitees,
                                                       const std::vector<Respondent>& respondents,
                                                       const std::vector<Match>& matches, const std::vector<Bounce>& bounces,
                                                       const std::vector<Notice>& notices,
                                                       const std::optional<CivilDate>& event_day);

// Has not answered yet: no decision, or (with include_tentative) a tentative one.
[[nodiscard]] bool is_pending(const InviteeState& state, bool include_tentative);

}  // namespace rsvp::core
