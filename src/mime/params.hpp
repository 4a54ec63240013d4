// Content-Type / Content-Disposition values with their parameters,
// including RFC 2231 continuations and charsets (private header).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rsvp::mime::detail {

struct Param {
    std::string name;     // lower case, RFC 2231 "*n*" suffixes removed
    std::string value;    // unquoted octets (RFC 2231 pieces joined and %-decoded)
    std::string charset;  // RFC 2231 charset; empty for plain parameters
    bool extended = false;
};

struct ContentField {
    std::string value;  // lower-cased main value: "text/plain", "attachment"
    std::vector<Param> params;

    [[nodiscard]] const Param* find(std::string_view name) const;
    // Octets as written ("" when absent): for boundary and other tokens.
    [[nodiscard]] std::string raw(std::string_view name) const;
    // UTF-8 for people: RFC 2231 charset, else RFC 2047 words or raw 8-bit.
    [[nodiscard]] std::string text(std::string_view name) const;
};

[[nodiscard]] ContentField parse_content_field(std::string_view value);

// `value` as a quoted-string.
[[nodiscard]] std::string quote(std::string_view value);

// `name*=utf-8''%XX..`: an RFC 2231 parameter carrying UTF-8 text.
[[nodiscard]] std::string utf8_param(std::string_view name, std::string_view utf8);

}  // namespace rsvp::mime::detail
