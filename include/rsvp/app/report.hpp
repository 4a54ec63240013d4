// Reports over the store, rendered for people (aligned text) and for other
// programs (JSON). Field names are a contract: add fields, never rename.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "rsvp/core/respondents.hpp"
#include "rsvp/store/store.hpp"

namespace rsvp::app {

enum class Format { text, json };

// Each respondent's status: the latest decision per sender from every stored
// message, unless a correction in force decides. Reads only the columns
// that decide (fast on large databases).
[[nodiscard]] std::vector<core::Respondent> respondents(const store::Store& store);

// Text output helpers shared by the renderers: `printable` keeps terminal
// escape sequences from a message off the terminal (line breaks and tabs
// become spaces); `write_table` aligns columns.
[[nodiscard]] std::string printable(std::string_view s);
void write_table(std::ostream& out, const std::vector<std::vector<std::string>>& rows);

void write_headcount(std::ostream& out, const core::Headcount& headcount, std::size_t respondent_count,
                     std::size_t message_count, Format format);

void write_messages(std::ostream& out, const std::vector<store::StoredMessage>& messages, Format format);

}  // namespace rsvp::app
