// One summary line for what an import or a sync recorded.
#pragma once

#include <ostream>
#include <string_view>

#include "rsvp/app/counts.hpp"

namespace rsvp::cli {

inline void print_counts(std::ostream& out, std::string_view what, const app::IngestCounts& c) {
    out << what << ": " << c.seen << " seen, " << c.new_messages << " new, " << c.duplicates << " duplicate, " << c.already
        << " already recorded";
    if (c.skipped) out << ", " << c.skipped << " skipped (too large)";
    if (c.with_problems) out << ", " << c.with_problems << " with decoding problems";
    out << '\n';
}

}  // namespace rsvp::cli
