#include "rsvp/core/away.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "rsvp/core/text.hpp"
#include "rsvp/core/time.hpp"

namespace rsvp::core {

std::int64_t to_days(const CivilDate& d) { return days_from_civil(d.year, d.month, d.day); }

CivilDate from_days(std::int64_t z) {
    // H. Hinnant's civil_from_days.
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    return {static_cast<int>(y), static_cast<unsigned>(m), static_cast<unsigned>(d)};
}

CivilDate local_day(std::int64_t utc_seconds, int offset_minutes) {
    const std::int64_t local = utc_seconds + std::int64_t{offset_minutes} * 60;
    return from_days(local >= 0 ? local / 86400 : (local - 86399) / 86400);
}

std::string format_day(const CivilDate& d) {
    auto two = [](unsigned v) { return (v < 10 ? "0" : "") + std::to_string(v); };
    std::string year = std::to_string(d.year);
    while (year.size() < 4) year.insert(0, "0");
    return year + "-" + two(d.month) + "-" + two(d.day);
}

namespace {

bool valid(int year, unsigned month, unsigned day) {
    if (month < 1 || month > 12 || day < 1 || day > 31) return false;
    const CivilDate d{year, month, day};
    return from_days(to_days(d)) == d;
}

std::optional<unsigned> number(std::string_view s) {
    if (s.empty() || s.size() > 4) return std::nullopt;
    unsigned v = 0;
    for (const char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + static_cast<unsigned>(c - '0');
    }
    return v;
}

}  // namespace

std::optional<CivilDate> parse_day(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    const auto y = number(t.substr(0, 4)), m = number(t.substr(5, 2)), d = number(t.substr(8, 2));
    if (!y || !m || !d || !valid(static_cast<int>(*y), *m, *d)) return std::nullopt;
    return CivilDate{static_cast<int>(*y), *m, *d};
}

namespace {

struct Token {
    std::string_view text;
    std::size_t begin = 0, end = 0;  // in the folded text
};

std::vector<Token> tokens_of(std::string_view folded) {
    std::vector<Token> out;
    std::size_t i = 0;
    auto word_char = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    while (i < folded.size()) {
        if (!word_char(folded[i])) { ++i; continue; }
        const std::size_t b = i;
        while (i < folded.size() && word_char(folded[i])) ++i;
        out.push_back({folded.substr(b, i - b), b, i});
    }
    return out;
}

std::optional<unsigned> month_named(std::string_view w) {
    struct Name { std::string_view word; unsigned month; };
    static constexpr std::array<Name, 42> k_months = {{
        {"janvier", 1}, {"janv", 1}, {"january", 1}, {"jan", 1},
        {"fevrier", 2}, {"fevr", 2}, {"fev", 2}, {"february", 2}, {"feb", 2},
        {"mars", 3}, {"march", 3}, {"mar", 3},
        {"avril", 4}, {"avr", 4}, {"april", 4}, {"apr", 4},
        {"mai", 5}, {"may", 5},
        {"juin", 6}, {"june", 6}, {"jun", 6},
        {"juillet", 7}, {"juil", 7}, {"july", 7}, {"jul", 7},
        {"aout", 8}, {"august", 8}, {"aug", 8},
        {"septembre", 9}, {"september", 9}, {"sept", 9}, {"sep", 9},
        {"octobre", 10}, {"october", 10}, {"oct", 10},
        {"novembre", 11}, {"november", 11}, {"nov", 11},
        {"decembre", 12}, {"december", 12}, {"dec", 12}, {"decemb", 12},
    }};
    for (const auto& m : k_months) {
        if (m.word == w) return m.month;
    }
    return std::nullopt;
}

// 0 = Monday .. 6 = Sunday.
std::optional<unsigned> weekday_named(std::string_view w) {
    static constexpr std::array<std::string_view, 14> k_days = {"lundi",  "mardi",    "mercredi", "jeudi",  "vendredi",
                                                                "samedi", "dimanche", "monday",   "tuesday", "wednesday",
                                                                "thursday", "friday", "saturday", "sunday"};
    for (std::size_t i = 0; i < k_days.size(); ++i) {
        if (k_days[i] == w) return static_cast<unsigned>(i % 7);
    }
    return std::nullopt;
}

unsigned weekday_of(const CivilDate& d) {
    // 1970-01-01 was a Thursday (3).
    const std::int64_t w = (to_days(d) + 3) % 7;
    return static_cast<unsigned>(w < 0 ? w + 7 : w);
}

// "21", "21st", "1er", "2nd", "3rd", "4th", "1ere".
std::optional<unsigned> day_number(std::string_view w) {
    std::size_t digits = 0;
    while (digits < w.size() && w[digits] >= '0' && w[digits] <= '9') ++digits;
    if (digits == 0 || digits > 2) return std::nullopt;
    const std::string_view suffix = w.substr(digits);
    if (!suffix.empty() && suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th" && suffix != "er" &&
        suffix != "ere" && suffix != "eme") {
        return std::nullopt;
    }
    const auto v = number(w.substr(0, digits));
    if (!v || *v < 1 || *v > 31) return std::nullopt;
    return v;
}

// A date as written, parts possibly missing.
struct Written {
    std::optional<unsigned> weekday;
    unsigned day = 0;
    std::optional<unsigned> month;
    std::optional<int> year;
};

int full_year(unsigned y) { return y < 100 ? 2000 + static_cast<int>(y) : static_cast<int>(y); }

// Reads a date at tokens[i]; on success `i` is past it.
std::optional<Written> date_at(const std::vector<Token>& t, std::string_view folded, std::size_t& i) {
    std::size_t k = i;
    Written w;
    if (k < t.size()) {
        w.weekday = weekday_named(t[k].text);
        if (w.weekday) ++k;
    }
    if (k >= t.size()) return std::nullopt;
    // Numeric: 21/11/2016, 21.11.16, 21/11 (day first, as in France; month
    // first only when the first number cannot be a month... and the second can't be a day).
    auto joined = [&](std::size_t a, char sep) {
        return a + 1 < t.size() && t[a].end + 1 == t[a + 1].begin && (folded[t[a].end] == sep);
    };
    for (const char sep : {'/', '.', '-'}) {
        if (!joined(k, sep)) continue;
        const auto a = number(t[k].text), b = number(t[k + 1].text);
        if (!a || !b || t[k].text.size() > 2 || t[k + 1].text.size() > 2) continue;
        unsigned day = *a, month = *b;
        if (month > 12 && day <= 12) std::swap(day, month);
        std::size_t next = k + 2;
        std::optional<int> year;
        if (joined(k + 1, sep)) {
            const auto y = number(t[k + 2].text);
            if (y && (t[k + 2].text.size() == 2 || t[k + 2].text.size() == 4)) {
                year = full_year(*y);
                next = k + 3;
            }
        }
        if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
        w.day = day;
        w.month = month;
        w.year = year;
        i = next;
        return w;
    }
    if (const auto day = day_number(t[k].text)) {
        w.day = *day;
        ++k;
        if (k < t.size() && t[k].text == "of") ++k;
        if (k < t.size()) {
            if (const auto month = month_named(t[k].text)) {
                w.month = month;
                ++k;
            }
        }
    } else if (const auto month = month_named(t[k].text)) {
        // English: November 21st.
        if (k + 1 >= t.size()) return std::nullopt;
        const auto d = day_number(t[k + 1].text);
        if (!d) return std::nullopt;
        w.month = month;
        w.day = *d;
        k += 2;
    } else {
        return std::nullopt;
    }
    if (w.month && k < t.size() && t[k].text.size() == 4) {
        if (const auto y = number(t[k].text); y && *y >= 1900 && *y < 2200) {
            w.year = static_cast<int>(*y);
            ++k;
        }
    }
    i = k;
    return w;
}

// Fills in the year and month a date leaves out, from the day the notice was written.
std::optional<CivilDate> resolve(const Written& w, CivilDate written_on) {
    const std::int64_t from = to_days(written_on);
    if (!w.month) {
        // The next such day on or after the notice (a matching weekday if one is named).
        CivilDate d = written_on;
        for (int step = 0; step < 13; ++step) {
            if (valid(d.year, d.month, w.day)) {
                const CivilDate c{d.year, d.month, w.day};
                if (to_days(c) >= from && (!w.weekday || weekday_of(c) == *w.weekday)) return c;
            }
            d.month = d.month == 12 ? 1 : d.month + 1;
            if (d.month == 1) ++d.year;
        }
        return std::nullopt;
    }
    if (w.year) {
        if (!valid(*w.year, *w.month, w.day)) return std::nullopt;
        return CivilDate{*w.year, *w.month, w.day};
    }
    for (const int year : {written_on.year - 1, written_on.year, written_on.year + 1}) {
        if (!valid(year, *w.month, w.day)) continue;
        const std::int64_t d = to_days({year, *w.month, w.day});
        if (d >= from - 60 && d <= from + 305) return CivilDate{year, *w.month, w.day};
    }
    return std::nullopt;
}

bool is_any(std::string_view w, std::initializer_list<std::string_view> words) {
    return std::find(words.begin(), words.end(), w) != words.end();
}

// Words allowed between a trigger and its date: "de retour au bureau le
// lundi", "back in the office on", "jusqu'au", "returning to work on".
bool filler(std::string_view w) {
    return is_any(w, {"le", "la", "l", "au", "a", "du", "des", "partir", "compter", "de", "bureau", "prevu", "prevue", "je",
                      "serai", "on", "in", "the", "office", "to", "work", "at", "from", "after", "be", "will", "by", "of",
                      "me", "moi", "nouveau", "dans", "mes", "fonctions", "poste", "et", "and", "m", "i", "am"});
}

enum class Reading { return_day, last_day };

}  // namespace

std::optional<Absence> parse_absence(std::string_view text, CivilDate written_on) {
    const std::string folded = fold(text);
    const std::vector<Token> t = tokens_of(folded);
    std::optional<Absence> best;
    auto consider = [&](std::optional<CivilDate> first, CivilDate last, std::size_t from_token, std::size_t to_token) {
        if (first && *first > last) return;
        Absence a{first, last, std::string(folded.substr(t[from_token].begin, t[to_token - 1].end - t[from_token].begin))};
        if (!best || best->last_day < a.last_day) best = std::move(a);
    };
    // A date right after token `i`, past the fillers: its first token's index in `at`.
    auto date_after = [&](std::size_t i, std::size_t& at) -> std::optional<Written> {
        std::size_t k = i + 1;
        for (int skipped = 0; k < t.size() && skipped < 6; ++skipped) {
            std::size_t probe = k;
            if (auto w = date_at(t, folded, probe)) {
                at = probe;
                return w;
            }
            if (!filler(t[k].text)) return std::nullopt;
            ++k;
        }
        return std::nullopt;
    };
    for (std::size_t i = 0; i < t.size(); ++i) {
        const std::string_view w = t[i].text;
        std::optional<Reading> reading;
        bool inclusive_by_default = false;
        if (w == "jusqu" || w == "jusque") {
            reading = Reading::last_day;
            inclusive_by_default = true;
        } else if (w == "until" || w == "till" || w == "untill") {
            reading = Reading::last_day;
        } else if (w == "through" || w == "thru") {
            reading = Reading::last_day;
            inclusive_by_default = true;
        } else if (is_any(w, {"retour", "back", "return", "returning", "returns", "reviendrai", "rentrerai", "reprendrai",
                              "reprise"})) {
            reading = Reading::return_day;
        } else if (is_any(w, {"du", "from", "between", "entre"})) {
            // A range: du 9 au 14 novembre, from 9 to 14 November.
            std::size_t k = i + 1;
            const auto first = date_at(t, folded, k);
            if (!first || k >= t.size() || !is_any(t[k].text, {"au", "to", "until", "till", "and", "et", "jusqu"})) continue;
            const bool english_until = t[k].text == "until" || t[k].text == "till";
            ++k;
            if (k < t.size() && t[k].text == "au") ++k;  // jusqu'au
            const auto second = date_at(t, folded, k);
            if (!second) continue;
            auto last = resolve(*second, written_on);
            if (!last) continue;
            Written start = *first;
            if (!start.month) {
                start.month = last->month;
                start.year = last->day >= start.day ? last->year : (last->month == 1 ? last->year - 1 : last->year);
                if (last->day < start.day) start.month = last->month == 1 ? 12 : last->month - 1;
            } else if (!start.year) {
                start.year = *start.month <= last->month ? last->year : last->year - 1;
            }
            const auto begin = resolve(start, written_on);
            if (!begin) continue;
            if (english_until && !(k < t.size() && is_any(t[k].text, {"inclusive", "included"}))) {
                *last = from_days(to_days(*last) - 1);
            }
            consider(begin, *last, i, k);
            continue;
        }
        if (!reading) continue;
        std::size_t end = i;
        const auto date = date_after(i, end);
        if (!date) continue;
        const auto day = resolve(*date, written_on);
        if (!day) continue;
        CivilDate last = *day;
        const bool inclusive = inclusive_by_default ||
                               (end < t.size() && is_any(t[end].text, {"inclus", "incluse", "inclusive", "included", "inclusivement"}));
        if (reading == Reading::return_day || !inclusive) last = from_days(to_days(*day) - 1);
        consider(std::nullopt, last, i, std::min(end + (inclusive && end < t.size() && !inclusive_by_default ? 1 : 0), t.size()));
    }
    return best;
}

bool away_on(const Absence& absence, CivilDate written_on, CivilDate day) {
    return absence.first_day.value_or(written_on) <= day && day <= absence.last_day;
}

}  // namespace rsvp::core
