// Helpers for the mime tests: messages are written with '\n' in raw string
// literals and turned into the CRLF form mail uses.
#pragma once

#include <string>
#include <string_view>

namespace rsvp::mime::test {

inline std::string crlf(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 16);
    for (const char c : text) {
        if (c == '\n') out += '\r';
        out += c;
    }
    return out;
}

inline bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

}  // namespace rsvp::mime::test
