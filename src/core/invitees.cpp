#include "rsvp/core/invitees.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <unordered_map>

#include "rsvp/core/text.hpp"

namespace rsvp::core {

namespace {

bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        std::uint32_t cp = 0;
        if (b < 0x80) { ++i; continue; }
        if ((b & 0xE0) == 0xC0) { n = 1; cp = b & 0x1Fu; }
        else if ((b & 0xF0) == 0xE0) { n = 2; cp = b & 0x0Fu; }
        else if ((b & 0xF8) == 0xF0) { n = 3; cp = b & 0x07u; }
        else return false;
        for (std::size_t k = 1; k <= n; ++k) {
            if (i + k >= s.size()) return false;
            const auto c = static_cast<unsigned char>(s[i + k]);
            if ((c & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (c & 0x3Fu);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
        if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF)) {
            return false;
        }
        i += n + 1;
    }
    return true;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// windows-1252 0x80..0x9F; the five unassigned bytes become U+FFFD.
constexpr std::array<char16_t, 32> k_cp1252 = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

}  // namespace

std::string spreadsheet_text(std::string_view bytes, std::string* encoding) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    if (valid_utf8(bytes)) {
        if (encoding) *encoding = "UTF-8";
        return std::string(bytes);
    }
    if (encoding) *encoding = "windows-1252";
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x80) out += c;
        else if (b < 0xA0) append_utf8(out, k_cp1252[b - 0x80]);
        else append_utf8(out, b);
    }
    return out;
}

char detect_separator(std::string_view line) {
    std::size_t semicolons = 0, commas = 0, tabs = 0;
    bool quoted = false;
    for (const char c : line) {
        if (c == '"') quoted = !quoted;
        else if (c == '\n' && !quoted) break;
        else if (!quoted && c == ';') ++semicolons;
        else if (!quoted && c == ',') ++commas;
        else if (!quoted && c == '\t') ++tabs;
    }
    if (semicolons == 0 && commas == 0 && tabs > 0) return '\t';
    return semicolons > commas ? ';' : ',';
}

std::vector<std::vector<std::string>> parse_csv(std::string_view text, char separator) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, was_quoted = false;
    auto end_field = [&] {
        row.push_back(std::move(field));
        field.clear();
        was_quoted = false;
    };
    auto end_row = [&] {
        end_field();
        const bool blank = row.size() == 1 && row[0].empty();
        if (!blank) rows.push_back(std::move(row));
        row.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == '"' && field.empty() && !was_quoted) {
            quoted = was_quoted = true;
        } else if (c == separator) {
            end_field();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            // CRLF: the LF ends the row.
        } else if (c == '\n') {
            end_row();
        } else {
            field += c;
        }
    }
    if (!field.empty() || !row.empty() || was_quoted) end_row();
    return rows;
}

