#include "rsvp/app/invitees.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>
#include <unordered_map>

#include "rsvp/core/text.hpp"
#include "rsvp/error.hpp"
#include "rsvp/mime/decode.hpp"

namespace rsvp::app {

namespace {

std::string checked_address(std::string_view written, std::string_view what) {
    const std::string address = core::lower_ascii(core::trim(written));
    const auto at = address.find('@');
    if (at == std::string::npos || at == 0 || at + 1 == address.size() || address.find_first_of(" \t<>,;\"") != std::string::npos) {
        throw Error(ErrorKind::usage, "'" + std::string(written) + "' is not an e-mail address", "give the " + std::string(what) + "'s address");
    }
    return address;
}

std::string extras_json(const std::vector<std::pair<std::string, std::string>>& extras) {
    nlohmann::ordered_json doc = nlohmann::ordered_json::object();
    for (const auto& [key, value] : extras) doc[key] = value;
    return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::pair<std::string, std::string>> extras_of(const std::string& json) {
    std::vector<std::pair<std::string, std::string>> out;
    const auto doc = nlohmann::ordered_json::parse(json, nullptr, false);
    if (!doc.is_object()) return out;
    for (const auto& [key, value] : doc.items()) out.emplace_back(key, value.is_string() ? value.get<std::string>() : value.dump());
    return out;
}

core::Invitee invitee_of(const store::InviteeRecord& r) { return {r.address, r.name, r.organisation, extras_of(r.extras_json)}; }

// Everything the views of every event are computed from, read once.
struct Loaded {
    std::vector<store::MessageFacts> facts;
    std::vector<core::Event> events;
    std::vector<std::size_t> event_of;  // per fact; all 0 when there are no events
    std::vector<core::Invitee> invitees;
    std::vector<core::Link> links;
    std::vector<core::Correction> corrections;
};

core::CivilDate day_of(const store::MessageFacts& f) {
    return core::local_day(f.reply.date_utc.value_or(f.reply.arrival_utc), f.reply.date_utc ? f.date_offset : 0);
}

Loaded load(const store::Store& store) {
    Loaded l;
    l.facts = store.message_facts();
    l.events = store.events();
    if (l.events.empty()) {
        l.event_of.assign(l.facts.size(), 0);
    } else {
        std::vector<core::Threading> threading;
        threading.reserve(l.facts.size());
        for (const auto& f : l.facts) threading.push_back({f.message_id, f.in_reply_to, f.references, f.subject, day_of(f)});
        l.event_of = core::attach_to_events(l.events, threading);
    }
    for (const auto& r : store.invitees()) l.invitees.push_back(invitee_of(r));
    l.links = store.links();
    l.corrections = store.corrections();
    return l;
}

std::size_t event_index(const Loaded& l, std::string_view name) {
    if (l.events.empty()) {
        if (!name.empty()) {
            throw Error(ErrorKind::usage, "there is no event named '" + std::string(name) + "': no event is recorded",
                        "rsvp event set NAME --date YYYY-MM-DD records one");
        }
        return 0;
    }
    if (name.empty()) return core::default_event(l.events).value_or(0);
    for (std::size_t i = 0; i < l.events.size(); ++i) {
        if (l.events[i].name == name) return i;
    }
    std::string names;
    for (const auto& e : l.events) names += (names.empty() ? "" : ", ") + e.name;
    throw Error(ErrorKind::usage, "there is no event named '" + std::string(name) + "'", "the events are: " + names);
}

// Why a bounce failed: the delivery report's status and diagnostic if the
// raw message has one, else the classifier's evidence and the decoding problems.
std::string bounce_reason(const store::Store& store, const store::MessageFacts& f) {
    if (const auto stored = store.message(f.id)) {
        const core::DecodedMessage decoded = mime::decode(stored->record.raw);
        if (decoded.delivery_report) {
            for (const auto& r : decoded.delivery_report->recipients) {
                if (!core::iequals_ascii(core::trim(r.final_recipient), core::trim(*f.bounced_recipient))) continue;
                // The diagnostic usually repeats the status: "550 5.1.1 <x>: Recipient address rejected".
                if (!r.diagnostic.empty()) return r.diagnostic;
                if (!r.status.empty()) return "status " + r.status;
            }
        }
    }
    std::string reason = f.evidence_words;
    if (!f.problems.empty()) reason += (reason.empty() ? "" : "; ") + f.problems;
    return reason.empty() ? std::string("delivery failed") : reason;
}

EventView view_of(const store::Store& store, const Loaded& l, std::size_t index) {
    EventView v;
    v.recorded = !l.events.empty();
    if (v.recorded) v.event = l.events[index];
    const std::size_t fallback = l.events.empty() ? 0 : core::default_event(l.events).value_or(0);
    std::vector<core::Reply> replies;
    std::set<std::string> wrote_here, wrote_anywhere;
    for (std::size_t i = 0; i < l.facts.size(); ++i) {
        wrote_anywhere.insert(l.facts[i].reply.address);
        if (l.event_of[i] != index) continue;
        replies.push_back(l.facts[i].reply);
        wrote_here.insert(l.facts[i].reply.address);
    }
    v.messages = replies.size();
    std::vector<core::Correction> corrections;
    for (const auto& c : l.corrections) {
        const std::string address = core::lower_ascii(c.address);
        if (wrote_here.count(address) || (!wrote_anywhere.count(address) && index == fallback)) corrections.push_back(c);
    }
    v.respondents = core::respondents(replies, corrections);

    // Senders: every respondent but the bounce robots.
    std::unordered_map<std::string, std::vector<std::string>> texts;
    std::set<std::string> human;
    std::vector<core::Bounce> bounces;
    std::vector<core::Notice> notices;
    std::set<std::string> invited;
    for (const auto& inv : l.invitees) invited.insert(inv.address);
    for (std::size_t i = 0; i < l.facts.size(); ++i) {
        if (l.event_of[i] != index) continue;
        const auto& f = l.facts[i];
        if (f.reply.kind != core::Kind::bounce) human.insert(f.reply.address);
        if (core::is_decision(f.reply.kind)) texts[f.reply.address].push_back(f.reply_text);
        if (f.reply.kind == core::Kind::bounce && f.bounced_recipient &&
            invited.count(core::lower_ascii(core::trim(*f.bounced_recipient)))) {
            bounces.push_back({*f.bounced_recipient, bounce_reason(store, f)});
        }
        if (f.reply.kind == core::Kind::auto_reply) notices.push_back({f.reply.address, day_of(f), f.reply_text});
    }
    std::vector<core::Sender> senders;
    for (const auto& r : v.respondents) {
        // Corrected addresses that never wrote count as senders too.
        if (!human.count(r.address) && !(r.corrected && r.replies == 0)) continue;
        core::Sender s{r.address, r.name, {}, r.status.has_value()};
        if (const auto t = texts.find(r.address); t != texts.end()) s.texts = t->second;
        senders.push_back(std::move(s));
    }
    v.matches = core::match_senders(l.invitees, senders, l.links);
    for (std::size_t i = 0; i < senders.size(); ++i) {
        if (!v.matches[i].invitee && senders[i].answered) v.unmatched.push_back(v.matches[i]);
    }
    v.invitees = core::invitee_states(l.invitees, v.respondents, v.matches, bounces, notices, v.event.date);
    return v;
}

}  // namespace

InviteeImport import_invitees(store::Store& store, const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(ErrorKind::input, "cannot read " + file.string(), "check the path and its permissions");
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw Error(ErrorKind::input, "cannot read " + file.string());
    const core::InviteeList list = core::read_invitees(bytes);
    if (!list.error.empty()) {
        throw Error(ErrorKind::usage, file.string() + ": " + list.error,
                    "the header line needs an address column: adresse, e-mail, email, courriel or mail");
    }
    InviteeImport result;
    result.problems = list.problems;
    result.skipped = list.skipped;
    result.encoding = list.encoding;
    result.separator = list.separator;
    store.in_transaction([&] {
        for (const auto& inv : list.invitees) {
            switch (store.upsert_invitee({inv.address, inv.name, inv.organisation, extras_json(inv.extras)})) {
                case store::Upserted::added: ++result.added; break;
                case store::Upserted::updated: ++result.updated; break;
                case store::Upserted::unchanged: ++result.unchanged; break;
            }
        }
    });
    return result;
}

void link_sender(store::Store& store, const std::string& sender, const std::string& invitee, const std::string& note) {
    const std::string from = checked_address(sender, "sender");
    const std::string to = checked_address(invitee, "invitee");
    store.in_transaction([&] {
        const auto all = store.invitees();
        if (std::none_of(all.begin(), all.end(), [&](const store::InviteeRecord& r) { return r.address == to; })) {
            throw Error(ErrorKind::usage, to + " is not on the invitee list", "rsvp invitees list shows it; rsvp invitees import FILE adds to it");
        }
        store.record_link(from, to, note);
    });
}

void unlink_sender(store::Store& store, const std::string& sender, const std::string& note) {
    const std::string from = checked_address(sender, "sender");
    store.in_transaction([&] {
        const auto links = store.links();
        if (std::none_of(links.begin(), links.end(), [&](const core::Link& l) { return l.sender == from; })) {
            throw Error(ErrorKind::usage, "no link is in force for " + from, "rsvp invitees list shows who answers for whom");
        }
        store.record_link(from, std::nullopt, note);
    });
}

EventView event_view(const store::Store& store, std::string_view name) {
    const Loaded l = load(store);
    return view_of(store, l, event_index(l, name));
}

std::vector<core::Respondent> respondents_for_event(const store::Store& store, std::string_view name) {
    return event_view(store, name).respondents;
}

EventSummary summarize(const EventView& v) {
    EventSummary s;
    s.name = v.event.name;
    s.date = v.event.date;
    s.place = v.event.place;
    s.capacity = v.event.capacity;
    s.headcount = core::headcount(v.respondents);
    s.respondents = v.respondents.size();
    s.messages = v.messages;
    if (s.capacity) {
        s.remaining = *s.capacity - s.headcount.attending;
        s.over_capacity = s.headcount.attending > *s.capacity;
    }
    s.invitees = v.invitees.size();
    for (const auto& i : v.invitees) {
        if (core::is_pending(i, false)) ++s.pending;
        if (i.status == core::Kind::tentative) ++s.tentative;
        if (i.unreachable) ++s.unreachable;
        if (i.away_on_the_day) ++s.away;
    }
    s.unmatched = v.unmatched.size();
    return s;
}

EventSummary event_summary(const store::Store& store, std::string_view name) { return summarize(event_view(store, name)); }

std::vector<EventSummary> all_event_summaries(const store::Store& store) {
    const Loaded l = load(store);
    std::vector<EventSummary> out;
    const std::size_t n = std::max<std::size_t>(l.events.size(), 1);
    for (std::size_t i = 0; i < n; ++i) out.push_back(summarize(view_of(store, l, i)));
    return out;
}

bool set_event(store::Store& store, const EventChange& change) {
    const std::string name(core::trim(change.name));
    if (name.empty()) throw Error(ErrorKind::usage, "an event needs a name");
    bool added = false;
    store.in_transaction([&] {
        core::Event e;
        e.name = name;
        for (const auto& known : store.events()) {
            if (known.name == name) e = known;
        }
        if (change.date) {
            if (change.date->empty()) {
                e.date.reset();
            } else {
                e.date = core::parse_day(*change.date);
                if (!e.date) throw Error(ErrorKind::usage, "'" + *change.date + "' is not a date", "write it YYYY-MM-DD, e.g. 2016-11-16");
            }
        }
        if (change.place) e.place = *change.place;
        if (change.capacity) {
            if (*change.capacity < 0) throw Error(ErrorKind::usage, "a capacity cannot be negative", "give 0 to remove the limit");
            if (*change.capacity == 0) e.capacity.reset(); else e.capacity = *change.capacity;
        }
        if (change.invitation_id) e.invitation_id = std::string(core::trim(*change.invitation_id));
        if (change.subject) e.subject = *change.subject;
        added = store.save_event(e);
    });
    return added;
}

void remove_event(store::Store& store, const std::string& name) {
    store.in_transaction([&] {
        if (!store.remove_event(name)) throw Error(ErrorKind::usage, "there is no event named '" + name + "'", "rsvp event list shows them");
    });
}

// --- Output -----------------------------------------------------------------------

namespace {

// Text from a message or a list, safe for a terminal: control characters
// (escape sequences included) dropped, line breaks and tabs as spaces.
std::string printable(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b == '\n' || b == '\r' || b == '\t') out += ' ';
        else if (b == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 && static_cast<unsigned char>(s[i + 1]) < 0xA0) ++i;  // C1 controls
        else if (b >= 0x20 && b != 0x7F) out += s[i];
    }
    return out;
}

// Display width of UTF-8 text, counting code points.
std::size_t width(std::string_view s) {
    std::size_t n = 0;
    for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

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
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out << line << '\n';
    }
}

