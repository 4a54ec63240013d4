// The record of who decided what: corrections by a person, and the audit
// trail of every change of a respondent's status.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rsvp/app/report.hpp"
#include "rsvp/store/store.hpp"

namespace rsvp::app {

// Recomputes every respondent and appends a history entry for each whose
// status, party size, delegate or correction changed since its last entry,
// with `cause` (import, sync, set, unset, reclassify) and the deciding
// message or correction. Call after every write; it is exact whatever
// happened in between (a missed call is caught up by the next one).
// Runs in its own transaction; returns the entries it appended.
std::vector<store::HistoryEntry> refresh_respondents(store::Store& store, std::string_view cause);

// The same, inside a transaction the caller holds. `note`, if not empty,
// is recorded instead of the deciding correction's note (set and unset
// record the note given with them).
std::vector<store::HistoryEntry> record_status_changes(store::Store& store, std::string_view cause, std::string_view note = {});

// What `rsvp set` asks for.
struct CorrectionRequest {
    std::string address;
    core::Kind status = core::Kind::confirmed;
    std::optional<int> party_size;  // confirmed only; 1 when not given
    std::optional<std::string> delegate;  // confirmed only
    std::string note;
};

// Records a correction (which wins over every message until withdrawn) and
// the status change it makes. Throws rsvp::Error(usage) for a status that is
// not a decision, or a party size or delegate that contradicts it.
std::vector<store::HistoryEntry> set_correction(store::Store& store, const CorrectionRequest& request);

// Withdraws the correction in force for `address`, so its messages decide
// again. Throws rsvp::Error(usage) if there is none.
std::vector<store::HistoryEntry> unset_correction(store::Store& store, const std::string& address, const std::string& note);

// `rsvp history`: text, one line per change, or a JSON array.
void write_history(std::ostream& out, const std::vector<store::HistoryEntry>& entries, Format format);

}  // namespace rsvp::app
