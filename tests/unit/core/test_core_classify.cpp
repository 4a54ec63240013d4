#include <catch2/catch.hpp>

#include "rsvp/core/classify.hpp"

using namespace rsvp::core;

namespace {

DecodedMessage message_with(std::string subject = "RE: Invitation", std::vector<std::pair<std::string, std::string>> headers = {}) {
    DecodedMessage m;
    m.subject = std::move(subject);
    m.headers = std::move(headers);
    m.from = {"Jean Dupont", "jean.dupont@example.fr"};
    return m;
}

Classification reply(std::string_view text) { return classify(message_with(), text); }

}  // namespace

TEST_CASE("core::classify reads short and long confirmations") {
    for (const char* text : {"Je serai présent.", "Présent !", "oui je serai là le 16", "Je vous confirme ma participation le 16 novembre.",
                             "Je serai donc bien présente.", "je serai present", "I will attend on 16 November.", "Count me in!",
                             "Je participerai volontiers à cette réunion.", "OK pour moi.", "+1",
                             "Merci pour cette invitation, qui tombe à point nommé.\n\nJe serai donc présent le 16 novembre."}) {
        INFO(text);
        const auto c = reply(text);
        CHECK(c.kind == Kind::confirmed);
        CHECK(c.party_size == 1);
        CHECK_FALSE(c.evidence.rule.empty());
    }
}

TEST_CASE("core::classify reads declines, negations included") {
    for (const char* text : {"Je ne serai pas présent le 16 novembre.", "Malheureusement indisponible ce jour-là.",
                             "Je ne pourrai malheureusement pas participer au lancement.", "Je vous confirme mon absence.",
                             "Je vous confirme que je ne pourrai pas être présent.", "Je suis au regret de ne pouvoir venir.",
                             "Je vous prie d'excuser mon absence.", "I'm afraid I won't be able to attend.",
                             "Unfortunately I will not be able to attend.", "je ne pourrai être présent ce jour-là",
                             "Le Département ne sera pas représenté à cette rencontre."}) {
        INFO(text);
        const auto c = reply(text);
        CHECK(c.kind == Kind::declined);
        CHECK(c.party_size == 0);
    }
}

TEST_CASE("core::classify reads litotes and restrictions as a yes") {
    for (const char* text : {"Je ne manquerai pas de venir.", "Je ne manquerai pas d'être présent.",
                             "Je ne pourrai être présent qu'à partir de 10h30.", "I wouldn't miss it."}) {
        INFO(text);
        CHECK(reply(text).kind == Kind::confirmed);
    }
}

TEST_CASE("core::classify reads conditions and doubt as tentative") {
    for (const char* text : {"Je vous confirme ma participation, sous réserve de l'accord de ma hiérarchie.",
                             "Je ferai mon possible pour être parmi vous.", "Je pense pouvoir venir. Je vous confirme dès que possible.",
                             "Nous serions deux, sous réserve.", "I'll let you know next week."}) {
        INFO(text);
        const auto c = reply(text);
        CHECK(c.kind == Kind::tentative);
        CHECK(c.party_size == 0);
    }
}

TEST_CASE("core::classify counts the party") {
    CHECK(reply("Nous serons deux pour la direction.").party_size == 2);
    CHECK(reply("Nous ne serons que deux.").party_size == 2);
    CHECK(reply("Pour le centre hospitalier, nous serons trois.").party_size == 3);
    CHECK(reply("Je viendrai avec un collègue.").party_size == 2);
    CHECK(reply("Je serai présent, accompagné de M. Yannick Olivier.").party_size == 2);
    CHECK(reply("Je serai présent avec M. Bruno Chevalier.").party_size == 2);
    CHECK(reply("Quatre agents participeront, dont moi-même.").party_size == 4);
    CHECK(reply("I will attend together with my colleague Marco.").party_size == 2);
    CHECK(reply("Two of us will come.").party_size == 2);
    CHECK(reply("Je serai présent le 16 novembre.").party_size == 1);
}

TEST_CASE("core::classify names a representative sent in the sender's place") {
    auto c = reply("Ne pouvant être présent, je me ferai représenter par Mme Sandrine Roussel, responsable des achats.");
    CHECK(c.kind == Kind::confirmed);
    CHECK(c.party_size == 1);
    CHECK(c.delegate == std::optional<std::string>("Mme Sandrine Roussel"));

    c = reply("Un empêchement m'oblige à renoncer. M. Karim Haddad, responsable des achats, me représentera.");
    CHECK(c.kind == Kind::confirmed);
    CHECK(c.delegate == std::optional<std::string>("M. Karim Haddad"));

    c = reply("Unfortunately I cannot come, but I have asked Ms. Leila Benali to attend on my behalf.");
    CHECK(c.kind == Kind::confirmed);
    CHECK(c.delegate == std::optional<std::string>("Ms. Leila Benali"));

    c = reply("Je me ferai représenter.");
    CHECK(c.kind == Kind::confirmed);
    CHECK_FALSE(c.delegate.has_value());
}

