#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdio>

#include "rsvp/mime/header_words.hpp"

using rsvp::mime::decode_encoded_words;
using rsvp::mime::parse_date;
using rsvp::mime::parse_mailbox;

// ---- RFC 2047 ----

TEST_CASE("mime::decode_encoded_words decodes Q and B words in any case") {
    CHECK(decode_encoded_words("=?ISO-8859-1?Q?Fran=E7oise?=") == "Françoise");
    CHECK(decode_encoded_words("=?iso-8859-1?q?Fran=e7oise?=") == "Françoise");
    CHECK(decode_encoded_words("=?utf-8?B?Tm9uIHJlbWlzIDogSW52aXRhdGlvbiDDoA==?=") == "Non remis : Invitation à");
    CHECK(decode_encoded_words("=?UTF-8?b?w6k?=") == "é");  // padding left out
    CHECK(decode_encoded_words("=?utf-8?Q?RE_=3A_r=C3=A9union?=") == "RE : réunion");
    CHECK(decode_encoded_words("=?koi8-r?B?8NLJ18XU?=") == "Привет");
}

TEST_CASE("mime::decode_encoded_words joins adjacent words and keeps other spaces") {
    CHECK(decode_encoded_words("=?utf-8?Q?vers_u?= =?utf-8?Q?n_club?=") == "vers un club");
    CHECK(decode_encoded_words("=?utf-8?Q?a?=\t  =?utf-8?Q?b?=") == "ab");
    CHECK(decode_encoded_words("Re: Invitation =?UTF-8?Q?=C3=A0_l=27?= le mercredi") == "Re: Invitation à l' le mercredi");
    CHECK(decode_encoded_words("=?utf-8?Q?a?= b =?utf-8?Q?c?=") == "a b c");
    // A character split over two words.
    CHECK(decode_encoded_words("=?utf-8?Q?caf=C3?= =?utf-8?Q?=A9?=") == "café");
    CHECK(decode_encoded_words("=?utf-8?B?w6k=?= =?iso-8859-1?Q?=E9?=") == "éé");
}

TEST_CASE("mime::decode_encoded_words reads the corpus subjects") {
    // dev-010: "RE" + no-break space + ":", windows-1252, three words.
    CHECK(decode_encoded_words("=?Windows-1252?Q?RE=A0=3A_Invitation_=E0_l=27=E9v=E9nement_=AB_ve?= "
                               "=?Windows-1252?Q?rs_un_club_r=E9gional_des_acheteurs_publics_innovants_?= "
                               "=?Windows-1252?Q?=BB_le_mercredi_16_novembre_2016?=") ==
          "RE\u00A0: Invitation à l'événement « vers un club régional des acheteurs publics innovants » le mercredi 16 "
          "novembre 2016");
    // dev-022: only the accented run is encoded.
    CHECK(decode_encoded_words("Re: Invitation =?ISO-8859-1?Q?=E0_l=27=E9v=E9nement?= le mercredi") ==
          "Re: Invitation à l'événement le mercredi");
}

TEST_CASE("mime::decode_encoded_words leaves malformed words as written") {
    for (const char* bad : {"=?utf-8?X?abc?=", "=?utf-8?Q?abc", "=?utf-8?B?@@@?=", "=??Q?abc?=", "=?utf-8?Q?a b?=",
                            "50% =? maybe", "=?", "a =?utf-8?B?YQ=x?= b"}) {
        INFO(bad);
        CHECK(decode_encoded_words(bad) == bad);
    }
    CHECK(decode_encoded_words("=?utf-8?Q?ok?= =?utf-8?X?bad?=") == "ok =?utf-8?X?bad?=");
    CHECK(decode_encoded_words("=?utf-8?Q?a=?=") == "a=");
}

TEST_CASE("mime::decode_encoded_words accepts an RFC 2231 language and unknown charsets") {
    CHECK(decode_encoded_words("=?utf-8*fr?Q?r=C3=A9union?=") == "réunion");
    CHECK(decode_encoded_words("=?x-unknown?Q?r=E9union?=") == "réunion");
}

