// Reports from literal records: organisations, the review list and its order,
// and the formats of a list report.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "rsvp/app/pipeline.hpp"
#include "rsvp/app/report.hpp"

using namespace rsvp;
using app::ReviewReason;
using core::Kind;

namespace {

store::StoredMessage message(const std::string& from, std::int64_t date_utc, Kind kind, double confidence = 0.95) {
    store::StoredMessage m;
    m.source = from + "#" + std::to_string(date_utc);
    m.arrived_utc = date_utc + 60;
    m.record.message_id = "<" + std::to_string(date_utc) + "@" + from + ">";
    m.record.from_address = from;
    m.record.date = core::Timestamp{date_utc, 60};
    m.record.classification.kind = kind;
    m.record.classification.party_size = kind == Kind::confirmed ? 1 : 0;
    m.record.classification.confidence = confidence;
    m.record.classification.evidence.rule = "rule";
    return m;
}

std::vector<core::Respondent> respondents_of(const std::vector<store::StoredMessage>& messages,
                                             const std::vector<core::Correction>& corrections = {}) {
    std::vector<core::Reply> replies;
    for (const auto& m : messages) {
        core::Reply r;
        r.address = m.record.from_address;
        r.date_utc = m.record.date->utc_seconds;
        r.arrival_utc = m.arrived_utc;
        r.kind = m.record.classification.kind;
        r.party_size = m.record.classification.party_size;
        r.reference = app::reference(m);
        replies.push_back(r);
    }
    return core::respondents(replies, corrections);
}

std::vector<std::pair<ReviewReason, std::string>> reasons(const std::vector<app::ReviewItem>& items) {
    std::vector<std::pair<ReviewReason, std::string>> out;
    for (const auto& i : items) out.emplace_back(i.reason, i.address);
    return out;
}

}  // namespace

TEST_CASE("app::organisation reads only 'Name (Organisation)'") {
    CHECK(app::organisation("LEMOINE Marc (DIRECCTE-PACA)") == "DIRECCTE-PACA");
    CHECK(app::organisation("Dupont, Jean \"JD\" (Mairie de Nice) ") == "Mairie de Nice");
    CHECK(app::organisation("=HYPERLINK(\"http://x\",\"y\")").empty());
    CHECK(app::organisation("(DIRECCTE)").empty());
    CHECK(app::organisation("Jean ()").empty());
    CHECK(app::organisation("Jean (a (b))").empty());
    CHECK(app::organisation("Jean Dupont").empty());
    CHECK(app::organisation("").empty());
}

TEST_CASE("app::review lists problems first, then doubts, each once with its reason") {
    auto failed = message("broken@x.fr", 500, Kind::other, 0.0);
    failed.record.classification.evidence.rule = std::string(app::k_processing_failed);
    failed.record.problems = "processing failed: boom";
    auto large = message("large@x.fr", 400, Kind::other, 0.0);
    large.record.classification.evidence.rule = std::string(app::k_body_not_fetched);
    large.record.problems = "body not fetched: too large";
    auto charset = message("charset@x.fr", 300, Kind::confirmed);
    charset.record.problems = "unknown charset\nsecond problem";
    auto bounce = message("mailer-daemon@x.fr", 100, Kind::bounce, 0.99);
    bounce.record.classification.bounced_recipient = "lost@y.fr";
    const std::vector<store::StoredMessage> messages = {
        failed,
        large,
        charset,
        message("unsure@x.fr", 200, Kind::confirmed, 0.4),
        message("changed@x.fr", 100, Kind::confirmed),
        message("changed@x.fr", 200, Kind::declined),
        message("hesitant@x.fr", 100, Kind::declined),
        message("hesitant@x.fr", 200, Kind::tentative),
        message("progress@x.fr", 100, Kind::tentative),  // then decided: ordinary
        message("progress@x.fr", 200, Kind::confirmed),
        message("question@x.fr", 100, Kind::other, 0.75),
        message("away@x.fr", 100, Kind::auto_reply),  // a robot: nothing to review
        bounce,
    };
    const auto items = app::review(messages, respondents_of(messages));
    CHECK(reasons(items) == std::vector<std::pair<ReviewReason, std::string>>{
                                {ReviewReason::processing_failed, "broken@x.fr"},
                                {ReviewReason::body_not_fetched, "large@x.fr"},
                                {ReviewReason::decoding_problems, "charset@x.fr"},
                                {ReviewReason::low_confidence, "unsure@x.fr"},
                                {ReviewReason::contradictory, "changed@x.fr"},
                                {ReviewReason::contradictory, "hesitant@x.fr"},
                                {ReviewReason::no_decision, "question@x.fr"},
                                {ReviewReason::bounce, "mailer-daemon@x.fr"},
                            });
    CHECK(items[2].detail == "unknown charset; second problem");
    CHECK(items[4].detail == "confirmed 1970-01-01, declined 1970-01-01; the latest decides");
    CHECK(items[4].message == "<200@changed@x.fr>");
    CHECK(items[7].detail == "the invitation did not reach lost@y.fr");
}

