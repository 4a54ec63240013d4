#include "rsvp/store/store.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <thread>

#include "rsvp/error.hpp"

namespace rsvp::store {

namespace {

// Each entry upgrades the schema by one version; user_version counts them.
// Append only: a released migration is never edited (databases made with it
// exist), and tests/unit/store keeps a literal copy of schema 1 to prove it.
constexpr std::array<std::string_view, 4> k_migrations = {R"sql(
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
)sql",
// 2: decoded headers, corrections by a person, and the audit trail.
R"sql(
CREATE TABLE headers (
    message  INTEGER NOT NULL REFERENCES messages(id),
    position INTEGER NOT NULL,
    name     TEXT NOT NULL,
    value    TEXT NOT NULL,               -- unfolded, RFC 2047 decoded
    PRIMARY KEY (message, position)
) STRICT, WITHOUT ROWID;

-- Every correction is kept; the latest per address is in force unless it is
-- a withdrawal (status NULL).
CREATE TABLE corrections (
    id         INTEGER PRIMARY KEY,
    address    TEXT NOT NULL,             -- lower-cased
    status     TEXT CHECK (status IN ('confirmed','declined','tentative')),
    party_size INTEGER NOT NULL,
    delegate   TEXT,
    note       TEXT NOT NULL,
    made_utc   INTEGER NOT NULL
) STRICT;
CREATE INDEX corrections_by_address ON corrections(address, id);

-- One row per change of a respondent's status; appended, never rewritten.
CREATE TABLE history (
    id                 INTEGER PRIMARY KEY,
    address            TEXT NOT NULL,
    at_utc             INTEGER NOT NULL,
    cause              TEXT NOT NULL,     -- import, sync, set, unset, reclassify
    decided_by         TEXT NOT NULL,     -- Message-ID, source or 'correction N'; '' if nothing decides
    note               TEXT NOT NULL,
    by_arrival         INTEGER NOT NULL,  -- the deciding message had no usable Date
    old_status         TEXT,
    old_party_size     INTEGER NOT NULL,
    old_delegate       TEXT,
    old_corrected      INTEGER NOT NULL,
    new_status         TEXT,
    new_party_size     INTEGER NOT NULL,
    new_delegate       TEXT,
    new_corrected      INTEGER NOT NULL
) STRICT;
CREATE INDEX history_by_address ON history(address, id);
)sql",
// 3: respondents are computed from this index alone, without reading the
// pages that hold message texts and raw bytes.
R"sql(
CREATE INDEX messages_for_respondents ON messages(from_address, from_name, date_utc, kind, party_size, delegate, message_id);
)sql",
// 4: who was invited, the links a person made between senders and
// invitees, and the events.
R"sql(
CREATE TABLE invitees (
    id           INTEGER PRIMARY KEY,
    address      TEXT NOT NULL UNIQUE,    -- lower-cased
    name         TEXT NOT NULL,
    organisation TEXT NOT NULL,
    extras       TEXT NOT NULL,           -- JSON object: the list's other columns
    added_utc    INTEGER NOT NULL,
    updated_utc  INTEGER NOT NULL
) STRICT;

-- Every link is kept; the latest per sender is in force unless it is an
-- unlink (invitee NULL).
CREATE TABLE links (
    id       INTEGER PRIMARY KEY,
    sender   TEXT NOT NULL,               -- lower-cased
    invitee  TEXT,                        -- lower-cased invitee address; NULL: unlinked
    note     TEXT NOT NULL,
    made_utc INTEGER NOT NULL
) STRICT;
CREATE INDEX links_by_sender ON links(sender, id);

