// Text-level helpers for decoded parts (private header).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "rsvp/core/message.hpp"

namespace rsvp::mime::detail {

// RFC 3676: joins the soft-broken lines of a format=flowed text (lines end
// in '\n'). Quote depth is kept: a quoted paragraph comes out as one line
// prefixed with its '>' marks and a space.
[[nodiscard]] std::string unflow(std::string_view text, bool delsp);

// CRLF and lone CR to '\n'; NULs dropped.
[[nodiscard]] std::string normalise_newlines(std::string_view text);

// The body of a message/delivery-status part (RFC 3464): header blocks
// separated by blank lines, the first about the message, one per recipient
// after it.
[[nodiscard]] core::DeliveryReport parse_delivery_status(std::string_view text);

// An iCalendar object (RFC 5545) if it is a reply (METHOD:REPLY, or
// `method` given by the Content-Type) with an attendee's PARTSTAT.
[[nodiscard]] std::optional<core::CalendarReply> parse_calendar_reply(std::string_view ics, std::string_view content_type_method);

}  // namespace rsvp::mime::detail
