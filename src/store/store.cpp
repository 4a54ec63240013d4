#include "rsvp/store/store.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <string_view>

#include "rsvp/error.hpp"

namespace rsvp::store {

namespace {

// Each entry upgrades the schema by one version; user_version counts them.
constexpr std::array<std::string_view, 1> k_migrations = {R"sql(
CREATE TABLE messages (
    id                 INTEGER PRIMARY KEY,
    message_id         TEXT,               -- NULL when the message has none
    content_hash       TEXT NOT NULL,
    raw                BLOB NOT NULL,      -- byte-exact, so nothing is fetched twice
    from_address       TEXT NOT NULL,      -- lower-cased
    from_name          TEXT NOT NULL,
    subject            TEXT NOT NULL,
    date_text          TEXT NOT NULL,
    date_utc           INTEGER,            -- NULL: no usable Date
    date_offset        INTEGER,
    reply_text         TEXT NOT NULL,
    problems           TEXT NOT NULL,
    kind               TEXT NOT NULL CHECK (kind IN ('confirmed','declined','tentative','auto_reply','bounce','other')),
    party_size         INTEGER NOT NULL,
    delegate           TEXT,
    bounced_recipient  TEXT,
    confidence         REAL NOT NULL,
    evidence_rule      TEXT NOT NULL,
    evidence_where     TEXT NOT NULL,
    evidence_words     TEXT NOT NULL,
    evidence_begin     INTEGER NOT NULL,
    evidence_end       INTEGER NOT NULL,
    classifier_version TEXT NOT NULL,
    recorded_utc       INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX messages_by_message_id ON messages(message_id) WHERE message_id IS NOT NULL;
CREATE UNIQUE INDEX messages_by_hash ON messages(content_hash) WHERE message_id IS NULL;
CREATE INDEX messages_by_sender ON messages(from_address);

CREATE TABLE sources (
    id          INTEGER PRIMARY KEY,
    message     INTEGER NOT NULL REFERENCES messages(id),
    mailbox     TEXT,
    uidvalidity INTEGER,
    uid         INTEGER,
    path        TEXT,
    arrived_utc INTEGER NOT NULL,
    CHECK ((mailbox IS NULL) = (path IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX sources_by_uid ON sources(mailbox, uidvalidity, uid) WHERE mailbox IS NOT NULL;
CREATE UNIQUE INDEX sources_by_path ON sources(path) WHERE path IS NOT NULL;
CREATE INDEX sources_by_message ON sources(message);

CREATE TABLE mailboxes (
    name        TEXT PRIMARY KEY,
    uidvalidity INTEGER NOT NULL,
    last_uid    INTEGER NOT NULL
) STRICT;
)sql"};

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
    throw Error(ErrorKind::database, std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

// A prepared statement, finalized on scope exit.
class Statement {
public:
    Statement(sqlite3* db, std::string_view sql) : m_db(db) {
        if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr) != SQLITE_OK) fail(db, "preparing a query");
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::string_view text) {
        check(sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT));
        return *this;
    }
    Statement& bind_blob(int index, std::string_view bytes) {
        check(sqlite3_bind_blob(m_stmt, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT));
        return *this;
    }
    Statement& bind(int index, std::int64_t value) {
        check(sqlite3_bind_int64(m_stmt, index, value));
        return *this;
    }
    Statement& bind(int index, double value) {
        check(sqlite3_bind_double(m_stmt, index, value));
        return *this;
    }
    Statement& bind_null(int index) {
        check(sqlite3_bind_null(m_stmt, index));
        return *this;
    }
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind_null(index);
    }

    // True while there is a row to read.
    bool step() {
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        fail(m_db, "running a query");
    }

    [[nodiscard]] bool is_null(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }
    [[nodiscard]] std::int64_t integer(int column) const { return sqlite3_column_int64(m_stmt, column); }
    [[nodiscard]] double real(int column) const { return sqlite3_column_double(m_stmt, column); }
    [[nodiscard]] std::string text(int column) const {
        const auto* p = sqlite3_column_text(m_stmt, column);
        return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column))) : std::string();
    }
    [[nodiscard]] std::optional<std::string> optional_text(int column) const {
        return is_null(column) ? std::nullopt : std::optional<std::string>(text(column));
    }

private:
    void check(int rc) const {
        if (rc != SQLITE_OK) fail(m_db, "binding a query parameter");
    }
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

void execute(sqlite3* db, std::string_view sql) {
    char* message = nullptr;
    if (sqlite3_exec(db, std::string(sql).c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        const std::string text = message ? message : "unknown error";
        sqlite3_free(message);
        throw Error(ErrorKind::database, "database error: " + text);
    }
}

std::int64_t now_utc() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string lower(std::string s) {
    for (char& c : s) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return s;
}

}  // namespace

std::string Source::describe() const {
    if (!path.empty()) return path;
    return mailbox + ";UIDVALIDITY=" + std::to_string(uidvalidity) + ";UID=" + std::to_string(uid);
}

void Store::Close::operator()(sqlite3* db) const { sqlite3_close_v2(db); }

Store::Store(sqlite3* db) : m_db(db) {}
Store::~Store() = default;
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

Store Store::open(const std::filesystem::path& path) {
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    // Create the file ourselves so that it is private from the first byte;
    // SQLite gives its -wal and -shm files the same mode.
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        throw Error(ErrorKind::database, "cannot open the database " + path.string() + ": " + std::strerror(errno),
                    "check the path given with --db or RSVP_DB, and its directory's permissions");
    }
    ::close(fd);
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, nullptr);
    Store store(raw);
    if (rc != SQLITE_OK) fail(raw, "opening the database " + path.string());
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 10000);
    execute(raw, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
    store.migrate();
    return store;
}

