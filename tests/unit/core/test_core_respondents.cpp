#include <catch2/catch.hpp>

#include "rsvp/core/respondents.hpp"

using namespace rsvp::core;

TEST_CASE("core::respondents lets the latest dated decision win, whatever the arrival order") {
    const std::vector<Reply> replies = {
        {"Anne@Example.fr", "Anne", 2000, 10, Kind::declined, 0, std::nullopt, "m2"},
        {"anne@example.fr", "Anne", 1000, 20, Kind::confirmed, 1, std::nullopt, "m1"},
    };
    const auto r = respondents(replies);
    REQUIRE(r.size() == 1);
    CHECK(r[0].address == "anne@example.fr");
    CHECK(r[0].status == Kind::declined);
    CHECK(r[0].decided_by == "m2");
    CHECK(r[0].replies == 2);
}

TEST_CASE("core::respondents ignores auto-replies, bounces and other messages") {
    const std::vector<Reply> replies = {
        {"a@x.fr", "", 1000, 1, Kind::confirmed, 2, std::nullopt, "yes"},
        {"a@x.fr", "", 3000, 3, Kind::auto_reply, 0, std::nullopt, "ooo"},
        {"a@x.fr", "", 4000, 4, Kind::other, 0, std::nullopt, "question"},
        {"robot@x.fr", "", 5000, 5, Kind::bounce, 0, std::nullopt, "bounce"},
    };
    const auto r = respondents(replies);
    REQUIRE(r.size() == 2);
    CHECK(r[0].status == Kind::confirmed);
    CHECK(r[0].party_size == 2);
    CHECK_FALSE(r[1].status.has_value());
    const auto h = headcount(r);
    CHECK(h.attending == 2);
    CHECK(h.confirmed == 1);
    CHECK(h.undecided == 1);
}

TEST_CASE("core::respondents places a message without a Date by its arrival") {
    const std::vector<Reply> replies = {
        {"a@x.fr", "", std::nullopt, 5000, Kind::tentative, 0, std::nullopt, "undated"},
        {"a@x.fr", "", 4000, 4100, Kind::confirmed, 1, std::nullopt, "dated"},
    };
    const auto r = respondents(replies);
    CHECK(r[0].status == Kind::tentative);
    CHECK(r[0].decided_by_arrival);
}

TEST_CASE("core::headcount sums party sizes of confirmed respondents and counts delegates") {
    std::vector<Respondent> r(3);
    r[0].status = Kind::confirmed; r[0].party_size = 3;
    r[1].status = Kind::confirmed; r[1].party_size = 1; r[1].delegate = "Mme X";
    r[2].status = Kind::declined;
    const auto h = headcount(r);
    CHECK(h.attending == 4);
    CHECK(h.confirmed == 2);
    CHECK(h.declined == 1);
    CHECK(h.delegates == 1);
}

TEST_CASE("core::respondents lets a correction win over every message, even later ones") {
    const std::vector<Reply> replies = {
        {"a@x.fr", "Anne", 1000, 1000, Kind::confirmed, 2, std::nullopt, "yes"},
        {"a@x.fr", "Anne", 9000, 9000, Kind::declined, 0, std::nullopt, "no, later"},
        {"b@x.fr", "", 1000, 1000, Kind::declined, 0, std::nullopt, "b-no"},
    };
    const std::vector<Correction> corrections = {
        {"A@X.fr", Kind::confirmed, 3, "Mme Claire Dupont", "phoned on Monday", "correction 1", 5000},
    };
    const auto r = respondents(replies, corrections);
    REQUIRE(r.size() == 2);
    CHECK(r[0].address == "a@x.fr");
    CHECK(r[0].status == Kind::confirmed);
    CHECK(r[0].party_size == 3);
    CHECK(r[0].delegate == "Mme Claire Dupont");
    CHECK(r[0].corrected);
    CHECK(r[0].decided_by == "correction 1");
    CHECK(r[0].note == "phoned on Monday");
    CHECK(r[0].replies == 2);
    CHECK(r[0].name == "Anne");
    CHECK_FALSE(r[1].corrected);
    CHECK(r[1].status == Kind::declined);
    const auto h = headcount(r);
    CHECK(h.attending == 3);
    CHECK(h.corrected == 1);
}

TEST_CASE("core::respondents takes a correction for someone who never wrote, and the latest of two") {
    const std::vector<Correction> corrections = {
        {"c@x.fr", Kind::declined, 0, std::nullopt, "", "correction 2", 2000},
        {"c@x.fr", Kind::tentative, 5, std::nullopt, "", "correction 1", 1000},
    };
    const auto r = respondents({}, corrections);
    REQUIRE(r.size() == 1);
    CHECK(r[0].status == Kind::declined);
    CHECK(r[0].party_size == 0);
    CHECK(r[0].replies == 0);
    CHECK(r[0].decided_by == "correction 2");
}
