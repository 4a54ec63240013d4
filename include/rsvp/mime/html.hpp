// HTML to readable text, with libxml2's forgiving HTML parser.
#pragma once

#include <string>
#include <string_view>

namespace rsvp::mime {

// Block elements and <br> become line breaks, entities are decoded, scripts
// and styles dropped. Quoted material (<blockquote>, Gmail's gmail_quote,
// Outlook's reply division "divRplyFwdMsg" and the border-top header
// division that follows a reply) has every line prefixed with "> " so reply
// extraction can recognise it. Input is UTF-8 (convert before calling).
[[nodiscard]] std::string html_to_text(std::string_view html_utf8);

}  // namespace rsvp::mime
