#include "rsvp/app/report.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <tuple>

#include "rsvp/app/pipeline.hpp"
#include "rsvp/core/time.hpp"

namespace rsvp::app {

namespace {

using nlohmann::json;

json optional_json(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }
json nonempty_json(const std::string& v) { return v.empty() ? json(nullptr) : json(v); }

std::string utc_iso8601(std::int64_t utc_seconds) { return core::to_iso8601({utc_seconds, 0}); }

// "2016-10-18T10:02": the minute is enough for a person.
std::string short_date(const std::string& iso) { return iso.empty() ? "-" : iso.substr(0, 16); }

std::string fixed2(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", value);
    return text;
}

// The instant that places a message among its sender's: Date, else arrival.
std::int64_t instant(const store::StoredMessage& m) { return m.record.date ? m.record.date->utc_seconds : m.arrived_utc; }

// The message's Date as written (with the sender's offset), else its arrival in UTC.
core::Timestamp when(const store::StoredMessage& m) { return m.record.date.value_or(core::Timestamp{m.arrived_utc, 0}); }

std::string status_name(const std::optional<core::Kind>& status) {
    return status ? std::string(core::to_string(*status)) : std::string("undecided");
}

// --- messages

const std::vector<std::string> k_message_columns = {
    "source", "message_id", "from", "name", "date", "arrived", "subject", "kind", "party_size", "delegate", "bounced_recipient",
    "confidence", "reply_text", "evidence.rule", "evidence.where", "evidence.words", "problems"};

json message_json(const store::StoredMessage& m) {
    const auto& r = m.record;
    const auto& c = r.classification;
    return {
        {"source", m.source},
        {"message_id", nonempty_json(r.message_id)},
        {"from", r.from_address},
        {"name", r.from_name},
        {"date", r.date ? json(core::to_iso8601(*r.date)) : json(nullptr)},
        {"arrived", utc_iso8601(m.arrived_utc)},
        {"subject", r.subject},
        {"kind", core::to_string(c.kind)},
        {"party_size", c.party_size},
        {"delegate", optional_json(c.delegate)},
        {"bounced_recipient", optional_json(c.bounced_recipient)},
        {"confidence", c.confidence},
        {"reply_text", r.reply_text},
        {"evidence", {{"rule", c.evidence.rule}, {"where", c.evidence.where}, {"words", c.evidence.words}}},
        {"problems", nonempty_json(r.problems)},
    };
}

json messages_json(const std::vector<store::StoredMessage>& messages) {
    json records = json::array();
    for (const auto& m : messages) records.push_back(message_json(m));
    return records;
}

// --- respondents

const std::vector<std::string> k_respondent_columns = {
    "address", "name",       "organisation",       "status",    "party_size", "delegate",
    "date",    "decided_by", "decided_by_arrival", "corrected", "note",       "message_count"};

json respondent_json(const core::Respondent& r) {
    return {
        {"address", r.address},
        {"name", r.name},
        {"organisation", organisation(r.name)},
        {"status", status_name(r.status)},
        {"party_size", r.party_size},
        {"delegate", optional_json(r.delegate)},
        {"date", r.decided_at ? json(utc_iso8601(*r.decided_at)) : json(nullptr)},
        {"decided_by", nonempty_json(r.decided_by)},
        {"decided_by_arrival", r.decided_by_arrival},
        {"corrected", r.corrected},
        {"note", nonempty_json(r.note)},
        {"message_count", r.replies},
    };
}

std::string status_text(const core::Respondent& r) {
    std::string text = status_name(r.status);
    if (r.corrected) text += " (corrected)";
    return text;
}

// Why this status, in a sentence.
std::string why(const core::Respondent& r) {
    if (r.corrected) {
        std::string text = r.decided_by + " decides: a person's correction wins over every message";
        if (!r.note.empty()) text += " (" + r.note + ")";
        return text;
    }
    if (!r.status) return "nothing this sender wrote decides (only auto-replies, bounces or other messages)";
    std::string text = "the latest of this sender's decisions decides: " + r.decided_by;
    if (r.decided_by_arrival) text += " (it has no usable Date: placed by its arrival)";
    return text;
}

// --- corrections (from the history entries set and unset appended)

json correction_json(const store::HistoryEntry& e) {
    const bool set = e.cause == "set";
    return {
        {"at", utc_iso8601(e.at_utc)},
        {"action", e.cause},
        {"status", set && e.after.status ? json(core::to_string(*e.after.status)) : json(nullptr)},
        {"party_size", set ? e.after.party_size : 0},
        {"delegate", set ? optional_json(e.after.delegate) : json(nullptr)},
        {"decided_by", nonempty_json(e.decided_by)},
        {"note", nonempty_json(e.note)},
    };
}

// --- review

struct Decision {
    std::int64_t instant;
    core::Kind kind;
    const store::StoredMessage* message;
};

// Both yes and no, or a hesitation after a definite answer: the latest
// decides, but a person should read them.
bool contradictory(const std::vector<Decision>& decisions) {
    bool confirmed = false, declined = false, hesitated_after = false;
    for (const Decision& d : decisions) {
        if (d.kind == core::Kind::tentative && (confirmed || declined)) hesitated_after = true;
        confirmed = confirmed || d.kind == core::Kind::confirmed;
        declined = declined || d.kind == core::Kind::declined;
    }
    return (confirmed && declined) || hesitated_after;
}

std::string one_line(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '\n') out += "; ";
        else out += c;
    }
    return out;
}

