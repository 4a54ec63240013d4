// The HTML report and the sign-in sheet, rendered from literal data.
#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "rsvp/app/html_report.hpp"

using namespace rsvp;
using app::ReportPerson;

namespace {

ReportPerson person(std::string name, std::string address, std::optional<core::Kind> status, int party = 0, std::int64_t at = 0) {
    ReportPerson p;
    p.name = std::move(name);
    p.address = std::move(address);
    p.status = status;
    p.party_size = party;
    if (at != 0) p.decided_utc = at;
    return p;
}

app::ReportData sample() {
    app::ReportData d;
    d.event_title = "Club régional des acheteurs publics innovants";
    d.event_date = "2016-11-16";
    d.event_place = "Marseille";
    d.capacity = 80;
    d.generated_utc = 1479200000;  // 2016-11-15 08:53:20 UTC
    d.source = "database rsvp.db · 5 messages";
    d.review = 2;
    d.messages = 5;
    const std::int64_t day = 86400, start = 1477958400;  // 2016-11-01
    d.respondents = {
        person("<script>alert(1)</script>", "evil@example.org", core::Kind::confirmed, 1, start + 3600),
        person("Marc Lemoine (DIRECCTE-PACA)", "marc.lemoine@direccte.gouv.fr", core::Kind::confirmed, 2, start + day),
        person("Anne Martin", "anne.martin@region.fr", core::Kind::confirmed, 3, start + 2 * day),
        person("Zoé Durand", "zoe@ville.fr", core::Kind::declined, 0, start + day),
        person("Paul Petit", "paul@ville.fr", core::Kind::tentative),
        person("", "robot@example.org", std::nullopt),
    };
    d.respondents[1].organisation = "DIRECCTE-PACA";
    d.respondents[2].delegate = "Jean \"Jo\" Roux & Cie";
    app::summarize_respondents(d);
    return d;
}

std::string report(const app::ReportData& d, app::Language l = app::Language::fr) {
    std::ostringstream out;
    app::write_html_report(out, d, l);
    return out.str();
}

std::string sheet(const app::ReportData& d, app::Language l = app::Language::fr) {
    std::ostringstream out;
    app::write_sign_in_sheet(out, d, l);
    return out.str();
}

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

}  // namespace

TEST_CASE("html_escape escapes the five characters") {
    CHECK(app::html_escape("<a href=\"x\">O'Neil & co</a>") == "&lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/a&gt;");
    CHECK(app::html_escape("Zoé") == "Zoé");
}

TEST_CASE("summarize_respondents counts and builds the series") {
    const auto d = sample();
    CHECK(d.attending == 6);
    CHECK(d.confirmed == 3);
    CHECK(d.declined == 1);
    CHECK(d.tentative == 1);
    CHECK(d.undecided == 1);
    REQUIRE(d.days.size() == 3);
    CHECK(d.days[0].day == "2016-11-01");
    CHECK(d.days[0].attending == 1);
    CHECK(d.days[1].attending == 3);
    CHECK(d.days[1].declined == 1);
    CHECK(d.days[2].attending == 6);
    CHECK(d.days[2].declined == 1);
    REQUIRE(d.domains.size() == 3);
    CHECK(d.domains[0].domain == "region.fr");
    CHECK(d.domains[0].attending == 3);
}

