// Events: which invitation a reply answers, when one mailbox receives the
// replies to several (the club's successive meetings). Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rsvp/core/away.hpp"

namespace rsvp::core {

struct Event {
    std::string name;
    std::optional<CivilDate> date;
    std::string place;
    std::optional<int> capacity;
    std::string invitation_id;  // the invitation's Message-ID, with or without <>; empty if unknown
    std::string subject;        // words of the invitation's subject; empty: not used
    bool operator==(const Event&) const = default;
};

// What attaching a message to an event reads.
struct Threading {
    std::string message_id;
    std::string in_reply_to;
    std::string references;
    std::string subject;
    CivilDate day;  // the message's Date (or arrival) as a calendar day
};

// The event a command means when none is named: the only one, else the one
// with the latest date (undated events come before dated ones; among equals,
// the later in the list). nullopt when there is none.
[[nodiscard]] std::optional<std::size_t> default_event(const std::vector<Event>& events);

// For each message, the index of its event in `events` (which must not be
// empty). In order, the first that applies:
// 1. In-Reply-To or References names an event's invitation (In-Reply-To
//    first, then References from the nearest parent back), or a message
//    already attached to an event (its thread);
// 2. its subject contains the words of exactly one event's `subject`
//    (case, accents and punctuation aside);
// 3. its day: the first event, by date, on or after it; after every event,
//    the last one;
// 4. the default event.
[[nodiscard]] std::vector<std::size_t> attach_to_events(const std::vector<Event>& events,
                                                        const std::vector<Threading>& messages);

}  // namespace rsvp::core
