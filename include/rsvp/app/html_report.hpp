// `rsvp report`: a one-page HTML summary and a printable sign-in sheet
// (feuille d'émargement). The renderers are pure: they write one
// self-contained HTML document (inline CSS and inline SVG, no script, no
// external resource) from a ReportData to the stream they are given, and
// HTML-escape every value. report_data() builds the data from the store.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rsvp/core/classify.hpp"
#include "rsvp/store/store.hpp"

namespace rsvp::app {

enum class Language { fr, en };

struct ReportPerson {
    std::string name;
    std::string address;
    std::string organisation;
    std::optional<core::Kind> status;  // nullopt: undecided or not answered
    int party_size = 0;
    std::string delegate;
    std::optional<std::int64_t> decided_utc;
    std::string detail;  // unreachable: the bounce's reason; away: until when
};

// Cumulative numbers at the end of one UTC day.
struct ReportDay {
    std::string day;  // YYYY-MM-DD
    int attending = 0;
    int declined = 0;
};

struct ReportDomain {
    std::string domain;
    int attending = 0;
};

struct ReportData {
    std::string event_title;  // empty: unknown
    std::string event_date;   // YYYY-MM-DD, empty: unknown
    std::string event_place;
    std::optional<int> capacity;
    std::int64_t generated_utc = 0;
    std::string source;  // what the data is: a database file, message count...

    std::vector<ReportPerson> respondents;  // every respondent, by address

    int attending = 0;
    int confirmed = 0;
    int declined = 0;
    int tentative = 0;
    int undecided = 0;
    std::size_t review = 0;
    std::size_t messages = 0;
    std::optional<int> not_answered;  // invitees without an answer; nullopt: no invitee list

    std::vector<ReportDay> days;  // cumulative, in day order
    std::vector<ReportDomain> domains;  // by attending, most first

    // nullopt: unknown (no invitee list); shown as "—".
    std::optional<std::vector<ReportPerson>> unreachable;
    std::optional<std::vector<ReportPerson>> away;
    std::optional<std::vector<ReportPerson>> pending;
};

// Builds the report from the store; `now_utc` is the generation time.
[[nodiscard]] ReportData report_data(const store::Store& store, std::int64_t now_utc);

// Fills counts, days and domains from `respondents` (report_data calls it;
// tests may too).
void summarize_respondents(ReportData& data);

// Text as HTML: & < > " ' escaped.
[[nodiscard]] std::string html_escape(std::string_view text);

// How many attendees one printed page of the sign-in sheet lists.
inline constexpr std::size_t k_sign_in_rows_per_page = 18;

void write_html_report(std::ostream& out, const ReportData& data, Language language);
void write_sign_in_sheet(std::ostream& out, const ReportData& data, Language language);

}  // namespace rsvp::app
