// The store as the record of the event, on real SQLite files: migrations,
// headers, corrections, history, backups, concurrent readers and writers.
#include <sqlite3.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <future>
#include <random>
#include <thread>

#include "rsvp/error.hpp"
#include "rsvp/store/store.hpp"

#include "../temp_dir.hpp"
#include "records.hpp"

using namespace rsvp::store;
using rsvp::core::Kind;

namespace {

using rsvp::test::TempDir;

// Schema 1 exactly as rsvp 0.1 created it. A literal copy: if migration 1 in
// src/store/store.cpp is ever edited, databases made by 0.1 no longer match
// what this rsvp thinks schema 1 is, and this test still checks the truth.
constexpr const char* k_schema_1 = R"sql(
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
PRAGMA user_version = 1;

INSERT INTO messages VALUES (1, '<yes@x>', 'h1', X'52617721', 'anne@x.fr', 'Anne', 'Re: invitation', 'Tue, 18 Oct 2016 10:02:55 +0200',
    1476777775, 120, 'Je serai présente.', '', 'confirmed', 1, NULL, NULL, 0.9, 'confirm:presence', 'reply', 'serai présente',
    3, 17, '1', 1476777800);
INSERT INTO sources VALUES (1, 1, 'INBOX', 7, 42, NULL, 1476777776);
INSERT INTO mailboxes VALUES ('INBOX', 7, 42);
)sql";

// Runs SQL on a file with a bare connection, as another program would.
void run_sql(const std::filesystem::path& db, const char* sql) {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
    char* message = nullptr;
    const int rc = sqlite3_exec(raw, sql, nullptr, nullptr, &message);
    const std::string error = message ? message : "";
    sqlite3_free(message);
    sqlite3_close(raw);
    INFO(error);
    REQUIRE(rc == SQLITE_OK);
}

