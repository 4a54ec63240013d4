// The pass that makes raw mail safe to hand to mimetic (private header).
//
// mimetic 0.9.8 ends a header section at the first line it cannot read,
// recurses once per nesting level, grows header buffers 128 bytes at a time
// (quadratic on long lines), finds boundaries anywhere in a line and dumps
// the rest of the message into one part when an inner closing boundary is
// missing. So one linear scan here reads the structure itself and writes a
// normalised copy: CRLF line ends, header blocks reduced to canonical
// Content-Type / Content-Transfer-Encoding / Content-Disposition fields,
// every boundary replaced by one of ours (and escaped in bodies), missing
// closing boundaries added, nesting cut at max_depth. mimetic then only
// splits a well-formed text, and agrees with this scan on its structure.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rsvp/mime/decode.hpp"

namespace rsvp::mime::detail {

struct Sanitized {
    std::string text;  // what mimetic parses
    // The top-level header fields as written: names, unfolded raw values.
    std::vector<std::pair<std::string, std::string>> headers;
    std::vector<std::string> problems;
};

[[nodiscard]] Sanitized sanitize(std::string_view raw, const DecodeLimits& limits);

// Adds a problem once; hostile input cannot grow the list without bound.
void add_problem(std::vector<std::string>& problems, std::string text);

// Up to `max` bytes of `s` with anything but printable ASCII as '?', for
// quoting input in problem messages.
[[nodiscard]] std::string excerpt(std::string_view s, std::size_t max = 40);

}  // namespace rsvp::mime::detail
