// Every development message decodes cleanly; a few are checked in detail.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "mime_test_support.hpp"
#include "rsvp/mime/charset.hpp"
#include "rsvp/mime/decode.hpp"

using rsvp::mime::decode;
using rsvp::mime::test::contains;

namespace {

const std::string kCorpus = std::string(RSVP_TEST_DATA) + "/corpus/";

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// labels.json is generated with one "key": "value" per line; only "file"
// and the "from" that follows it are needed.
std::map<std::string, std::string> label_senders() {
    const std::string json = read_file(kCorpus + "labels.json");
    const auto string_after = [&](std::string_view key, std::size_t from) -> std::pair<std::string, std::size_t> {
        const std::string marker = "\"" + std::string(key) + "\": \"";
        const std::size_t at = json.find(marker, from);
        if (at == std::string::npos) return {{}, std::string::npos};
        const std::size_t begin = at + marker.size();
        const std::size_t end = json.find('"', begin);
        return {json.substr(begin, end - begin), end};
    };
    std::map<std::string, std::string> senders;
    for (std::size_t pos = 0;;) {
        const auto [file, after_file] = string_after("file", pos);
        if (after_file == std::string::npos) break;
        const auto [from, after_from] = string_after("from", after_file);
        senders[file] = from;
        pos = after_from;
    }
    return senders;
}

std::string lower(std::string s) {
    for (char& c : s) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return s;
}

rsvp::core::DecodedMessage decode_file(const std::string& name) {
    return decode(read_file(kCorpus + "messages/" + name));
}

}  // namespace

TEST_CASE("mime::decode reads every development message") {
    const auto senders = label_senders();
    REQUIRE(senders.size() == 62);
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(kCorpus + "messages")) {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with("dev-") || entry.path().extension() != ".eml") continue;
        ++files;
        INFO(name);
        const auto m = decode(read_file(entry.path()));
        CHECK_FALSE(m.body_text.empty());
        CHECK(rsvp::mime::is_valid_utf8(m.body_text));
        REQUIRE(senders.count(name) == 1);
        CHECK(lower(m.from.address) == senders.at(name));
        CHECK(m.date.has_value());
        CHECK_FALSE(m.subject.empty());
        CHECK_FALSE(contains(m.subject, "=?"));
        CHECK_FALSE(contains(m.from.name, "=?"));
        CHECK_FALSE(contains(m.body_text, "\r"));
        CHECK(m.problems.empty());
    }
    CHECK(files == 62);
}

TEST_CASE("mime::decode corpus: dev-010 subject with a no-break space, windows-1252") {
    const auto m = decode_file("dev-010.eml");
    CHECK(m.subject.starts_with("RE\xC2\xA0: Invitation \xC3\xA0 l'\xC3\xA9v\xC3\xA9nement \xC2\xAB vers un club"));
    CHECK(m.from.name == "LEMOINE Marc (DIRECCTE-PACA)");
    CHECK(contains(m.body_text, "d\xE2\x80\x99un comit\xC3\xA9 r\xC3\xA9gional"));  // =92 is a right quote
    REQUIRE(m.date);
    CHECK(m.date->utc_seconds == 1476777775);
    CHECK(m.date->offset_minutes == 120);
}

TEST_CASE("mime::decode corpus: dev-022 8-bit Latin-1 body reads with accents") {
    const auto m = decode_file("dev-022.eml");
    CHECK(m.from.name == "Gérard Fontaine");
    CHECK(contains(m.body_text, "Je serai présent avec M. Bruno Chevalier, adjoint au maire délégué aux travaux"));
    CHECK(contains(m.body_text, "Secrétaire général"));
    CHECK(contains(m.body_text, "\n-- \n"));
}

TEST_CASE("mime::decode corpus: dev-027 HTML-only body") {
    const auto m = decode_file("dev-027.eml");
    CHECK(m.body_from_html);
    CHECK(contains(m.body_text, "Je vous confirme que je ne pourrai pas être présent le 16 novembre"));
    CHECK(contains(m.body_text, "\n> De : SGAR PACA - Club acheteurs"));
    CHECK(contains(m.body_text, "\n> Je vous invite à confirmer votre participation"));
    CHECK_FALSE(contains(m.body_text, "font-family"));
}

TEST_CASE("mime::decode corpus: dev-002 DSN keeps the returned invitation out of the body") {
    const auto m = decode_file("dev-002.eml");
    CHECK(contains(m.body_text, "This is the mail system at host smtp.paca.pref.gouv.fr."));
    CHECK_FALSE(contains(m.body_text, "confirmer votre participation"));
    REQUIRE(m.delivery_report);
    CHECK(m.delivery_report->reporting_mta == "smtp.paca.pref.gouv.fr");
    REQUIRE(m.delivery_report->recipients.size() == 1);
    CHECK(m.delivery_report->recipients[0].final_recipient == "jean-luc.meyer@ville-gap.fr");
    CHECK(m.delivery_report->recipients[0].action == "failed");
    CHECK(m.delivery_report->recipients[0].status == "5.1.1");
    REQUIRE(m.attachments.size() == 1);
    CHECK(m.attachments[0].content_type == "message/rfc822");
}

TEST_CASE("mime::decode corpus: dev-003 Exchange NDR in base64") {
    const auto m = decode_file("dev-003.eml");
    CHECK(m.subject.starts_with("Non remis : Invitation à l'événement"));
    CHECK(contains(m.body_text, "Impossible de remettre le message aux destinataires"));
    REQUIRE(m.delivery_report);
    REQUIRE(m.delivery_report->recipients.size() == 1);
    CHECK(m.delivery_report->recipients[0].final_recipient == "thomas.renard@cg04.fr");
    CHECK(m.delivery_report->recipients[0].action == "failed");
    CHECK(m.delivery_report->recipients[0].status == "5.1.10");
}

TEST_CASE("mime::decode corpus: dev-041 PDF attachment with an encoded name") {
    const auto m = decode_file("dev-041.eml");
    CHECK(contains(m.body_text, "Nous serons trois"));
    REQUIRE(m.attachments.size() == 1);
    CHECK(m.attachments[0].filename == "Participants Métropole AMP - 16 novembre.pdf");
    CHECK(m.attachments[0].content_type == "application/pdf");
    CHECK(m.attachments[0].size == 940);
}

TEST_CASE("mime::decode corpus: dev-020 related part with an inline logo") {
    const auto m = decode_file("dev-020.eml");
    CHECK(contains(m.body_text, "il m’a demandé de vous présenter ses excuses"));
    CHECK_FALSE(m.body_from_html);
    REQUIRE(m.attachments.size() == 1);
    CHECK(m.attachments[0].content_type == "image/png");
}

TEST_CASE("mime::decode corpus: format=flowed joins soft-wrapped attributions") {
    const auto m = decode_file("dev-047.eml");
    CHECK(contains(m.body_text, "\nLe 17/10/2016 à 14:37, SGAR PACA - Club acheteurs (par Internet) a écrit :\n"));
}
