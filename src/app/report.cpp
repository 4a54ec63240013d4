#include "rsvp/app/report.hpp"

#include <nlohmann/json.hpp>
#include <ostream>

#include "rsvp/core/time.hpp"

namespace rsvp::app {

std::string printable(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (const char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if (b == '\n' || b == '\r' || b == '\t') out += ' ';
        else if (b >= 0x20 && b != 0x7F) out += c;
    }
    return out;
}

namespace {

// Display width of UTF-8 text, counting code points (good enough for the
// Latin scripts of this mailbox).
std::size_t width(std::string_view s) {
    std::size_t n = 0;
    for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

std::string clip(std::string s, std::size_t max) {
    if (width(s) <= max) return s;
    std::size_t cut = 0, n = 0;
    while (cut < s.size() && n < max - 1) {
        ++cut;
        while (cut < s.size() && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) ++cut;
        ++n;
    }
    return s.substr(0, cut) + "…";
}

}  // namespace

void write_table(std::ostream& out, const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> widths;
    for (const auto& row : rows) {
        widths.resize(std::max(widths.size(), row.size()), 0);
        for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], width(row[i]));
    }
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size()) line.append(widths[i] - width(row[i]) + 2, ' ');
        }
        out << line << '\n';
    }
}

namespace {

nlohmann::json optional_json(const std::optional<std::string>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }

}  // namespace

std::vector<core::Respondent> respondents(const store::Store& store) {
    return core::respondents(store.replies(), store.corrections());
}

void write_headcount(std::ostream& out, const core::Headcount& h, std::size_t respondent_count, std::size_t message_count,
                     Format format) {
    if (format == Format::json) {
        const nlohmann::json doc = {{"attending", h.attending}, {"confirmed", h.confirmed}, {"declined", h.declined},
                                    {"tentative", h.tentative}, {"undecided", h.undecided}, {"delegates", h.delegates},
                                    {"corrected", h.corrected}, {"respondents", respondent_count}, {"messages", message_count}};
        out << doc.dump(2) << '\n';
        return;
    }
    write_table(out, {{"attending", std::to_string(h.attending)},
                      {"confirmed", std::to_string(h.confirmed)},
                      {"declined", std::to_string(h.declined)},
                      {"tentative", std::to_string(h.tentative)},
                      {"no decision", std::to_string(h.undecided)},
                      {"delegates", std::to_string(h.delegates)},
                      {"corrected", std::to_string(h.corrected)},
                      {"respondents", std::to_string(respondent_count)},
                      {"messages", std::to_string(message_count)}});
}

void write_messages(std::ostream& out, const std::vector<store::StoredMessage>& messages, Format format) {
    if (format == Format::json) {
        nlohmann::json doc = nlohmann::json::array();
        for (const auto& m : messages) {
            const auto& r = m.record;
            const auto& c = r.classification;
            doc.push_back({
                {"source", m.source},
                {"message_id", r.message_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.message_id)},
                {"from", r.from_address},
                {"name", r.from_name},
                {"date", r.date ? nlohmann::json(core::to_iso8601(*r.date)) : nlohmann::json(nullptr)},
                {"arrived", core::to_iso8601({m.arrived_utc, 0})},
                {"subject", r.subject},
                {"kind", core::to_string(c.kind)},
                {"party_size", c.party_size},
                {"delegate", optional_json(c.delegate)},
                {"bounced_recipient", optional_json(c.bounced_recipient)},
                {"confidence", c.confidence},
                {"reply_text", r.reply_text},
                {"evidence", {{"rule", c.evidence.rule}, {"where", c.evidence.where}, {"words", c.evidence.words}}},
                {"problems", r.problems.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.problems)},
            });
        }
        // Replacement characters rather than an exception if a byte slipped through undecoded.
        out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        return;
    }
    std::vector<std::vector<std::string>> rows{{"DATE", "FROM", "KIND", "PARTY", "SUBJECT"}};
    for (const auto& m : messages) {
        const auto& r = m.record;
        rows.push_back({r.date ? core::to_iso8601(*r.date).substr(0, 16) : "-", printable(r.from_address),
                        std::string(core::to_string(r.classification.kind)), std::to_string(r.classification.party_size),
                        clip(printable(r.subject), 60)});
    }
    write_table(out, rows);
}

}  // namespace rsvp::app
