#include <catch2/catch.hpp>

#include "rsvp/core/away.hpp"

using namespace rsvp::core;

namespace {

// The absence's last day, or "none".
std::string last_day(std::string_view text, CivilDate written_on) {
    const auto a = parse_absence(text, written_on);
    return a ? format_day(a->last_day) : "none";
}

constexpr CivilDate k_nov_9{2016, 11, 9};

}  // namespace

TEST_CASE("core::parse_absence reads French notices") {
    CHECK(last_day("Je suis absent, de retour le 21 novembre.", k_nov_9) == "2016-11-20");
    CHECK(last_day("Je suis absent jusqu'au 18 novembre inclus.", k_nov_9) == "2016-11-18");
    CHECK(last_day("Absente jusqu’au vendredi 18 novembre.", k_nov_9) == "2016-11-18");
    CHECK(last_day("Je serai de retour au bureau le lundi 21 novembre 2016", k_nov_9) == "2016-11-20");
    CHECK(last_day("Je suis en congés, je reviendrai le 1er décembre.", k_nov_9) == "2016-11-30");
    CHECK(last_day("Absent jusqu'au 21/11/2016", k_nov_9) == "2016-11-21");
    CHECK(last_day("Retour prévu le 21/11", k_nov_9) == "2016-11-20");
    CHECK(last_day("DE RETOUR LE 21.11.16", k_nov_9) == "2016-11-20");
    const auto range = parse_absence("Je serai absente du 9 au 14 novembre inclus.", k_nov_9);
    REQUIRE(range);
    REQUIRE(range->first_day);
    CHECK(format_day(*range->first_day) == "2016-11-09");
    CHECK(format_day(range->last_day) == "2016-11-14");
    CHECK(range->words == "du 9 au 14 novembre");
    const auto across = parse_absence("absent du 28 octobre au 3 novembre", {2016, 10, 20});
    REQUIRE(across);
    CHECK(format_day(*across->first_day) == "2016-10-28");
    CHECK(format_day(across->last_day) == "2016-11-03");
}

TEST_CASE("core::parse_absence reads English notices") {
    CHECK(last_day("I am out of the office until 24 October.", {2016, 10, 17}) == "2016-10-23");
    CHECK(last_day("I am out of the office until Monday 24 October inclusive.", {2016, 10, 17}) == "2016-10-24");
    CHECK(last_day("I will be back on Monday 21st.", k_nov_9) == "2016-11-20");
    CHECK(last_day("Back on November 21st, 2016", k_nov_9) == "2016-11-20");
    CHECK(last_day("I'm away from 14 to 18 November.", k_nov_9) == "2016-11-18");
    CHECK(last_day("I will return to the office on 21/11/2016.", k_nov_9) == "2016-11-20");
}

TEST_CASE("core::parse_absence infers the month and the year from the notice's date") {
    // "Monday 21st" after 9 November 2016: 21 November is a Monday.
    CHECK(last_day("back on Monday 21st", k_nov_9) == "2016-11-20");
    // A Tuesday 21st: the next one is in February 2017.
    CHECK(last_day("back on Tuesday 21st", k_nov_9) == "2017-02-20");
    // Written in December, "5 janvier" is next year.
    CHECK(last_day("de retour le 5 janvier", {2016, 12, 20}) == "2017-01-04");
    // A stale notice still names this year's day.
    CHECK(last_day("de retour le 31 octobre", k_nov_9) == "2016-10-30");
}

TEST_CASE("core::parse_absence keeps the latest reading of a bilingual notice, and needs a date") {
    const std::string both =
        "Je suis absent jusqu'au mardi 15 novembre inclus.\n\nI am out of the office until Tuesday 15 November.";
    CHECK(last_day(both, k_nov_9) == "2016-11-15");
    CHECK(last_day("Je suis absent. Je vous répondrai à mon retour.", k_nov_9) == "none");
    CHECK(last_day("I will get back to you on your question about 21 November.", k_nov_9) == "none");
    CHECK(last_day("Absente du bureau jusqu'au vendredi 28 octobre inclus, présente à nouveau à partir du lundi 31 octobre.",
                   {2016, 10, 17}) == "2016-10-28");
    CHECK(last_day("", k_nov_9) == "none");
}

TEST_CASE("core::away_on covers the days from the notice (or the first day) to the last day") {
    const CivilDate event{2016, 11, 16};
    auto away = [&](std::string_view text, CivilDate written) {
        const auto a = parse_absence(text, written);
        return a && away_on(*a, written, event);
    };
    CHECK(away("de retour le 21 novembre", k_nov_9));
    CHECK(away("absent jusqu'au 18 novembre inclus", k_nov_9));
    CHECK_FALSE(away("absent jusqu'au 15 novembre inclus", k_nov_9));
    CHECK_FALSE(away("de retour le 16 novembre", k_nov_9));
    CHECK_FALSE(away("je serai absente du 9 au 14 novembre", k_nov_9));
    CHECK_FALSE(away("je serai absente du 17 au 25 novembre", k_nov_9));
    CHECK(away("I am out of the office until 17 November", k_nov_9));
    CHECK_FALSE(away("I am out of the office until 16 November", k_nov_9));
}

TEST_CASE("core::CivilDate helpers") {
    CHECK(format_day(from_days(to_days({2016, 11, 16}))) == "2016-11-16");
    CHECK(parse_day("2016-11-16") == CivilDate{2016, 11, 16});
    CHECK_FALSE(parse_day("2016-02-30"));
    CHECK_FALSE(parse_day("16/11/2016"));
    // 23:30 UTC on 15 November is the 16th in Paris (+01:00).
    const std::int64_t t = to_days({2016, 11, 15}) * 86400 + 23 * 3600 + 30 * 60;
    CHECK(local_day(t, 60) == CivilDate{2016, 11, 16});
    CHECK(local_day(t, 0) == CivilDate{2016, 11, 15});
}
