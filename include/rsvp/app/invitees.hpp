// Who was invited, who answered for whom, who has not answered yet, and the
// events a mailbox's replies belong to. Reads the store; writes only
// invitees, links and events.
#pragma once

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rsvp/core/events.hpp"
#include "rsvp/core/invitees.hpp"
#include "rsvp/core/respondents.hpp"
#include "rsvp/store/store.hpp"

namespace rsvp::app {

enum class ListFormat { text, csv, json };

// --- Invitees -----------------------------------------------------------------

struct InviteeImport {
    std::size_t added = 0, updated = 0, unchanged = 0;
    std::vector<std::string> problems;  // rows skipped or merged, with line numbers
    std::size_t skipped = 0;            // rows without a usable address
    std::string encoding;               // UTF-8 or windows-1252
    char separator = ',';
};

// Reads an invitee list (core::read_invitees: UTF-8 or windows-1252, comma or
// semicolon, French or English headers) and records it in one transaction:
// a known address (case aside) gets the file's name, organisation and
// extras; nothing is ever duplicated, so importing the same file again
// changes nothing. Throws rsvp::Error(input) if the file cannot be read,
// rsvp::Error(usage) if it has no address column.
InviteeImport import_invitees(store::Store& store, const std::filesystem::path& file);

// `rsvp link`: from now on the replies from `sender` answer for `invitee`,
// whatever the automatic matching says. Throws rsvp::Error(usage) if
// `invitee` is not on the list or an address is malformed.
void link_sender(store::Store& store, const std::string& sender, const std::string& invitee, const std::string& note);
// `rsvp unlink`: the automatic matching decides again. Throws
// rsvp::Error(usage) if no link is in force for `sender`.
void unlink_sender(store::Store& store, const std::string& sender, const std::string& note);

// --- Events -------------------------------------------------------------------

// One event with everything that follows from its messages.
struct EventView {
    core::Event event;      // name empty: no event is recorded, every message counts
    bool recorded = false;  // false for that implicit event
    std::size_t messages = 0;
    std::vector<core::Respondent> respondents;  // from this event's messages (and corrections, see respondents_for_event)
    std::vector<core::Match> matches;           // one per sender of this event (bounce robots left out)
    std::vector<core::InviteeState> invitees;   // every invitee, in list order
    std::vector<core::Match> unmatched;         // senders with a decision that answer for no invitee: for review
};

// The event `name` names; an empty name means the default one (the only
// event, or the one with the latest date: core::default_event), or, when
// no event is recorded, every message. Throws rsvp::Error(usage) for an
// unknown name.
[[nodiscard]] EventView event_view(const store::Store& store, std::string_view name = {});

// Respondents for one event (empty name: the default event): the messages
// attached to it (core::attach_to_events) decide; a correction (`rsvp set`)
// applies in the events its address wrote to, or in the default event if
// the address never wrote. With one event or none, this is app::respondents.
[[nodiscard]] std::vector<core::Respondent> respondents_for_event(const store::Store& store, std::string_view name = {});

// What `headcount` needs to say about capacity and invitees.
struct EventSummary {
    std::string name;  // empty: the implicit event (no event recorded)
    std::optional<core::CivilDate> date;
    std::string place;
    std::optional<int> capacity;
    core::Headcount headcount;          // of this event's respondents
    std::size_t respondents = 0;
    std::size_t messages = 0;
    std::optional<int> remaining;       // capacity - attending (negative when over); nullopt without capacity
    bool over_capacity = false;         // attending > capacity
    std::size_t invitees = 0;
    std::size_t pending = 0;            // invitees without an answer (tentative counts as an answer)
    std::size_t tentative = 0;          // invitees whose answer is tentative
    std::size_t unreachable = 0;        // invitees whose address bounced
    std::size_t away = 0;               // invitees away on the event's day
    std::size_t unmatched = 0;          // senders to review
};

[[nodiscard]] EventSummary summarize(const EventView& view);
[[nodiscard]] EventSummary event_summary(const store::Store& store, std::string_view name = {});

// What `rsvp event set` changes: options not given keep their value.
struct EventChange {
    std::string name;
    std::optional<std::string> date;  // YYYY-MM-DD, or "" to clear
    std::optional<std::string> place;
    std::optional<int> capacity;      // 0 clears
    std::optional<std::string> invitation_id;
    std::optional<std::string> subject;
};
// Returns true when the event is new. Throws rsvp::Error(usage) for a bad
// date, a negative capacity or an empty name.
bool set_event(store::Store& store, const EventChange& change);
// Throws rsvp::Error(usage) if there is no such event.
void remove_event(store::Store& store, const std::string& name);

// --- Output ---------------------------------------------------------------------

// `invitees list`: every invitee with their answer and flags (text, json; csv too).
void write_invitees(std::ostream& out, const EventView& view, ListFormat format);
// `pending`: invitees who have not answered (with include_tentative, also
// the tentative ones), for a mail merge: address, name, organisation,
// status, unreachable, away_on_the_day, away_until, then the list's extra
// columns. CSV is RFC 4180 with CRLF, formulas neutralised (core::csv_cell).
void write_pending(std::ostream& out, const EventView& view, bool include_tentative, ListFormat format);
// `invitees unmatched`: senders to review and their likely invitees.
void write_unmatched(std::ostream& out, const EventView& view, ListFormat format);
// `event list` / `event show`.
void write_event_summary(std::ostream& out, const EventSummary& summary, ListFormat format);
void write_event_summaries(std::ostream& out, const std::vector<EventSummary>& summaries, ListFormat format);
[[nodiscard]] std::vector<EventSummary> all_event_summaries(const store::Store& store);

}  // namespace rsvp::app
