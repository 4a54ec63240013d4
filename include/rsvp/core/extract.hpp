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
    // "quoted-lines", "quote-attribution", "quote-separator", "quote-header",
    // "signature", "closing", "signature-block", "disclaimer", "inline-image"
    std::string reason;
};

struct ExtractedReply {
    std::string text;       // the sender's own lines, trimmed
    std::vector<Cut> cuts;  // what was removed, in body order
};

// Works on a decoded body (plain text, or HTML turned into text with quoted
// blocks marked "> "), in French and English, whatever the line ends. Only
// complete lines are cut; the sender's lines between quoted ones are kept.
[[nodiscard]] ExtractedReply extract_reply(std::string_view body);

}  // namespace rsvp::core
