// Hostile and broken input: decode() must return, quickly, with valid UTF-8.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>

#include "mime_test_support.hpp"
#include "rsvp/mime/charset.hpp"
#include "rsvp/mime/decode.hpp"

using rsvp::mime::decode;
using rsvp::mime::DecodeLimits;
using rsvp::mime::is_valid_utf8;
using rsvp::mime::test::contains;
using rsvp::mime::test::crlf;

namespace {

using Clock = std::chrono::steady_clock;

// Generous: the point is "not quadratic", not a benchmark.
constexpr auto kBudget = std::chrono::seconds(5);

bool all_utf8(const rsvp::core::DecodedMessage& m) {
    bool ok = is_valid_utf8(m.body_text) && is_valid_utf8(m.subject) && is_valid_utf8(m.from.name) &&
              is_valid_utf8(m.from.address) && is_valid_utf8(m.date_text);
    for (const auto& [name, value] : m.headers) ok = ok && is_valid_utf8(name) && is_valid_utf8(value);
    for (const auto& a : m.attachments) ok = ok && is_valid_utf8(a.filename) && is_valid_utf8(a.content_type);
    for (const auto& p : m.problems) ok = ok && is_valid_utf8(p);
    return ok;
}

bool has_problem(const rsvp::core::DecodedMessage& m, std::string_view words) {
    for (const auto& p : m.problems) {
        if (contains(p, words)) return true;
    }
    return false;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("mime::decode bounds 100,000 nested multiparts") {
    constexpr int levels = 100000;
    std::string raw = "From: a@b.fr\r\nSubject: deep\r\n";
    for (int i = 0; i < levels; ++i) {
        raw += "Content-Type: multipart/mixed; boundary=\"b" + std::to_string(i) + "\"\r\n\r\n--b" + std::to_string(i) + "\r\n";
    }
    raw += "Content-Type: text/plain\r\n\r\ndeep text\r\n";
    const std::string open_only = raw;
    for (int i = levels - 1; i >= 0; --i) raw += "--b" + std::to_string(i) + "--\r\n";

    for (const std::string* input : {&std::as_const(raw), &open_only}) {
        const auto start = Clock::now();
        const auto m = decode(*input);
        CHECK(Clock::now() - start < kBudget);
        CHECK(m.subject == "deep");
        CHECK(has_problem(m, "nesting deeper than 64"));
        CHECK(all_utf8(m));
    }
}

TEST_CASE("mime::decode bounds deeply nested message/rfc822 parts") {
    std::string raw = "From: a@b.fr\r\n";
    for (int i = 0; i < 100000; ++i) raw += "Content-Type: message/rfc822\r\n\r\n";
    raw += "Content-Type: text/plain\r\n\r\ntext\r\n";
    const auto start = Clock::now();
    const auto m = decode(raw);
    CHECK(Clock::now() - start < kBudget);
    CHECK(has_problem(m, "nesting"));
    CHECK(m.body_text.empty());
}

TEST_CASE("mime::decode respects a smaller max_depth") {
    const std::string raw = crlf(R"(From: a@b.fr
Content-Type: multipart/mixed; boundary=a

--a
Content-Type: multipart/alternative; boundary=b

--b
Content-Type: text/plain

inner
--b--
--a
Content-Type: text/plain

second
--a--
)");
    DecodeLimits limits;
    CHECK(decode(raw, limits).body_text == "inner");
    limits.max_depth = 1;
    const auto m = decode(raw, limits);
    CHECK(m.body_text == "second");
    CHECK(has_problem(m, "nesting"));
}

TEST_CASE("mime::decode bounds a 5 MB header line") {
    const std::string huge(5u << 20, 'x');
    const std::string raw = "From: a@b.fr\r\nSubject: " + huge + "\r\nContent-Type: text/plain\r\n\r\nBody.\r\n";
    const auto start = Clock::now();
    const auto m = decode(raw);
    CHECK(Clock::now() - start < kBudget);
    CHECK(m.from.address == "a@b.fr");
    CHECK(m.body_text == "Body.");
    CHECK(m.subject.size() <= DecodeLimits{}.max_header_line_bytes);
    CHECK(m.subject.size() > 1000);
    CHECK(has_problem(m, "truncated"));
}

TEST_CASE("mime::decode bounds a 5 MB folded header field and long part headers") {
    std::string raw = "From: a@b.fr\r\nX-Folded: start\r\n";
    for (int i = 0; i < 100000; ++i) raw += " =?utf-8?Q?=C3=A9t=C3=A9?= continuation of the folded field\r\n";
    raw += "Content-Type: multipart/mixed; boundary=m\r\n\r\n";
    for (int i = 0; i < 50; ++i) {
        raw += "--m\r\nContent-Type: application/pdf; name=\"" + std::string(100000, 'n') +
               "\"\r\nContent-Disposition: attachment; filename=\"" + std::string(100000, 'f') + "\"\r\n\r\nx\r\n";
    }
    raw += "--m--\r\n";
    const auto start = Clock::now();
    const auto m = decode(raw);
    CHECK(Clock::now() - start < kBudget);
    REQUIRE(m.header("X-Folded"));
    CHECK(m.header("X-Folded")->size() <= DecodeLimits{}.max_header_line_bytes);
    CHECK(m.attachments.size() == 50);
    CHECK(m.attachments[0].filename.size() <= 1024);
    CHECK(all_utf8(m));
}

TEST_CASE("mime::decode truncates a message over max_message_bytes") {
    DecodeLimits limits;
    limits.max_message_bytes = 64;
    const auto m = decode(crlf("From: a@b.fr\nSubject: s\n\n" + std::string(1000, 'a') + "\n"), limits);
    CHECK(m.body_text.size() < 64);
    CHECK(has_problem(m, "truncated"));
}

TEST_CASE("mime::decode returns something for empty and garbage input") {
    using namespace std::string_literals;
    for (const std::string& raw : {""s, "\r\n"s, "\r\n\r\n\r\n"s, "garbage"s, "\0\0\0\xFF\xFE"s, ":\r\n:\r\n"s,
                                   "--\r\n--\r\n"s, "From: a@b.fr"s, "Content-Type: multipart/mixed; boundary=\r\n\r\n--\r\n"s,
                                   "Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n--x\r\n--x--"s,
                                   "Content-Type: text/plain; charset=\"\r\n\r\nx"s,
                                   "Content-Transfer-Encoding: base64\r\n\r\n!!!!====@@@"s,
                                   "Content-Transfer-Encoding: quoted-printable\r\n\r\n=\r\n=Z=\r\n="s}) {
        INFO(raw);
        rsvp::core::DecodedMessage m;
        REQUIRE_NOTHROW(m = decode(raw));
        CHECK(all_utf8(m));
    }
    CHECK(decode("From: a@b.fr").from.address == "a@b.fr");  // header only, no line end
}

TEST_CASE("mime::decode survives mutated corpus messages") {
    const std::string dir = std::string(RSVP_TEST_DATA) + "/corpus/messages/";
    std::uint64_t seed = 0x9E3779B97F4A7C15u;
    const auto next = [&](std::uint64_t bound) {
        seed = seed * 6364136223846793005u + 1442695040888963407u;
        return static_cast<std::size_t>((seed >> 33) % bound);
    };
    using namespace std::string_view_literals;
    static constexpr std::string_view inserts[] = {"\r\n--"sv, "\r\n\r\n"sv, "\0"sv, "=?utf-8?B?"sv,
                                                   "Content-Type: multipart/mixed; boundary=x\r\n"sv, "\r\n--x\r\n"sv,
                                                   "="sv, "\xFF"sv, "\r"sv, ":"sv};
    for (const char* file : {"dev-002.eml", "dev-003.eml", "dev-020.eml", "dev-027.eml", "dev-041.eml", "dev-022.eml"}) {
        const std::string original = read_file(dir + file);
        REQUIRE(!original.empty());
        for (int round = 0; round < 60; ++round) {
            std::string raw = original;
            for (int edit = 0; edit < 8; ++edit) {
                const std::size_t at = next(raw.size() + 1);
                switch (next(4)) {
                    case 0: raw.insert(at, inserts[next(std::size(inserts))]); break;
                    case 1: raw.erase(at, next(200)); break;
                    case 2: if (at < raw.size()) raw[at] = static_cast<char>(next(256)); break;
                    default: raw.resize(std::min(raw.size(), at + next(4000))); break;
                }
            }
            INFO(file << " round " << round);
            rsvp::core::DecodedMessage m;
            REQUIRE_NOTHROW(m = decode(raw));
            CHECK(all_utf8(m));
        }
    }
}

TEST_CASE("mime::decode accepts degenerate limits") {
    const std::string raw = crlf(R"(From: a@b.fr
Subject: s
Content-Type: multipart/mixed; boundary=m

--m
Content-Type: text/plain

x
--m--
)");
    for (const DecodeLimits limits : {DecodeLimits{0, 0, 0}, DecodeLimits{40, 1, 0}, DecodeLimits{1000, 3, 1}}) {
        rsvp::core::DecodedMessage m;
        REQUIRE_NOTHROW(m = decode(raw, limits));
        CHECK(all_utf8(m));
    }
}
