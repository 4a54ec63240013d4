// What the sender actually wrote: the body without quoted messages,
// forwarded blocks, signatures and disclaimers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rsvp::core {

struct Cut {
    std::size_t offset = 0;  // byte offset in the body where removed text starts
    std::size_t length = 0;
    std::string reason;      // "quote-header", "quoted-lines", "signature", "disclaimer", ...
};

struct ExtractedReply {
    std::string text;       // the sender's own lines, trimmed
    std::vector<Cut> cuts;  // what was removed, in body order
};

[[nodiscard]] ExtractedReply extract_reply(std::string_view body);

}  // namespace rsvp::core