CREATE TABLE events (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    date          TEXT,                   -- YYYY-MM-DD; NULL if not given
    place         TEXT NOT NULL,
    capacity      INTEGER,                -- NULL: no limit given
    invitation_id TEXT NOT NULL,          -- the invitation's Message-ID; '' if unknown
    subject       TEXT NOT NULL           -- words of the invitation's subject; '' if not used
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

    // Ready to run again with new parameters.
    void reset() {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
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

// Binds, from `first` on, what update_derived rewrites: from_address,
// from_name, subject, date_text, date_utc, date_offset, reply_text, problems,
// kind, party_size, delegate, bounced_recipient, confidence, the five evidence
// columns and classifier_version (19 parameters).
void bind_derived(Statement& q, int first, const MessageRecord& m) {
    const core::Classification& c = m.classification;
    q.bind(first, lower(m.from_address)).bind(first + 1, m.from_name).bind(first + 2, m.subject).bind(first + 3, m.date_text);
    if (m.date) {
        q.bind(first + 4, m.date->utc_seconds).bind(first + 5, std::int64_t{m.date->offset_minutes});
    } else {
        q.bind_null(first + 4).bind_null(first + 5);
    }
    q.bind(first + 6, m.reply_text).bind(first + 7, m.problems).bind(first + 8, core::to_string(c.kind));
    q.bind(first + 9, std::int64_t{c.party_size}).bind(first + 10, c.delegate).bind(first + 11, c.bounced_recipient);
    q.bind(first + 12, c.confidence).bind(first + 13, c.evidence.rule).bind(first + 14, c.evidence.where);
    q.bind(first + 15, c.evidence.words).bind(first + 16, static_cast<std::int64_t>(c.evidence.begin));
    q.bind(first + 17, static_cast<std::int64_t>(c.evidence.end)).bind(first + 18, core::k_classifier_version);
}

void replace_headers(sqlite3* db, std::int64_t message, const std::vector<std::pair<std::string, std::string>>& headers) {
    Statement clear(db, "DELETE FROM headers WHERE message = ?1");
    clear.bind(1, message);
    clear.step();
    Statement insert(db, "INSERT INTO headers (message, position, name, value) VALUES (?1, ?2, ?3, ?4)");
    for (std::size_t i = 0; i < headers.size(); ++i) {
        insert.reset();
        insert.bind(1, message).bind(2, static_cast<std::int64_t>(i)).bind(3, headers[i].first).bind(4, headers[i].second);
        insert.step();
    }
}

}  // namespace

std::string correction_reference(std::int64_t id) { return "correction " + std::to_string(id); }

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
    // A 16 MiB page cache: large enough for whole-index reads (respondents at
    // 100,000 messages), small enough that a sync writing hundreds of MB of
    // raw messages stays within its memory budget (issue 11: under 64 MB).
    execute(raw, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -16384;");
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
            INSERT INTO messages (message_id, content_hash, raw, recorded_utc, from_address, from_name, subject, date_text,
                date_utc, date_offset, reply_text, problems, kind, party_size, delegate, bounced_recipient, confidence,
                evidence_rule, evidence_where, evidence_words, evidence_begin, evidence_end, classifier_version)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23))sql");
        if (m.message_id.empty()) insert.bind_null(1); else insert.bind(1, m.message_id);
        insert.bind(2, m.content_hash).bind_blob(3, m.raw).bind(4, now_utc());
        bind_derived(insert, 5, m);
        insert.step();
        message = sqlite3_last_insert_rowid(db);
        replace_headers(db, message, m.headers);
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

namespace {

// The columns read_message reads, in order.
constexpr std::string_view k_message_columns = R"sql(
    id, message_id, content_hash, from_address, from_name, subject, date_text, date_utc, date_offset,
    reply_text, problems, kind, party_size, delegate, bounced_recipient, confidence,
    evidence_rule, evidence_where, evidence_words, evidence_begin, evidence_end, classifier_version)sql";
constexpr std::string_view k_source_columns = "mailbox, uidvalidity, uid, path, arrived_utc";

Source read_source(const Statement& q, int first) {
    Source source;
    if (q.is_null(first + 3)) {
        source.mailbox = q.text(first);
        source.uidvalidity = static_cast<std::uint32_t>(q.integer(first + 1));
        source.uid = static_cast<std::uint32_t>(q.integer(first + 2));
    } else {
        source.path = q.text(first + 3);
    }
    source.arrived_utc = q.integer(first + 4);
    return source;
}

// A message's columns, and where its first copy came from.
StoredMessage read_message(const Statement& q, const Source& source) {
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
    s.source = source.describe();
    s.arrived_utc = source.arrived_utc;
    return s;
}

std::optional<core::Kind> optional_kind(const Statement& q, int column) {
    return q.is_null(column) ? std::nullopt : core::kind_from_string(q.text(column));
}

std::optional<std::string_view> kind_text(const std::optional<core::Kind>& kind) {
    return kind ? std::optional<std::string_view>(core::to_string(*kind)) : std::nullopt;
}