TEST_CASE("core::classify weighs the sender's own words above a colleague's") {
    const auto c = reply("Je serai présente le 16 novembre. En revanche, mon collègue ne pourra pas se libérer.");
    CHECK(c.kind == Kind::confirmed);
    CHECK(c.party_size == 1);
}

TEST_CASE("core::classify recognises machines by their headers") {
    CHECK(classify(message_with("Absence", {{"Auto-Submitted", "auto-replied (zimbra; vacation)"}}), "Je serai présente à nouveau lundi.").kind == Kind::auto_reply);
    CHECK(classify(message_with("RE: x", {{"X-Autoreply", "yes"}}), "").kind == Kind::auto_reply);
    CHECK(classify(message_with("Réponse automatique : Invitation"), "Je suis absente.").kind == Kind::auto_reply);
    // Exchange sets X-Auto-Response-Suppress on ordinary mail: not a machine.
    CHECK(classify(message_with("RE: x", {{"X-Auto-Response-Suppress", "All"}}), "Je serai présent.").kind == Kind::confirmed);
    CHECK(classify(message_with("RE: x", {{"Auto-Submitted", "no"}}), "Je serai présent.").kind == Kind::confirmed);
}

TEST_CASE("core::classify recognises out-of-office text with no header") {
    const auto c = reply("Thank you for your message. I am out of the office until Monday 24 October with limited access to e-mail.");
    CHECK(c.kind == Kind::auto_reply);
}

TEST_CASE("core::classify recognises bounces and the address that failed") {
    DecodedMessage dsn = message_with("Undelivered Mail Returned to Sender");
    dsn.delivery_report = DeliveryReport{"smtp.example.fr", {{"jean@ville.fr", "failed", "5.1.1", "unknown user"}}};
    auto c = classify(dsn, "");
    CHECK(c.kind == Kind::bounce);
    CHECK(c.bounced_recipient == std::optional<std::string>("jean@ville.fr"));

    DecodedMessage ndr = message_with("Non remis : Invitation");
    ndr.from = {"Microsoft Outlook", "MicrosoftExchange329e@cg04.fr"};
    c = classify(ndr, "Impossible de remettre le message aux destinataires suivants :\nthomas.renard@cg04.fr\n");
    CHECK(c.kind == Kind::bounce);
    CHECK(c.bounced_recipient == std::optional<std::string>("thomas.renard@cg04.fr"));

    DecodedMessage delayed = message_with("Delivery delayed");
    delayed.delivery_report = DeliveryReport{"mx", {{"a@b.fr", "delayed", "4.4.1", ""}}};
    CHECK(classify(delayed, "").kind == Kind::auto_reply);
}

TEST_CASE("core::classify reads a subject the sender typed, not a quoted one") {
    CHECK(classify(message_with("Participation confirmée"), "").kind == Kind::confirmed);
    CHECK(classify(message_with("RE : Confirmation de participation"), "").kind == Kind::other);
}

TEST_CASE("core::classify says other, with low confidence when nothing decides") {
    auto c = reply("Est-il possible de stationner dans l'enceinte de la préfecture ?");
    CHECK(c.kind == Kind::other);
    c = reply("Bonjour,");
    CHECK(c.kind == Kind::other);
    CHECK(c.confidence < k_review_confidence);
}

TEST_CASE("core::classify evidence points at the deciding words") {
    const std::string text = "Bonjour,\n\nJe ne serai pas présent le 16.";
    const auto c = reply(text);
    REQUIRE(c.kind == Kind::declined);
    CHECK(c.evidence.where == "reply");
    CHECK(text.substr(c.evidence.begin, c.evidence.end - c.evidence.begin) == c.evidence.words);
    CHECK(c.evidence.words.find("pas") != std::string::npos);
}

TEST_CASE("core::classify lets a calendar reply's PARTSTAT decide") {
    DecodedMessage m = message_with("Accepté : Lancement du club");
    m.calendar_reply = CalendarReply{"ACCEPTED", "jean.dupont@example.fr", "Lancement du club"};
    auto c = classify(m, "");
    CHECK(c.kind == Kind::confirmed);
    CHECK(c.party_size == 1);
    CHECK(c.evidence.where == "calendar");
    m.calendar_reply->partstat = "DECLINED";
    CHECK(classify(m, "").kind == Kind::declined);
    m.calendar_reply->partstat = "TENTATIVE";
    CHECK(classify(m, "").kind == Kind::tentative);
    // No answer yet: the words decide.
    m.calendar_reply->partstat = "NEEDS-ACTION";
    CHECK(classify(m, "Je serai présent.").kind == Kind::confirmed);
}
