// The SQLite record of the event: every message with its raw bytes, where it
// came from, how it was decoded and classified, and the per-mailbox sync state.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rsvp/core/classify.hpp"
#include "rsvp/core/events.hpp"
#include "rsvp/core/invitees.hpp"
#include "rsvp/core/respondents.hpp"

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
    // Every header field in order, unfolded and decoded (DecodedMessage::headers).
    std::vector<std::pair<std::string, std::string>> headers;
};

// A stored message as the reports read it.
struct StoredMessage {
    std::int64_t id = 0;
    std::string source;  // first source's describe()
    MessageRecord record;
    std::int64_t arrived_utc = 0;
    std::string classifier_version;
};

// What decides a respondent, as the audit trail records it.
struct Status {
    std::optional<core::Kind> status;  // nullopt: undecided (or unknown)
    int party_size = 0;
    std::optional<std::string> delegate;
    bool corrected = false;  // held by a person's correction
    bool operator==(const Status&) const = default;
};

// One change of a respondent's status (`rsvp history`).
struct HistoryEntry {
    std::int64_t id = 0;
    std::string address;
    std::int64_t at_utc = 0;   // when rsvp recorded the change
    std::string cause;         // what ran: import, sync, set, unset, reclassify
    std::string decided_by;    // the deciding message (Message-ID or source) or "correction N"; empty if none
    std::string note;          // the correction's note, if a correction decides
    bool by_arrival = false;   // the deciding message had no usable Date: placed by its arrival
    Status before, after;
};

// How a correction is named where it decides: "correction 3".
[[nodiscard]] std::string correction_reference(std::int64_t id);

// A correction as `rsvp set` records it; `rsvp unset` records a withdrawal
// (status nullopt). Every one is kept.
struct CorrectionRecord {
    std::int64_t id = 0;
    std::string address;  // lower-cased
    std::optional<core::Kind> status;  // nullopt: withdrawn
    int party_size = 0;
    std::optional<std::string> delegate;
    std::string note;
    std::int64_t made_utc = 0;
};

struct MailboxState {
    std::uint32_t uidvalidity = 0;
    std::uint32_t last_uid = 0;  // every UID up to this one has been recorded
};

enum class Added { new_message, known_message, known_source };

// One invitee as the store keeps it: the address (lower-cased) is the key.
struct InviteeRecord {
    std::string address;
    std::string name;
    std::string organisation;
    std::string extras_json;  // a JSON object of the list's other columns
    bool operator==(const InviteeRecord&) const = default;
};

enum class Upserted { added, updated, unchanged };

// What matching invitees and attaching messages to events read about every
// message: what decides (as replies() gives it), threading, and the texts.
struct MessageFacts {
    std::int64_t id = 0;
    core::Reply reply;
    std::string message_id;
    std::string subject;
    std::string in_reply_to;  // the header fields as stored, empty if absent
    std::string references;
    int date_offset = 0;      // the Date's UTC offset in minutes (0 without a Date)
    std::string reply_text;
    std::optional<std::string> bounced_recipient;
    std::string evidence_words;
    std::string problems;
};

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
        transaction(std::forward<Work>(work), Outcome::commit);
    }

    // Runs `work` in one transaction that is always rolled back: what it
    // would do, without doing it (dry runs).
    template <typename Work>
    void rehearse(Work&& work) {
        transaction(std::forward<Work>(work), Outcome::roll_back);
    }

    // Records one copy of a message. A message already known by Message-ID
    // (or, without one, by content hash) gets only the new source.
    Added add(const MessageRecord& message, const Source& source);

    [[nodiscard]] bool has_source(const std::string& mailbox, std::uint32_t uidvalidity, std::uint32_t uid) const;
    [[nodiscard]] std::optional<MailboxState> mailbox_state(const std::string& mailbox) const;
    void set_mailbox_state(const std::string& mailbox, const MailboxState& state);

    // All messages, oldest first by arrival. Raw bytes and headers are not loaded.
    [[nodiscard]] std::vector<StoredMessage> messages() const;
    // One message with its raw bytes and headers; nullopt if there is no such id.
    [[nodiscard]] std::optional<StoredMessage> message(std::int64_t id) const;
    [[nodiscard]] std::vector<std::int64_t> message_ids() const;
    // Rewrites what decoding, extraction and classification derive from the
    // raw bytes, with the current classifier version. Identity (Message-ID,
    // content hash, raw bytes, sources) never changes.
    void update_derived(std::int64_t id, const MessageRecord& derived);

    // Only what decides respondents, for every message: no texts, no raw bytes.
    [[nodiscard]] std::vector<core::Reply> replies() const;

    // Corrections: `record_correction` appends one (a withdrawal when its
    // status is nullopt) and returns its id; `corrections` lists those in
    // force, the latest per address unless it was withdrawn.
    std::int64_t record_correction(const CorrectionRecord& correction);
    [[nodiscard]] std::vector<core::Correction> corrections() const;
    [[nodiscard]] std::optional<CorrectionRecord> correction_in_force(const std::string& address) const;

    // The audit trail: appended, never rewritten.
    void append_history(const HistoryEntry& entry);
    [[nodiscard]] std::vector<HistoryEntry> history(const std::string& address) const;
    // Each address's status after its latest history entry.
    [[nodiscard]] std::vector<std::pair<std::string, Status>> recorded_statuses() const;

    // Invitees (schema 4). `upsert_invitee` adds one, or updates the name,
    // organisation and extras of the one with that address (case aside).
    Upserted upsert_invitee(const InviteeRecord& invitee);
    // In the order they were first added.
    [[nodiscard]] std::vector<InviteeRecord> invitees() const;

    // Links made by a person (`rsvp link`): sender -> invitee address; an
    // unlink is recorded with no invitee. Every one is kept; the latest per
    // sender is in force unless it is an unlink.
    void record_link(const std::string& sender, const std::optional<std::string>& invitee, const std::string& note);
    [[nodiscard]] std::vector<core::Link> links() const;

    // Events (schema 4), by name: `save_event` adds or replaces one and
    // returns true if it was new; `remove_event` returns false if there was none.
    bool save_event(const core::Event& event);
    [[nodiscard]] std::vector<core::Event> events() const;  // in the order they were added
    bool remove_event(const std::string& name);

    // Every message's facts, by id. Raw bytes are not loaded.
    [[nodiscard]] std::vector<MessageFacts> message_facts() const;

    // Copies the database to `target` with SQLite's online backup API: a
    // consistent snapshot, taken without stopping writers (WAL). Written to a
    // temporary file beside `target`, mode 0600, then renamed.
    void backup(const std::filesystem::path& target) const;
    // PRAGMA integrity_check and foreign_key_check: what they found, empty if all is well.
    [[nodiscard]] std::vector<std::string> check() const;
    [[nodiscard]] std::int64_t message_count() const;
    [[nodiscard]] std::int64_t source_count() const;

private:
    explicit Store(sqlite3* db);
    enum class Outcome { commit, roll_back };
    template <typename Work>
    void transaction(Work&& work, Outcome outcome) {
        begin();
        try {
            work();
        } catch (...) {
            rollback();
            throw;
        }
        if (outcome == Outcome::commit) commit();
        else rollback();
    }
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
