#include <catch2/catch.hpp>

#include "rsvp/core/extract.hpp"

using rsvp::core::extract_reply;

TEST_CASE("core::extract_reply cuts an Outlook French header block and all below") {
    const auto r = extract_reply(
        "Bonjour,\r\n\r\nJe serai présent.\r\n\r\n"
        "De : SGAR PACA [mailto:sgar@paca.fr]\r\nEnvoyé : lundi 17 octobre 2016 14:37\r\nÀ : X\r\nObjet : Invitation\r\n\r\n"
        "Je vous invite à confirmer votre participation.\r\n");
    CHECK(r.text == "Bonjour,\n\nJe serai présent.");
    REQUIRE(r.cuts.size() == 1);
    CHECK(r.cuts[0].reason == "quote-header");
}

TEST_CASE("core::extract_reply cuts separators of Outlook, Zimbra and forwards") {
    for (const char* separator : {"-----Message d'origine-----", "----- Mail original -----", "-----Original Message-----",
                                  "-------- Message transféré --------", "Début du message réexpédié :"}) {
        const auto r = extract_reply(std::string("Oui.\n") + separator + "\nDe: x\nconfirmer votre participation\n");
        CHECK(r.text == "Oui.");
    }
}

TEST_CASE("core::extract_reply keeps text written below a quote") {
    const auto r = extract_reply("On 17/10/2016 14:37, SGAR wrote:\n> Please confirm.\n>\n\nI'll let you know next week.\n");
    CHECK(r.text == "I'll let you know next week.");
}

TEST_CASE("core::extract_reply keeps inline answers between quoted lines") {
    const auto r = extract_reply("> Serez-vous présent ?\nOui.\n> Combien serez-vous ?\nDeux.\n");
    CHECK(r.text == "Oui.\nDeux.");
}

TEST_CASE("core::extract_reply recognises an attribution wrapped over two lines") {
    const auto r = extract_reply("Malheureusement indisponible.\n\nLe 17 octobre 2016 à 14:37, SGAR PACA - Club acheteurs\n<sgar@paca.fr> a écrit :\n\n> confirmer votre participation\n");
    CHECK(r.text == "Malheureusement indisponible.");
}

TEST_CASE("core::extract_reply removes signatures, closings and disclaimers") {
    const auto r = extract_reply(
        "Je serai présente.\n\nCordialement,\nMarie Dupont\nPrésente les lundis et mardis\n\n"
        "Ce message et toutes les pièces jointes sont confidentiels.\n");
    CHECK(r.text == "Je serai présente.");
    const auto phone = extract_reply("Présent.\n\nEnvoyé de mon iPhone\n");
    CHECK(phone.text == "Présent.");
    const auto dashes = extract_reply("Yes.\n-- \nJohn\nwill attend every meeting\n");
    CHECK(dashes.text == "Yes.");
}

TEST_CASE("core::extract_reply keeps a long sentence that merely starts like a closing") {
    const auto r = extract_reply("Merci pour l'invitation, je serai présent avec un collègue de mon service.\n");
    CHECK(r.text == "Merci pour l'invitation, je serai présent avec un collègue de mon service.");
}
