// Getting messages into the store: from .eml files, and from IMAP.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "rsvp/imap/session.hpp"
#include "rsvp/store/store.hpp"

namespace rsvp::app {

struct IngestCounts {
    std::size_t seen = 0;         // copies looked at
    std::size_t new_messages = 0; // recorded for the first time
    std::size_t duplicates = 0;   // a message already recorded from another copy
    std::size_t already = 0;      // this very copy was recorded before
    std::size_t skipped = 0;      // too large to fetch
    std::size_t with_problems = 0;
};

// Imports .eml files and directories of them (recursively, sorted by name).
// Throws rsvp::Error(input) if a path cannot be read.
IngestCounts import_paths(store::Store& store, const std::vector<std::filesystem::path>& paths);

struct SyncSettings {
    imap::ConnectionSettings connection;
    std::vector<std::string> mailboxes;  // UTF-8 names
    std::uint64_t max_message_bytes = 50u << 20;
};

struct MailboxReport {
    std::string mailbox;
    bool uidvalidity_changed = false;
    IngestCounts counts;
};

// Fetches what is new in each mailbox, read-only, and records it. Each
// message and the state that says it was fetched commit together, so an
// interrupted sync resumes where it stopped. Throws rsvp::Error.
std::vector<MailboxReport> sync(store::Store& store, const SyncSettings& settings);

}  // namespace rsvp::app
