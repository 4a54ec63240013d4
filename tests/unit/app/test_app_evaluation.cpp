// The whole pipeline over the labelled development corpus: import (decode,
// extract, classify) into a real SQLite store, read it back, and compare
// every message with labels.json and every respondent and the headcount
// with expected.json. On failure it prints a confusion table and the files
// that are wrong.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "rsvp/app/import.hpp"
#include "rsvp/app/report.hpp"
#include "rsvp/core/respondents.hpp"

#include "../temp_dir.hpp"

using namespace rsvp;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const fs::path k_corpus = fs::path(RSVP_TEST_DATA) / "corpus";

using rsvp::test::TempDir;

json read_json(const fs::path& path) {
    std::ifstream in(path);
    return json::parse(in);
}

json optional_json(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

std::string kind_or_none(const std::optional<core::Kind>& k) { return k ? std::string(core::to_string(*k)) : "none"; }

constexpr std::array<std::string_view, 6> k_kinds = {"confirmed", "declined", "tentative", "auto_reply", "bounce", "other"};

std::string confusion_table(const std::map<std::pair<std::string, std::string>, int>& counts) {
    // Columns of 11 characters keep a row within Catch's 80-column messages.
    auto cell = [](std::string_view text) { return std::string(11 - std::min<std::size_t>(10, text.size()), ' ') + std::string(text); };
    std::ostringstream out;
    out << "confusion (rows: label, columns: rsvp)\n" << std::string(11, ' ');
    for (const auto k : k_kinds) out << cell(k.substr(0, 10));
    out << '\n';
    for (const auto label : k_kinds) {
        out << label << std::string(11 - label.size(), ' ');
        for (const auto got : k_kinds) {
            const auto it = counts.find({std::string(label), std::string(got)});
            out << cell(it == counts.end() ? "." : std::to_string(it->second));
        }
        out << '\n';
    }
    return out.str();
}

}  // namespace

TEST_CASE("app evaluation: the development corpus through the whole pipeline") {
    const json labels = read_json(k_corpus / "labels.json");
    const json expected = read_json(k_corpus / "expected.json");
    TempDir dir;
    auto store = store::Store::open(dir.path / "rsvp.db");
    (void)app::import_paths(store, {k_corpus / "messages"});
    const auto messages = store.messages();
    REQUIRE(messages.size() == expected["messages"].get<std::size_t>());

    std::map<std::string, const store::StoredMessage*> by_file;
    std::map<std::string, std::string> file_of_reference;  // Message-ID or source -> file
    for (const auto& m : messages) {
        const std::string file = fs::path(m.source).filename().string();
        by_file[file] = &m;
        file_of_reference[m.record.message_id.empty() ? m.source : m.record.message_id] = file;
    }

    // Per message: kind, party size, delegate, bounced recipient.
    std::map<std::pair<std::string, std::string>, int> confusion;
    std::vector<std::string> wrong;
    std::size_t compared = 0;
    for (const json& label : labels) {
        const std::string file = label["file"];
        const auto found = by_file.find(file);
        if (found == by_file.end()) continue;  // a second copy of a known Message-ID
        ++compared;
        const auto& c = found->second->record.classification;
        const std::string kind(core::to_string(c.kind));
        ++confusion[{label["kind"].get<std::string>(), kind}];
        std::ostringstream why;
        if (kind != label["kind"]) why << " kind " << kind << " (label " << label["kind"].get<std::string>() << ")";
        if (c.party_size != label["party_size"]) why << " party " << c.party_size << " (label " << label["party_size"] << ")";
        if (optional_json(c.delegate) != label["delegate"]) why << " delegate " << optional_json(c.delegate) << " (label " << label["delegate"] << ")";
        if (optional_json(c.bounced_recipient) != label["bounced_recipient"]) {
            why << " bounced " << optional_json(c.bounced_recipient) << " (label " << label["bounced_recipient"] << ")";
        }
        if (!why.str().empty()) wrong.push_back(file + ":" + why.str() + " [" + c.evidence.rule + " on \"" + c.evidence.words + "\"]");
    }
    std::string wrong_list;
    for (const auto& w : wrong) wrong_list += "  " + w + "\n";
    INFO(confusion_table(confusion) << "wrong files (" << wrong.size() << "):\n" << wrong_list);
    CHECK(compared == expected["messages"].get<std::size_t>());
    CHECK(wrong.empty());

    // Per kind, over distinct messages.
    for (const auto kind : k_kinds) {
        int got = 0;
        for (const auto& m : messages) got += core::to_string(m.record.classification.kind) == kind ? 1 : 0;
        INFO("kind " << kind);
        CHECK(got == expected["kinds"][std::string(kind)].get<int>());
    }

    // Per respondent, computed the way the reports compute it.
    const auto respondents = app::respondents(store);
    REQUIRE(respondents.size() == expected["respondents"].size());
    std::vector<std::string> wrong_people;
    for (const auto& r : respondents) {
        const json& want = expected["respondents"][r.address];
        const std::string status = kind_or_none(r.status);
        const std::string want_status = want["status"].is_null() ? "none" : want["status"].get<std::string>();
        std::ostringstream why;
        if (status != want_status) why << " status " << status << " (expected " << want_status << ")";
        if (r.party_size != want["party_size"]) why << " party " << r.party_size << " (expected " << want["party_size"] << ")";
        if (optional_json(r.delegate) != want["delegate"]) why << " delegate " << optional_json(r.delegate);
        if (r.status && !want["decided_by"].is_null() && file_of_reference[r.decided_by] != want["decided_by"]) {
            why << " decided by " << file_of_reference[r.decided_by] << " (expected " << want["decided_by"].get<std::string>() << ")";
        }
        if (!why.str().empty()) wrong_people.push_back(r.address + ":" + why.str());
    }
    std::string people_list;
    for (const auto& w : wrong_people) people_list += "  " + w + "\n";
    INFO("wrong respondents (" << wrong_people.size() << "):\n" << people_list);
    CHECK(wrong_people.empty());

    const core::Headcount h = core::headcount(respondents);
    CHECK(h.confirmed == expected["statuses"]["confirmed"].get<int>());
    CHECK(h.declined == expected["statuses"]["declined"].get<int>());
    CHECK(h.tentative == expected["statuses"]["tentative"].get<int>());
    CHECK(h.undecided == expected["statuses"]["none"].get<int>());
    CHECK(h.attending == expected["headcount"].get<int>());
}

TEST_CASE("app evaluation: no decision comes from quoted or signature text") {
    // Every piece of evidence read in the reply lies inside reply_text,
    // which extraction has already cut from quotes and signatures.
    TempDir dir;
    auto store = store::Store::open(dir.path / "rsvp.db");
    (void)app::import_paths(store, {k_corpus / "messages"});
    for (const auto& m : store.messages()) {
        const auto& e = m.record.classification.evidence;
        if (e.where != "reply" || e.end == 0) continue;
        INFO(m.source << ": " << e.rule);
        REQUIRE(e.end <= m.record.reply_text.size());
        CHECK(m.record.reply_text.substr(e.begin, e.end - e.begin) == e.words);
        CHECK(m.record.reply_text.find("Je vous invite à confirmer votre participation") == std::string::npos);
    }
}
