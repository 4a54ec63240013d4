// Calendar arithmetic for timestamps, without the C library's time zone state.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "rsvp/core/message.hpp"

namespace rsvp::core {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
[[nodiscard]] std::int64_t days_from_civil(int year, unsigned month, unsigned day);

// "2016-10-18T10:02:55+02:00": the instant in the sender's own offset.
[[nodiscard]] std::string to_iso8601(const Timestamp& t);

// Reads what to_iso8601 writes, and "YYYY-MM-DD" (midnight UTC).
[[nodiscard]] std::optional<Timestamp> from_iso8601(std::string_view text);

}  // namespace rsvp::core
