// Reports over the store, rendered for people (aligned text) and for other
// programs (JSON). Field names are a contract: add fields, never rename.
#pragma once

#include <iosfwd>
#include <string_view>
#include <vector>

#include "rsvp/core/respondents.hpp"
#include "rsvp/store/store.hpp"

namespace rsvp::app {

enum class Format { text, json };

// The latest decision per sender, from every stored message.
[[nodiscard]] std::vector<core::Respondent> respondents(const std::vector<store::StoredMessage>& messages);

void write_headcount(std::ostream& out, const core::Headcount& headcount, std::size_t respondent_count,
                     std::size_t message_count, Format format);

void write_messages(std::ostream& out, const std::vector<store::StoredMessage>& messages, Format format);

}  // namespace rsvp::app