std::string csv_cell(std::string_view value) {
    std::string v(value);
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r')) v.insert(0, "'");
    if (v.find_first_of(",;\"\r\n") == std::string::npos) return v;
    std::string out = "\"";
    for (const char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

namespace {

// A header name reduced to its letters and digits: "E-mail" -> "email",
// "Prénom" -> "prenom", "Adresse électronique" -> "adresseelectronique".
std::string header_key(std::string_view header) {
    std::string out;
    for (const char c : fold(trim(header))) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
    }
    return out;
}

enum class Column { address, name, first_name, organisation, extra };

Column column_of(std::string_view header) {
    static const std::set<std::string, std::less<>> k_address = {
        "adresse", "adressemail", "adresseemail", "adressecourriel", "adresseelectronique", "email", "mail", "courriel",
        "address", "emailaddress", "mailaddress", "adressemel", "mel", "emails"};
    static const std::set<std::string, std::less<>> k_name = {"nom", "name", "lastname", "nomdefamille", "surname",
                                                              "familyname", "fullname", "nomcomplet", "nomprenom",
                                                              "nometprenom", "prenomnom", "prenometnom"};
    static const std::set<std::string, std::less<>> k_first = {"prenom", "firstname", "givenname", "forename"};
    static const std::set<std::string, std::less<>> k_org = {"organisation", "organization", "organisme", "structure",
                                                             "service", "etablissement", "entreprise", "company",
                                                             "societe", "institution", "collectivite"};
    const std::string key = header_key(header);
    if (k_address.count(key)) return Column::address;
    if (k_name.count(key)) return Column::name;
    if (k_first.count(key)) return Column::first_name;
    if (k_org.count(key)) return Column::organisation;
    return Column::extra;
}

// The address in a cell: "Jean Dupont <Jean.Dupont@x.fr>", "mailto:..." or bare.
std::string address_in(std::string_view cell) {
    std::string_view s = trim(cell);
    if (const auto open = s.find('<'); open != std::string_view::npos) {
        const auto close = s.find('>', open);
        if (close != std::string_view::npos) s = trim(s.substr(open + 1, close - open - 1));
    }
    if (s.size() > 7 && lower_ascii(s.substr(0, 7)) == "mailto:") s.remove_prefix(7);
    const std::string out = lower_ascii(s);
    const auto at = out.find('@');
    if (at == std::string::npos || at == 0 || at + 1 == out.size() || out.find_first_of(" \t,;<>\"") != std::string::npos ||
        out.find('@', at + 1) != std::string::npos) {
        return {};
    }
    return out;
}

}  // namespace

InviteeList read_invitees(std::string_view bytes) {
    InviteeList list;
    const std::string text = spreadsheet_text(bytes, &list.encoding);
    const auto first_line_end = text.find('\n');
    list.separator = detect_separator(std::string_view(text).substr(0, first_line_end));
    const auto rows = parse_csv(text, list.separator);
    if (rows.empty()) {
        list.error = "the file is empty";
        return list;
    }
    list.columns.reserve(rows[0].size());
    for (const auto& h : rows[0]) list.columns.emplace_back(trim(h));
    std::vector<Column> kinds;
    std::optional<std::size_t> address, name, first, organisation;
    for (std::size_t i = 0; i < list.columns.size(); ++i) {
        Column c = column_of(list.columns[i]);
        auto take = [&](std::optional<std::size_t>& slot) {
            if (slot) c = Column::extra;  // a second such column is kept as an extra
            else slot = i;
        };
        if (c == Column::address) take(address);
        else if (c == Column::name) take(name);
        else if (c == Column::first_name) take(first);
        else if (c == Column::organisation) take(organisation);
        kinds.push_back(c);
    }
    if (!address) {
        list.error = "no address column in the header line";
        return list;
    }
    std::unordered_map<std::string, std::size_t> index;
    // Line numbers: count the line breaks each row spans (quoted cells may hold some).
    std::size_t line = 1;
    std::size_t scan = 0;
    auto next_row_line = [&] {
        // Rows are in order; the first non-blank line after the previous row.
        while (scan < text.size() && (text[scan] == '\n' || text[scan] == '\r')) {
            if (text[scan] == '\n') ++line;
            ++scan;
        }
        const std::size_t at = line;
        bool quoted = false;
        while (scan < text.size()) {
            const char c = text[scan++];
            if (c == '"') quoted = !quoted;
            else if (c == '\n') {
                ++line;
                if (!quoted) break;
            }
        }
        return at;
    };
    next_row_line();  // the header
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        const std::size_t at = next_row_line();
        auto cell = [&](const std::optional<std::size_t>& c) -> std::string {
            return c && *c < row.size() ? std::string(trim(row[*c])) : std::string();
        };
        const std::string raw_address = cell(address);
        Invitee invitee;
        invitee.address = address_in(raw_address);
        if (invitee.address.empty()) {
            const bool blank = std::all_of(row.begin(), row.end(), [](const std::string& v) { return trim(v).empty(); });
            if (!blank) {
                ++list.skipped;
                list.problems.push_back("line " + std::to_string(at) + ": " +
                                        (raw_address.empty() ? std::string("no address") : "'" + raw_address + "' is not an address") +
                                        ", row skipped");
            }
            continue;
        }
        const std::string first_name = cell(first), last_name = cell(name);
        invitee.name = first_name.empty() ? last_name : last_name.empty() ? first_name : first_name + " " + last_name;
        invitee.organisation = cell(organisation);
        for (std::size_t i = 0; i < kinds.size() && i < row.size(); ++i) {
            if (kinds[i] != Column::extra) continue;
            const std::string value(trim(row[i]));
            if (!value.empty() && !list.columns[i].empty()) invitee.extras.emplace_back(list.columns[i], value);
        }
        const auto [it, added] = index.try_emplace(invitee.address, list.invitees.size());
        if (added) {
            list.invitees.push_back(std::move(invitee));
        } else {
            list.problems.push_back("line " + std::to_string(at) + ": " + invitee.address + " is listed twice, the later row is kept");
            list.invitees[it->second] = std::move(invitee);
        }
    }
    return list;
}

std::string_view to_string(MatchRule rule) {
    switch (rule) {
        case MatchRule::none: return "none";
        case MatchRule::link: return "link";
        case MatchRule::address: return "address";
        case MatchRule::name: return "name";
        case MatchRule::mentioned: return "mentioned";
        case MatchRule::organisation: return "organisation";
    }
    return "none";
}

