// The output formats, with literal inputs: what a stranger's display name or
// subject can carry must come out inert and well-formed in every format.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "rsvp/app/writers.hpp"

using namespace rsvp::app;

namespace {

std::string csv(const Rows& rows) {
    std::ostringstream out;
    write_csv(out, rows);
    return out.str();
}

std::string tsv(const Rows& rows) {
    std::ostringstream out;
    write_tsv(out, rows);
    return out.str();
}

std::string records(const nlohmann::json& list, const std::vector<std::string>& columns, Format format) {
    std::ostringstream out;
    write_records(out, list, columns, format);
    return out.str();
}

const std::string k_bom = "\xEF\xBB\xBF";

}  // namespace

TEST_CASE("app::printable removes escape sequences whole") {
    CHECK(printable("Re: \x1b[31mURGENT\x1b[0m") == "Re: URGENT");
    CHECK(printable("Eve \x1b]0;pwned\x07Terminal") == "Eve Terminal");          // OSC ended by BEL
    CHECK(printable("a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b") == "alinkb");  // OSC 8 hyperlink, ended by ST
    CHECK(printable("x\x1b(By") == "xy");                                        // charset designation
    CHECK(printable("x\xC2\x9B" "2Jy") == "xy");                                 // C1 CSI
    CHECK(printable("x\xC2\x9D" "0;t\xC2\x9Cy") == "xy");                        // C1 OSC ... ST
    CHECK(printable("unterminated \x1b[") == "unterminated ");
}

TEST_CASE("app::printable drops control characters and keeps text") {
    CHECK(printable("a\tb\r\nc\nd") == "a b c d");
    CHECK(printable("a\tb\r\nc\rd", Breaks::keep) == "a\tb\nc\nd");
    CHECK(printable(std::string("a\0b\x07\x7F" "c", 6)) == "abc");
    CHECK(printable("Hélène « Élodie » — 16 novembre") == "Hélène « Élodie » — 16 novembre");
    CHECK(printable("evil\xE2\x80\xAEtxt.exe") == "eviltxt.exe");  // right-to-left override
}

TEST_CASE("app::valid_utf8 replaces invalid bytes") {
    CHECK(valid_utf8("caf\xE9") == "caf\xEF\xBF\xBD");         // Latin-1 é
    CHECK(valid_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
    CHECK(valid_utf8("\xED\xA0\x80").find("\xED") == std::string::npos);  // a surrogate
    CHECK(valid_utf8("déjà vu") == "déjà vu");
}

TEST_CASE("app::csv_field quotes as RFC 4180 says") {
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("") == "");
    CHECK(csv_field("Dupont, Jean") == "\"Dupont, Jean\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\r\nlines") == "\"two\nlines\"");
    CHECK(csv_field("Élodie") == "Élodie");
}

