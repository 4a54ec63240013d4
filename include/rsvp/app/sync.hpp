// Recording messages from IMAP, read-only and resumable.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rsvp/app/counts.hpp"
#include "rsvp/imap/session.hpp"
#include "rsvp/store/store.hpp"

namespace rsvp::app {

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