namespace {

bool is_title(std::string_view w) {
    static const std::set<std::string, std::less<>> k_titles = {
        "m", "mr", "mrs", "ms", "mme", "mlle", "melle", "mmes", "mm", "dr", "pr", "prof", "monsieur", "madame",
        "mademoiselle", "docteur", "professeur", "sir", "miss"};
    return k_titles.count(w) > 0;
}

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out;
    std::string word;
    for (const char c : fold(text)) {
        // Hyphens stay inside names: "jean-luc".
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && !word.empty())) {
            word += c;
        } else if (!word.empty()) {
            out.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) out.push_back(std::move(word));
    return out;
}

std::string domain_of(std::string_view address) {
    const auto at = address.rfind('@');
    return at == std::string_view::npos ? std::string() : lower_ascii(address.substr(at + 1));
}

// Mail providers anyone can have an address at: the domain says nothing
// about the organisation.
bool personal_provider(std::string_view domain) {
    static const std::set<std::string, std::less<>> k_providers = {
        "gmail.com", "googlemail.com", "orange.fr", "wanadoo.fr", "free.fr", "sfr.fr", "neuf.fr", "laposte.net",
        "yahoo.fr", "yahoo.com", "hotmail.fr", "hotmail.com", "outlook.fr", "outlook.com", "live.fr", "live.com",
        "icloud.com", "me.com", "aol.com", "gmx.fr", "gmx.com", "bbox.fr", "numericable.fr", "protonmail.com", "proton.me"};
    return k_providers.count(domain) > 0;
}

// Does `words` contain `name` (two words or more) as consecutive words, in
// the given order or with the last word first ("Dupont Jean")?
bool mentions(const std::vector<std::string>& words, const std::vector<std::string>& name) {
    if (name.size() < 2 || words.size() < name.size()) return false;
    std::vector<std::string> reversed{name.back()};
    reversed.insert(reversed.end(), name.begin(), name.end() - 1);
    for (std::size_t i = 0; i + name.size() <= words.size(); ++i) {
        if (std::equal(name.begin(), name.end(), words.begin() + static_cast<std::ptrdiff_t>(i))) return true;
        if (std::equal(reversed.begin(), reversed.end(), words.begin() + static_cast<std::ptrdiff_t>(i))) return true;
    }
    return false;
}

}  // namespace

std::vector<std::string> name_key(std::string_view name) {
    std::vector<std::string> key;
    for (auto& w : words_of(name)) {
        if (!is_title(w)) key.push_back(std::move(w));
    }
    std::sort(key.begin(), key.end());
    return key;
}

std::vector<Match> match_senders(const std::vector<Invitee>& invitees, const std::vector<Sender>& senders,
                                 const std::vector<Link>& links) {
    std::unordered_map<std::string, std::size_t> by_address;
    std::map<std::vector<std::string>, std::vector<std::size_t>> by_name;
    std::vector<std::vector<std::string>> name_words(invitees.size());
    for (std::size_t i = 0; i < invitees.size(); ++i) {
        by_address.emplace(lower_ascii(invitees[i].address), i);
        const auto key = name_key(invitees[i].name);
        if (key.size() >= 2) by_name[key].push_back(i);
        for (auto& w : words_of(invitees[i].name)) {
            if (!is_title(w)) name_words[i].push_back(std::move(w));
        }
    }
    std::unordered_map<std::string, std::string> linked;
    for (const Link& l : links) linked[lower_ascii(l.sender)] = lower_ascii(l.invitee);

    std::vector<Match> out(senders.size());
    std::vector<bool> answered_for(invitees.size(), false);
    auto matched = [&](Match& m, std::size_t invitee, MatchRule rule, bool answered) {
        m.invitee = invitees[invitee].address;
        m.rule = rule;
        m.candidates.clear();
        if (answered) answered_for[invitee] = true;
    };
    auto add_candidates = [&](Match& m, const std::vector<std::size_t>& found) {
        for (const std::size_t i : found) {
            if (std::find(m.candidates.begin(), m.candidates.end(), invitees[i].address) == m.candidates.end()) {
                m.candidates.push_back(invitees[i].address);
            }
        }
    };
    // First pass: links, addresses, names.
    for (std::size_t s = 0; s < senders.size(); ++s) {
        const Sender& sender = senders[s];
        Match& m = out[s];
        m.sender = lower_ascii(sender.address);
        if (const auto l = linked.find(m.sender); l != linked.end()) {
            if (const auto i = by_address.find(l->second); i != by_address.end()) {
                matched(m, i->second, MatchRule::link, sender.answered);
                continue;
            }
        }
        if (const auto i = by_address.find(m.sender); i != by_address.end()) {
            matched(m, i->second, MatchRule::address, sender.answered);
            continue;
        }
        if (const auto key = name_key(sender.name); key.size() >= 2) {
            if (const auto found = by_name.find(key); found != by_name.end()) {
                if (found->second.size() == 1) {
                    matched(m, found->second[0], MatchRule::name, sender.answered);
                    continue;
                }
                add_candidates(m, found->second);
            }
        }
        if (!sender.answered) continue;
        std::vector<std::size_t> mentioned;
        std::vector<std::vector<std::string>> texts;
        for (const auto& text : sender.texts) texts.push_back(words_of(text));
        for (std::size_t i = 0; i < invitees.size(); ++i) {
            for (const auto& words : texts) {
                if (mentions(words, name_words[i])) {
                    mentioned.push_back(i);
                    break;
                }
            }
        }
        if (mentioned.size() == 1 && m.candidates.empty()) {
            matched(m, mentioned[0], MatchRule::mentioned, true);
            continue;
        }
        add_candidates(m, mentioned);
    }
    // Second pass: the organisation's one invitee nobody answered for.
    for (std::size_t s = 0; s < senders.size(); ++s) {
        Match& m = out[s];
        if (m.invitee || !senders[s].answered || !m.candidates.empty()) continue;
        const std::string domain = domain_of(m.sender);
        if (domain.empty() || personal_provider(domain)) continue;
        std::vector<std::size_t> same_domain, open;
        for (std::size_t i = 0; i < invitees.size(); ++i) {
            if (domain_of(invitees[i].address) != domain) continue;
            same_domain.push_back(i);
            if (!answered_for[i]) open.push_back(i);
        }
        if (open.size() == 1) {
            matched(m, open[0], MatchRule::organisation, true);
        } else {
            add_candidates(m, open.empty() ? same_domain : open);
        }
    }
    return out;
}

