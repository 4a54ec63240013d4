// Raw RFC 5322 bytes in, a DecodedMessage out: mimetic parses the MIME
// structure, glibc iconv converts charsets, and the pieces mimetic lacks
// (RFC 2047 words, dates, HTML to text) are done here.
#pragma once

#include <cstddef>
#include <string_view>

#include "rsvp/core/message.hpp"

namespace rsvp::mime {

// Bounds applied before and during parsing, so hostile input costs bounded
// time and memory.
struct DecodeLimits {
    std::size_t max_message_bytes = 64u << 20;
    std::size_t max_header_line_bytes = 256u << 10;
    std::size_t max_depth = 64;  // nested multiparts / message/rfc822
};

// Never throws on bad input: what cannot be decoded is described in
// DecodedMessage::problems and the rest is still returned.
[[nodiscard]] core::DecodedMessage decode(std::string_view raw, const DecodeLimits& limits = {});

}  // namespace rsvp::mime
