// Import, respondents, corrections, history and reclassification together,
// on real SQLite files and real message bytes.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>

#include "rsvp/app/import.hpp"
#include "rsvp/app/reclassify.hpp"
#include "rsvp/app/record.hpp"
#include "rsvp/app/report.hpp"
#include "rsvp/error.hpp"

#include "../temp_dir.hpp"

using namespace rsvp;
using core::Kind;

namespace {

namespace fs = std::filesystem;

using rsvp::test::TempDir;

// A reply as a mail client would send it; an empty date leaves Date out.
std::string reply(const std::string& from, const std::string& message_id, const std::string& date, const std::string& body) {
    std::string raw = "From: " + from + "\r\nTo: sgar-club-acheteurs@paca.pref.gouv.fr\r\nSubject: Re: Invitation\r\n";
    if (!date.empty()) raw += "Date: " + date + "\r\n";
    raw += "Message-ID: " + message_id + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n";
    return raw;
}

const std::string k_yes = "Bonjour,\r\nJe serai présent.\r\nCordialement";
const std::string k_no = "Bonjour,\r\nJe ne pourrai pas venir.\r\nCordialement";

fs::path write(const fs::path& file, const std::string& bytes) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
    return file;
}

std::optional<core::Respondent> respondent(const store::Store& store, const std::string& address) {
    for (auto& r : app::respondents(store)) {
        if (r.address == address) return r;
    }
    return std::nullopt;
}

void run_sql(const fs::path& db, const std::string& sql) {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
    const int rc = sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(raw);
    REQUIRE(rc == SQLITE_OK);
}

}  // namespace

TEST_CASE("app::import_paths is idempotent on the corpus, and records each respondent's first status once") {
    TempDir dir;
    auto store = store::Store::open(dir.path / "rsvp.db");
    const fs::path corpus = fs::path(RSVP_TEST_DATA) / "corpus" / "messages";
    const auto first = app::import_paths(store, {corpus});
    CHECK(first.seen == 62);
    CHECK(first.new_messages == 61);
    CHECK(first.duplicates == 1);
    const auto messages = store.message_count();
    const auto respondents = app::respondents(store);
    CHECK(respondents.size() == 48);
    std::size_t history = 0;
    for (const auto& r : respondents) history += store.history(r.address).size();
    CHECK(history == static_cast<std::size_t>(core::headcount(respondents).confirmed + core::headcount(respondents).declined +
                                              core::headcount(respondents).tentative));

    const auto second = app::import_paths(store, {corpus});
    CHECK(second.seen == 62);
    CHECK(second.new_messages == 0);
    CHECK(second.already == 62);
    CHECK(store.message_count() == messages);
    CHECK(store.source_count() == 62);
    std::size_t history_after = 0;
    for (const auto& r : app::respondents(store)) history_after += store.history(r.address).size();
    CHECK(history_after == history);
    CHECK(app::refresh_respondents(store, "sync").empty());
}

TEST_CASE("app: the latest dated decision wins whatever the import order; an undated one is placed by arrival and says so") {
    TempDir dir;
    auto store = store::Store::open(dir.path / "rsvp.db");
    // The later decision is imported first.
    write(dir.path / "in/1.eml", reply("Anne Martin <Anne.Martin@Example.fr>", "<no@x>", "Wed, 19 Oct 2016 09:00:00 +0200", k_no));
    write(dir.path / "in/2.eml", reply("anne.martin@example.fr", "<yes@x>", "Tue, 18 Oct 2016 09:00:00 +0200", k_yes));
    app::import_paths(store, {dir.path / "in"});
    auto anne = respondent(store, "anne.martin@example.fr");
    REQUIRE(anne);
    CHECK(anne->status == Kind::declined);
    CHECK(anne->decided_by == "<no@x>");
    CHECK(anne->replies == 2);
    CHECK_FALSE(anne->decided_by_arrival);

    // A reply without Date, received after both: placed by its Received time.
    std::string undated = "Received: from mx by mx1; Thu, 20 Oct 2016 08:00:00 +0200\r\n" +
                          reply("anne.martin@example.fr", "<undated@x>", "", k_yes);
    write(dir.path / "later/3.eml", undated);
    const auto counts = app::import_paths(store, {dir.path / "later" / "3.eml"});
    CHECK(counts.new_messages == 1);
    anne = respondent(store, "anne.martin@example.fr");
    CHECK(anne->status == Kind::confirmed);
    CHECK(anne->decided_by_arrival);
    const auto history = store.history("anne.martin@example.fr");
    REQUIRE(history.size() == 2);
    CHECK(history[0].after.status == Kind::declined);
    CHECK(history[1].before.status == Kind::declined);
    CHECK(history[1].after.status == Kind::confirmed);
    CHECK(history[1].decided_by == "<undated@x>");
    CHECK(history[1].by_arrival);
    CHECK(history[1].cause == "import");
}

