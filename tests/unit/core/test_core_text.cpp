#include <catch2/catch.hpp>

#include "rsvp/core/phrases.hpp"
#include "rsvp/core/text.hpp"
#include "rsvp/core/time.hpp"

using namespace rsvp::core;

TEST_CASE("core::fold removes case and accents and maps typographic marks") {
    CHECK(fold("Présente") == "presente");
    CHECK(fold("PRÉSENT À L’ÉVÉNEMENT") == "present a l'evenement");
    CHECK(fold("Œuvre\xC2\xA0ç") == "oeuvre c");
    CHECK(fold("bad \xFF byte") == "bad \xFF byte");  // invalid UTF-8 is kept, not dropped
}

TEST_CASE("core::fold reports where each folded byte came from") {
    std::vector<std::size_t> origin;
    const std::string folded = fold("é1", &origin);
    REQUIRE(folded == "e1");
    CHECK(origin == std::vector<std::size_t>{0, 2});
}

TEST_CASE("core::split_lines handles CRLF and a missing final newline") {
    CHECK(split_lines("a\r\nb\nc") == std::vector<std::string_view>{"a", "b", "c"});
    CHECK(split_lines("a\n\nb\n") == std::vector<std::string_view>{"a", "", "b"});
}

TEST_CASE("core::tokenize splits apostrophes and hyphens and marks sentence ends") {
    const auto tokens = tokenize("Je ne manquerai pas d'être présent. Moi-même? M. Dupont");
    std::vector<std::string> words;
    for (const auto& t : tokens) words.push_back(t.word);
    CHECK(words == std::vector<std::string>{"je", "ne", "manquerai", "pas", "d", "etre", "present", ".", "moi", "meme", "?", "m", "dupont"});
    // Spans point into the original text, accents included.
    const std::string text = "Présent !";
    const auto t = tokenize(text);
    CHECK(text.substr(t[0].begin, t[0].end - t[0].begin) == "Présent");
}

TEST_CASE("core::Phrase matches words, alternatives, prefixes, optional words and gaps") {
    const auto tokens = tokenize("je serai bien présente le 16");
    CHECK(Phrase("je serai present~").match_at(tokens, 0) == std::nullopt);
    CHECK(Phrase("je serai ?bien present~").match_at(tokens, 0) == 4u);
    CHECK(Phrase("je serai|serons * present~").match_at(tokens, 0) == 4u);
    CHECK(Phrase("serai le|present~").match_at(tokens, 1) == std::nullopt);
    // A gap never crosses a sentence end.
    CHECK(Phrase("je * present").match_at(tokenize("je viens. present"), 0) == std::nullopt);
}

TEST_CASE("core::number_word reads digits and number words in French and English") {
    CHECK(number_word("trois") == 3);
    CHECK(number_word("two") == 2);
    CHECK(number_word("12") == 12);
    CHECK(number_word("douze") == 12);
    CHECK(number_word("10h30") == std::nullopt);
}

TEST_CASE("core::to_iso8601 writes the sender's own offset") {
    CHECK(to_iso8601({1476777775, 120}) == "2016-10-18T10:02:55+02:00");
    CHECK(to_iso8601({0, -300}) == "1969-12-31T19:00:00-05:00");
    const auto back = from_iso8601("2016-10-18T10:02:55+02:00");
    REQUIRE(back);
    CHECK(back->utc_seconds == 1476777775);
    CHECK(back->offset_minutes == 120);
    CHECK(from_iso8601("2016-13-01") == std::nullopt);
}
