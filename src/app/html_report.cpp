// `rsvp report`: see html_report.hpp.
#include "rsvp/app/html_report.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <ostream>
#include <sstream>

#include "rsvp/app/report.hpp"
#include "rsvp/core/away.hpp"
#include "rsvp/core/respondents.hpp"

#if __has_include("rsvp/app/invitees.hpp")
#include "rsvp/app/invitees.hpp"
#define RSVP_HTML_REPORT_INVITEES 1
#endif

namespace rsvp::app {

namespace {

std::string two(unsigned v) {
    std::string s = std::to_string(v);
    return s.size() < 2 ? "0" + s : s;
}

std::string day_of(const core::CivilDate& d) { return std::to_string(d.year) + "-" + two(d.month) + "-" + two(d.day); }

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); }

std::string utc_day(std::int64_t utc) { return day_of(core::from_days(floor_div(utc, 86400))); }

std::string utc_time(std::int64_t utc) {
    const std::int64_t s = utc - floor_div(utc, 86400) * 86400;
    return utc_day(utc) + " " + two(static_cast<unsigned>(s / 3600)) + ":" + two(static_cast<unsigned>(s / 60 % 60)) + " UTC";
}

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::string domain_of(const std::string& address) {
    const auto at = address.rfind('@');
    return at == std::string::npos ? address : lower(address.substr(at + 1));
}

// --- Words -------------------------------------------------------------------

struct Words {
    const char* lang;
    const char* report_title;
    const char* sign_in_title;
    const char* attending;
    const char* confirmed;
    const char* declined;
    const char* tentative;
    const char* not_answered;
    const char* review;
    const char* capacity_left;
    const char* over_time;
    const char* by_domain;
    const char* attendees;
    const char* unreachable;
    const char* away;
    const char* pending;
    const char* name;
    const char* address;
    const char* organisation;
    const char* party;
    const char* delegate;
    const char* date;
    const char* reason;
    const char* signature;
    const char* generated;
    const char* source;
    const char* none;
    const char* unknown_list;
    const char* page;
    const char* no_data;
    const char* event;
};

const Words k_fr = {"fr",
                    "Réponses à l'invitation",
                    "Feuille d'émargement",
                    "Personnes attendues",
                    "Confirmé",
                    "Excusé",
                    "Incertain",
                    "Sans réponse",
                    "À vérifier",
                    "Places restantes",
                    "Réponses au fil des jours (cumul)",
                    "Participants par domaine",
                    "Participants",
                    "Injoignables",
                    "Absents le jour de l'événement",
                    "Sans réponse",
                    "Nom",
                    "Adresse",
                    "Organisme",
                    "Pers.",
                    "Représenté par",
                    "Date",
                    "Motif",
                    "Signature",
                    "Généré le",
                    "Source",
                    "Aucun",
                    "— (pas de liste d'invités)",
                    "Page",
                    "Pas encore de réponse datée",
                    "Événement"};

const Words k_en = {"en",
                    "Replies to the invitation",
                    "Sign-in sheet",
                    "People attending",
                    "Confirmed",
                    "Declined",
                    "Tentative",
                    "Not answered",
                    "To review",
                    "Capacity left",
                    "Replies over time (cumulative)",
                    "Attendance by domain",
                    "Attendees",
                    "Unreachable",
                    "Away on the day",
                    "Not answered",
                    "Name",
                    "Address",
                    "Organisation",
                    "People",
                    "Delegate",
                    "Date",
                    "Reason",
                    "Signature",
                    "Generated",
                    "Source",
                    "None",
                    "— (no invitee list)",
                    "Page",
                    "No dated reply yet",
                    "Event"};

const Words& words(Language language) { return language == Language::en ? k_en : k_fr; }

std::string display_name(const ReportPerson& p) { return p.name.empty() ? p.address : p.name; }

// Lower-cased, with the accents of Latin-1 letters dropped: "Élodie" sorts with "Elodie".
std::string fold(const std::string& s) {
    static const char k_base[] = "aaaaaaaceeeeiiiidnooooo/ouuuuyts";  // U+00C0..U+00DF and U+00E0..U+00FF alike
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == 0xC3 && i + 1 < s.size()) {
            const auto next = static_cast<unsigned char>(s[i + 1]);
            if (next >= 0x80 && next <= 0xBF) {
                out += k_base[(next - 0x80) % 32];
                ++i;
                continue;
            }
        }
        out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : s[i];
    }
    return out;
}