// Status columns in the order status, party_size, delegate, corrected.
Status read_status(const Statement& q, int first) {
    return {optional_kind(q, first), static_cast<int>(q.integer(first + 1)), q.optional_text(first + 2), q.integer(first + 3) != 0};
}

void bind_status(Statement& q, int first, const Status& status) {
    q.bind(first, kind_text(status.status)).bind(first + 1, std::int64_t{status.party_size}).bind(first + 2, status.delegate);
    q.bind(first + 3, std::int64_t{status.corrected ? 1 : 0});
}

}  // namespace

namespace {

// Each message's first source, indexed by message id (ids are dense). One
// sequential scan: looking the first source up per message cost more than
// everything else at 100,000 messages.
std::vector<std::optional<Source>> first_sources(sqlite3* db) {
    std::vector<std::optional<Source>> first;
    Statement q(db, "SELECT message, " + std::string(k_source_columns) + " FROM sources ORDER BY id");
    while (q.step()) {
        const auto message = static_cast<std::size_t>(q.integer(0));
        if (message >= first.size()) first.resize(std::max(message + 1, first.size() * 2));
        if (!first[message]) first[message] = read_source(q, 1);
    }
    return first;
}

const Source* source_of(const std::vector<std::optional<Source>>& first, std::int64_t message) {
    const auto i = static_cast<std::size_t>(message);
    return i < first.size() && first[i] ? &*first[i] : nullptr;
}

// A row whose columns 0-7 are id, from_address, from_name, date_utc, kind,
// party_size, delegate, message_id: what decides a respondent.
core::Reply read_reply(const Statement& q, const std::vector<std::optional<Source>>& first) {
    core::Reply r;
    r.address = q.text(1);
    r.name = q.text(2);
    if (!q.is_null(3)) r.date_utc = q.integer(3);
    r.kind = core::kind_from_string(q.text(4)).value_or(core::Kind::other);
    r.party_size = static_cast<int>(q.integer(5));
    r.delegate = q.optional_text(6);
    const Source* source = source_of(first, q.integer(0));
    if (source) r.arrival_utc = source->arrived_utc;
    if (!q.is_null(7) && !q.text(7).empty()) r.reference = q.text(7);
    else if (source) r.reference = source->describe();
    return r;
}

}  // namespace

std::vector<StoredMessage> Store::messages() const {
    const auto first = first_sources(m_db.get());
    Statement q(m_db.get(), "SELECT " + std::string(k_message_columns) + " FROM messages");
    std::vector<StoredMessage> out;
    while (q.step()) {
        const Source* source = source_of(first, q.integer(0));
        out.push_back(read_message(q, source ? *source : Source{}));
    }
    std::sort(out.begin(), out.end(), [](const StoredMessage& a, const StoredMessage& b) {
        return a.arrived_utc != b.arrived_utc ? a.arrived_utc < b.arrived_utc : a.id < b.id;
    });
    return out;
}

std::optional<StoredMessage> Store::message(std::int64_t id) const {
    sqlite3* db = m_db.get();
    Statement source_query(db, "SELECT " + std::string(k_source_columns) + " FROM sources WHERE message = ?1 ORDER BY id LIMIT 1");
    source_query.bind(1, id);
    const Source source = source_query.step() ? read_source(source_query, 0) : Source{};
    Statement q(db, "SELECT " + std::string(k_message_columns) + ", raw FROM messages WHERE id = ?1");
    q.bind(1, id);
    if (!q.step()) return std::nullopt;
    StoredMessage message = read_message(q, source);
    message.record.raw = q.text(22);
    Statement headers(db, "SELECT name, value FROM headers WHERE message = ?1 ORDER BY position");
    headers.bind(1, id);
    while (headers.step()) message.record.headers.emplace_back(headers.text(0), headers.text(1));
    return message;
}

std::vector<std::int64_t> Store::message_ids() const {
    Statement q(m_db.get(), "SELECT id FROM messages ORDER BY id");
    std::vector<std::int64_t> ids;
    while (q.step()) ids.push_back(q.integer(0));
    return ids;
}

void Store::update_derived(std::int64_t id, const MessageRecord& m) {
    sqlite3* db = m_db.get();
    Statement update(db, R"sql(
        UPDATE messages SET from_address = ?2, from_name = ?3, subject = ?4, date_text = ?5, date_utc = ?6, date_offset = ?7,
            reply_text = ?8, problems = ?9, kind = ?10, party_size = ?11, delegate = ?12, bounced_recipient = ?13,
            confidence = ?14, evidence_rule = ?15, evidence_where = ?16, evidence_words = ?17, evidence_begin = ?18,
            evidence_end = ?19, classifier_version = ?20
        WHERE id = ?1)sql");
    update.bind(1, id);
    bind_derived(update, 2, m);
    update.step();
    replace_headers(db, id, m.headers);
}

