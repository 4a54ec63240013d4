// What an import or a sync did, message by message.
#pragma once

#include <cstddef>

namespace rsvp::app {

struct IngestCounts {
    std::size_t seen = 0;         // copies looked at
    std::size_t new_messages = 0; // recorded for the first time
    std::size_t duplicates = 0;   // a message already recorded from another copy
    std::size_t already = 0;      // this very copy was recorded before
    std::size_t skipped = 0;      // too large to fetch
    std::size_t with_problems = 0;
};

}  // namespace rsvp::app