std::int64_t user_version(const std::filesystem::path& db) {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(raw, "PRAGMA user_version", -1, &stmt, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    const std::int64_t version = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(raw);
    return version;
}

unsigned mode_of(const std::filesystem::path& file) {
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

using rsvp::test::record;

Source file_source(const std::string& path, std::int64_t arrived) {
    Source s;
    s.path = path;
    s.arrived_utc = arrived;
    return s;
}

}  // namespace

TEST_CASE("store::Store upgrades a schema 1 database with its data intact") {
    TempDir dir;
    const auto db = dir.path / "rsvp.db";
    run_sql(db, k_schema_1);
    REQUIRE(user_version(db) == 1);
    {
        auto store = Store::open(db);
        const auto messages = store.messages();
        REQUIRE(messages.size() == 1);
        const auto& m = messages[0];
        CHECK(m.record.message_id == "<yes@x>");
        CHECK(m.record.from_address == "anne@x.fr");
        CHECK(m.record.reply_text == "Je serai présente.");
        CHECK(m.record.classification.kind == Kind::confirmed);
        CHECK(m.record.classification.evidence.words == "serai présente");
        CHECK(m.classifier_version == "1");
        CHECK(m.source == "INBOX;UIDVALIDITY=7;UID=42");
        CHECK(m.arrived_utc == 1476777776);
        const auto full = store.message(m.id);
        REQUIRE(full);
        CHECK(full->record.raw == "Raw!");
        CHECK(full->record.headers.empty());  // schema 1 kept none; reclassify fills them
        const auto state = store.mailbox_state("INBOX");
        REQUIRE(state);
        CHECK(state->last_uid == 42);
        CHECK(store.has_source("INBOX", 7, 42));
        // The new tables work on the upgraded file.
        store.in_transaction([&] { store.record_correction({0, "anne@x.fr", Kind::declined, 0, std::nullopt, "", 5}); });
        CHECK(store.corrections().size() == 1);
        CHECK(store.check().empty());
    }
    CHECK(user_version(db) == 4);
    // Opening again changes nothing.
    { auto store = Store::open(db); CHECK(store.message_count() == 1); }
    CHECK(user_version(db) == 4);
}

TEST_CASE("store::Store keeps the database and its WAL files private, whatever the umask") {
    TempDir dir;
    const auto db = dir.path / "rsvp.db";
    const mode_t old = ::umask(0);
    auto store = Store::open(db);
    store.in_transaction([&] { store.add(record("<a@x>", "a@x.fr", Kind::confirmed, "a"), file_source("a.eml", 1)); });
    const auto reader = Store::open(db);  // a second connection keeps the WAL files in place
    CHECK(reader.message_count() == 1);
    ::umask(old);
    CHECK(mode_of(db) == 0600);
    CHECK(mode_of(dir.path / "rsvp.db-wal") == 0600);
    CHECK(mode_of(dir.path / "rsvp.db-shm") == 0600);
    store.backup(dir.path / "copy.db");
    CHECK(mode_of(dir.path / "copy.db") == 0600);
}

TEST_CASE("store::Store keeps the decoded headers and rewrites what is derived") {
    TempDir dir;
    auto store = Store::open(dir.path / "rsvp.db");
    auto m = record("<a@x>", "A@x.fr", Kind::declined, "raw bytes");
    m.headers = {{"From", "Anne <A@x.fr>"}, {"Subject", "Re: invitation à l'événement"}, {"Received", "one"}, {"Received", "two"}};
    store.in_transaction([&] { store.add(m, file_source("a.eml", 10)); });
    const auto id = store.message_ids().at(0);
    auto stored = store.message(id);
    REQUIRE(stored);
    CHECK(stored->record.headers == m.headers);
    CHECK(stored->record.raw == "raw bytes");
    CHECK_FALSE(store.message(id + 1).has_value());

    auto fresh = m;
    fresh.classification.kind = Kind::confirmed;
    fresh.classification.party_size = 2;
    fresh.classification.delegate = "Mme Claire Dupont";
    fresh.headers.pop_back();
    store.in_transaction([&] { store.update_derived(id, fresh); });
    stored = store.message(id);
    CHECK(stored->record.classification.kind == Kind::confirmed);
    CHECK(stored->record.classification.delegate == "Mme Claire Dupont");
    CHECK(stored->record.headers.size() == 3);
    CHECK(stored->record.raw == "raw bytes");  // identity never changes
    CHECK(stored->record.message_id == "<a@x>");
}

TEST_CASE("store::Store::replies reads what decides respondents, naming each message") {
    TempDir dir;
    auto store = Store::open(dir.path / "rsvp.db");
    auto dated = record("<a@x>", "Anne@X.fr", Kind::confirmed, "a");
    dated.from_name = "Anne";
    dated.date = rsvp::core::Timestamp{5000, 120};
    store.in_transaction([&] {
        store.add(dated, file_source("a.eml", 6000));
        store.add(dated, file_source("a-copy.eml", 7000));  // a second copy is not a second reply
        store.add(record("", "b@x.fr", Kind::declined, "b"), file_source("b.eml", 8000));
    });
    auto replies = store.replies();
    REQUIRE(replies.size() == 2);
    std::sort(replies.begin(), replies.end(), [](const auto& x, const auto& y) { return x.address < y.address; });
    CHECK(replies[0].address == "anne@x.fr");
    CHECK(replies[0].name == "Anne");
    CHECK(replies[0].date_utc == 5000);
    CHECK(replies[0].arrival_utc == 6000);  // the first copy's arrival
    CHECK(replies[0].reference == "<a@x>");
    CHECK(replies[1].reference == "b.eml");  // no Message-ID: the source
    CHECK_FALSE(replies[1].date_utc.has_value());
}

TEST_CASE("store::Store keeps every correction; the latest per address holds until withdrawn") {
    TempDir dir;
    auto store = Store::open(dir.path / "rsvp.db");
    store.in_transaction([&] {
        store.record_correction({0, "Anne@X.fr", Kind::declined, 0, std::nullopt, "first call", 100});
        store.record_correction({0, "anne@x.fr", Kind::confirmed, 2, "Mme Claire Dupont", "second call", 200});
        store.record_correction({0, "b@x.fr", Kind::tentative, 0, std::nullopt, "", 300});
    });
    auto in_force = store.corrections();
    REQUIRE(in_force.size() == 2);
    CHECK(in_force[0].address == "anne@x.fr");
    CHECK(in_force[0].status == Kind::confirmed);
    CHECK(in_force[0].party_size == 2);
    CHECK(in_force[0].delegate == "Mme Claire Dupont");
    CHECK(in_force[0].note == "second call");
    CHECK(in_force[0].reference == "correction 2");
    const auto anne = store.correction_in_force("ANNE@x.fr");
    REQUIRE(anne);
    CHECK(anne->id == 2);

    store.in_transaction([&] { store.record_correction({0, "anne@x.fr", std::nullopt, 0, std::nullopt, "withdrawn", 400}); });
    in_force = store.corrections();
    REQUIRE(in_force.size() == 1);
    CHECK(in_force[0].address == "b@x.fr");
    CHECK_FALSE(store.correction_in_force("anne@x.fr").has_value());
}

TEST_CASE("store::Store appends history and knows each address's latest status") {
    TempDir dir;
    auto store = Store::open(dir.path / "rsvp.db");
    const Status declined{Kind::declined, 0, std::nullopt, false};
    const Status confirmed{Kind::confirmed, 3, "M. X", true};
    store.in_transaction([&] {
        store.append_history({0, "Anne@x.fr", 100, "import", "<no@x>", "", true, Status{}, declined});
        store.append_history({0, "anne@x.fr", 200, "set", "correction 1", "phoned", false, declined, confirmed});
        store.append_history({0, "b@x.fr", 150, "sync", "<b@x>", "", false, Status{}, declined});
    });
    const auto history = store.history("ANNE@X.FR");
    REQUIRE(history.size() == 2);
    CHECK(history[0].cause == "import");
    CHECK(history[0].by_arrival);
    CHECK(history[0].before == Status{});
    CHECK(history[0].after == declined);
    CHECK(history[1].before == declined);
    CHECK(history[1].after == confirmed);
    CHECK(history[1].note == "phoned");
    CHECK(history[1].at_utc == 200);
    const auto latest = store.recorded_statuses();
    REQUIRE(latest.size() == 2);
    CHECK(latest[0].first == "anne@x.fr");
    CHECK(latest[0].second == confirmed);
    CHECK(latest[1].second == declined);
}

TEST_CASE("store::Store lets a reader query while a writer holds a transaction (WAL)") {
    TempDir dir;
    const auto db = dir.path / "rsvp.db";
    { auto store = Store::open(db); }
    std::promise<void> written, read;
    auto writer = std::async(std::launch::async, [&] {
        auto store = Store::open(db);
        store.in_transaction([&] {
            for (int i = 0; i < 50; ++i) {
                store.add(record("<m" + std::to_string(i) + "@x>", "a@x.fr", Kind::confirmed, "m" + std::to_string(i)),
                          file_source("m" + std::to_string(i) + ".eml", i));
            }
            written.set_value();
            read.get_future().wait();  // hold the write transaction open while the reader reads
        });
    });
    written.get_future().wait();
    {
        const auto reader = Store::open(db);
        // Not "database is locked": the reader sees the last commit.
        CHECK(reader.message_count() == 0);
        CHECK(reader.replies().empty());
        CHECK(reader.messages().empty());
    }
    read.set_value();
    writer.get();
    CHECK(Store::open(db).message_count() == 50);
}

TEST_CASE("store::Store::backup takes consistent copies while another connection writes") {
    TempDir dir;
    const auto db = dir.path / "rsvp.db";
    { auto store = Store::open(db); }
    constexpr int k_messages = 300;
    std::atomic<bool> done{false};
    auto writer = std::async(std::launch::async, [&] {
        auto store = Store::open(db);
        for (int i = 0; i < k_messages; ++i) {
            const std::string n = std::to_string(i);
            store.in_transaction([&] {
                store.add(record("<m" + n + "@x>", "a" + n + "@x.fr", Kind::confirmed, std::string(2000, 'x') + n),
                          file_source("m" + n + ".eml", i));
                store.set_mailbox_state("INBOX", {7, static_cast<std::uint32_t>(i + 1)});
            });
        }
        done = true;
    });
    auto source = Store::open(db);
    std::int64_t previous = 0;
    int backups = 0;
    while (!done || backups < 2) {
        const auto copy = dir.path / ("backup-" + std::to_string(backups++) + ".db");
        source.backup(copy);
        const auto backup = Store::open(copy);
        CHECK(backup.check().empty());
        // A snapshot: the messages and the state that says they are recorded agree.
        const std::int64_t count = backup.message_count();
        const auto state = backup.mailbox_state("INBOX");
        CHECK(count == (state ? std::int64_t{state->last_uid} : 0));
        CHECK(count >= previous);
        previous = count;
    }
    writer.get();  // the writer never saw "database is locked"
    source.backup(dir.path / "final.db");
    CHECK(Store::open(dir.path / "final.db").message_count() == k_messages);
    CHECK(backups >= 2);
}

TEST_CASE("store::Store::backup refuses to overwrite the database itself") {
    TempDir dir;
    const auto db = dir.path / "rsvp.db";
    auto store = Store::open(db);
    CHECK_THROWS_AS(store.backup(db), rsvp::Error);
}

TEST_CASE("store::Store::check finds a damaged database") {
    TempDir dir;
    const auto db = dir.path / "rsvp.db";
    {
        auto store = Store::open(db);
        store.in_transaction([&] {
            for (int i = 0; i < 200; ++i) {
                const std::string n = std::to_string(i);
                store.add(record("<m" + n + "@x>", "a" + n + "@x.fr", Kind::confirmed, std::string(3000, 'y') + n),
                          file_source("m" + n + ".eml", i));
            }
        });
        CHECK(store.check().empty());
    }
    // Scribble over the middle of the file, as a failing disk would.
    {
        std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(static_cast<std::streamoff>(std::filesystem::file_size(db) / 2));
        const std::string junk(8192, '\x5a');
        f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    CHECK_FALSE(Store::open(db).check().empty());
}