void Store::migrate() {
    sqlite3* db = m_db.get();
    Statement version(db, "PRAGMA user_version");
    version.step();
    const auto current = static_cast<std::size_t>(version.integer(0));
    if (current > k_migrations.size()) {
        throw Error(ErrorKind::database,
                    "the database was written by a newer rsvp (schema " + std::to_string(current) + ", this rsvp knows " +
                        std::to_string(k_migrations.size()) + ")",
                    "upgrade rsvp, or use another --db");
    }
    for (std::size_t v = current; v < k_migrations.size(); ++v) {
        in_transaction([&] {
            execute(db, k_migrations[v]);
            execute(db, "PRAGMA user_version = " + std::to_string(v + 1));
        });
    }
}

void Store::begin() { execute(m_db.get(), "BEGIN IMMEDIATE"); }
void Store::commit() { execute(m_db.get(), "COMMIT"); }
void Store::rollback() noexcept { sqlite3_exec(m_db.get(), "ROLLBACK", nullptr, nullptr, nullptr); }

Added Store::add(const MessageRecord& m, const Source& source) {
    sqlite3* db = m_db.get();
    if (!source.path.empty()) {
        Statement known(db, "SELECT 1 FROM sources WHERE path = ?1");
        known.bind(1, source.path);
        if (known.step()) return Added::known_source;
    } else if (has_source(source.mailbox, source.uidvalidity, source.uid)) {
        return Added::known_source;
    }

    std::optional<std::int64_t> existing;
    {
        Statement find(db, m.message_id.empty() ? "SELECT id FROM messages WHERE message_id IS NULL AND content_hash = ?1"
                                                : "SELECT id FROM messages WHERE message_id = ?1");
        find.bind(1, m.message_id.empty() ? m.content_hash : m.message_id);
        if (find.step()) existing = find.integer(0);
    }
    std::int64_t message = 0;
    if (existing) {
        message = *existing;
    } else {
        Statement insert(db, R"sql(
            INSERT INTO messages (message_id, content_hash, raw, from_address, from_name, subject, date_text, date_utc,
                date_offset, reply_text, problems, kind, party_size, delegate, bounced_recipient, confidence,
                evidence_rule, evidence_where, evidence_words, evidence_begin, evidence_end, classifier_version, recorded_utc)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23))sql");
        const core::Classification& c = m.classification;
        if (m.message_id.empty()) insert.bind_null(1); else insert.bind(1, m.message_id);
        insert.bind(2, m.content_hash).bind_blob(3, m.raw).bind(4, lower(m.from_address)).bind(5, m.from_name);
        insert.bind(6, m.subject).bind(7, m.date_text);
        if (m.date) insert.bind(8, m.date->utc_seconds).bind(9, std::int64_t{m.date->offset_minutes});
        else insert.bind_null(8).bind_null(9);
        insert.bind(10, m.reply_text).bind(11, m.problems).bind(12, core::to_string(c.kind));
        insert.bind(13, std::int64_t{c.party_size}).bind(14, c.delegate).bind(15, c.bounced_recipient).bind(16, c.confidence);
        insert.bind(17, c.evidence.rule).bind(18, c.evidence.where).bind(19, c.evidence.words);
        insert.bind(20, static_cast<std::int64_t>(c.evidence.begin)).bind(21, static_cast<std::int64_t>(c.evidence.end));
        insert.bind(22, core::k_classifier_version).bind(23, now_utc());
        insert.step();
        message = sqlite3_last_insert_rowid(db);
    }
    Statement insert_source(db, "INSERT INTO sources (message, mailbox, uidvalidity, uid, path, arrived_utc) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    insert_source.bind(1, message);
    if (source.path.empty()) {
        insert_source.bind(2, source.mailbox).bind(3, std::int64_t{source.uidvalidity}).bind(4, std::int64_t{source.uid}).bind_null(5);
    } else {
        insert_source.bind_null(2).bind_null(3).bind_null(4).bind(5, source.path);
    }
    insert_source.bind(6, source.arrived_utc);
    insert_source.step();
    return existing ? Added::known_message : Added::new_message;
}