TEST_CASE("app::csv_field neutralises formulas") {
    CHECK(csv_field("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    CHECK(csv_field("+33 4 91") == "'+33 4 91");
    CHECK(csv_field("-1") == "'-1");
    CHECK(csv_field("@SUM(1)") == "'@SUM(1)");
    CHECK(csv_field("\t=1") == "'\t=1");
    CHECK(csv_field("\r=1") == "\"'\n=1\"");
    CHECK(csv_field("  =1+1") == "'  =1+1");
    CHECK(csv_field("a=1") == "a=1");
    CHECK(csv_field("\x1b[31m=1") == "'=1");  // the escape sequence goes first
}

TEST_CASE("app::write_csv writes a byte order mark and CRLF lines") {
    CHECK(csv({{"a", "b"}, {"1", "x,y"}}) == k_bom + "a,b\r\n1,\"x,y\"\r\n");
    CHECK(csv({{"a", "b"}}) == k_bom + "a,b\r\n");
    CHECK(csv({}) == k_bom);
}

TEST_CASE("app::tsv_field replaces tabs and line breaks, and neutralises") {
    CHECK(tsv_field("a\tb") == "a b");
    CHECK(tsv_field("a\r\nb\nc") == "a b c");
    CHECK(tsv_field("\t=1") == "' =1");
    CHECK(tsv_field("=1") == "'=1");
    CHECK(tsv_field("Dupont, \"Jean\"") == "Dupont, \"Jean\"");
    CHECK(tsv({{"a", "b"}, {"x\ty", "z"}}) == "a\tb\nx y\tz\n");
}

TEST_CASE("app::write_table aligns, decorates only when asked, clips to a width") {
    std::ostringstream plain;
    write_table(plain, {{"NAME", "N"}, {"Hélène", "12"}, {"Jo", "3"}});
    CHECK(plain.str() == "NAME    N\nHélène  12\nJo      3\n");

    std::ostringstream bold;
    write_table(bold, {{"NAME", "N"}, {"Jo", "3"}}, {.colour = true});
    CHECK(bold.str() == "\x1b[1mNAME  N\x1b[0m\nJo    3\n");

    std::ostringstream narrow;
    write_table(narrow, {{"A", "SUBJECT"}, {"x", "a rather long subject line"}}, {.width = 14});
    CHECK(narrow.str() == "A  SUBJECT\nx  a rather l…\n");  // 14 columns
}

TEST_CASE("app::write_json and write_jsonl") {
    const nlohmann::json list = {{{"name", "Élodie"}, {"n", 1}}, {{"name", "a\x1b[31mb"}, {"n", nullptr}}};
    std::ostringstream json;
    write_json(json, list);
    CHECK(nlohmann::json::parse(json.str()) == list);
    CHECK(json.str().find("Élodie") != std::string::npos);  // UTF-8, not \u escapes
    CHECK(json.str().find("\\u001b") != std::string::npos);
    CHECK(json.str().back() == '\n');

    std::ostringstream lines;
    write_jsonl(lines, list);
    CHECK(lines.str() == "{\"n\":1,\"name\":\"Élodie\"}\n{\"n\":null,\"name\":\"a\\u001b[31mb\"}\n");

    std::ostringstream invalid;
    write_jsonl(invalid, nlohmann::json::array({{{"s", "caf\xE9"}}}));
    CHECK(invalid.str() == "{\"s\":\"caf\xEF\xBF\xBD\"}\n");
}

TEST_CASE("app::write_records flattens nested fields into columns") {
    const nlohmann::json list = {
        {{"from", "=x@y"}, {"n", 2}, {"ok", true}, {"none", nullptr}, {"evidence", {{"rule", "r"}, {"words", "a, b"}}}}};
    const std::vector<std::string> columns = {"from", "n", "ok", "none", "evidence.rule", "evidence.words", "missing"};
    CHECK(records(list, columns, Format::csv) == k_bom + "from,n,ok,none,evidence.rule,evidence.words,missing\r\n'=x@y,2,true,,r,\"a, b\",\r\n");
    CHECK(records(list, columns, Format::tsv) == "from\tn\tok\tnone\tevidence.rule\tevidence.words\tmissing\n'=x@y\t2\ttrue\t\tr\ta, b\t\n");
}

TEST_CASE("app::write_records: an empty list") {
    const auto empty = nlohmann::json::array();
    CHECK(records(empty, {"a", "b"}, Format::csv) == k_bom + "a,b\r\n");
    CHECK(records(empty, {"a", "b"}, Format::tsv) == "a\tb\n");
    CHECK(records(empty, {"a", "b"}, Format::json) == "[]\n");
    CHECK(records(empty, {"a", "b"}, Format::jsonl).empty());
}

TEST_CASE("app::format_from_string") {
    CHECK(format_from_string("jsonl") == Format::jsonl);
    CHECK(format_from_string("csv") == Format::csv);
    CHECK_FALSE(format_from_string("xml"));
}
