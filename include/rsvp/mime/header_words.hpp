// Header-level decoding that mimetic does not do.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rsvp/core/message.hpp"

namespace rsvp::mime {

// RFC 2047 encoded words (Q and B, any charset iconv knows) to UTF-8.
// Whitespace between adjacent encoded words is dropped; malformed words are
// left as written. Bytes outside encoded words are taken as UTF-8, or as
// windows-1252 when they are not valid UTF-8.
[[nodiscard]] std::string decode_encoded_words(std::string_view value);

// First mailbox of an address field ("Name" <a@b>, a@b (Name), Name <a@b>).
// The name is RFC 2047 decoded and unquoted. Returns nullopt when no address.
[[nodiscard]] std::optional<core::Mailbox> parse_mailbox(std::string_view value);

// RFC 5322 date, with the obsolete forms seen in the wild (no weekday, two-
// or four-digit years, missing seconds, zone names like GMT/CEST/EDT, a
// trailing "(CEST)" comment). nullopt when it cannot be read.
[[nodiscard]] std::optional<core::Timestamp> parse_date(std::string_view value);

}  // namespace rsvp::mime
