// A message record as the pipeline would produce it, reduced to what the
// store tests look at.
#pragma once

#include <string>
#include <utility>

#include "rsvp/store/store.hpp"

namespace rsvp::test {

inline store::MessageRecord record(std::string message_id, std::string from, core::Kind kind, std::string raw = "raw") {
    store::MessageRecord m;
    m.raw = std::move(raw);
    m.content_hash = "hash-" + m.raw;
    m.message_id = std::move(message_id);
    m.from_address = std::move(from);
    m.classification.kind = kind;
    m.classification.party_size = kind == core::Kind::confirmed ? 1 : 0;
    m.classification.evidence.rule = "test";
    return m;
}

}  // namespace rsvp::test