TEST_CASE("mime::decode_encoded_words reads raw 8-bit bytes as UTF-8 or windows-1252") {
    CHECK(decode_encoded_words("Réunion") == "Réunion");
    CHECK(decode_encoded_words("R\xE9union d\x92\xE9t\xE9") == "Réunion d’été");
    CHECK(decode_encoded_words("R\xE9union =?utf-8?Q?=C3=A9?=") == "Réunion é");
}

// ---- mailboxes ----

TEST_CASE("mime::parse_mailbox reads a quoted display name") {
    const auto mb = parse_mailbox(R"m("LEMOINE Marc (DIRECCTE-PACA)" <marc.lemoine@direccte.gouv.fr>)m");
    REQUIRE(mb);
    CHECK(mb->name == "LEMOINE Marc (DIRECCTE-PACA)");
    CHECK(mb->address == "marc.lemoine@direccte.gouv.fr");
}

TEST_CASE("mime::parse_mailbox decodes an encoded display name") {
    const auto mb = parse_mailbox("=?ISO-8859-1?Q?Fran=E7oise?= Martin <f@x.fr>");
    REQUIRE(mb);
    CHECK(mb->name == "Françoise Martin");
    CHECK(mb->address == "f@x.fr");
    const auto quoted = parse_mailbox(R"("=?utf-8?Q?J=C3=A9r=C3=B4me?= BARBIER" <Jerome.Barbier@mairie-aixenprovence.fr>)");
    REQUIRE(quoted);
    CHECK(quoted->name == "Jérôme BARBIER");
    CHECK(quoted->address == "Jerome.Barbier@mairie-aixenprovence.fr");
}

TEST_CASE("mime::parse_mailbox reads bare addresses and comment names") {
    auto mb = parse_mailbox("a@b.fr");
    REQUIRE(mb);
    CHECK(mb->name.empty());
    CHECK(mb->address == "a@b.fr");
    mb = parse_mailbox("  MAILER-DAEMON@smtp.paca.pref.gouv.fr (Mail Delivery System)");
    REQUIRE(mb);
    CHECK(mb->name == "Mail Delivery System");
    CHECK(mb->address == "MAILER-DAEMON@smtp.paca.pref.gouv.fr");
    mb = parse_mailbox("<sgar-club-acheteurs@paca.pref.gouv.fr>");
    REQUIRE(mb);
    CHECK(mb->name.empty());
    CHECK(mb->address == "sgar-club-acheteurs@paca.pref.gouv.fr");
    mb = parse_mailbox("Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@cg04.fr>");
    REQUIRE(mb);
    CHECK(mb->name == "Microsoft Outlook");
    mb = parse_mailbox("a @ b.fr");
    REQUIRE(mb);
    CHECK(mb->address == "a@b.fr");
    mb = parse_mailbox("Jean Dupont j.dupont@x.fr");  // brackets forgotten
    REQUIRE(mb);
    CHECK(mb->name == "Jean Dupont");
    CHECK(mb->address == "j.dupont@x.fr");
}

TEST_CASE("mime::parse_mailbox takes the first mailbox of a list or group") {
    auto mb = parse_mailbox("Jean Dupont <j@x.fr>, Marie <m@x.fr>");
    REQUIRE(mb);
    CHECK(mb->address == "j@x.fr");
    mb = parse_mailbox("Undisclosed recipients:;, Paul <p@x.fr>");
    REQUIRE(mb);
    CHECK(mb->address == "p@x.fr");
    mb = parse_mailbox("Acheteurs: \"Dupont, Jean\" <j@x.fr>, m@x.fr;");
    REQUIRE(mb);
    CHECK(mb->name == "Dupont, Jean");
    CHECK(mb->address == "j@x.fr");
}

TEST_CASE("mime::parse_mailbox unescapes quoted pairs") {
    const auto mb = parse_mailbox(R"("Dupont \"Jeannot\" \\ Jean" <j@x.fr>)");
    REQUIRE(mb);
    CHECK(mb->name == R"(Dupont "Jeannot" \ Jean)");
    const auto single = parse_mailbox("'Jean Dupont' <j@x.fr>");
    REQUIRE(single);
    CHECK(single->name == "Jean Dupont");
}