std::string sort_key(const ReportPerson& p) { return fold(display_name(p)) + '\x01' + p.address; }

std::vector<ReportPerson> with_status(const ReportData& data, core::Kind kind) {
    std::vector<ReportPerson> out;
    for (const auto& p : data.respondents)
        if (p.status == kind) out.push_back(p);
    std::stable_sort(out.begin(), out.end(), [](const ReportPerson& a, const ReportPerson& b) { return sort_key(a) < sort_key(b); });
    return out;
}

std::string event_heading(const ReportData& data, const Words& w) {
    std::string s = data.event_title.empty() ? w.event : data.event_title;
    if (!data.event_date.empty()) s += " — " + data.event_date;
    if (!data.event_place.empty()) s += " — " + data.event_place;
    return s;
}

// A CSS string literal: everything but letters, digits and spaces as \HHHHHH
// escapes, so nothing in it can close the string or the style element.
std::string css_string(std::string_view text) {
    std::string out = "\"";
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c >= 0x80) {
            out += static_cast<char>(c);
        } else {
            char buf[12];
            std::snprintf(buf, sizeof buf, "\\%06X", static_cast<unsigned>(c));
            out += buf;
        }
    }
    return out + "\"";
}

const char* k_base_css = R"(
body{font-family:"DejaVu Sans","Liberation Sans",Arial,sans-serif;color:#1b1b1b;margin:0;background:#fff}
h1{font-size:1.5em;margin:0 0 .2em}h2{font-size:1.15em;margin:1.4em 0 .5em;border-bottom:2px solid #000091;padding-bottom:.2em;color:#000091}
table{border-collapse:collapse;width:100%;font-size:.9em}th,td{text-align:left;padding:.3em .5em;border-bottom:1px solid #ddd;vertical-align:top}
th{background:#f0f0f8}td.n,th.n{text-align:right}.muted{color:#666}
)";

void head(std::ostream& out, const Words& w, const std::string& title, const char* css) {
    out << "<!DOCTYPE html>\n<html lang=\"" << w.lang << "\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<title>" << html_escape(title) << "</title>\n<style>" << k_base_css << css << "</style>\n</head>\n";
}

void headline(std::ostream& out, const char* label, const std::string& value, const char* id, bool big = false) {
    out << "<div class=\"tile" << (big ? " big" : "") << "\"><div class=\"v\" id=\"" << id << "\">" << html_escape(value)
        << "</div><div class=\"l\">" << html_escape(label) << "</div></div>\n";
}

std::string opt_number(const std::optional<int>& v) { return v ? std::to_string(*v) : "—"; }

void cumulative_chart(std::ostream& out, const ReportData& data, const Words& w) {
    if (data.days.empty()) {
        out << "<p class=\"muted\">" << html_escape(w.no_data) << "</p>\n";
        return;
    }
    const int width = 720, height = 260, left = 48, right = 16, top = 16, bottom = 40;
    int max = 1;
    for (const auto& d : data.days) max = std::max({max, d.attending, d.declined});
    const double plot_w = width - left - right, plot_h = height - top - bottom;
    const std::size_t n = data.days.size();
    auto x = [&](std::size_t i) { return left + (n == 1 ? plot_w / 2 : plot_w * static_cast<double>(i) / static_cast<double>(n - 1)); };
    auto y = [&](int v) { return top + plot_h - plot_h * v / max; };
    auto line = [&](auto value) {
        std::ostringstream pts;
        for (std::size_t i = 0; i < n; ++i) {
            if (i > 0) pts << x(i) << ',' << y(value(data.days[i - 1])) << ' ';
            pts << x(i) << ',' << y(value(data.days[i])) << ' ';
        }
        return pts.str();
    };
    out << "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 " << width << ' ' << height << "\" width=\"" << width << "\" height=\"" << height
        << "\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>" << html_escape(w.over_time) << "</title>\n";
    // Grid and axes.
    for (int k = 0; k <= 4; ++k) {
        const int v = max * k / 4;
        out << "<line x1=\"" << left << "\" x2=\"" << width - right << "\" y1=\"" << y(v) << "\" y2=\"" << y(v)
            << "\" stroke=\"#e3e3e3\"/><text x=\"" << left - 6 << "\" y=\"" << y(v) + 4 << "\" text-anchor=\"end\" font-size=\"11\">" << v
            << "</text>\n";
    }
    const std::size_t step = std::max<std::size_t>(1, n / 6);
    for (std::size_t i = 0; i < n; i += step)
        out << "<text x=\"" << x(i) << "\" y=\"" << height - bottom + 16 << "\" text-anchor=\"middle\" font-size=\"11\">"
            << html_escape(data.days[i].day.substr(5)) << "</text>\n";
    out << "<polyline fill=\"none\" stroke=\"#000091\" stroke-width=\"2.5\" points=\"" << line([](const ReportDay& d) { return d.attending; })
        << "\"/>\n";
    out << "<polyline fill=\"none\" stroke=\"#c9191e\" stroke-width=\"2.5\" stroke-dasharray=\"6 3\" points=\""
        << line([](const ReportDay& d) { return d.declined; }) << "\"/>\n";
    out << "<rect x=\"" << left + 8 << "\" y=\"" << height - 16 << "\" width=\"14\" height=\"4\" fill=\"#000091\"/><text x=\"" << left + 28
        << "\" y=\"" << height - 11 << "\" font-size=\"12\">" << html_escape(w.attending) << "</text>\n";
    out << "<rect x=\"" << left + 220 << "\" y=\"" << height - 16 << "\" width=\"14\" height=\"4\" fill=\"#c9191e\"/><text x=\"" << left + 240
        << "\" y=\"" << height - 11 << "\" font-size=\"12\">" << html_escape(w.declined) << "</text>\n";
    out << "</svg>\n";
}

void domain_chart(std::ostream& out, const ReportData& data, const Words& w) {
    if (data.domains.empty()) {
        out << "<p class=\"muted\">" << html_escape(w.none) << "</p>\n";
        return;
    }
    const std::size_t shown = std::min<std::size_t>(data.domains.size(), 15);
    const int row = 22, label_w = 250, bar_w = 420, width = label_w + bar_w + 50;
    const int height = static_cast<int>(shown) * row + 8;
    int max = 1;
    for (std::size_t i = 0; i < shown; ++i) max = std::max(max, data.domains[i].attending);
    out << "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 " << width << ' ' << height << "\" width=\"" << width << "\" height=\"" << height
        << "\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>" << html_escape(w.by_domain) << "</title>\n";
    for (std::size_t i = 0; i < shown; ++i) {
        const auto& d = data.domains[i];
        const int yy = static_cast<int>(i) * row + 4;
        const int len = std::max(1, bar_w * d.attending / max);
        out << "<text x=\"" << label_w - 6 << "\" y=\"" << yy + 14 << "\" text-anchor=\"end\" font-size=\"12\">" << html_escape(d.domain)
            << "</text><rect x=\"" << label_w << "\" y=\"" << yy + 3 << "\" width=\"" << len << "\" height=\"15\" fill=\"#000091\"/><text x=\""
            << label_w + len + 5 << "\" y=\"" << yy + 14 << "\" font-size=\"12\">" << d.attending << "</text>\n";
    }
    out << "</svg>\n";
    if (data.domains.size() > shown) out << "<p class=\"muted\">+ " << data.domains.size() - shown << "</p>\n";
}

void people_table(std::ostream& out, const std::vector<ReportPerson>& people, const Words& w, bool attendees, const char* id,
                  const char* detail_header = nullptr) {
    if (people.empty()) {
        out << "<p class=\"muted\" id=\"" << id << "\">" << html_escape(w.none) << "</p>\n";
        return;
    }
    out << "<table id=\"" << id << "\"><thead><tr><th>" << html_escape(w.name) << "</th><th>" << html_escape(w.organisation) << "</th><th>"
        << html_escape(w.address) << "</th>";
    if (attendees) out << "<th class=\"n\">" << html_escape(w.party) << "</th><th>" << html_escape(w.delegate) << "</th>";
    // detail_header: nullptr for the date of the decision, "" for no last column.
    if (!detail_header) out << "<th>" << html_escape(w.date) << "</th>";
    else if (*detail_header) out << "<th>" << html_escape(detail_header) << "</th>";
    out << "</tr></thead>\n<tbody>\n";
    for (const auto& p : people) {
        out << "<tr><td>" << html_escape(display_name(p)) << "</td><td>" << html_escape(p.organisation) << "</td><td>" << html_escape(p.address)
            << "</td>";
        if (attendees) out << "<td class=\"n\">" << p.party_size << "</td><td>" << html_escape(p.delegate) << "</td>";
        if (!detail_header) out << "<td>" << (p.decided_utc ? html_escape(utc_day(*p.decided_utc)) : "") << "</td>";
        else if (*detail_header) out << "<td>" << html_escape(p.detail) << "</td>";
        out << "</tr>\n";
    }
    out << "</tbody></table>\n";
}

void optional_table(std::ostream& out, const std::optional<std::vector<ReportPerson>>& people, const Words& w, const char* id,
                    const char* detail_header) {
    if (!people) {
        out << "<p class=\"muted\" id=\"" << id << "\">" << html_escape(w.unknown_list) << "</p>\n";
        return;
    }
    people_table(out, *people, w, false, id, detail_header);
}

const char* k_report_css = R"(
main{max-width:1180px;margin:0 auto;padding:24px 32px}
.sub{color:#444;margin:0 0 1em}
.tiles{display:flex;flex-wrap:wrap;gap:12px;margin:1em 0}
.tile{flex:1 1 110px;border:1px solid #d0d0e0;border-radius:6px;padding:10px 14px;background:#f7f7fc}
.tile .v{font-size:1.9em;font-weight:bold;color:#000091}.tile .l{font-size:.85em;color:#333}
.tile.big{flex:1.5 1 150px;background:#000091}.tile.big .v,.tile.big .l{color:#fff}
.charts{display:flex;flex-wrap:wrap;gap:24px}.charts>section{flex:1 1 520px}
svg.chart{max-width:100%;height:auto;font-family:inherit}
footer{margin-top:2em;font-size:.85em;color:#555;border-top:1px solid #ddd;padding-top:.6em}
@media print{main{padding:0}.tile{break-inside:avoid}}
)";

const char* k_sign_in_css = R"(
@page{size:A4 portrait;margin:14mm 12mm 16mm 12mm}
body{font-size:10pt}
.sheet{break-after:page;page-break-after:always}
.sheet:last-of-type{break-after:auto;page-break-after:auto}
header{border-bottom:2px solid #000;margin-bottom:4mm;padding-bottom:2mm}
header h1{font-size:14pt}header p{margin:0;font-size:10pt}
table{font-size:10pt}td,th{border:1px solid #888;height:11mm;padding:1mm 2mm;vertical-align:middle}
th{height:auto;background:#eee}
td.sig,th.sig{width:45mm}td.num,th.num{width:8mm;text-align:right}td.n{width:10mm}
@media screen{body{background:#ddd}.sheet{background:#fff;width:186mm;min-height:267mm;margin:8mm auto;padding:8mm;box-shadow:0 0 4px #999}}
)";

}  // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

void summarize_respondents(ReportData& data) {
    data.attending = data.confirmed = data.declined = data.tentative = data.undecided = 0;
    std::map<std::string, std::pair<int, int>> per_day;  // day -> attending, declined added that day
    std::map<std::string, int> per_domain;
    for (const auto& p : data.respondents) {
        if (!p.status) {
            ++data.undecided;
            continue;
        }
        switch (*p.status) {
            case core::Kind::confirmed:
                ++data.confirmed;
                data.attending += p.party_size;
                per_domain[domain_of(p.address)] += p.party_size;
                if (p.decided_utc) per_day[utc_day(*p.decided_utc)].first += p.party_size;
                break;
            case core::Kind::declined:
                ++data.declined;
                if (p.decided_utc) per_day[utc_day(*p.decided_utc)].second += 1;
                break;
            case core::Kind::tentative: ++data.tentative; break;
            default: ++data.undecided;
        }
    }
    data.days.clear();
    int attending = 0, declined = 0;
    for (const auto& [day, added] : per_day) {
        attending += added.first;
        declined += added.second;
        data.days.push_back({day, attending, declined});
    }
    data.domains.clear();
    for (const auto& [domain, n] : per_domain) data.domains.push_back({domain, n});
    std::stable_sort(data.domains.begin(), data.domains.end(), [](const ReportDomain& a, const ReportDomain& b) { return a.attending > b.attending; });
}

ReportData report_data(const store::Store& store, std::int64_t now_utc) {
    ReportData data;
    data.generated_utc = now_utc;
    const auto respondents = app::respondents(store);
    const auto messages = store.messages();
    data.messages = messages.size();
    data.review = review(messages, respondents).size();
    for (const auto& r : respondents) {
        ReportPerson p;
        p.name = r.name;
        p.address = r.address;
        p.organisation = organisation(r.name);
        p.status = r.status;
        p.party_size = r.party_size;
        p.delegate = r.delegate.value_or("");
        p.decided_utc = r.decided_at;
        data.respondents.push_back(std::move(p));
    }
    summarize_respondents(data);
    std::optional<std::int64_t> latest;
    for (const auto& m : messages)
        if (m.record.date) latest = std::max(latest.value_or(m.record.date->utc_seconds), m.record.date->utc_seconds);
    data.source = std::to_string(data.messages) + " messages, " + std::to_string(data.respondents.size()) + " respondents";
    if (latest) data.source += ", " + utc_time(*latest);

#ifdef RSVP_HTML_REPORT_INVITEES
    const auto view = event_view(store);
    data.event_title = view.event.name;
    if (view.event.date) data.event_date = day_of(*view.event.date);
    data.event_place = view.event.place;
    data.capacity = view.event.capacity;
    // Fill the organisation from the invitee list when the name carries none.
    if (!view.invitees.empty()) {
        std::vector<ReportPerson> unreachable, away, pending;
        std::map<std::string, std::string> organisation_of;
        for (const auto& s : view.invitees) {
            ReportPerson p;
            p.name = s.invitee.name;
            p.address = s.invitee.address;
            p.organisation = s.invitee.organisation;
            p.status = s.status;
            p.party_size = s.party_size;
            for (const auto& sender : s.answered_by) organisation_of[sender] = s.invitee.organisation;
            if (s.unreachable) {
                p.detail = *s.unreachable;
                unreachable.push_back(p);
            }
            if (s.away_on_the_day) {
                if (s.absence) p.detail = day_of(s.absence->last_day);
                away.push_back(p);
            }
            if (core::is_pending(s, false)) pending.push_back(p);
        }
        for (auto& p : data.respondents)
            if (p.organisation.empty())
                if (auto it = organisation_of.find(p.address); it != organisation_of.end()) p.organisation = it->second;
        data.not_answered = static_cast<int>(pending.size());
        data.unreachable = std::move(unreachable);
        data.away = std::move(away);
        data.pending = std::move(pending);
    }
#endif
    return data;
}

void write_html_report(std::ostream& out, const ReportData& data, Language language) {
    const Words& w = words(language);
    const std::string heading = event_heading(data, w);
    head(out, w, std::string(w.report_title) + " — " + heading, k_report_css);
    out << "<body>\n<main>\n<h1>" << html_escape(w.report_title) << "</h1>\n<p class=\"sub\" id=\"event\">" << html_escape(heading) << "</p>\n";

    out << "<div class=\"tiles\">\n";
    headline(out, w.attending, std::to_string(data.attending), "attending", true);
    headline(out, w.confirmed, std::to_string(data.confirmed), "confirmed");
    headline(out, w.declined, std::to_string(data.declined), "declined");
    headline(out, w.tentative, std::to_string(data.tentative), "tentative");
    headline(out, w.not_answered, opt_number(data.not_answered), "not-answered");
    headline(out, w.review, std::to_string(data.review), "review");
    headline(out, w.capacity_left, data.capacity ? std::to_string(*data.capacity - data.attending) : "—", "capacity-left");
    out << "</div>\n";

    out << "<div class=\"charts\">\n<section><h2>" << html_escape(w.over_time) << "</h2>\n";
    cumulative_chart(out, data, w);
    out << "</section>\n<section><h2>" << html_escape(w.by_domain) << "</h2>\n";
    domain_chart(out, data, w);
    out << "</section>\n</div>\n";

    const auto attendees = with_status(data, core::Kind::confirmed);
    out << "<h2>" << html_escape(w.attendees) << " (" << attendees.size() << ")</h2>\n";
    people_table(out, attendees, w, true, "attendees");
    const auto declined = with_status(data, core::Kind::declined);
    out << "<h2>" << html_escape(w.declined) << " (" << declined.size() << ")</h2>\n";
    people_table(out, declined, w, false, "declined-list");
    const auto tentative = with_status(data, core::Kind::tentative);
    out << "<h2>" << html_escape(w.tentative) << " (" << tentative.size() << ")</h2>\n";
    people_table(out, tentative, w, false, "tentative-list");
    out << "<h2>" << html_escape(w.unreachable) << "</h2>\n";
    optional_table(out, data.unreachable, w, "unreachable-list", w.reason);
    out << "<h2>" << html_escape(w.away) << "</h2>\n";
    optional_table(out, data.away, w, "away-list", w.date);
    out << "<h2>" << html_escape(w.pending) << "</h2>\n";
    optional_table(out, data.pending, w, "pending-list", "");

    out << "<footer><p>" << html_escape(w.generated) << " <span id=\"generated\">" << html_escape(utc_time(data.generated_utc))
        << "</span> · rsvp</p><p>" << html_escape(w.source) << ": <span id=\"source\">" << html_escape(data.source) << "</span></p></footer>\n";
    out << "</main>\n</body>\n</html>\n";
}

void write_sign_in_sheet(std::ostream& out, const ReportData& data, Language language) {
    const Words& w = words(language);
    const std::string heading = event_heading(data, w);
    const std::string page_css = std::string("@page{@top-center{content:") + css_string(heading) +
                                 ";font-size:9pt;color:#444}}\n"
                                 "@page{@bottom-center{content:" +
                                 css_string(w.page) + " \" \" counter(page) \" / \" counter(pages);font-size:9pt;color:#444}}\n";
    head(out, w, std::string(w.sign_in_title) + " — " + heading, (std::string(k_sign_in_css) + page_css).c_str());
    out << "<body>\n";
    const auto attendees = with_status(data, core::Kind::confirmed);
    const std::size_t per_page = k_sign_in_rows_per_page;
    const std::size_t pages = std::max<std::size_t>(1, (attendees.size() + per_page - 1) / per_page);
    for (std::size_t page = 0; page < pages; ++page) {
        out << "<section class=\"sheet\">\n<header><h1>" << html_escape(w.sign_in_title) << "</h1><p>" << html_escape(heading) << "</p><p>"
            << html_escape(w.generated) << " " << html_escape(utc_time(data.generated_utc)) << " · " << attendees.size() << " / "
            << data.attending << "</p></header>\n";
        out << "<table><thead><tr><th class=\"num\">#</th><th>" << html_escape(w.name) << "</th><th>" << html_escape(w.organisation)
            << "</th><th class=\"n\">" << html_escape(w.party) << "</th><th>" << html_escape(w.delegate) << "</th><th class=\"sig\">"
            << html_escape(w.signature) << "</th></tr></thead>\n<tbody>\n";
        for (std::size_t i = page * per_page; i < std::min(attendees.size(), (page + 1) * per_page); ++i) {
            const auto& p = attendees[i];
            out << "<tr><td class=\"num\">" << i + 1 << "</td><td>" << html_escape(display_name(p)) << "</td><td>"
                << html_escape(p.organisation) << "</td><td class=\"n\">" << p.party_size << "</td><td>" << html_escape(p.delegate)
                << "</td><td class=\"sig\"></td></tr>\n";
        }
        out << "</tbody></table>\n</section>\n";
    }
    out << "</body>\n</html>\n";
}

}  // namespace rsvp::app