std::vector<core::Reply> Store::replies() const {
    const auto first = first_sources(m_db.get());
    // Only the index messages_for_respondents is read, not the message pages.
    Statement q(m_db.get(), R"sql(
        SELECT id, from_address, from_name, date_utc, kind, party_size, delegate, message_id
        FROM messages INDEXED BY messages_for_respondents)sql");
    std::vector<core::Reply> out;
    out.reserve(first.size());
    while (q.step()) out.push_back(read_reply(q, first));
    return out;
}

std::int64_t Store::record_correction(const CorrectionRecord& c) {
    Statement q(m_db.get(), "INSERT INTO corrections (address, status, party_size, delegate, note, made_utc) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    q.bind(1, lower(c.address)).bind(2, kind_text(c.status)).bind(3, std::int64_t{c.party_size}).bind(4, c.delegate);
    q.bind(5, c.note).bind(6, c.made_utc);
    q.step();
    return sqlite3_last_insert_rowid(m_db.get());
}

namespace {

constexpr std::string_view k_corrections_in_force = R"sql(
    SELECT id, address, status, party_size, delegate, note, made_utc FROM corrections c
    WHERE id = (SELECT max(id) FROM corrections WHERE address = c.address) AND status IS NOT NULL)sql";

CorrectionRecord read_correction(const Statement& q) {
    return {q.integer(0), q.text(1), optional_kind(q, 2), static_cast<int>(q.integer(3)), q.optional_text(4), q.text(5), q.integer(6)};
}

}  // namespace

std::vector<core::Correction> Store::corrections() const {
    Statement q(m_db.get(), k_corrections_in_force);
    std::vector<core::Correction> out;
    while (q.step()) {
        const CorrectionRecord c = read_correction(q);
        out.push_back({c.address, c.status.value_or(core::Kind::confirmed), c.party_size, c.delegate, c.note,
                       correction_reference(c.id), c.made_utc});
    }
    return out;
}

std::optional<CorrectionRecord> Store::correction_in_force(const std::string& address) const {
    Statement q(m_db.get(), std::string(k_corrections_in_force) + " AND address = ?1");
    q.bind(1, lower(address));
    if (!q.step()) return std::nullopt;
    return read_correction(q);
}

void Store::append_history(const HistoryEntry& e) {
    Statement q(m_db.get(), R"sql(
        INSERT INTO history (address, at_utc, cause, decided_by, note, by_arrival, old_status, old_party_size, old_delegate,
                             old_corrected, new_status, new_party_size, new_delegate, new_corrected)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14))sql");
    q.bind(1, lower(e.address)).bind(2, e.at_utc).bind(3, e.cause).bind(4, e.decided_by).bind(5, e.note);
    q.bind(6, std::int64_t{e.by_arrival ? 1 : 0});
    bind_status(q, 7, e.before);
    bind_status(q, 11, e.after);
    q.step();
}

std::vector<HistoryEntry> Store::history(const std::string& address) const {
    Statement q(m_db.get(), R"sql(
        SELECT id, address, at_utc, cause, decided_by, note, by_arrival, old_status, old_party_size, old_delegate, old_corrected,
               new_status, new_party_size, new_delegate, new_corrected
        FROM history WHERE address = ?1 ORDER BY id)sql");
    q.bind(1, lower(address));
    std::vector<HistoryEntry> out;
    while (q.step()) {
        out.push_back({q.integer(0), q.text(1), q.integer(2), q.text(3), q.text(4), q.text(5), q.integer(6) != 0,
                       read_status(q, 7), read_status(q, 11)});
    }
    return out;
}

std::vector<std::pair<std::string, Status>> Store::recorded_statuses() const {
    Statement q(m_db.get(), R"sql(
        SELECT address, new_status, new_party_size, new_delegate, new_corrected FROM history h
        WHERE id = (SELECT max(id) FROM history WHERE address = h.address) ORDER BY address)sql");
    std::vector<std::pair<std::string, Status>> out;
    while (q.step()) out.emplace_back(q.text(0), read_status(q, 1));
    return out;
}