ReviewItem item_for(ReviewReason reason, const store::StoredMessage& m, std::string detail) {
    ReviewItem item;
    item.reason = reason;
    item.address = m.record.from_address;
    item.name = m.record.from_name;
    item.message = reference(m);
    item.source = m.source;
    item.date = when(m);
    item.kind = m.record.classification.kind;
    item.confidence = m.record.classification.confidence;
    item.detail = std::move(detail);
    return item;
}

}  // namespace

std::vector<core::Respondent> respondents(const store::Store& store) {
    return core::respondents(store.replies(), store.corrections());
}

std::string organisation(std::string_view name) {
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (!name.ends_with(')')) return {};
    const std::size_t open = name.rfind('(');
    // Only "Name (Organisation)": a name, a space, one plain parenthesis.
    if (open == std::string_view::npos || open < 2 || name[open - 1] != ' ' || name.find_first_not_of(' ') >= open - 1) return {};
    std::string_view inside = name.substr(open + 1, name.size() - open - 2);
    while (!inside.empty() && inside.front() == ' ') inside.remove_prefix(1);
    while (!inside.empty() && inside.back() == ' ') inside.remove_suffix(1);
    if (inside.empty() || inside.find_first_of("()\"<>@,;") != std::string_view::npos) return {};
    return std::string(inside);
}

std::string reference(const store::StoredMessage& m) { return m.record.message_id.empty() ? m.source : m.record.message_id; }

void write_headcount(std::ostream& out, const HeadcountReport& report, Format format, TextStyle style) {
    const core::Headcount& h = report.counts;
    // The invitee and capacity figures, in order, for those that are known.
    std::vector<std::pair<std::string, long long>> extra;
    const auto add = [&](const char* key, const auto& value) {
        if (value) extra.emplace_back(key, static_cast<long long>(*value));
    };
    add("invitees", report.invitees);
    add("pending", report.pending);
    add("unreachable", report.unreachable);
    add("away", report.away);
    add("capacity", report.capacity);
    add("remaining", report.remaining);
    if (format == Format::text) {
        Rows rows{{"attending", std::to_string(h.attending)},
                  {"confirmed", std::to_string(h.confirmed)},
                  {"declined", std::to_string(h.declined)},
                  {"tentative", std::to_string(h.tentative)},
                  {"no decision", std::to_string(h.undecided)},
                  {"delegates", std::to_string(h.delegates)},
                  {"corrected", std::to_string(h.corrected)},
                  {"respondents", std::to_string(report.respondents)},
                  {"messages", std::to_string(report.messages)},
                  {"to review", std::to_string(report.review)}};
        for (const auto& [key, value] : extra) rows.push_back({key == "pending" ? "not answered" : key, std::to_string(value)});
        write_table(out, rows, style);
        return;
    }
    json doc = {{"attending", h.attending},     {"confirmed", h.confirmed},
                {"declined", h.declined},       {"tentative", h.tentative},
                {"undecided", h.undecided},     {"delegates", h.delegates},
                {"corrected", h.corrected},     {"respondents", report.respondents},
                {"messages", report.messages},  {"review", report.review}};
    // Columns in the order people read them (JSON objects come out alphabetical).
    std::vector<std::string> columns = {"attending", "confirmed", "declined", "tentative", "undecided", "delegates", "corrected", "respondents", "messages", "review"};
    for (const auto& [key, value] : extra) {
        doc[key] = value;
        columns.push_back(key);
    }
    if (format == Format::json) return write_json(out, doc);
    write_records(out, json::array({doc}), columns, format);
}

