// Charset conversion to UTF-8 with glibc iconv.
#pragma once

#include <string>
#include <string_view>

namespace rsvp::mime {

// Converts bytes labelled with `charset` to UTF-8. An empty or unknown label,
// or bytes that are not valid in the labelled charset, fall back to UTF-8 if
// the bytes are valid UTF-8 and to windows-1252 otherwise (the usual mislabel
// in French mail). Sequences that still cannot be read become U+FFFD.
// `lossy` is set when any fallback or replacement happened.
[[nodiscard]] std::string to_utf8(std::string_view bytes, std::string_view charset, bool* lossy = nullptr);

[[nodiscard]] bool is_valid_utf8(std::string_view bytes);

// True when to_utf8 can decode this label itself (after alias mapping), so
// callers can report an unknown charset instead of a silent fallback.
[[nodiscard]] bool is_known_charset(std::string_view charset);

}  // namespace rsvp::mime
