// Schema 4: invitees, links and events.
#include <catch2/catch.hpp>
#include <filesystem>
#include <random>

#include "rsvp/store/store.hpp"

using namespace rsvp::store;

namespace {

struct TempDb {
    std::filesystem::path dir;
    TempDb() {
        std::random_device rd;
        dir = std::filesystem::temp_directory_path() / ("rsvp-test-" + std::to_string(rd()));
        std::filesystem::create_directories(dir);
    }
    ~TempDb() { std::filesystem::remove_all(dir); }
    [[nodiscard]] std::filesystem::path path() const { return dir / "rsvp.db"; }
};

}  // namespace

TEST_CASE("store::Store keeps one invitee per address and updates it") {
    TempDb db;
    auto store = Store::open(db.path());
    CHECK(store.upsert_invitee({"Anne@X.fr", "Anne", "X", "{}"}) == Upserted::added);
    CHECK(store.upsert_invitee({"anne@x.fr", "Anne", "X", "{}"}) == Upserted::unchanged);
    CHECK(store.upsert_invitee({"ANNE@x.fr", "Anne Martin", "X", "{\"Tel\":\"1\"}"}) == Upserted::updated);
    CHECK(store.upsert_invitee({"bob@y.fr", "Bob", "", "{}"}) == Upserted::added);
    const auto all = store.invitees();
    REQUIRE(all.size() == 2);
    CHECK(all[0] == InviteeRecord{"anne@x.fr", "Anne Martin", "X", "{\"Tel\":\"1\"}"});
    CHECK(all[1].address == "bob@y.fr");
}

TEST_CASE("store::Store keeps every link; the latest per sender is in force") {
    TempDb db;
    auto store = Store::open(db.path());
    store.record_link("Sec@X.fr", std::string("anne@x.fr"), "");
    store.record_link("other@y.fr", std::string("bob@y.fr"), "");
    store.record_link("sec@x.fr", std::string("Carl@x.fr"), "wrong one");
    auto links = store.links();
    REQUIRE(links.size() == 2);
    CHECK(links[0].sender == "other@y.fr");
    CHECK(links[1].sender == "sec@x.fr");
    CHECK(links[1].invitee == "carl@x.fr");
    store.record_link("sec@x.fr", std::nullopt, "unlink");
    links = store.links();
    REQUIRE(links.size() == 1);
    CHECK(links[0].sender == "other@y.fr");
}

TEST_CASE("store::Store saves, replaces and removes events by name") {
    TempDb db;
    auto store = Store::open(db.path());
    rsvp::core::Event e{"club", rsvp::core::CivilDate{2016, 11, 16}, "Marseille", 60, "<inv@x>", ""};
    CHECK(store.save_event(e));
    e.capacity = 80;
    CHECK_FALSE(store.save_event(e));
    CHECK(store.save_event({"next", std::nullopt, "", std::nullopt, "", "atelier"}));
    const auto events = store.events();
    REQUIRE(events.size() == 2);
    CHECK(events[0] == rsvp::core::Event{"club", rsvp::core::CivilDate{2016, 11, 16}, "Marseille", 80, "<inv@x>", ""});
    CHECK_FALSE(events[1].date);
    CHECK_FALSE(events[1].capacity);
    CHECK(store.remove_event("next"));
    CHECK_FALSE(store.remove_event("next"));
    CHECK(store.events().size() == 1);
}

TEST_CASE("store::Store::message_facts gives threading fields and texts") {
    TempDb db;
    auto store = Store::open(db.path());
    MessageRecord m;
    m.raw = "raw";
    m.content_hash = "h";
    m.message_id = "<r@x>";
    m.from_address = "A@X.fr";
    m.subject = "Re: invitation";
    m.reply_text = "Oui";
    m.date = rsvp::core::Timestamp{1479000000, 60};
    m.classification.kind = rsvp::core::Kind::bounce;
    m.classification.bounced_recipient = "b@y.fr";
    m.classification.evidence.words = "Action: failed";
    m.headers = {{"IN-REPLY-TO", "<inv@x>"}, {"References", "<a@x> <inv@x>"}};
    Source s;
    s.path = "/tmp/r.eml";
    s.arrived_utc = 1479000100;
    store.add(m, s);
    const auto facts = store.message_facts();
    REQUIRE(facts.size() == 1);
    const auto& f = facts[0];
    CHECK(f.reply.address == "a@x.fr");
    CHECK(f.reply.reference == "<r@x>");
    CHECK(f.reply.arrival_utc == 1479000100);
    CHECK(f.in_reply_to == "<inv@x>");
    CHECK(f.references == "<a@x> <inv@x>");
    CHECK(f.date_offset == 60);
    CHECK(f.reply_text == "Oui");
    CHECK(f.bounced_recipient == "b@y.fr");
    CHECK(f.evidence_words == "Action: failed");
}
