#include <catch2/catch.hpp>

#include "rsvp/mime/charset.hpp"

using rsvp::mime::is_known_charset;
using rsvp::mime::is_valid_utf8;
using rsvp::mime::to_utf8;

TEST_CASE("mime::to_utf8 reads Latin-1 and windows-1252 as windows-1252") {
    bool lossy = true;
    CHECK(to_utf8("caf\xE9", "iso-8859-1", &lossy) == "café");
    CHECK_FALSE(lossy);
    // Outlook labels Latin-1 but writes windows-1252 quotes and bullets.
    CHECK(to_utf8("l\x92\xE9v\xE9nement \x95 \x80", "ISO-8859-1", &lossy) == "l’événement • €");
    CHECK_FALSE(lossy);
    CHECK(to_utf8("m\x92" "a", "Windows-1252") == "m’a");
    CHECK(to_utf8("\xAB vers \xBB", "latin1") == "« vers »");
    CHECK(to_utf8("\x96", "cp1252") == "–");
}

TEST_CASE("mime::to_utf8 marks the unassigned windows-1252 bytes") {
    bool lossy = false;
    CHECK(to_utf8("a\x81z", "windows-1252", &lossy) == "a\xEF\xBF\xBDz");
    CHECK(lossy);
}

TEST_CASE("mime::to_utf8 keeps valid UTF-8 and repairs invalid UTF-8 as windows-1252") {
    bool lossy = true;
    CHECK(to_utf8("présent", "utf-8", &lossy) == "présent");
    CHECK_FALSE(lossy);
    CHECK(to_utf8("pr\xE9sent", "UTF-8", &lossy) == "présent");
    CHECK(lossy);
    // A UTF-8 reply quoting Latin-1 text: each byte is read on its own merits.
    CHECK(to_utf8("d\xC3\xA9j\xE0", "utf8", &lossy) == "déjà");
    CHECK(lossy);
}

TEST_CASE("mime::to_utf8 with an empty label guesses UTF-8 then windows-1252") {
    bool lossy = true;
    CHECK(to_utf8("plain ascii", "", &lossy) == "plain ascii");
    CHECK_FALSE(lossy);
    CHECK(to_utf8("été", "", &lossy) == "été");
    CHECK_FALSE(lossy);
    CHECK(to_utf8("\xE9t\xE9", "", &lossy) == "été");
    CHECK(lossy);
}

TEST_CASE("mime::to_utf8 reads UTF-8 mislabelled as Latin-1 as UTF-8") {
    CHECK(to_utf8("pr\xC3\xA9sent", "iso-8859-1") == "présent");
}

TEST_CASE("mime::to_utf8 uses iconv for other charsets") {
    bool lossy = true;
    CHECK(to_utf8("\xF0\xD2\xC9\xD7\xC5\xD4", "koi8-r", &lossy) == "Привет");
    CHECK_FALSE(lossy);
    CHECK(to_utf8("caf\xE9 \xA4", "ISO-8859-15") == "café €");
    CHECK(to_utf8(std::string("h\0i\0", 4), "utf-16le") == "hi");
    CHECK(to_utf8("\x1B$B$3$s$K$A$O\x1B(B", "iso-2022-jp") == "こんにちは");
}

TEST_CASE("mime::to_utf8 falls back on bytes invalid in their charset") {
    bool lossy = false;
    // 0x80 0x20 is not Shift_JIS.
    CHECK(is_valid_utf8(to_utf8("a\x80 b", "shift_jis", &lossy)));
    CHECK(lossy);
    lossy = false;
    CHECK(to_utf8("caf\xE9", "us-ascii", &lossy) == "café");
    CHECK(lossy);
}

TEST_CASE("mime::to_utf8 treats an unknown label like an empty one") {
    bool lossy = false;
    CHECK(to_utf8("r\xE9union", "x-unknown-charset", &lossy) == "réunion");
    CHECK(lossy);
    CHECK(to_utf8("réunion", "x-unknown-charset") == "réunion");
    CHECK(to_utf8("ok", "utf-8//TRANSLIT") == "ok");
}

TEST_CASE("mime::is_known_charset maps the usual aliases") {
    for (const char* label : {"utf-8", "UTF8", "\"utf-8\"", " Windows-1252 ", "iso-8859-1", "ISO8859-1", "latin1",
                              "us-ascii", "cp1252", "koi8-r", "iso-8859-15", "gb2312", "ks_c_5601-1987"}) {
        INFO(label);
        CHECK(is_known_charset(label));
    }
    for (const char* label : {"", "x-unknown-charset", "utf-8//TRANSLIT", "../../etc/passwd", "utf 8"}) {
        INFO(label);
        CHECK_FALSE(is_known_charset(label));
    }
}

TEST_CASE("mime::is_valid_utf8 follows RFC 3629") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("ascii"));
    CHECK(is_valid_utf8("é € 😀"));
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong
    CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    CHECK_FALSE(is_valid_utf8("\xC3"));              // truncated
    CHECK_FALSE(is_valid_utf8("\xE9t\xE9"));
}
