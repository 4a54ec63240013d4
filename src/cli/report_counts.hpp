// One summary line for what an import or a sync recorded.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "rsvp/app/counts.hpp"

namespace rsvp::cli {

inline void print_counts(std::ostream& out, std::string_view what, const app::IngestCounts& c) {
    out << what << ": " << c.seen << " seen, " << c.new_messages << " new, " << c.duplicates << " duplicate, " << c.already
        << " already recorded";
    if (c.skipped) out << ", " << c.skipped << " skipped (too large)";
    if (c.failed) out << ", " << c.failed << " failed (stored and marked)";
    if (c.with_problems) out << ", " << c.with_problems << " with decoding problems";
    out << '\n';
}

// "  new by kind: confirmed 3, declined 1"; nothing when nothing is new.
inline void print_kinds(std::ostream& out, const app::IngestCounts& c) {
    std::string line;
    for (std::size_t k = 0; k < c.new_by_kind.size(); ++k) {
        if (c.new_by_kind[k] == 0) continue;
        line += (line.empty() ? "" : ", ") + std::string(core::to_string(static_cast<core::Kind>(k))) + " " + std::to_string(c.new_by_kind[k]);
    }
    if (!line.empty()) out << "  new by kind: " << line << '\n';
}

}  // namespace rsvp::cli
