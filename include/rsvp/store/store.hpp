// The SQLite record of the event: every message with its raw bytes, where it
// came from, how it was decoded and classified, and the per-mailbox sync state.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rsvp/core/classify.hpp"

struct sqlite3;

namespace rsvp::store {

// Where one copy of a message came from: an IMAP mailbox UID, or a file.
struct Source {
    std::string mailbox;          // empty for files
    std::uint32_t uidvalidity = 0;
    std::uint32_t uid = 0;
    std::string path;             // empty for IMAP
    std::int64_t arrived_utc = 0; // IMAP INTERNALDATE, or when it was imported
    [[nodiscard]] std::string describe() const;  // "INBOX;UIDVALIDITY=7;UID=42" or the path
};

// Everything rsvp learnt from one message.
struct MessageRecord {
    std::string raw;
    std::string content_hash;  // of raw; identifies messages without a Message-ID
    std::string message_id;
    std::string from_address;
    std::string from_name;
    std::string subject;
    std::string date_text;
    std::optional<core::Timestamp> date;
    std::string reply_text;
    std::string problems;  // decode problems, one per line; empty if none
    core::Classification classification;
};

// A stored message as the reports read it.
struct StoredMessage {
    std::int64_t id = 0;
    std::string source;  // first source's describe()
    MessageRecord record;
    std::int64_t arrived_utc = 0;
    std::string classifier_version;
};

struct MailboxState {
    std::uint32_t uidvalidity = 0;
    std::uint32_t last_uid = 0;  // every UID up to this one has been recorded
};

enum class Added { new_message, known_message, known_source };

class Store {
public:
    // Opens or creates the database (file mode 0600, parent directory made),
    // and brings its schema up to date. Throws rsvp::Error(database).
    static Store open(const std::filesystem::path& path);

    ~Store();
    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // Runs `work` in one transaction: committed if it returns, rolled back
    // if it throws.
    template <typename Work>
    void in_transaction(Work&& work) {
        begin();
        try {
            work();
        } catch (...) {
            rollback();
            throw;
        }
        commit();
    }

    // Records one copy of a message. A message already known by Message-ID
    // (or, without one, by content hash) gets only the new source.
    Added add(const MessageRecord& message, const Source& source);

    [[nodiscard]] bool has_source(const std::string& mailbox, std::uint32_t uidvalidity, std::uint32_t uid) const;
    [[nodiscard]] std::optional<MailboxState> mailbox_state(const std::string& mailbox) const;
    void set_mailbox_state(const std::string& mailbox, const MailboxState& state);

    // All messages, oldest first by arrival. Raw bytes are not loaded.
    [[nodiscard]] std::vector<StoredMessage> messages() const;
    [[nodiscard]] std::int64_t message_count() const;
    [[nodiscard]] std::int64_t source_count() const;

private:
    explicit Store(sqlite3* db);
    void begin();
    void commit();
    void rollback() noexcept;
    void migrate();

    struct Close {
        void operator()(sqlite3* db) const;
    };
    std::unique_ptr<sqlite3, Close> m_db;
};

}  // namespace rsvp::store