TEST_CASE("app: a correction wins, survives later imports and reclassification, and the history says so") {
    TempDir dir;
    auto store = store::Store::open(dir.path / "rsvp.db");
    write(dir.path / "a.eml", reply("b@x.fr", "<b1@x>", "Tue, 18 Oct 2016 09:00:00 +0200", k_no));
    app::import_paths(store, {dir.path / "a.eml"});
    REQUIRE(respondent(store, "b@x.fr")->status == Kind::declined);

    const auto set = app::set_correction(store, {"B@X.fr", Kind::confirmed, 2, "Mme Claire Dupont", "phoned on Monday"});
    REQUIRE(set.size() == 1);
    CHECK(set[0].cause == "set");
    CHECK(set[0].before.status == Kind::declined);
    CHECK(set[0].after == store::Status{Kind::confirmed, 2, "Mme Claire Dupont", true});
    CHECK(set[0].note == "phoned on Monday");

    // A later message says no again: the person's decision still holds.
    write(dir.path / "b.eml", reply("b@x.fr", "<b2@x>", "Fri, 21 Oct 2016 09:00:00 +0200", k_no));
    app::import_paths(store, {dir.path / "b.eml"});
    auto b = respondent(store, "b@x.fr");
    CHECK(b->status == Kind::confirmed);
    CHECK(b->party_size == 2);
    CHECK(b->corrected);
    CHECK(b->decided_by == "correction 1");
    CHECK(core::headcount(app::respondents(store)).attending == 2);

    const auto report = app::reclassify(store, app::DryRun::no);
    CHECK(report.respondent_changes.empty());
    CHECK(respondent(store, "b@x.fr")->corrected);
    CHECK(store.history("b@x.fr").size() == 2);  // import, set: nothing since

    // Withdrawn: the latest message decides again.
    const auto unset = app::unset_correction(store, "b@x.fr", "wrong person");
    REQUIRE(unset.size() == 1);
    CHECK(unset[0].cause == "unset");
    CHECK(unset[0].after == store::Status{Kind::declined, 0, std::nullopt, false});
    CHECK(unset[0].decided_by == "<b2@x>");
    CHECK(unset[0].note == "wrong person");
    CHECK_THROWS_AS(app::unset_correction(store, "b@x.fr", ""), Error);
    CHECK(store.history("b@x.fr").size() == 3);
}

TEST_CASE("app::set_correction refuses what contradicts itself") {
    TempDir dir;
    auto store = store::Store::open(dir.path / "rsvp.db");
    CHECK_THROWS_AS(app::set_correction(store, {"a@x.fr", Kind::declined, 2, std::nullopt, ""}), Error);
    CHECK_THROWS_AS(app::set_correction(store, {"a@x.fr", Kind::tentative, std::nullopt, "M. X", ""}), Error);
    CHECK_THROWS_AS(app::set_correction(store, {"a@x.fr", Kind::confirmed, 0, std::nullopt, ""}), Error);
    CHECK_THROWS_AS(app::set_correction(store, {"a@x.fr", Kind::bounce, std::nullopt, std::nullopt, ""}), Error);
    CHECK_THROWS_AS(app::set_correction(store, {"not an address", Kind::declined, std::nullopt, std::nullopt, ""}), Error);
    CHECK(store.corrections().empty());
    // Someone who never wrote can be set, and then unset.
    CHECK(app::set_correction(store, {"c@x.fr", Kind::confirmed, std::nullopt, std::nullopt, ""}).at(0).after.party_size == 1);
    const auto unset = app::unset_correction(store, "c@x.fr", "");
    REQUIRE(unset.size() == 1);
    CHECK_FALSE(unset[0].after.status.has_value());
    CHECK(app::respondents(store).empty());
}

