#include <sqlite3.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <random>

#include "rsvp/error.hpp"
#include "rsvp/store/store.hpp"

#include "../temp_dir.hpp"
#include "records.hpp"

using namespace rsvp::store;

namespace {

using rsvp::test::TempDir;

using rsvp::test::record;

Source imap_source(std::uint32_t uid) {
    Source s;
    s.mailbox = "INBOX";
    s.uidvalidity = 7;
    s.uid = uid;
    s.arrived_utc = 1000 + uid;
    return s;
}

}  // namespace

TEST_CASE("store::Store creates a private file and records messages") {
    TempDir dir;
    const auto db = dir.path / "sub" / "rsvp.db";
    auto store = Store::open(db);
    struct stat st {};
    REQUIRE(::stat(db.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);

    Added added{};
    store.in_transaction([&] { added = store.add(record("<a@x>", "Anne@X.fr", rsvp::core::Kind::confirmed), imap_source(1)); });
    CHECK(added == Added::new_message);
    const auto messages = store.messages();
    REQUIRE(messages.size() == 1);
    CHECK(messages[0].record.from_address == "anne@x.fr");
    CHECK(messages[0].source == "INBOX;UIDVALIDITY=7;UID=1");
    CHECK(messages[0].arrived_utc == 1001);
}

TEST_CASE("store::Store stores a Message-ID seen twice once, and a source once") {
    TempDir dir;
    auto store = Store::open(dir.path / "rsvp.db");
    store.in_transaction([&] {
        CHECK(store.add(record("<a@x>", "a@x.fr", rsvp::core::Kind::confirmed, "copy 1"), imap_source(1)) == Added::new_message);
        CHECK(store.add(record("<a@x>", "a@x.fr", rsvp::core::Kind::confirmed, "copy 2"), imap_source(2)) == Added::known_message);
        CHECK(store.add(record("<a@x>", "a@x.fr", rsvp::core::Kind::confirmed, "copy 2"), imap_source(2)) == Added::known_source);
        // Without a Message-ID, identical bytes are the same message.
        CHECK(store.add(record("", "b@x.fr", rsvp::core::Kind::other, "same"), imap_source(3)) == Added::new_message);
        CHECK(store.add(record("", "b@x.fr", rsvp::core::Kind::other, "same"), imap_source(4)) == Added::known_message);
    });
    CHECK(store.message_count() == 2);
    CHECK(store.source_count() == 4);
    CHECK(store.has_source("INBOX", 7, 2));
    CHECK_FALSE(store.has_source("INBOX", 8, 2));
}

TEST_CASE("store::Store rolls a failed transaction back") {
    TempDir dir;
    auto store = Store::open(dir.path / "rsvp.db");
    CHECK_THROWS_AS(store.in_transaction([&] {
        store.add(record("<a@x>", "a@x.fr", rsvp::core::Kind::confirmed), imap_source(1));
        store.set_mailbox_state("INBOX", {7, 1});
        throw std::runtime_error("interrupted");
    }), std::runtime_error);
    CHECK(store.message_count() == 0);
    CHECK_FALSE(store.mailbox_state("INBOX").has_value());
}

TEST_CASE("store::Store keeps mailbox state across openings") {
    TempDir dir;
    {
        auto store = Store::open(dir.path / "rsvp.db");
        store.in_transaction([&] { store.set_mailbox_state("INBOX", {7, 42}); });
    }
    auto store = Store::open(dir.path / "rsvp.db");
    const auto state = store.mailbox_state("INBOX");
    REQUIRE(state);
    CHECK(state->uidvalidity == 7);
    CHECK(state->last_uid == 42);
}

TEST_CASE("store::Store refuses a database from a newer rsvp") {
    TempDir dir;
    const auto db = dir.path / "rsvp.db";
    { auto store = Store::open(db); }
    {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
        REQUIRE(sqlite3_exec(raw, "PRAGMA user_version = 99", nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(raw);
    }
    try {
        (void)Store::open(db);
        FAIL("opened a newer database");
    } catch (const rsvp::Error& e) {
        CHECK(e.kind() == rsvp::ErrorKind::database);
        CHECK(std::string(e.what()).find("newer rsvp") != std::string::npos);
    }
}