bool Store::has_source(const std::string& mailbox, std::uint32_t uidvalidity, std::uint32_t uid) const {
    Statement q(m_db.get(), "SELECT 1 FROM sources WHERE mailbox = ?1 AND uidvalidity = ?2 AND uid = ?3");
    q.bind(1, mailbox).bind(2, std::int64_t{uidvalidity}).bind(3, std::int64_t{uid});
    return q.step();
}

std::optional<MailboxState> Store::mailbox_state(const std::string& mailbox) const {
    Statement q(m_db.get(), "SELECT uidvalidity, last_uid FROM mailboxes WHERE name = ?1");
    q.bind(1, mailbox);
    if (!q.step()) return std::nullopt;
    return MailboxState{static_cast<std::uint32_t>(q.integer(0)), static_cast<std::uint32_t>(q.integer(1))};
}

void Store::set_mailbox_state(const std::string& mailbox, const MailboxState& state) {
    Statement q(m_db.get(), "INSERT INTO mailboxes (name, uidvalidity, last_uid) VALUES (?1, ?2, ?3) "
                            "ON CONFLICT (name) DO UPDATE SET uidvalidity = excluded.uidvalidity, last_uid = excluded.last_uid");
    q.bind(1, mailbox).bind(2, std::int64_t{state.uidvalidity}).bind(3, std::int64_t{state.last_uid});
    q.step();
}

std::vector<StoredMessage> Store::messages() const {
    Statement q(m_db.get(), R"sql(
        SELECT m.id, m.message_id, m.content_hash, m.from_address, m.from_name, m.subject, m.date_text, m.date_utc, m.date_offset,
               m.reply_text, m.problems, m.kind, m.party_size, m.delegate, m.bounced_recipient, m.confidence,
               m.evidence_rule, m.evidence_where, m.evidence_words, m.evidence_begin, m.evidence_end, m.classifier_version,
               s.mailbox, s.uidvalidity, s.uid, s.path, s.arrived_utc
        FROM messages m
        JOIN sources s ON s.id = (SELECT min(id) FROM sources WHERE message = m.id)
        ORDER BY s.arrived_utc, m.id)sql");
    std::vector<StoredMessage> out;
    while (q.step()) {
        StoredMessage s;
        s.id = q.integer(0);
        MessageRecord& m = s.record;
        m.message_id = q.text(1);
        m.content_hash = q.text(2);
        m.from_address = q.text(3);
        m.from_name = q.text(4);
        m.subject = q.text(5);
        m.date_text = q.text(6);
        if (!q.is_null(7)) m.date = core::Timestamp{q.integer(7), static_cast<int>(q.integer(8))};
        m.reply_text = q.text(9);
        m.problems = q.text(10);
        core::Classification& c = m.classification;
        c.kind = core::kind_from_string(q.text(11)).value_or(core::Kind::other);
        c.party_size = static_cast<int>(q.integer(12));
        c.delegate = q.optional_text(13);
        c.bounced_recipient = q.optional_text(14);
        c.confidence = q.real(15);
        c.evidence = {q.text(16), q.text(17), q.text(18), static_cast<std::size_t>(q.integer(19)), static_cast<std::size_t>(q.integer(20))};
        s.classifier_version = q.text(21);
        Source source;
        if (q.is_null(25)) {
            source.mailbox = q.text(22);
            source.uidvalidity = static_cast<std::uint32_t>(q.integer(23));
            source.uid = static_cast<std::uint32_t>(q.integer(24));
        } else {
            source.path = q.text(25);
        }
        s.source = source.describe();
        s.arrived_utc = q.integer(26);
        out.push_back(std::move(s));
    }
    return out;
}

std::int64_t Store::message_count() const {
    Statement q(m_db.get(), "SELECT count(*) FROM messages");
    q.step();
    return q.integer(0);
}

std::int64_t Store::source_count() const {
    Statement q(m_db.get(), "SELECT count(*) FROM sources");
    q.step();
    return q.integer(0);
}

}  // namespace rsvp::store
