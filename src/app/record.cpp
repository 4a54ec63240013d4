#include "rsvp/app/record.hpp"

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

#include "rsvp/core/text.hpp"
#include "rsvp/core/time.hpp"
#include "rsvp/error.hpp"

namespace rsvp::app {

namespace {

std::int64_t now_utc() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

store::Status status_of(const core::Respondent& r) { return {r.status, r.party_size, r.delegate, r.corrected}; }

// "confirmed (2, delegate Mme X, corrected)", or "none".
std::string describe(const store::Status& s) {
    if (!s.status) return "none";
    std::string out(core::to_string(*s.status));
    std::string details;
    if (*s.status == core::Kind::confirmed) details = "party " + std::to_string(s.party_size);
    if (s.delegate) details += (details.empty() ? "" : ", ") + std::string("delegate ") + printable(*s.delegate);
    if (s.corrected) details += (details.empty() ? "" : ", ") + std::string("corrected");
    return details.empty() ? out : out + " (" + details + ")";
}

nlohmann::json status_json(const store::Status& s) {
    return {{"status", s.status ? nlohmann::json(core::to_string(*s.status)) : nlohmann::json(nullptr)},
            {"party_size", s.party_size},
            {"delegate", s.delegate ? nlohmann::json(*s.delegate) : nlohmann::json(nullptr)},
            {"corrected", s.corrected}};
}

std::string checked_address(const std::string& address) {
    const std::string lowered = core::lower_ascii(core::trim(address));
    if (lowered.empty() || lowered.find('@') == std::string::npos) {
        throw Error(ErrorKind::usage, "'" + address + "' is not an e-mail address", "give the respondent's address, e.g. anne.martin@example.fr");
    }
    return lowered;
}

}  // namespace

std::vector<store::HistoryEntry> record_status_changes(store::Store& store, std::string_view cause, std::string_view note) {
    std::map<std::string, store::Status> recorded;
    for (auto& [address, status] : store.recorded_statuses()) recorded.emplace(std::move(address), std::move(status));
    const std::int64_t now = now_utc();
    std::vector<store::HistoryEntry> changes;
    auto change = [&](const std::string& address, const store::Status& before, const store::Status& after,
                      const std::string& decided_by, const std::string& correction_note, bool by_arrival) {
        if (before == after) return;
        store::HistoryEntry entry{0, address, now, std::string(cause), decided_by, note.empty() ? correction_note : std::string(note),
                                  by_arrival, before, after};
        store.append_history(entry);
        changes.push_back(std::move(entry));
    };
    for (const core::Respondent& r : respondents(store)) {
        const auto known = recorded.find(r.address);
        change(r.address, known == recorded.end() ? store::Status{} : known->second, status_of(r), r.decided_by, r.note,
               r.decided_by_arrival);
        if (known != recorded.end()) recorded.erase(known);
    }
    // Whoever is left has no respondent any more (a withdrawn correction for
    // an address that never wrote).
    for (const auto& [address, before] : recorded) change(address, before, store::Status{}, "", "", false);
    return changes;
}

std::vector<store::HistoryEntry> refresh_respondents(store::Store& store, std::string_view cause) {
    std::vector<store::HistoryEntry> changes;
    store.in_transaction([&] { changes = record_status_changes(store, cause); });
    return changes;
}

std::vector<store::HistoryEntry> set_correction(store::Store& store, const CorrectionRequest& request) {
    if (!core::is_decision(request.status)) {
        throw Error(ErrorKind::usage, "a correction sets confirmed, declined or tentative, not " + std::string(core::to_string(request.status)));
    }
    const bool confirmed = request.status == core::Kind::confirmed;
    if (!confirmed && request.party_size.value_or(0) != 0) {
        throw Error(ErrorKind::usage, "only a confirmed respondent has a party size", "leave out --party, or use --status confirmed");
    }
    if (!confirmed && request.delegate) {
        throw Error(ErrorKind::usage, "only a confirmed respondent sends a delegate", "leave out --delegate, or use --status confirmed");
    }
    if (confirmed && request.party_size.value_or(1) < 1) {
        throw Error(ErrorKind::usage, "a confirmed respondent brings at least one person", "give --party 1 or more, or another --status");
    }
    store::CorrectionRecord correction;
    correction.address = checked_address(request.address);
    correction.status = request.status;
    correction.party_size = confirmed ? request.party_size.value_or(1) : 0;
    correction.delegate = request.delegate;
    correction.note = request.note;
    correction.made_utc = now_utc();
    std::vector<store::HistoryEntry> changes;
    store.in_transaction([&] {
        store.record_correction(correction);
        changes = record_status_changes(store, "set", correction.note);
    });
    return changes;
}

std::vector<store::HistoryEntry> unset_correction(store::Store& store, const std::string& address, const std::string& note) {
    store::CorrectionRecord withdrawal;
    withdrawal.address = checked_address(address);
    withdrawal.note = note;
    withdrawal.made_utc = now_utc();
    std::vector<store::HistoryEntry> changes;
    store.in_transaction([&] {
        if (!store.correction_in_force(withdrawal.address)) {
            throw Error(ErrorKind::usage, "no correction is in force for " + withdrawal.address, "rsvp history ADDRESS shows what decided it");
        }
        store.record_correction(withdrawal);
        changes = record_status_changes(store, "unset", withdrawal.note);
    });
    return changes;
}

void write_history(std::ostream& out, const std::vector<store::HistoryEntry>& entries, Format format) {
    if (format == Format::json) {
        nlohmann::json doc = nlohmann::json::array();
        for (const auto& e : entries) {
            doc.push_back({{"address", e.address},
                           {"at", core::to_iso8601({e.at_utc, 0})},
                           {"cause", e.cause},
                           {"decided_by", e.decided_by.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.decided_by)},
                           {"note", e.note.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.note)},
                           {"decided_by_arrival", e.by_arrival},
                           {"before", status_json(e.before)},
                           {"after", status_json(e.after)}});
        }
        out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        return;
    }
    std::vector<std::vector<std::string>> rows{{"WHEN", "CAUSE", "BEFORE", "AFTER", "DECIDED BY"}};
    for (const auto& e : entries) {
        std::string by = e.decided_by.empty() ? "-" : printable(e.decided_by);
        if (!e.note.empty()) by += " (" + printable(e.note) + ")";
        if (e.by_arrival) by += " (no usable Date: placed by arrival)";
        rows.push_back({core::to_iso8601({e.at_utc, 0}), e.cause, describe(e.before), describe(e.after), by});
    }
    write_table(out, rows);
}

}  // namespace rsvp::app