void write_list(std::ostream& out, const std::vector<core::Respondent>& respondents, Format format, TextStyle style) {
    if (format != Format::text) {
        json records = json::array();
        for (const auto& r : respondents) records.push_back(respondent_json(r));
        return write_records(out, records, k_respondent_columns, format);
    }
    Rows rows{{"ADDRESS", "NAME", "ORGANISATION", "STATUS", "PARTY", "DELEGATE", "DATE", "DECIDED BY"}};
    for (const auto& r : respondents) {
        rows.push_back({printable(r.address), printable(r.name), printable(organisation(r.name)), status_text(r),
                        std::to_string(r.party_size), printable(r.delegate.value_or("-")),
                        short_date(r.decided_at ? utc_iso8601(*r.decided_at) : ""),
                        r.decided_by.empty() ? "-" : printable(r.decided_by)});
    }
    write_table(out, rows, style);
}

std::vector<store::StoredMessage> select(std::vector<store::StoredMessage> messages, const MessageFilter& filter) {
    std::erase_if(messages, [&](const store::StoredMessage& m) {
        return (filter.kind && m.record.classification.kind != *filter.kind) || (filter.since_utc && instant(m) < *filter.since_utc);
    });
    return messages;
}

void write_messages(std::ostream& out, const std::vector<store::StoredMessage>& messages, Format format, TextStyle style) {
    if (format != Format::text) return write_records(out, messages_json(messages), k_message_columns, format);
    Rows rows{{"DATE", "FROM", "KIND", "PARTY", "SUBJECT"}};
    for (const auto& m : messages) {
        const auto& r = m.record;
        rows.push_back({short_date(r.date ? core::to_iso8601(*r.date) : ""), printable(r.from_address),
                        std::string(core::to_string(r.classification.kind)), std::to_string(r.classification.party_size),
                        printable(r.subject)});
    }
    write_table(out, rows, style);
}