TEST_CASE("app::reclassify after a rules change reports exactly the messages that change") {
    TempDir dir;
    const fs::path db = dir.path / "rsvp.db";
    auto store = store::Store::open(db);
    app::import_paths(store, {fs::path(RSVP_TEST_DATA) / "corpus" / "messages"});
    const auto before = app::respondents(store);

    // Nothing changed: nothing to report.
    auto report = app::reclassify(store, app::DryRun::no);
    CHECK(report.messages == 61);
    CHECK(report.rewritten == 0);
    CHECK(report.changed.empty());

    // As if an older rule had read dev-010 (a confirmation) as a decline.
    run_sql(db, "UPDATE messages SET kind = 'declined', party_size = 0, classifier_version = '0' "
                "WHERE message_id = '<282092CD0E50337AC9F38E6D70F4D6B2@SRV-EXCH01.DIRECCTE.local>'");
    app::refresh_respondents(store, "sync");
    CHECK(respondent(store, "marc.lemoine@direccte.gouv.fr")->status == Kind::declined);

    report = app::reclassify(store, app::DryRun::yes);
    REQUIRE(report.changed.size() == 1);
    CHECK(report.dry_run);
    CHECK(report.changed[0].reference == "<282092CD0E50337AC9F38E6D70F4D6B2@SRV-EXCH01.DIRECCTE.local>");
    CHECK(report.changed[0].before.kind == Kind::declined);
    CHECK(report.changed[0].after.kind == Kind::confirmed);
    REQUIRE(report.respondent_changes.size() == 1);
    CHECK(report.respondent_changes[0].address == "marc.lemoine@direccte.gouv.fr");
    // A dry run writes nothing.
    CHECK(respondent(store, "marc.lemoine@direccte.gouv.fr")->status == Kind::declined);

    report = app::reclassify(store, app::DryRun::no);
    REQUIRE(report.changed.size() == 1);
    CHECK(report.rewritten == 1);
    CHECK(report.changed[0].after == app::Verdict{Kind::confirmed, report.changed[0].after.party_size, report.changed[0].after.delegate});
    CHECK(respondent(store, "marc.lemoine@direccte.gouv.fr")->status == Kind::confirmed);
    const auto history = store.history("marc.lemoine@direccte.gouv.fr");
    REQUIRE(history.size() == 3);  // import, the simulated sync, reclassify
    CHECK(history[2].cause == "reclassify");
    CHECK(history[2].before.status == Kind::declined);
    CHECK(history[2].after.status == Kind::confirmed);
    for (const auto& m : store.messages()) CHECK(m.classifier_version == core::k_classifier_version);

    // And everything is as it was before the "old rule".
    const auto after = app::respondents(store);
    REQUIRE(after.size() == before.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
        CHECK(after[i].status == before[i].status);
        CHECK(after[i].party_size == before[i].party_size);
    }
    CHECK(app::reclassify(store, app::DryRun::no).changed.empty());
}

TEST_CASE("app::reclassify fills the decoded headers of a message recorded without them") {
    TempDir dir;
    const fs::path db = dir.path / "rsvp.db";
    auto store = store::Store::open(db);
    write(dir.path / "a.eml", reply("a@x.fr", "<a@x>", "Tue, 18 Oct 2016 09:00:00 +0200", k_yes));
    app::import_paths(store, {dir.path / "a.eml"});
    const auto id = store.message_ids().at(0);
    REQUIRE_FALSE(store.message(id)->record.headers.empty());
    run_sql(db, "DELETE FROM headers");  // as schema 1 left them
    const auto report = app::reclassify(store, app::DryRun::no);
    CHECK(report.rewritten == 1);
    CHECK(report.changed.empty());  // nothing that decides changed
    const auto headers = store.message(id)->record.headers;
    REQUIRE_FALSE(headers.empty());
    CHECK(headers[0] == std::pair<std::string, std::string>{"From", "a@x.fr"});
}