std::vector<InviteeState> invitee_states(const std::vector<Invitee>& invitees, const std::vector<Respondent>& respondents,
                                         const std::vector<Match>& matches, const std::vector<Bounce>& bounces,
                                         const std::vector<Notice>& notices, const std::optional<CivilDate>& event_day) {
    std::unordered_map<std::string, std::size_t> index;
    std::vector<InviteeState> out;
    out.reserve(invitees.size());
    for (const Invitee& i : invitees) {
        index.emplace(lower_ascii(i.address), out.size());
        out.push_back({i, std::nullopt, 0, false, {}, std::nullopt, std::nullopt, false});
    }
    std::unordered_map<std::string, std::string> invitee_of;  // sender -> invitee address
    for (const Match& m : matches) {
        if (m.invitee) invitee_of.emplace(m.sender, lower_ascii(*m.invitee));
    }
    std::vector<std::optional<std::int64_t>> decided_at(out.size());
    for (const Respondent& r : respondents) {
        const auto inv = invitee_of.find(r.address);
        if (inv == invitee_of.end()) continue;
        const auto at = index.find(inv->second);
        if (at == index.end()) continue;
        InviteeState& state = out[at->second];
        state.answered_by.push_back(r.address);
        if (!r.status) continue;
        // A correction first, then the latest decision.
        auto& when = decided_at[at->second];
        const std::int64_t instant = r.decided_at.value_or(0);
        const bool wins = !state.status || (r.corrected && !state.corrected) ||
                          (r.corrected == state.corrected && instant >= when.value_or(0));
        if (!wins) continue;
        state.status = r.status;
        state.party_size = r.party_size;
        state.corrected = r.corrected;
        when = instant;
    }
    for (InviteeState& s : out) std::sort(s.answered_by.begin(), s.answered_by.end());
    for (const Bounce& b : bounces) {
        const auto at = index.find(lower_ascii(trim(b.recipient)));
        if (at != index.end()) out[at->second].unreachable = b.reason;
    }
    std::vector<std::optional<CivilDate>> noticed_on(out.size());
    for (const Notice& n : notices) {
        const auto inv = invitee_of.find(lower_ascii(n.sender));
        if (inv == invitee_of.end()) continue;
        const auto at = index.find(inv->second);
        if (at == index.end()) continue;
        auto absence = parse_absence(n.text, n.written_on);
        if (!absence) continue;
        auto& when = noticed_on[at->second];
        if (when && *when > n.written_on) continue;
        when = n.written_on;
        InviteeState& state = out[at->second];
        state.away_on_the_day = event_day && away_on(*absence, n.written_on, *event_day);
        state.absence = std::move(absence);
    }
    return out;
}

bool is_pending(const InviteeState& state, bool include_tentative) {
    return !state.status || (include_tentative && *state.status == Kind::tentative);
}

}  // namespace rsvp::core
