// RFC 5322 dates with the obsolete and sloppy forms mail clients still send.
// Tokens are classified by shape, not position, so "18 Oct 2016", "Oct 18
// 2016" and asctime order all read; core::days_from_civil does the calendar
// arithmetic, clear of timegm and the process locale/TZ.
#include <array>
#include <charconv>
#include <cstdint>

#include "ascii.hpp"
#include "rsvp/core/time.hpp"
#include "rsvp/mime/header_words.hpp"

namespace rsvp::mime {

namespace {

using detail::is_alpha;
using detail::is_digit;

constexpr bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

constexpr int days_in_month(int y, int m) {
    constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[static_cast<std::size_t>(m - 1)];
}

std::optional<int> number(std::string_view s) {
    if (s.empty() || s.size() > 9 || !std::all_of(s.begin(), s.end(), is_digit)) return std::nullopt;
    int v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

std::optional<int> month_of(std::string_view word) {
    static constexpr std::array<std::string_view, 12> months = {"jan", "feb", "mar", "apr", "may", "jun",
                                                                "jul", "aug", "sep", "oct", "nov", "dec"};
    if (word.size() < 3) return std::nullopt;
    for (std::size_t i = 0; i < months.size(); ++i) {
        if (detail::istarts_with(word, months[i])) return static_cast<int>(i) + 1;
    }
    return std::nullopt;
}

bool is_weekday(std::string_view word) {
    static constexpr std::array<std::string_view, 7> days = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    return word.size() >= 3 && std::any_of(days.begin(), days.end(), [&](auto d) { return detail::istarts_with(word, d); });
}

// Zone names seen in mail, as minutes east of UTC.
std::optional<int> named_zone(std::string_view word) {
    static constexpr std::array<std::pair<std::string_view, int>, 21> zones = {{
        {"UT", 0},     {"UTC", 0},    {"GMT", 0},     {"Z", 0},      {"EST", -300}, {"EDT", -240}, {"CST", -360},
        {"CDT", -300}, {"MST", -420}, {"MDT", -360},  {"PST", -480}, {"PDT", -420}, {"CET", 60},   {"CEST", 120},
        {"MET", 60},   {"MEST", 120}, {"BST", 60},    {"WET", 0},    {"WEST", 60},  {"EET", 120},  {"EEST", 180},
    }};
    for (const auto& [name, minutes] : zones) {
        if (detail::iequals(word, name)) return minutes;
    }
    return std::nullopt;
}

// "+0200", "-0500", "+02:00".
std::optional<int> numeric_zone(std::string_view tok) {
    const int sign = tok.front() == '-' ? -1 : 1;
    tok.remove_prefix(1);
    std::string digits;
    for (const char c : tok) {
        if (c != ':') digits += c;
    }
    const auto v = digits.size() == 4 ? number(digits) : std::nullopt;
    if (!v || *v % 100 >= 60 || *v / 100 > 23) return std::nullopt;
    return sign * (*v / 100 * 60 + *v % 100);
}

struct Clock {
    int h = 0, m = 0, s = 0;
};

// "10:02", "10:02:55", "10:02:55.120".
std::optional<Clock> parse_clock(std::string_view tok) {
    tok = tok.substr(0, tok.find('.'));
    std::array<int, 3> parts{};
    std::size_t n = 0;
    while (n < parts.size()) {
        const std::size_t colon = tok.find(':');
        const std::string_view piece = tok.substr(0, colon);
        const auto v = piece.size() <= 2 ? number(piece) : std::nullopt;
        if (!v) return std::nullopt;
        parts[n++] = *v;
        if (colon == std::string_view::npos) break;
        tok.remove_prefix(colon + 1);
    }
    if (n < 2 || parts[0] > 23 || parts[1] > 59 || parts[2] > 60) return std::nullopt;
    return Clock{parts[0], parts[1], parts[2]};
}

std::string strip_comments(std::string_view value) {
    std::string out;
    int depth = 0;
    for (const char c : value) {
        if (c == '(') {
            ++depth;
        } else if (c == ')' && depth > 0) {
            --depth;
            out += ' ';
        } else if (depth == 0) {
            out += c == ',' ? ' ' : c;
        }
    }
    return out;
}

}  // namespace

std::optional<core::Timestamp> parse_date(std::string_view value) {
    const std::string text = strip_comments(value);
    std::optional<int> day, month, year, zone;
    std::optional<Clock> clock;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && detail::is_space(text[i])) ++i;
        std::size_t j = i;
        while (j < text.size() && !detail::is_space(text[j])) ++j;
        const std::string_view tok = std::string_view(text).substr(i, j - i);
        i = j;
        if (tok.empty()) continue;
        if ((tok.front() == '+' || tok.front() == '-') && tok.size() > 1 && is_digit(tok[1])) {
            if (zone) return std::nullopt;
            zone = numeric_zone(tok);
            if (!zone) return std::nullopt;
        } else if (tok.find(':') != std::string_view::npos) {
            if (clock) return std::nullopt;
            clock = parse_clock(tok);
            if (!clock) return std::nullopt;
        } else if (is_digit(tok.front())) {
            const auto v = number(tok);
            if (!v) return std::nullopt;
            if (!day && tok.size() <= 2) {
                day = v;
            } else if (!year && tok.size() >= 2 && tok.size() <= 4) {
                // RFC 5322 4.3: two digits are 1950-2049, three add 1900.
                year = tok.size() == 2 ? (*v < 50 ? 2000 + *v : 1900 + *v) : tok.size() == 3 ? 1900 + *v : *v;
            } else {
                return std::nullopt;
            }
        } else if (std::all_of(tok.begin(), tok.end(), [](char c) { return is_alpha(c) || c == '.'; })) {
            if (auto m = month_of(tok); m && !month) {
                month = m;
            } else if (auto z = named_zone(tok); z && !zone) {
                zone = z;
            } else if (!is_weekday(tok) && !clock) {
                return std::nullopt;  // an unknown word before the time is not a date
            }
            // An unknown word after the time is an obsolete zone: -0000 (RFC 5322 4.3).
        } else {
            return std::nullopt;
        }
    }
    if (!day || !month || !year || !clock) return std::nullopt;
    if (*year < 1900 || *year > 9999 || *day < 1 || *day > days_in_month(*year, *month)) return std::nullopt;

    const int offset = zone.value_or(0);
    const std::int64_t days = core::days_from_civil(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day));
    const std::int64_t local = days * 86400 + clock->h * 3600 + clock->m * 60 + clock->s;
    return core::Timestamp{local - std::int64_t{offset} * 60, offset};
}

}  // namespace rsvp::mime
