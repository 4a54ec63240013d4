// The decoded form of one e-mail: what the mime module produces and the
// classifier reads. Plain values, UTF-8 everywhere, no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rsvp::core {

struct Mailbox {
    std::string name;     // display name, RFC 2047 decoded; empty when absent
    std::string address;  // addr-spec as written (case preserved)
};

// An instant with the sender's own UTC offset, so it can be printed as written.
struct Timestamp {
    std::int64_t utc_seconds = 0;  // seconds since 1970-01-01T00:00:00Z
    int offset_minutes = 0;        // +0200 -> 120
};

// One recipient of an RFC 3464 delivery status notification.
struct DeliveryStatus {
    std::string final_recipient;  // address only, "rfc822;" prefix removed
    std::string action;           // failed, delayed, delivered, relayed, expanded
    std::string status;           // e.g. 5.1.1
    std::string diagnostic;
};

struct DeliveryReport {
    std::string reporting_mta;
    std::vector<DeliveryStatus> recipients;
};

struct Attachment {
    std::string filename;      // RFC 2047/2231 decoded
    std::string content_type;  // lower case, "type/subtype"
    std::size_t size = 0;      // decoded bytes
};

// An iCalendar reply (text/calendar, METHOD:REPLY): the answer a calendar's
// Accept / Tentative / Decline buttons send.
struct CalendarReply {
    std::string partstat;  // upper case: ACCEPTED, DECLINED, TENTATIVE, ...
    std::string attendee;  // the attendee's address, as written after mailto:
    std::string summary;   // the event's SUMMARY, if any
};

struct DecodedMessage {
    // Every header field in order, names as written, values unfolded and
    // RFC 2047 decoded to UTF-8.
    std::vector<std::pair<std::string, std::string>> headers;

    Mailbox from;
    std::string subject;
    std::optional<Timestamp> date;  // nullopt: missing or unparseable
    std::string date_text;          // the Date field as written
    std::string message_id;         // with angle brackets, as written; may be empty
    std::string in_reply_to;
    std::string references;

    // The text a person reads: text/plain preferred, else HTML turned into
    // text with quoted blocks prefixed by "> ".
    std::string body_text;
    bool body_from_html = false;

    std::vector<Attachment> attachments;
    std::optional<DeliveryReport> delivery_report;
    std::optional<CalendarReply> calendar_reply;

    // What went wrong while decoding (bad charset, truncated part, ...).
    // A message with problems is still usable as far as it goes.
    std::vector<std::string> problems;

    // First field with this name (case-insensitive), or nullopt.
    [[nodiscard]] std::optional<std::string_view> header(std::string_view name) const;
};

}  // namespace rsvp::core
