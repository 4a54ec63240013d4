// What an import or a sync did, message by message.
#pragma once

#include <array>
#include <cstddef>

#include "rsvp/store/store.hpp"

namespace rsvp::app {

struct IngestCounts {
    std::size_t seen = 0;         // copies looked at
    std::size_t new_messages = 0; // recorded for the first time
    std::size_t duplicates = 0;   // a message already recorded from another copy
    std::size_t already = 0;      // this very copy was recorded before
    std::size_t skipped = 0;      // too large to fetch: header recorded, body not
    std::size_t failed = 0;       // could not be processed: raw bytes recorded and marked
    std::size_t with_problems = 0;
    std::array<std::size_t, 6> new_by_kind{};  // indexed by core::Kind

    // Counts one copy that store::Store::add took.
    void count(store::Added added, const store::MessageRecord& record);

    // Whether some message could not be fully processed (exit status 1).
    [[nodiscard]] bool incomplete() const { return skipped > 0 || failed > 0; }
};

}  // namespace rsvp::app
