// Re-reading the stored raw messages with this rsvp's decoder, extractor and
// classifier: after an upgrade or a rules change, with no network.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "rsvp/app/report.hpp"
#include "rsvp/store/store.hpp"

namespace rsvp::app {

// What decides a respondent, as one message says it.
struct Verdict {
    core::Kind kind = core::Kind::other;
    int party_size = 0;
    std::optional<std::string> delegate;
    bool operator==(const Verdict&) const = default;
};

struct Reclassified {
    std::int64_t id = 0;
    std::string reference;  // Message-ID, or the source without one
    std::string from;
    Verdict before, after;
};

struct ReclassifyReport {
    bool dry_run = false;
    std::size_t messages = 0;   // stored messages read again
    std::size_t rewritten = 0;  // rows whose derived values changed in any way (text, evidence, headers, version...)
    std::size_t kept = 0;       // header-only records (body never fetched): nothing to re-read
    std::vector<Reclassified> changed;                   // kind, party size or delegate changed
    std::vector<store::HistoryEntry> respondent_changes;  // respondents whose status changed as a result
};

enum class DryRun { no, yes };

// Re-runs decode, extract and classify over every stored raw message and
// rewrites the rows that differ (with the current classifier version), then
// records the respondents' status changes (cause "reclassify"). Corrections
// are untouched and keep winning. With DryRun::yes, reports the same and
// writes nothing.
ReclassifyReport reclassify(store::Store& store, DryRun dry_run);

void write_reclassify(std::ostream& out, const ReclassifyReport& report, Format format);

}  // namespace rsvp::app