TEST_CASE("the report escapes every value and loads nothing") {
    for (const auto language : {app::Language::fr, app::Language::en}) {
        const auto html = report(sample(), language);
        CHECK(has(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
        CHECK_FALSE(has(lower(html), "<script"));
        CHECK_FALSE(has(html, "alert(1)</script>"));
        CHECK(has(html, "Jean &quot;Jo&quot; Roux &amp; Cie"));
        CHECK_FALSE(has(html, "src=\"http"));
        CHECK_FALSE(has(html, "href=\"http"));
        CHECK_FALSE(has(html, "url(http"));
        CHECK_FALSE(has(html, "@import"));
        CHECK_FALSE(has(html, "<link"));
        CHECK_FALSE(has(html, "<img"));
        CHECK_FALSE(has(html, "<iframe"));
        CHECK(has(html, "<svg"));
        CHECK(has(html, "<polyline"));
    }
}

TEST_CASE("the report shows the headline numbers, the event and when it was made") {
    const auto html = report(sample());
    CHECK(has(html, "<html lang=\"fr\">"));
    CHECK(has(html, "id=\"attending\">6<"));
    CHECK(has(html, "id=\"confirmed\">3<"));
    CHECK(has(html, "id=\"declined\">1<"));
    CHECK(has(html, "id=\"tentative\">1<"));
    CHECK(has(html, "id=\"review\">2<"));
    CHECK(has(html, "id=\"capacity-left\">74<"));
    CHECK(has(html, "id=\"not-answered\">—<"));
    CHECK(has(html, "Personnes attendues"));
    CHECK(has(html, "Club régional des acheteurs publics innovants — 2016-11-16 — Marseille"));
    CHECK(has(html, "2016-11-15 08:53 UTC"));
    CHECK(has(html, "database rsvp.db"));
    CHECK(has(html, "region.fr"));
    CHECK(has(html, "Zoé Durand"));
    CHECK(has(html, "Paul Petit"));
    const auto en = report(sample(), app::Language::en);
    CHECK(has(en, "<html lang=\"en\">"));
    CHECK(has(en, "People attending"));
    CHECK(has(en, "Capacity left"));
}

TEST_CASE("the report lists unreachable, away and pending when known") {
    auto d = sample();
    auto gone = person("Léa <b>Bounce</b>", "lea@gone.fr", std::nullopt);
    gone.detail = "550 user unknown";
    d.unreachable = std::vector<ReportPerson>{gone};
    d.away = std::vector<ReportPerson>{};
    d.pending = std::vector<ReportPerson>{person("Nina <i>Pending</i>", "nina@wait.fr", std::nullopt)};
    d.not_answered = 4;
    const auto html = report(d);
    CHECK(has(html, "Nina &lt;i&gt;Pending&lt;/i&gt;"));
    CHECK(has(html, "id=\"away-list\">Aucun<"));
    CHECK(has(html, "Léa &lt;b&gt;Bounce&lt;/b&gt;"));
    CHECK(has(html, "550 user unknown"));
    CHECK(has(html, "id=\"not-answered\">4<"));
}

TEST_CASE("the sign-in sheet lists attendees by name with a signature column, for A4") {
    const auto html = sheet(sample());
    CHECK(has(html, "@page"));
    CHECK(has(html, "A4"));
    CHECK(has(html, "counter(page)"));
    CHECK(has(html, "Signature"));
    CHECK(has(html, "Feuille d&#39;émargement"));
    CHECK_FALSE(has(lower(html), "<script"));
    CHECK(has(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    // Sorted by name: "<script>" < "Anne" < "Marc"; the declined are not listed.
    const auto script = html.find("&lt;script&gt;alert"), anne = html.find("Anne Martin"), marc = html.find("Marc Lemoine");
    CHECK(script < anne);
    CHECK(anne < marc);
    CHECK(marc != std::string::npos);
    CHECK_FALSE(has(html, "Zoé Durand"));
    CHECK(has(sheet(sample(), app::Language::en), "Sign-in sheet"));
}

TEST_CASE("the sign-in sheet's event header cannot close the style element") {
    auto d = sample();
    d.event_title = "</style><script>alert(2)</script>\"";
    const auto html = sheet(d);
    CHECK_FALSE(has(lower(html), "<script"));
    CHECK(html.find("</style>") == html.rfind("</style>"));
}

TEST_CASE("the sign-in sheet breaks into pages of a fixed number of rows") {
    auto d = sample();
    d.respondents.clear();
    for (int i = 0; i < 40; ++i) d.respondents.push_back(person("Person " + std::to_string(100 + i), "p" + std::to_string(i) + "@x.fr", core::Kind::confirmed, 1));
    app::summarize_respondents(d);
    const auto html = sheet(d);
    std::size_t sections = 0;
    for (auto at = html.find("<section class=\"sheet\">"); at != std::string::npos; at = html.find("<section class=\"sheet\">", at + 1)) ++sections;
    CHECK(sections == (40 + app::k_sign_in_rows_per_page - 1) / app::k_sign_in_rows_per_page);
}