nlohmann::json text_or_null(const std::optional<std::string>& s) { return s ? nlohmann::json(*s) : nlohmann::json(nullptr); }

nlohmann::json status_json(const std::optional<core::Kind>& k) {
    return k ? nlohmann::json(core::to_string(*k)) : nlohmann::json(nullptr);
}

std::optional<std::string> away_until(const core::InviteeState& s) {
    return s.absence ? std::optional<std::string>(core::format_day(s.absence->last_day)) : std::nullopt;
}

std::string flags(const core::InviteeState& s) {
    std::string out;
    if (s.unreachable) out += "unreachable (" + printable(*s.unreachable) + ")";
    if (s.away_on_the_day) out += (out.empty() ? "" : "; ") + std::string("away on the day (until ") + *away_until(s) + ")";
    return out;
}

void dump(std::ostream& out, const nlohmann::json& doc) {
    out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

std::string rule_of(const EventView& v, const std::string& sender) {
    for (const auto& m : v.matches) {
        if (m.sender == sender) return std::string(core::to_string(m.rule));
    }
    return "none";
}

nlohmann::json extras_object(const core::Invitee& inv) {
    nlohmann::ordered_json doc = nlohmann::ordered_json::object();
    for (const auto& [k, val] : inv.extras) doc[k] = val;
    return nlohmann::json::parse(doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void write_csv_row(std::ostream& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << core::csv_cell(cells[i]);
    out << "\r\n";
}

}  // namespace

void write_invitees(std::ostream& out, const EventView& v, ListFormat format) {
    if (format == ListFormat::json) {
        nlohmann::json doc = nlohmann::json::array();
        for (const auto& s : v.invitees) {
            nlohmann::json by = nlohmann::json::array();
            for (const auto& sender : s.answered_by) by.push_back({{"sender", sender}, {"rule", rule_of(v, sender)}});
            doc.push_back({{"address", s.invitee.address},
                           {"name", s.invitee.name},
                           {"organisation", s.invitee.organisation},
                           {"extras", extras_object(s.invitee)},
                           {"status", status_json(s.status)},
                           {"party_size", s.party_size},
                           {"corrected", s.corrected},
                           {"answered_by", by},
                           {"unreachable", text_or_null(s.unreachable)},
                           {"away_on_the_day", s.away_on_the_day},
                           {"away_until", text_or_null(away_until(s))}});
        }
        dump(out, doc);
        return;
    }
    if (format == ListFormat::csv) {
        write_csv_row(out, {"address", "name", "organisation", "status", "party_size", "answered_by", "unreachable", "away_on_the_day", "away_until"});
        for (const auto& s : v.invitees) {
            std::string by;
            for (const auto& sender : s.answered_by) by += (by.empty() ? "" : " ") + sender;
            write_csv_row(out, {s.invitee.address, s.invitee.name, s.invitee.organisation,
                                s.status ? std::string(core::to_string(*s.status)) : "", std::to_string(s.party_size), by,
                                s.unreachable.value_or(""), s.away_on_the_day ? "yes" : "", away_until(s).value_or("")});
        }
        return;
    }
    std::vector<std::vector<std::string>> rows{{"ADDRESS", "NAME", "ORGANISATION", "STATUS", "ANSWERED BY", "FLAGS"}};
    for (const auto& s : v.invitees) {
        std::string status = s.status ? std::string(core::to_string(*s.status)) : "-";
        if (s.status == core::Kind::confirmed) status += " (" + std::to_string(s.party_size) + ")";
        std::string by;
        for (const auto& sender : s.answered_by) {
            if (sender == s.invitee.address) continue;
            by += (by.empty() ? "" : ", ") + printable(sender) + " (" + rule_of(v, sender) + ")";
        }
        rows.push_back({printable(s.invitee.address), printable(s.invitee.name), printable(s.invitee.organisation), status,
                        by.empty() ? "-" : by, flags(s)});
    }
    write_table(out, rows);
}

void write_pending(std::ostream& out, const EventView& v, bool include_tentative, ListFormat format) {
    std::vector<const core::InviteeState*> pending;
    std::vector<std::string> extra_columns;
    for (const auto& s : v.invitees) {
        if (!core::is_pending(s, include_tentative)) continue;
        pending.push_back(&s);
        for (const auto& [key, value] : s.invitee.extras) {
            if (std::find(extra_columns.begin(), extra_columns.end(), key) == extra_columns.end()) extra_columns.push_back(key);
        }
    }
    auto extra = [](const core::InviteeState& s, const std::string& key) {
        for (const auto& [k, val] : s.invitee.extras) {
            if (k == key) return val;
        }
        return std::string();
    };
    if (format == ListFormat::json) {
        nlohmann::json doc = nlohmann::json::array();
        for (const auto* s : pending) {
            doc.push_back({{"address", s->invitee.address},
                           {"name", s->invitee.name},
                           {"organisation", s->invitee.organisation},
                           {"status", status_json(s->status)},
                           {"unreachable", text_or_null(s->unreachable)},
                           {"away_on_the_day", s->away_on_the_day},
                           {"away_until", text_or_null(away_until(*s))},
                           {"extras", extras_object(s->invitee)}});
        }
        dump(out, doc);
        return;
    }
    if (format == ListFormat::csv) {
        std::vector<std::string> header{"address", "name", "organisation", "status", "unreachable", "away_on_the_day", "away_until"};
        header.insert(header.end(), extra_columns.begin(), extra_columns.end());
        write_csv_row(out, header);
        for (const auto* s : pending) {
            std::vector<std::string> row{s->invitee.address, s->invitee.name, s->invitee.organisation,
                                         s->status ? std::string(core::to_string(*s->status)) : "", s->unreachable.value_or(""),
                                         s->away_on_the_day ? "yes" : "", away_until(*s).value_or("")};
            for (const auto& key : extra_columns) row.push_back(extra(*s, key));
            write_csv_row(out, row);
        }
        return;
    }
    std::vector<std::vector<std::string>> rows{{"ADDRESS", "NAME", "ORGANISATION", "STATUS", "FLAGS"}};
    for (const auto* s : pending) {
        rows.push_back({printable(s->invitee.address), printable(s->invitee.name), printable(s->invitee.organisation),
                        s->status ? std::string(core::to_string(*s->status)) : "-", flags(*s)});
    }
    write_table(out, rows);
}

void write_unmatched(std::ostream& out, const EventView& v, ListFormat format) {
    std::unordered_map<std::string, const core::Respondent*> respondent;
    for (const auto& r : v.respondents) respondent.emplace(r.address, &r);
    std::unordered_map<std::string, const core::Invitee*> invitee;
    for (const auto& s : v.invitees) invitee.emplace(s.invitee.address, &s.invitee);
    auto name_of = [&](const std::string& sender) {
        const auto r = respondent.find(sender);
        return r == respondent.end() ? std::string() : r->second->name;
    };
    auto status_of = [&](const std::string& sender) -> std::optional<core::Kind> {
        const auto r = respondent.find(sender);
        return r == respondent.end() ? std::nullopt : r->second->status;
    };
    if (format == ListFormat::json) {
        nlohmann::json doc = nlohmann::json::array();
        for (const auto& m : v.unmatched) {
            nlohmann::json candidates = nlohmann::json::array();
            for (const auto& c : m.candidates) {
                const auto i = invitee.find(c);
                candidates.push_back({{"address", c}, {"name", i == invitee.end() ? std::string() : i->second->name}});
            }
            doc.push_back({{"sender", m.sender}, {"name", name_of(m.sender)}, {"status", status_json(status_of(m.sender))},
                           {"candidates", candidates}});
        }
        dump(out, doc);
        return;
    }
    if (format == ListFormat::csv) {
        write_csv_row(out, {"sender", "name", "status", "candidates"});
        for (const auto& m : v.unmatched) {
            std::string c;
            for (const auto& a : m.candidates) c += (c.empty() ? "" : " ") + a;
            const auto st = status_of(m.sender);
            write_csv_row(out, {m.sender, name_of(m.sender), st ? std::string(core::to_string(*st)) : "", c});
        }
        return;
    }
    std::vector<std::vector<std::string>> rows{{"SENDER", "NAME", "STATUS", "LIKELY INVITEES"}};
    for (const auto& m : v.unmatched) {
        std::string c;
        for (const auto& a : m.candidates) {
            const auto i = invitee.find(a);
            c += (c.empty() ? "" : ", ") + printable(a);
            if (i != invitee.end() && !i->second->name.empty()) c += " (" + printable(i->second->name) + ")";
        }
        const auto st = status_of(m.sender);
        rows.push_back({printable(m.sender), printable(name_of(m.sender)), st ? std::string(core::to_string(*st)) : "-",
                        c.empty() ? "-" : c});
    }
    write_table(out, rows);
}

namespace {

nlohmann::json summary_json(const EventSummary& s) {
    auto optional_int = [](const std::optional<int>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
    return {{"name", s.name.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.name)},
            {"date", s.date ? nlohmann::json(core::format_day(*s.date)) : nlohmann::json(nullptr)},
            {"place", s.place},
            {"capacity", optional_int(s.capacity)},
            {"attending", s.headcount.attending},
            {"confirmed", s.headcount.confirmed},
            {"declined", s.headcount.declined},
            {"tentative", s.headcount.tentative},
            {"undecided", s.headcount.undecided},
            {"respondents", s.respondents},
            {"messages", s.messages},
            {"remaining", optional_int(s.remaining)},
            {"over_capacity", s.over_capacity},
            {"invitees", s.invitees},
            {"pending", s.pending},
            {"unreachable", s.unreachable},
            {"away", s.away},
            {"unmatched", s.unmatched}};
}

std::string remaining_text(const EventSummary& s) {
    std::string remaining = s.remaining ? std::to_string(*s.remaining) : "-";
    if (s.over_capacity) remaining += " (over capacity)";
    return remaining;
}

}  // namespace

void write_event_summary(std::ostream& out, const EventSummary& s, ListFormat format) {
    if (format == ListFormat::json) {
        dump(out, summary_json(s));
        return;
    }
    write_table(out, {{"event", s.name.empty() ? "(all messages)" : printable(s.name)},
                      {"date", s.date ? core::format_day(*s.date) : "-"},
                      {"place", s.place.empty() ? "-" : printable(s.place)},
                      {"attending", std::to_string(s.headcount.attending)},
                      {"capacity", s.capacity ? std::to_string(*s.capacity) : "-"},
                      {"remaining", remaining_text(s)},
                      {"respondents", std::to_string(s.respondents)},
                      {"invitees", std::to_string(s.invitees)},
                      {"pending", std::to_string(s.pending)},
                      {"unreachable", std::to_string(s.unreachable)},
                      {"away on the day", std::to_string(s.away)},
                      {"to review", std::to_string(s.unmatched)}});
}

void write_event_summaries(std::ostream& out, const std::vector<EventSummary>& summaries, ListFormat format) {
    if (format == ListFormat::json) {
        nlohmann::json doc = nlohmann::json::array();
        for (const auto& s : summaries) doc.push_back(summary_json(s));
        dump(out, doc);
        return;
    }
    std::vector<std::vector<std::string>> rows{
        {"EVENT", "DATE", "PLACE", "ATTENDING", "CAPACITY", "REMAINING", "INVITEES", "PENDING", "UNREACHABLE", "AWAY", "TO REVIEW"}};
    for (const auto& s : summaries) {
        const std::string remaining = remaining_text(s);
        rows.push_back({s.name.empty() ? "(all messages)" : printable(s.name), s.date ? core::format_day(*s.date) : "-",
                        s.place.empty() ? "-" : printable(s.place), std::to_string(s.headcount.attending),
                        s.capacity ? std::to_string(*s.capacity) : "-", remaining, std::to_string(s.invitees),
                        std::to_string(s.pending), std::to_string(s.unreachable), std::to_string(s.away),
                        std::to_string(s.unmatched)});
    }
    write_table(out, rows);
}

}  // namespace rsvp::app
