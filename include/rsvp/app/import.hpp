// Recording messages from files: the same pipeline as a sync.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "rsvp/app/counts.hpp"
#include "rsvp/store/store.hpp"

namespace rsvp::app {

// Imports, through the same pipeline as a sync and idempotently (a copy
// already recorded is recognised by its source):
// - a file: one message, or an mbox if it starts with a "From " line;
// - a directory, recursively and sorted by name: its .eml and .mbox files,
//   and the messages of every Maildir in it (cur/ and new/; a message keeps
//   its identity when a mail client moves it or changes its flags).
// Then records respondents' status changes (cause "import").
// Throws rsvp::Error(input) if a path cannot be read; every path is checked
// before anything is recorded.
IngestCounts import_paths(store::Store& store, const std::vector<std::filesystem::path>& paths);

// One message of an mbox file, byte-exact but for mboxrd quoting.
struct MboxMessage {
    std::string raw;
    std::string from_line;  // the "From sender date" separator, without "From "
};

// Splits an mbox: a message starts at a "From " line that opens the file or
// follows an empty line; ">From " (any number of '>') loses one '>'; the
// empty line that separates messages is not part of either.
[[nodiscard]] std::vector<MboxMessage> split_mbox(std::string_view bytes);

}  // namespace rsvp::app
