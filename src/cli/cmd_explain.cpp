// explain: why rsvp classified one message as it did — the reply text with
// the deciding words marked, the rule, the confidence and the attributes.
#include <iostream>
#include <memory>
#include <sstream>

#include "command.hpp"
#include "rsvp/error.hpp"

namespace rsvp::cli {

namespace {

// Keeps line breaks but no control characters or escape sequences: message
// text must not drive the terminal.
std::string safe_text(std::string_view s) { return app::printable(s, app::Breaks::keep); }

struct Marks {
    std::string_view open, close;
};

// The reply text with [begin, end) between marks; unmarked if the span does
// not fit the text (a classification stored by another version).
std::string marked(std::string_view text, std::size_t begin, std::size_t end, Marks marks) {
    if (begin >= end || end > text.size()) return safe_text(text);
    std::string out = safe_text(text.substr(0, begin));
    out += marks.open;
    out += safe_text(text.substr(begin, end - begin));
    out += marks.close;
    out += safe_text(text.substr(end));
    return out;
}

// A Message-ID (with or without its angle brackets), a source as listed by
// `rsvp messages`, or the file name of an imported source.
bool names(const store::StoredMessage& m, std::string_view wanted) {
    const std::string& id = m.record.message_id;
    if (!id.empty() && (id == wanted || (id.size() > 2 && std::string_view(id).substr(1, id.size() - 2) == wanted))) return true;
    const std::string_view source = m.source;
    return source == wanted || (source.size() > wanted.size() && source.ends_with(wanted) && source[source.size() - wanted.size() - 1] == '/');
}

void explain(std::ostream& out, const store::StoredMessage& m, Marks marks) {
    const auto& r = m.record;
    const auto& c = r.classification;
    const auto& e = c.evidence;
    std::ostringstream confidence;
    confidence.precision(2);
    confidence << std::fixed << c.confidence << (c.confidence < core::k_review_confidence ? "  (low: a person should look)" : "");
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"message", r.message_id.empty() ? "(no Message-ID)" : r.message_id},
        {"source", m.source},
        {"from", r.from_name.empty() ? r.from_address : r.from_name + " <" + r.from_address + ">"},
        {"subject", r.subject},
        {"kind", std::string(core::to_string(c.kind))},
        {"party size", std::to_string(c.party_size)},
        {"delegate", c.delegate.value_or("-")},
        {"bounced", c.bounced_recipient.value_or("-")},
        {"confidence", confidence.str()},
        {"rule", e.rule.empty() ? "-" : e.rule},
        {"read in", e.where.empty() ? "-" : e.where},
        {"words", e.words.empty() ? "-" : std::string(marks.open) + e.words + std::string(marks.close)},
        {"classifier", m.classifier_version},
    };
    for (const auto& [name, value] : rows) out << name << std::string(12 - name.size(), ' ') << safe_text(value) << '\n';
    out << "\n--- what the sender wrote\n";
    if (r.reply_text.empty()) {
        out << "(nothing: the message is only quoted text, a signature, or empty)\n";
    } else if (e.where == "reply") {
        out << marked(r.reply_text, e.begin, e.end, marks) << '\n';
    } else {
        out << safe_text(r.reply_text) << '\n';
    }
}

}  // namespace

Command add_explain(CLI::App& root) {
    auto* cmd = root.add_subcommand("explain", "why a message got its kind: the deciding words, the rule, the confidence");
    auto wanted = std::make_shared<std::string>();
    cmd->add_option("message", *wanted, "its Message-ID, or its source as `rsvp messages` lists it")->required();
    return {cmd, [wanted](const Globals& globals) {
                const auto store = open_store(globals);
                for (const auto& m : store.messages()) {
                    if (!names(m, *wanted)) continue;
                    // Bold on a terminal; «…» where the output is read as text.
                    const Marks marks = stdout_is_terminal() ? Marks{"\033[1m", "\033[0m"} : Marks{"«", "»"};
                    explain(std::cout, m, marks);
                    return k_ok;
                }
                throw Error(ErrorKind::usage, "no message " + *wanted + " in the database",
                            "`rsvp messages` lists each message's Message-ID and source");
            }};
}

}  // namespace rsvp::cli