TEST_CASE("app::split_mbox splits on From_ lines after an empty line and unquotes >From") {
    const std::string mbox =
        "From anne@x.fr Mon Oct 17 14:37:00 2016\n"
        "From: anne@x.fr\nSubject: one\n\nbody one\n>From the start\n>>From quoted twice\nFrom inside a paragraph stays\n\n"
        "From b@x.fr Tue Oct 18 08:00:00 2016\n"
        "From: b@x.fr\nSubject: two\n\nbody two\n\n";
    const auto messages = app::split_mbox(mbox);
    REQUIRE(messages.size() == 2);
    CHECK(messages[0].from_line == "anne@x.fr Mon Oct 17 14:37:00 2016");
    CHECK(messages[0].raw == "From: anne@x.fr\nSubject: one\n\nbody one\nFrom the start\n>From quoted twice\nFrom inside a paragraph stays\n");
    CHECK(messages[1].raw == "From: b@x.fr\nSubject: two\n\nbody two\n");
    CHECK(app::split_mbox("").empty());
    const auto crlf = app::split_mbox("From a Mon Oct 17 14:37:00 2016\r\nSubject: x\r\n\r\nbody\r\n\r\nFrom b Mon Oct 17 14:38:00 2016\r\nSubject: y\r\n\r\nz\r\n");
    REQUIRE(crlf.size() == 2);
    CHECK(crlf[0].raw == "Subject: x\r\n\r\nbody\r\n");
    CHECK(crlf[1].raw == "Subject: y\r\n\r\nz\r\n");
}

TEST_CASE("app::import_paths reads mbox files and Maildirs idempotently, through the same pipeline") {
    TempDir dir;
    auto store = store::Store::open(dir.path / "rsvp.db");
    std::string mbox;
    for (int i = 0; i < 3; ++i) {
        mbox += "From someone@x.fr Mon Oct 17 14:3" + std::to_string(i) + ":00 2016\n";
        std::string message = reply("m" + std::to_string(i) + "@x.fr", "<mbox" + std::to_string(i) + "@x>", "", k_yes);
        message.erase(std::remove(message.begin(), message.end(), '\r'), message.end());
        mbox += message + "\n";
    }
    write(dir.path / "replies", mbox);  // any name: recognised by its first line
    write(dir.path / "Maildir/cur/1476714420.M1P2.host:2,S", reply("d1@x.fr", "<d1@x>", "Tue, 18 Oct 2016 09:00:00 +0200", k_yes));
    write(dir.path / "Maildir/new/1476714421.M1P3.host", reply("d2@x.fr", "<d2@x>", "Tue, 18 Oct 2016 10:00:00 +0200", k_no));
    write(dir.path / "Maildir/tmp/1476714422.M1P4.host", reply("d3@x.fr", "<d3@x>", "", k_no));  // being delivered
    fs::create_directories(dir.path / "Maildir/.Archives/cur");
    fs::create_directories(dir.path / "Maildir/.Archives/new");
    write(dir.path / "Maildir/.Archives/cur/1476714423.M1P5.host:2,", reply("d4@x.fr", "<d4@x>", "", k_yes));

    auto counts = app::import_paths(store, {dir.path / "replies", dir.path / "Maildir"});
    CHECK(counts.new_messages == 6);
    CHECK(store.message_count() == 6);
    const auto m0 = respondent(store, "m0@x.fr");
    REQUIRE(m0);
    CHECK(m0->status == Kind::confirmed);
    CHECK(m0->decided_by_arrival);
    CHECK(m0->decided_at == 1476714600);  // its From_ line: Mon Oct 17 14:30:00 2016, UTC
    CHECK(respondent(store, "d2@x.fr")->status == Kind::declined);
    CHECK_FALSE(respondent(store, "d3@x.fr").has_value());

    // A mail client reads the new message: it moves to cur/ and gains flags.
    fs::rename(dir.path / "Maildir/new/1476714421.M1P3.host", dir.path / "Maildir/cur/1476714421.M1P3.host:2,S");
    counts = app::import_paths(store, {dir.path / "replies", dir.path / "Maildir"});
    CHECK(counts.new_messages == 0);
    CHECK(counts.duplicates == 0);
    CHECK(counts.already == 6);
    CHECK(store.source_count() == 6);
}
