#include <catch2/catch.hpp>

#include "rsvp/imap/response.hpp"

using namespace rsvp::imap;

TEST_CASE("imap::ResponseReader reads tagged and untagged lines") {
    ResponseReader reader;
    reader.feed("* OK [UIDVALIDITY 1479] UIDs valid\r\n* 3 EXISTS\r\nR1 OK [READ-ONLY] Examine completed\r\n");
    auto r = reader.next();
    REQUIRE(r);
    CHECK(r->tag == "*");
    CHECK(number_after(r->text, "UIDVALIDITY") == 1479u);
    r = reader.next();
    REQUIRE(r);
    CHECK(r->text == "3 EXISTS");
    r = reader.next();
    REQUIRE(r);
    CHECK(r->tag == "R1");
    CHECK(status_of(*r) == "OK");
    CHECK_FALSE(reader.next());
}

TEST_CASE("imap::ResponseReader keeps literals byte-exact, even when they look like responses") {
    const std::string body = "Subject: x\r\n\r\nR2 OK looks like a completion\r\n{5}\r\n";
    ResponseReader reader;
    const std::string wire = "* 1 FETCH (UID 7 INTERNALDATE \"17-Oct-2016 14:37:00 +0200\" BODY[] {" +
                             std::to_string(body.size()) + "}\r\n" + body + ")\r\nR2 OK done\r\n";
    // Fed one byte at a time: a response is only complete with all its literal.
    for (std::size_t i = 0; i + 1 < wire.size(); ++i) {
        reader.feed(wire.substr(i, 1));
    }
    auto r = reader.next();
    REQUIRE(r);
    CHECK(r->literals.size() == 1);
    CHECK(r->literals[0] == body);
    CHECK(number_after(r->text, "UID") == 7u);
    CHECK(quoted_after(r->text, "INTERNALDATE") == std::optional<std::string>("17-Oct-2016 14:37:00 +0200"));
    CHECK_FALSE(reader.next());  // the final '\n' of "R2 OK done" has not arrived
    reader.feed("\n");
    r = reader.next();
    REQUIRE(r);
    CHECK(r->tag == "R2");
}

TEST_CASE("imap::ResponseReader refuses a literal above its limit") {
    ResponseReader reader(10);
    reader.feed("* 1 FETCH (BODY[] {11}\r\n");
    CHECK_THROWS(reader.next());
}

TEST_CASE("imap::number_after matches whole keys only") {
    CHECK(number_after("1 FETCH (UID 12 RFC822.SIZE 3456)", "UID") == 12u);
    CHECK(number_after("1 FETCH (UID 12 RFC822.SIZE 3456)", "RFC822.SIZE") == 3456u);
    CHECK(number_after("OK [UIDNEXT 9] next", "UID") == std::nullopt);
}

TEST_CASE("imap::quote_mailbox quotes and encodes modified UTF-7") {
    CHECK(quote_mailbox("INBOX") == "\"INBOX\"");
    CHECK(quote_mailbox("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(quote_mailbox("R&D") == "\"R&-D\"");
    CHECK(quote_mailbox("Réponses") == "\"R&AOk-ponses\"");
    CHECK(quote_mailbox("Envoyés") == "\"Envoy&AOk-s\"");
    CHECK(quote_mailbox("日本語") == "\"&ZeVnLIqe-\"");
}