Upserted Store::upsert_invitee(const InviteeRecord& invitee) {
    const std::string address = lower(invitee.address);
    Statement find(m_db.get(), "SELECT name, organisation, extras FROM invitees WHERE address = ?1");
    find.bind(1, address);
    const std::int64_t now = now_utc();
    if (!find.step()) {
        Statement insert(m_db.get(), "INSERT INTO invitees (address, name, organisation, extras, added_utc, updated_utc) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?5)");
        insert.bind(1, address).bind(2, invitee.name).bind(3, invitee.organisation).bind(4, invitee.extras_json).bind(5, now);
        insert.step();
        return Upserted::added;
    }
    if (find.text(0) == invitee.name && find.text(1) == invitee.organisation && find.text(2) == invitee.extras_json) {
        return Upserted::unchanged;
    }
    Statement update(m_db.get(), "UPDATE invitees SET name = ?2, organisation = ?3, extras = ?4, updated_utc = ?5 WHERE address = ?1");
    update.bind(1, address).bind(2, invitee.name).bind(3, invitee.organisation).bind(4, invitee.extras_json).bind(5, now);
    update.step();
    return Upserted::updated;
}

std::vector<InviteeRecord> Store::invitees() const {
    Statement q(m_db.get(), "SELECT address, name, organisation, extras FROM invitees ORDER BY id");
    std::vector<InviteeRecord> out;
    while (q.step()) out.push_back({q.text(0), q.text(1), q.text(2), q.text(3)});
    return out;
}

void Store::record_link(const std::string& sender, const std::optional<std::string>& invitee, const std::string& note) {
    Statement q(m_db.get(), "INSERT INTO links (sender, invitee, note, made_utc) VALUES (?1, ?2, ?3, ?4)");
    q.bind(1, lower(sender));
    if (invitee) q.bind(2, lower(*invitee)); else q.bind_null(2);
    q.bind(3, note).bind(4, now_utc());
    q.step();
}

std::vector<core::Link> Store::links() const {
    Statement q(m_db.get(), R"sql(
        SELECT sender, invitee FROM links l
        WHERE id = (SELECT max(id) FROM links WHERE sender = l.sender) AND invitee IS NOT NULL ORDER BY sender)sql");
    std::vector<core::Link> out;
    while (q.step()) out.push_back({q.text(0), q.text(1)});
    return out;
}

bool Store::save_event(const core::Event& e) {
    Statement find(m_db.get(), "SELECT 1 FROM events WHERE name = ?1");
    find.bind(1, e.name);
    const bool known = find.step();
    Statement q(m_db.get(), R"sql(
        INSERT INTO events (name, date, place, capacity, invitation_id, subject) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
        ON CONFLICT (name) DO UPDATE SET date = excluded.date, place = excluded.place, capacity = excluded.capacity,
            invitation_id = excluded.invitation_id, subject = excluded.subject)sql");
    q.bind(1, e.name);
    if (e.date) q.bind(2, core::format_day(*e.date)); else q.bind_null(2);
    q.bind(3, e.place);
    if (e.capacity) q.bind(4, std::int64_t{*e.capacity}); else q.bind_null(4);
    q.bind(5, e.invitation_id).bind(6, e.subject);
    q.step();
    return !known;
}

std::vector<core::Event> Store::events() const {
    Statement q(m_db.get(), "SELECT name, date, place, capacity, invitation_id, subject FROM events ORDER BY id");
    std::vector<core::Event> out;
    while (q.step()) {
        core::Event& e = out.emplace_back();
        e.name = q.text(0);
        if (!q.is_null(1)) e.date = core::parse_day(q.text(1));
        e.place = q.text(2);
        if (!q.is_null(3)) e.capacity = static_cast<int>(q.integer(3));
        e.invitation_id = q.text(4);
        e.subject = q.text(5);
    }
    return out;
}

bool Store::remove_event(const std::string& name) {
    Statement q(m_db.get(), "DELETE FROM events WHERE name = ?1");
    q.bind(1, name);
    q.step();
    return sqlite3_changes(m_db.get()) > 0;
}

