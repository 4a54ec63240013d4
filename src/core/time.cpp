#include "rsvp/core/time.hpp"

#include <charconv>

namespace rsvp::core {

namespace {

struct Civil {
    std::int64_t year;
    unsigned month;
    unsigned day;
};

Civil civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned day = doy - (153 * mp + 2) / 5 + 1;
    const unsigned month = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2), month, day};
}

bool read_int(std::string_view text, std::size_t pos, std::size_t len, int& out) {
    if (pos + len > text.size()) return false;
    const auto [end, ec] = std::from_chars(text.data() + pos, text.data() + pos + len, out);
    return ec == std::errc() && end == text.data() + pos + len;
}

}  // namespace

std::int64_t days_from_civil(int year, unsigned month, unsigned day) {
    const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::string to_iso8601(const Timestamp& t) {
    const std::int64_t local = t.utc_seconds + std::int64_t{t.offset_minutes} * 60;
    std::int64_t days = local / 86400;
    std::int64_t secs = local % 86400;
    if (secs < 0) { secs += 86400; --days; }
    const Civil c = civil_from_days(days);
    auto digits = [](std::int64_t value, int width) {
        std::string s = std::to_string(value < 0 ? -value : value);
        if (static_cast<int>(s.size()) < width) s.insert(0, static_cast<std::size_t>(width) - s.size(), '0');
        return value < 0 ? "-" + s : s;
    };
    const int offset = t.offset_minutes < 0 ? -t.offset_minutes : t.offset_minutes;
    return digits(c.year, 4) + '-' + digits(c.month, 2) + '-' + digits(c.day, 2) + 'T' + digits(secs / 3600, 2) + ':' +
           digits(secs / 60 % 60, 2) + ':' + digits(secs % 60, 2) + (t.offset_minutes < 0 ? '-' : '+') + digits(offset / 60, 2) +
           ':' + digits(offset % 60, 2);
}

std::optional<Timestamp> from_iso8601(std::string_view text) {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, oh = 0, om = 0;
    if (!read_int(text, 0, 4, year) || text.size() < 10 || text[4] != '-' || text[7] != '-' ||
        !read_int(text, 5, 2, month) || !read_int(text, 8, 2, day) || month < 1 || month > 12 || day < 1 || day > 31) {
        return std::nullopt;
    }
    Timestamp t;
    if (text.size() > 10) {
        if (text.size() < 19 || (text[10] != 'T' && text[10] != ' ') || !read_int(text, 11, 2, hour) ||
            !read_int(text, 14, 2, minute) || !read_int(text, 17, 2, second)) {
            return std::nullopt;
        }
        const std::string_view zone = text.substr(19);
        if (zone == "Z" || zone.empty()) {
            t.offset_minutes = 0;
        } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && read_int(zone, 1, 2, oh) && read_int(zone, 4, 2, om)) {
            t.offset_minutes = (zone[0] == '-' ? -1 : 1) * (oh * 60 + om);
        } else {
            return std::nullopt;
        }
    }
    t.utc_seconds = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 +
                    hour * 3600 + minute * 60 + second - std::int64_t{t.offset_minutes} * 60;
    return t;
}

}  // namespace rsvp::core