std::optional<RespondentDetail> respondent_detail(const store::Store& store, std::string_view address) {
    std::string wanted(address);
    std::transform(wanted.begin(), wanted.end(), wanted.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    RespondentDetail detail;
    bool found = false;
    for (auto& r : respondents(store)) {
        if (r.address == wanted) {
            detail.respondent = std::move(r);
            found = true;
            break;
        }
    }
    if (!found) return std::nullopt;
    for (auto& m : store.messages()) {
        if (m.record.from_address == wanted) detail.messages.push_back(std::move(m));
    }
    std::stable_sort(detail.messages.begin(), detail.messages.end(),
                     [](const store::StoredMessage& a, const store::StoredMessage& b) { return instant(a) < instant(b); });
    for (auto& e : store.history(wanted)) {
        if (e.cause == "set" || e.cause == "unset") detail.corrections.push_back(std::move(e));
    }
    return detail;
}

void write_show(std::ostream& out, const RespondentDetail& d, Format format, TextStyle style) {
    const core::Respondent& r = d.respondent;
    if (format == Format::csv || format == Format::tsv) return write_messages(out, d.messages, format);
    if (format == Format::json || format == Format::jsonl) {
        json doc = respondent_json(r);
        doc["why"] = why(r);
        doc["messages"] = messages_json(d.messages);
        json corrections = json::array();
        for (const auto& e : d.corrections) corrections.push_back(correction_json(e));
        doc["corrections"] = std::move(corrections);
        if (format == Format::json) return write_json(out, doc);
        return write_jsonl(out, json::array({doc}));
    }
    const auto title = [&](const std::string& text) {
        out << (style.colour ? "\033[1m" + text + "\033[0m" : text) << '\n';
    };
    std::string status = status_text(r);
    if (r.status == core::Kind::confirmed) status += ", party of " + std::to_string(r.party_size);
    write_table(out,
                {{"address", printable(r.address)},
                 {"name", r.name.empty() ? "-" : printable(r.name)},
                 {"organisation", organisation(r.name).empty() ? "-" : printable(organisation(r.name))},
                 {"status", status},
                 {"delegate", printable(r.delegate.value_or("-"))},
                 {"date", r.decided_at ? utc_iso8601(*r.decided_at) : "-"},
                 {"why", printable(why(r))},
                 {"messages", std::to_string(r.replies)}});
    std::size_t n = 0;
    for (const auto& m : d.messages) {
        const auto& rec = m.record;
        const auto& c = rec.classification;
        out << '\n';
        title("--- " + std::to_string(++n) + ". " + core::to_iso8601(when(m)) + "  " + std::string(core::to_string(c.kind)));
        Rows rows{{"source", printable(m.source)},
                  {"message", rec.message_id.empty() ? "-" : printable(rec.message_id)},
                  {"subject", printable(rec.subject)},
                  {"party size", std::to_string(c.party_size)}};
        if (c.delegate) rows.push_back({"delegate", printable(*c.delegate)});
        if (c.bounced_recipient) rows.push_back({"bounced", printable(*c.bounced_recipient)});
        rows.push_back({"confidence", fixed2(c.confidence)});
        rows.push_back({"evidence", printable(c.evidence.rule.empty() ? "-" : c.evidence.rule + " (" + c.evidence.where + ")")});
        if (!c.evidence.words.empty()) rows.push_back({"words", "«" + printable(c.evidence.words) + "»"});
        if (!rec.problems.empty()) rows.push_back({"problems", printable(one_line(rec.problems))});
        write_table(out, rows);
        out << '\n';
        if (rec.reply_text.empty()) {
            out << "    (nothing: the message is only quoted text, a signature, or empty)\n";
        } else {
            // Indented so that what the sender wrote cannot pass for rsvp's own lines.
            const std::string text = printable(rec.reply_text, Breaks::keep);
            std::size_t start = 0;
            while (start <= text.size()) {
                const std::size_t end = std::min(text.find('\n', start), text.size());
                out << "    " << std::string_view(text).substr(start, end - start) << '\n';
                start = end + 1;
            }
        }
    }
    out << '\n';
    title("--- corrections");
    if (d.corrections.empty()) {
        out << "none\n";
        return;
    }
    Rows rows{{"WHEN", "ACTION", "STATUS", "NOTE"}};
    for (const auto& e : d.corrections) {
        std::string what = "-";
        if (e.cause == "set" && e.after.status) {
            what = std::string(core::to_string(*e.after.status));
            if (*e.after.status == core::Kind::confirmed) what += ", party of " + std::to_string(e.after.party_size);
            if (e.after.delegate) what += ", delegate " + printable(*e.after.delegate);
        }
        rows.push_back({utc_iso8601(e.at_utc), e.cause, what, e.note.empty() ? "-" : printable(e.note)});
    }
    write_table(out, rows);
}

std::string_view to_string(ReviewReason reason) {
    switch (reason) {
        case ReviewReason::processing_failed: return "processing_failed";
        case ReviewReason::body_not_fetched: return "body_not_fetched";
        case ReviewReason::decoding_problems: return "decoding_problems";
        case ReviewReason::low_confidence: return "low_confidence";
        case ReviewReason::contradictory: return "contradictory";
        case ReviewReason::no_decision: return "no_decision";
        case ReviewReason::bounce: return "bounce";
    }
    return "unknown";
}

std::vector<ReviewItem> review(const std::vector<store::StoredMessage>& messages, const std::vector<core::Respondent>& respondents) {
    std::map<std::string, const core::Respondent*> by_address;
    for (const auto& r : respondents) by_address[r.address] = &r;
    const auto corrected = [&](const std::string& address) {
        const auto it = by_address.find(address);
        return it != by_address.end() && it->second->corrected;
    };

    std::vector<ReviewItem> items;
    std::map<std::string, std::vector<const store::StoredMessage*>> by_sender;
    for (const auto& m : messages) {
        const auto& c = m.record.classification;
        by_sender[m.record.from_address].push_back(&m);
        if (c.evidence.rule == k_processing_failed) {
            items.push_back(item_for(ReviewReason::processing_failed, m, one_line(m.record.problems)));
        } else if (c.evidence.rule == k_body_not_fetched) {
            items.push_back(item_for(ReviewReason::body_not_fetched, m, one_line(m.record.problems)));
        } else {
            if (!m.record.problems.empty()) {
                items.push_back(item_for(ReviewReason::decoding_problems, m, one_line(m.record.problems)));
            }
            if (c.confidence < core::k_review_confidence && !corrected(m.record.from_address)) {
                items.push_back(item_for(ReviewReason::low_confidence, m,
                                         "confidence " + fixed2(c.confidence) + ", below " + fixed2(core::k_review_confidence) +
                                             ": " + std::string(core::to_string(c.kind)) + " by " +
                                             (c.evidence.rule.empty() ? std::string("no rule") : c.evidence.rule)));
            }
        }
        if (c.kind == core::Kind::bounce) {
            items.push_back(item_for(ReviewReason::bounce, m,
                                     c.bounced_recipient ? "the invitation did not reach " + *c.bounced_recipient
                                                         : std::string("a delivery failure, recipient unknown")));
        }
    }

    for (auto& [address, sent] : by_sender) {
        if (corrected(address)) continue;
        std::stable_sort(sent.begin(), sent.end(), [](const auto* a, const auto* b) { return instant(*a) < instant(*b); });
        std::vector<Decision> decisions;
        for (const auto* m : sent) {
            if (core::is_decision(m->record.classification.kind)) decisions.push_back({instant(*m), m->record.classification.kind, m});
        }
        if (contradictory(decisions)) {
            std::string detail;
            for (const Decision& d : decisions) {
                detail += (detail.empty() ? "" : ", ") + std::string(core::to_string(d.kind)) + " " +
                          core::to_iso8601(when(*d.message)).substr(0, 10);
            }
            detail += "; the latest decides";
            items.push_back(item_for(ReviewReason::contradictory, *decisions.back().message, detail));
            continue;
        }
        // Messages that could not be read are listed for that already.
        const bool wrote = std::any_of(sent.begin(), sent.end(), [](const auto* m) {
            const auto& c = m->record.classification;
            return c.kind == core::Kind::other && c.evidence.rule != k_processing_failed && c.evidence.rule != k_body_not_fetched;
        });
        if (decisions.empty() && wrote) {
            std::string kinds;
            for (const auto* m : sent) kinds += (kinds.empty() ? "" : ", ") + std::string(core::to_string(m->record.classification.kind));
            items.push_back(item_for(ReviewReason::no_decision, *sent.back(),
                                     std::to_string(sent.size()) + (sent.size() == 1 ? " message" : " messages") +
                                         ", none decides: " + kinds));
        }
    }

    std::stable_sort(items.begin(), items.end(), [](const ReviewItem& a, const ReviewItem& b) {
        const auto at = [](const ReviewItem& i) { return i.date ? i.date->utc_seconds : std::numeric_limits<std::int64_t>::min(); };
        return std::tuple(a.reason, at(a), std::string_view(a.address), std::string_view(a.source)) <
               std::tuple(b.reason, at(b), std::string_view(b.address), std::string_view(b.source));
    });
    return items;
}

void write_review(std::ostream& out, const std::vector<ReviewItem>& items, Format format, TextStyle style) {
    if (format != Format::text) {
        json records = json::array();
        for (const auto& i : items) {
            records.push_back({
                {"priority", static_cast<int>(i.reason) + 1},
                {"reason", to_string(i.reason)},
                {"address", i.address},
                {"name", i.name},
                {"message", nonempty_json(i.message)},
                {"source", nonempty_json(i.source)},
                {"date", i.date ? json(core::to_iso8601(*i.date)) : json(nullptr)},
                {"kind", i.kind ? json(core::to_string(*i.kind)) : json(nullptr)},
                {"confidence", i.confidence ? json(*i.confidence) : json(nullptr)},
                {"detail", i.detail},
            });
        }
        return write_records(out, records,
                             {"priority", "reason", "address", "name", "message", "source", "date", "kind", "confidence", "detail"},
                             format);
    }
    Rows rows{{"REASON", "DATE", "ADDRESS", "KIND", "DETAIL"}};
    for (const auto& i : items) {
        rows.push_back({std::string(to_string(i.reason)), short_date(i.date ? core::to_iso8601(*i.date) : ""), printable(i.address),
                        i.kind ? std::string(core::to_string(*i.kind)) : "-", printable(i.detail)});
    }
    write_table(out, rows, style);
}

}  // namespace rsvp::app