TEST_CASE("mime::parse_mailbox returns nullopt without an address") {
    CHECK_FALSE(parse_mailbox(""));
    CHECK_FALSE(parse_mailbox("Microsoft Outlook"));
    CHECK_FALSE(parse_mailbox("Undisclosed recipients:;"));
    CHECK_FALSE(parse_mailbox("Nobody <>"));
}

// ---- dates ----

TEST_CASE("mime::parse_date reads the RFC 5322 form") {
    const auto d = parse_date("Tue, 18 Oct 2016 10:02:55 +0200");
    REQUIRE(d);
    CHECK(d->utc_seconds == 1476777775);
    CHECK(d->offset_minutes == 120);
    const auto west = parse_date("Mon, 29 Feb 2016 12:00:00 -0500");
    REQUIRE(west);
    CHECK(west->utc_seconds == 1456765200);
    CHECK(west->offset_minutes == -300);
}

TEST_CASE("mime::parse_date reads obsolete and sloppy forms") {
    const auto same = [](const char* text, std::int64_t utc, int offset) {
        INFO(text);
        const auto d = parse_date(text);
        REQUIRE(d);
        CHECK(d->utc_seconds == utc);
        CHECK(d->offset_minutes == offset);
    };
    same("18 Oct 2016 10:02:55 +0200", 1476777775, 120);              // no weekday
    same("18 Oct 16 10:02 +0200", 1476777720, 120);                    // two-digit year, no seconds
    same("Mon, 17 Oct 2016 14:38:30 +0200 (CEST)", 1476707910, 120);   // zone comment
    same("Tue,  8 Nov 2016  9:05:00   +0100", 1478592300, 60);         // extra spaces, single digits
    same("Tue, 8 Nov 2016 09:05:00.250 +01:00", 1478592300, 60);
    same("1 Jan 99 00:00:00 +0000", 915148800, 0);                     // 99 is 1999
    same("Tue Oct 18 08:02:55 2016", 1476777775, 0);                   // asctime order, no zone
    same("Tue, 18 Oct 2016 08:02:55 XYZ", 1476777775, 0);              // unknown zone is -0000
}

TEST_CASE("mime::parse_date knows the zone names") {
    struct Case {
        const char* zone;
        int offset;
    };
    for (const Case c : {Case{"UT", 0}, Case{"GMT", 0}, Case{"UTC", 0}, Case{"Z", 0}, Case{"EST", -300},
                         Case{"EDT", -240}, Case{"CST", -360}, Case{"CDT", -300}, Case{"MST", -420},
                         Case{"MDT", -360}, Case{"PST", -480}, Case{"PDT", -420}, Case{"CET", 60},
                         Case{"CEST", 120}}) {
        INFO(c.zone);
        // The same instant, 08:02:55 UTC, written in each zone's local time.
        const int local = 8 * 60 + 2 + c.offset;
        char text[64];
        std::snprintf(text, sizeof text, "Tue, 18 Oct 2016 %02d:%02d:55 %s", local / 60, local % 60, c.zone);
        const auto d = parse_date(text);
        REQUIRE(d);
        CHECK(d->utc_seconds == 1476777775);
        CHECK(d->offset_minutes == c.offset);
    }
}

TEST_CASE("mime::parse_date rejects impossible dates and garbage") {
    for (const char* bad : {"", "hello", "Tue, 30 Feb 2016 10:00:00 +0100", "29 Feb 2015 10:00:00 +0000",
                            "31 Apr 2016 10:00:00 +0000", "0 Oct 2016 10:00:00 +0000", "18 Oct 2016 25:00:00 +0200",
                            "18 Oct 2016 10:61:00 +0200", "18 Oct 2016 10:00:00 +0299", "18 Foo 2016 10:00 +0200",
                            "18 Oct 2016", "Tue, 18 Oct 2016 10:02:55 +0200 +0100", "18 Oct 2016 10:02:55 + 0200"}) {
        INFO(bad);
        CHECK_FALSE(parse_date(bad));
    }
    CHECK(parse_date("29 Feb 2016 10:00:00 +0000"));
    CHECK(parse_date("29 Feb 2000 10:00:00 +0000"));
    CHECK_FALSE(parse_date("29 Feb 1900 10:00:00 +0000"));
}
