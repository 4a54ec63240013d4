// Small UTF-8 text helpers shared by the core. Pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rsvp::core {

[[nodiscard]] bool iequals_ascii(std::string_view a, std::string_view b);
[[nodiscard]] std::string lower_ascii(std::string_view s);
[[nodiscard]] std::string_view trim(std::string_view s);

// Lower-cases and removes accents from Latin letters (é -> e, Œ -> oe), maps
// typographic apostrophes and quotes to ASCII and no-break spaces to spaces,
// so rules can match "présent", "PRESENT" and "present" alike. Each output
// byte comes from one input position: `origin` (if given) receives, for each
// output byte, the offset of the input byte it came from.
[[nodiscard]] std::string fold(std::string_view utf8, std::vector<std::size_t>* origin = nullptr);

// Splits on '\n', dropping a trailing '\r' from each line.
[[nodiscard]] std::vector<std::string_view> split_lines(std::string_view text);

}  // namespace rsvp::core
