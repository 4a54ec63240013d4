#include "rsvp/app/reclassify.hpp"

#include <nlohmann/json.hpp>
#include <ostream>
#include <utility>

#include "rsvp/app/pipeline.hpp"
#include "rsvp/app/record.hpp"

namespace rsvp::app {

namespace {

Verdict verdict(const core::Classification& c) { return {c.kind, c.party_size, c.delegate}; }

bool same_timestamp(const std::optional<core::Timestamp>& a, const std::optional<core::Timestamp>& b) {
    if (a.has_value() != b.has_value()) return false;
    return !a || (a->utc_seconds == b->utc_seconds && a->offset_minutes == b->offset_minutes);
}

bool same_classification(const core::Classification& a, const core::Classification& b) {
    return a.kind == b.kind && a.party_size == b.party_size && a.delegate == b.delegate &&
           a.bounced_recipient == b.bounced_recipient && a.confidence == b.confidence && a.evidence.rule == b.evidence.rule &&
           a.evidence.where == b.evidence.where && a.evidence.words == b.evidence.words && a.evidence.begin == b.evidence.begin &&
           a.evidence.end == b.evidence.end;
}

// Whether re-reading changed anything update_derived writes.
bool same_derived(const store::StoredMessage& stored, const store::MessageRecord& fresh) {
    const store::MessageRecord& old = stored.record;
    return stored.classifier_version == core::k_classifier_version && old.from_address == fresh.from_address &&
           old.from_name == fresh.from_name && old.subject == fresh.subject && old.date_text == fresh.date_text &&
           same_timestamp(old.date, fresh.date) && old.reply_text == fresh.reply_text && old.problems == fresh.problems &&
           same_classification(old.classification, fresh.classification) && old.headers == fresh.headers;
}

nlohmann::json verdict_json(const Verdict& v) {
    return {{"kind", core::to_string(v.kind)},
            {"party_size", v.party_size},
            {"delegate", v.delegate ? nlohmann::json(*v.delegate) : nlohmann::json(nullptr)}};
}

std::string describe(const Verdict& v) {
    std::string out(core::to_string(v.kind));
    out += " party " + std::to_string(v.party_size);
    if (v.delegate) out += " delegate " + printable(*v.delegate);
    return out;
}

std::string describe(const store::Status& s) {
    if (!s.status) return "none";
    std::string out(core::to_string(*s.status));
    if (*s.status == core::Kind::confirmed) out += " party " + std::to_string(s.party_size);
    if (s.corrected) out += " (corrected)";
    return out;
}

}  // namespace

ReclassifyReport reclassify(store::Store& store, DryRun dry_run) {
    ReclassifyReport report;
    report.dry_run = dry_run == DryRun::yes;
    // Re-reading is the slow part: it runs outside any write transaction,
    // so a sync is never kept waiting for it. Raw bytes never change, so
    // what it finds stays true until the updates are written.
    std::vector<std::pair<std::int64_t, store::MessageRecord>> updates;
    for (const std::int64_t id : store.message_ids()) {
        const auto stored = store.message(id);
        if (!stored) continue;
        ++report.messages;
        // Only the header of an oversize message was fetched: re-reading
        // it would classify a header as if it were the whole message.
        if (stored->record.classification.evidence.rule == k_body_not_fetched) {
            ++report.kept;
            continue;
        }
        store::MessageRecord fresh = process(stored->record.raw);
        if (same_derived(*stored, fresh)) continue;
        const Verdict before = verdict(stored->record.classification), after = verdict(fresh.classification);
        if (before != after) {
            const auto& m = stored->record;
            report.changed.push_back({id, m.message_id.empty() ? stored->source : m.message_id, fresh.from_address, before, after});
        }
        fresh.raw = {};  // update_derived never writes it
        updates.emplace_back(id, std::move(fresh));
    }
    report.rewritten = updates.size();
    auto write = [&] {
        for (const auto& [id, fresh] : updates) store.update_derived(id, fresh);
        report.respondent_changes = record_status_changes(store, "reclassify");
    };
    // A dry run writes in a transaction it rolls back, so the respondents'
    // changes it reports are exactly those a real run would make.
    if (report.dry_run) {
        store.rehearse(write);
    } else {
        store.in_transaction(write);
    }
    return report;
}

void write_reclassify(std::ostream& out, const ReclassifyReport& r, Format format) {
    if (format == Format::json) {
        nlohmann::json changed = nlohmann::json::array();
        for (const auto& c : r.changed) {
            changed.push_back({{"id", c.id}, {"message", c.reference}, {"from", c.from}, {"before", verdict_json(c.before)},
                               {"after", verdict_json(c.after)}});
        }
        nlohmann::json respondents = nlohmann::json::array();
        for (const auto& e : r.respondent_changes) {
            respondents.push_back({{"address", e.address},
                                   {"before", e.before.status ? nlohmann::json(core::to_string(*e.before.status)) : nlohmann::json(nullptr)},
                                   {"after", e.after.status ? nlohmann::json(core::to_string(*e.after.status)) : nlohmann::json(nullptr)},
                                   {"decided_by", e.decided_by}});
        }
        const nlohmann::json doc = {{"dry_run", r.dry_run}, {"messages", r.messages}, {"rewritten", r.rewritten},
                                    {"kept", r.kept}, {"changed", changed}, {"respondents", respondents}};
        out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        return;
    }
    out << (r.dry_run ? "would reclassify " : "reclassified ") << r.messages << " messages: " << r.changed.size()
        << " changed kind, party or delegate; " << r.rewritten << " rewritten in all";
    if (r.kept) out << "; " << r.kept << " header-only kept as they are";
    out << '\n';
    if (!r.changed.empty()) {
        std::vector<std::vector<std::string>> rows{{"MESSAGE", "FROM", "BEFORE", "AFTER"}};
        for (const auto& c : r.changed) rows.push_back({printable(c.reference), printable(c.from), describe(c.before), describe(c.after)});
        write_table(out, rows);
    }
    if (!r.respondent_changes.empty()) {
        out << "respondents whose status " << (r.dry_run ? "would change" : "changed") << ":\n";
        std::vector<std::vector<std::string>> rows{{"ADDRESS", "BEFORE", "AFTER"}};
        for (const auto& e : r.respondent_changes) rows.push_back({printable(e.address), describe(e.before), describe(e.after)});
        write_table(out, rows);
    }
}

}  // namespace rsvp::app