std::vector<MessageFacts> Store::message_facts() const {
    sqlite3* db = m_db.get();
    const auto first = first_sources(db);
    std::vector<MessageFacts> out;
    std::vector<std::size_t> at;  // message id -> index in out
    {
        Statement q(db, R"sql(
            SELECT id, from_address, from_name, date_utc, kind, party_size, delegate, message_id, subject, date_offset,
                   reply_text, bounced_recipient, evidence_words, problems
            FROM messages ORDER BY id)sql");
        while (q.step()) {
            MessageFacts& f = out.emplace_back();
            f.id = q.integer(0);
            f.reply = read_reply(q, first);
            f.message_id = q.text(7);
            f.subject = q.text(8);
            f.date_offset = q.is_null(9) ? 0 : static_cast<int>(q.integer(9));
            f.reply_text = q.text(10);
            f.bounced_recipient = q.optional_text(11);
            f.evidence_words = q.text(12);
            f.problems = q.text(13);
            const auto id = static_cast<std::size_t>(f.id);
            if (id >= at.size()) at.resize(id + 1, SIZE_MAX);
            at[id] = out.size() - 1;
        }
    }
    Statement h(db, "SELECT message, lower(name), value FROM headers WHERE lower(name) IN ('in-reply-to', 'references') ORDER BY message, position");
    while (h.step()) {
        const auto id = static_cast<std::size_t>(h.integer(0));
        if (id >= at.size() || at[id] == SIZE_MAX) continue;
        MessageFacts& f = out[at[id]];
        std::string& field = h.text(1) == "in-reply-to" ? f.in_reply_to : f.references;
        if (field.empty()) field = h.text(2);
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

void Store::backup(const std::filesystem::path& target) const {
    std::error_code ec;
    if (std::filesystem::equivalent(target, sqlite3_db_filename(m_db.get(), "main"), ec)) {
        throw Error(ErrorKind::usage, "the backup would overwrite the database itself", "name another file");
    }
    // Written beside the target and renamed, so a reader never sees half a
    // backup and a failed one leaves the previous file in place.
    std::filesystem::path partial = target;
    partial += ".partial-" + std::to_string(::getpid());
    const int fd = ::open(partial.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        throw Error(ErrorKind::database, "cannot create " + partial.string() + ": " + std::strerror(errno),
                    "check the directory exists and is writable");
    }
    ::close(fd);
    struct RemovePartial {
        const std::filesystem::path& path;
        bool keep = false;
        ~RemovePartial() {
            std::error_code ignored;
            if (!keep) std::filesystem::remove(path, ignored);
        }
    } remove_partial{partial};

    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(partial.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
    const std::unique_ptr<sqlite3, Close> destination(raw);
    if (rc != SQLITE_OK) fail(raw, "opening the backup file " + partial.string());
    {
        const std::unique_ptr<sqlite3_backup, int (*)(sqlite3_backup*)> backup(
            sqlite3_backup_init(raw, "main", m_db.get(), "main"), sqlite3_backup_finish);
        if (!backup) fail(raw, "starting the backup");
        // One step copies every page under one read transaction: a consistent
        // snapshot, and in WAL mode writers carry on meanwhile.
        const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        for (;;) {
            const int step = sqlite3_backup_step(backup.get(), -1);
            if (step == SQLITE_DONE) break;
            const int primary = step & 0xFF;
            if ((primary == SQLITE_BUSY || primary == SQLITE_LOCKED) && std::chrono::steady_clock::now() < give_up) {
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
                continue;
            }
            fail(raw, "copying the database");
        }
    }
    if (sqlite3_errcode(raw) != SQLITE_OK) fail(raw, "finishing the backup");
    std::filesystem::rename(partial, target, ec);
    if (ec) throw Error(ErrorKind::database, "cannot rename the backup to " + target.string() + ": " + ec.message());
    remove_partial.keep = true;
}

std::vector<std::string> Store::check() const {
    std::vector<std::string> problems;
    // Damage bad enough can stop the check itself: that is a finding too.
    try {
        Statement integrity(m_db.get(), "PRAGMA integrity_check");
        while (integrity.step()) {
            if (integrity.text(0) != "ok") problems.push_back(integrity.text(0));
        }
        Statement keys(m_db.get(), "PRAGMA foreign_key_check");
        while (keys.step()) {
            problems.push_back("row " + keys.text(1) + " of " + keys.text(0) + " refers to a missing row of " + keys.text(2));
        }
    } catch (const Error& e) {
        problems.emplace_back(e.what());
    }
    return problems;
}

}  // namespace rsvp::store
