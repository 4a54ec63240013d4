// Invitees, events and their summaries on a real store and real message bytes.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "rsvp/app/import.hpp"
#include "rsvp/app/invitees.hpp"
#include "rsvp/error.hpp"

#include "../temp_dir.hpp"

using namespace rsvp;
using core::Kind;

namespace {

namespace fs = std::filesystem;

using rsvp::test::TempDir;

fs::path write(const fs::path& file, const std::string& bytes) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
    return file;
}

std::string mail(const std::string& from, const std::string& id, const std::string& date, const std::string& extra,
                 const std::string& body) {
    return "From: " + from + "\r\nTo: rsvp@x.fr\r\nSubject: Re: Invitation\r\nDate: " + date + "\r\nMessage-ID: " + id + "\r\n" +
           extra + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n";
}

}  // namespace

TEST_CASE("app::event_summary: capacity, invitees, pending, away, per event") {
    TempDir dir;
    auto store = store::Store::open(dir.path / "rsvp.db");
    write(dir.path / "list.csv", "Prénom;Nom;Courriel\r\nAnne;Martin;anne@x.fr\r\nBob;Durand;bob@x.fr\r\nCléa;Roy;clea@y.fr\r\n");
    const auto imported = app::import_invitees(store, dir.path / "list.csv");
    CHECK(imported.added == 3);
    const auto m = dir.path / "mail";
    write(m / "1.eml", mail("Anne Martin <anne@x.fr>", "<1@x>", "Mon, 7 Nov 2016 10:00:00 +0100", "In-Reply-To: <inv1@x>\r\n",
                            "Nous serons trois."));
    write(m / "2.eml", mail("Clea Roy <clea@y.fr>", "<2@y>", "Tue, 8 Nov 2016 10:00:00 +0100", "Auto-Submitted: auto-replied\r\n",
                            "Je suis absente, de retour le 21 novembre."));
    write(m / "3.eml", mail("Anne Martin <anne@x.fr>", "<3@x>", "Mon, 6 Feb 2017 10:00:00 +0100", "References: <inv2@x>\r\n",
                            "Je ne pourrai pas venir."));
    app::import_paths(store, {m});

    // Nothing configured: one implicit event, every message.
    auto s = app::event_summary(store);
    CHECK(s.name.empty());
    CHECK(s.messages == 3);
    CHECK(s.headcount.declined == 1);  // Anne's latest decision
    CHECK_FALSE(s.capacity);
    CHECK_FALSE(s.remaining);
    CHECK(s.away == 0);  // no date
    CHECK_THROWS_AS(app::event_summary(store, "nope"), Error);

    app::set_event(store, {"nov", std::string("2016-11-16"), std::string("Marseille"), 2, std::string("<inv1@x>"), std::nullopt});
    app::set_event(store, {"feb", std::string("2017-02-15"), std::nullopt, std::nullopt, std::string("inv2@x"), std::nullopt});
    s = app::event_summary(store, "nov");
    CHECK(s.messages == 2);
    CHECK(s.headcount.attending == 3);
    CHECK(s.capacity == 2);
    CHECK(s.remaining == -1);
    CHECK(s.over_capacity);
    CHECK(s.invitees == 3);
    CHECK(s.pending == 2);  // Bob, Cléa
    CHECK(s.away == 1);     // Cléa, back on 21 November
    const auto feb = app::respondents_for_event(store, "feb");
    REQUIRE(feb.size() == 1);
    CHECK(feb[0].status == Kind::declined);
    CHECK(app::event_summary(store).name == "feb");  // the latest by date
    CHECK_THROWS_AS(app::set_event(store, {"bad", std::string("2016-13-01"), {}, {}, {}, {}}), Error);

    std::ostringstream csv;
    app::write_pending(csv, app::event_view(store, "nov"), false, app::ListFormat::csv);
    CHECK(csv.str() ==
          "address,name,organisation,status,unreachable,away_on_the_day,away_until\r\n"
          "bob@x.fr,Bob Durand,,,,,\r\n"
          "clea@y.fr,Cléa Roy,,,,yes,2016-11-20\r\n");
}

TEST_CASE("app::link_sender and unlink_sender check what they are given") {
    TempDir dir;
    auto store = store::Store::open(dir.path / "rsvp.db");
    write(dir.path / "list.csv", "email,name\nanne@x.fr,Anne Martin\n");
    app::import_invitees(store, dir.path / "list.csv");
    CHECK_THROWS_AS(app::link_sender(store, "sec@x.fr", "nobody@x.fr", ""), Error);
    CHECK_THROWS_AS(app::link_sender(store, "not an address", "anne@x.fr", ""), Error);
    app::link_sender(store, "Sec@X.fr", "ANNE@x.fr", "her assistant");
    REQUIRE(store.links().size() == 1);
    CHECK(store.links()[0].invitee == "anne@x.fr");
    app::unlink_sender(store, "sec@x.fr", "");
    CHECK(store.links().empty());
    CHECK_THROWS_AS(app::unlink_sender(store, "sec@x.fr", ""), Error);
    CHECK_THROWS_AS(app::import_invitees(store, dir.path / "missing.csv"), Error);
}