TEST_CASE("app::review leaves out doubts a person's correction settled") {
    const std::vector<store::StoredMessage> messages = {message("changed@x.fr", 100, Kind::confirmed),
                                                        message("changed@x.fr", 200, Kind::declined),
                                                        message("changed@x.fr", 300, Kind::other, 0.2)};
    CHECK(app::review(messages, respondents_of(messages)).size() == 2);
    core::Correction correction;
    correction.address = "changed@x.fr";
    correction.status = Kind::declined;
    correction.reference = "correction 1";
    CHECK(app::review(messages, respondents_of(messages, {correction})).empty());
}

TEST_CASE("app::select filters messages by kind and date") {
    const std::vector<store::StoredMessage> messages = {message("a@x.fr", 100, Kind::confirmed), message("b@x.fr", 200, Kind::declined),
                                                        message("c@x.fr", 300, Kind::confirmed)};
    CHECK(app::select(messages, {Kind::confirmed, std::nullopt}).size() == 2);
    CHECK(app::select(messages, {std::nullopt, 200}).size() == 2);
    CHECK(app::select(messages, {Kind::confirmed, 200}).front().record.from_address == "c@x.fr");
    CHECK(app::select(messages, {Kind::bounce, std::nullopt}).empty());
}

TEST_CASE("app::write_list in every format") {
    const std::vector<store::StoredMessage> messages = {message("jean@x.fr", 100, Kind::confirmed)};
    auto respondents = respondents_of(messages);
    respondents[0].name = "=cmd|' /C calc'!A0 (Mairie)";
    const auto render = [&](app::Format format) {
        std::ostringstream out;
        app::write_list(out, respondents, format);
        return out.str();
    };
    CHECK(render(app::Format::csv) ==
          "\xEF\xBB\xBF" "address,name,organisation,status,party_size,delegate,date,decided_by,decided_by_arrival,corrected,note,message_count\r\n"
          "jean@x.fr,'=cmd|' /C calc'!A0 (Mairie),Mairie,confirmed,1,,1970-01-01T00:01:40+00:00,<100@jean@x.fr>,false,false,,1\r\n");
    const auto doc = nlohmann::json::parse(render(app::Format::json));
    CHECK(doc[0]["status"] == "confirmed");
    CHECK(doc[0]["delegate"].is_null());
    CHECK(doc[0]["organisation"] == "Mairie");
    CHECK(render(app::Format::text) ==
          "ADDRESS    NAME                         ORGANISATION  STATUS     PARTY  DELEGATE  DATE              DECIDED BY\n"
          "jean@x.fr  =cmd|' /C calc'!A0 (Mairie)  Mairie        confirmed  1      -         1970-01-01T00:01  <100@jean@x.fr>\n");
}
