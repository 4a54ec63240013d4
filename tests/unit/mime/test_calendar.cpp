#include <catch2/catch.hpp>

#include "rsvp/mime/decode.hpp"

using rsvp::mime::decode;

namespace {

std::string calendar_message(const std::string& method_param, const std::string& body_method, const std::string& partstat) {
    return "From: Anne Martin <anne.martin@example.fr>\r\n"
           "Subject: Accepted: Club des acheteurs\r\n"
           "Date: Tue, 18 Oct 2016 10:02:55 +0200\r\n"
           "MIME-Version: 1.0\r\n"
           "Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n"
           "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nAnne Martin has accepted.\r\n"
           "--b1\r\nContent-Type: text/calendar; charset=utf-8" + method_param + "\r\n\r\n"
           "BEGIN:VCALENDAR\r\n" + body_method +
           "BEGIN:VEVENT\r\n"
           "ATTENDEE;CN=\"Martin, Anne\";PARTSTAT=" + partstat + ";\r\n RSVP=FALSE:mailto:anne.martin@example.fr\r\n"
           "SUMMARY:Lancement du club\r\n"
           "END:VEVENT\r\nEND:VCALENDAR\r\n"
           "--b1--\r\n";
}

}  // namespace

TEST_CASE("mime::decode reads a calendar reply's PARTSTAT, folded lines included") {
    const auto m = decode(calendar_message("; method=REPLY", "METHOD:REPLY\r\n", "ACCEPTED"));
    REQUIRE(m.calendar_reply);
    CHECK(m.calendar_reply->partstat == "ACCEPTED");
    CHECK(m.calendar_reply->attendee == "anne.martin@example.fr");
    CHECK(m.calendar_reply->summary == "Lancement du club");
    CHECK(m.body_text == "Anne Martin has accepted.");
}

TEST_CASE("mime::decode takes the method from the calendar when the part does not say it") {
    const auto m = decode(calendar_message("", "METHOD:REPLY\r\n", "declined"));
    REQUIRE(m.calendar_reply);
    CHECK(m.calendar_reply->partstat == "DECLINED");
}

TEST_CASE("mime::decode ignores a calendar that is not a reply") {
    CHECK_FALSE(decode(calendar_message("; method=REQUEST", "METHOD:REQUEST\r\n", "NEEDS-ACTION")).calendar_reply);
    CHECK_FALSE(decode("From: a@b.fr\r\nSubject: x\r\n\r\nhello\r\n").calendar_reply);
}
