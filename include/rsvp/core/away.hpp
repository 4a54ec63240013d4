// Out-of-office notices: when is the sender away? Read from the notice's own
// text ("de retour le 21 novembre", "absent jusqu'au 18 novembre inclus",
// "je serai absente du 9 au 14 novembre", "back on Monday 21st", "out of the
// office until 24 October", "21/11/2016"), French and English. Pure.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rsvp::core {

// A calendar day (proleptic Gregorian).
struct CivilDate {
    int year = 1970;
    unsigned month = 1;  // 1..12
    unsigned day = 1;    // 1..31
    auto operator<=>(const CivilDate&) const = default;
};

[[nodiscard]] std::int64_t to_days(const CivilDate& d);  // days since 1970-01-01
[[nodiscard]] CivilDate from_days(std::int64_t days);
// The calendar day of an instant at a UTC offset: a message's own local day.
[[nodiscard]] CivilDate local_day(std::int64_t utc_seconds, int offset_minutes);
// "2016-11-16"; parse_day reads exactly that form (nullopt otherwise, or for a day that does not exist).
[[nodiscard]] std::string format_day(const CivilDate& d);
[[nodiscard]] std::optional<CivilDate> parse_day(std::string_view text);

// The days a notice says its sender is away, both inclusive.
struct Absence {
    std::optional<CivilDate> first_day;  // nullopt: from when the notice was written
    CivilDate last_day;
    std::string words;  // the words the dates were read from, as folded text
};

// Reads the absence a notice announces. `written_on` (the notice's Date, as
// its sender's calendar day) gives a missing year (the reading nearest the
// notice: up to 60 days before it, else up to ten months after) and a missing
// month ("back on Monday 21st": the next 21st, a Monday if one is named).
// Conventions: a return day ("de retour le", "back on", "returning",
// "reviendrai le") ends the absence the day before; "jusqu'au X" (French) and
// "until X inclusive" end it on X; English "until X" alone means back on X;
// "du X au Y" / "from X to Y" give both ends. When a notice gives several
// readings (bilingual notices), the latest last day is kept.
// nullopt when no date can be read.
[[nodiscard]] std::optional<Absence> parse_absence(std::string_view text, CivilDate written_on);

// True when the sender is away on `day`: between the absence's first day (or
// the day the notice was written) and its last day.
[[nodiscard]] bool away_on(const Absence& absence, CivilDate written_on, CivilDate day);

}  // namespace rsvp::core
