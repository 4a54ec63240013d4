// Recording messages from IMAP, read-only and resumable.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
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
    // Transient failures (connection lost, server restarting, no answer) are
    // retried this many times, waiting retry_delay, then twice as long, ...
    int retries = 3;
    std::chrono::milliseconds retry_delay{1000};
    // Called as messages are recorded: mailbox, done, to do.
    std::function<void(const std::string&, std::size_t, std::size_t)> progress;
};

struct MailboxReport {
    std::string mailbox;
    bool uidvalidity_changed = false;
    int reconnects = 0;
    IngestCounts counts;
};

// Fetches what is new in each mailbox, read-only, and records it. Each
// message and the state that says it was fetched commit together, so an
// interrupted sync resumes where it stopped. Throws rsvp::Error once the
// retries are spent.
std::vector<MailboxReport> sync(store::Store& store, const SyncSettings& settings);

// Keeps two syncs of one database from overlapping: an exclusive flock on
// "<database>.lock", released when the object goes away (or the process
// dies). Throws rsvp::Error(locked) at once if another process holds it.
class SyncLock {
public:
    explicit SyncLock(const std::filesystem::path& database);
    ~SyncLock();
    SyncLock(const SyncLock&) = delete;
    SyncLock& operator=(const SyncLock&) = delete;

private:
    int m_fd;
};

}  // namespace rsvp::app
