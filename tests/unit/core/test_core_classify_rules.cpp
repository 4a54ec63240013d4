// Replies written for each rule of the classifier, in French and English,
// with the traps each rule must not fall into. Not taken from the corpus.
#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include "rsvp/core/classify.hpp"

using namespace rsvp::core;

namespace {

struct Case {
    const char* text;
    Kind kind;
    int party = -1;                 // -1: not checked (0 for every kind but confirmed)
    const char* delegate = nullptr;  // nullptr: no delegate expected
};

DecodedMessage plain_message(std::string subject = "RE: Invitation club des acheteurs") {
    DecodedMessage m;
    m.subject = std::move(subject);
    m.from = {"Claire Fabre", "claire.fabre@example.fr"};
    m.headers = {{"From", "Claire Fabre <claire.fabre@example.fr>"}, {"To", "sgar-club-acheteurs@paca.pref.gouv.fr"}};
    return m;
}

void check_cases(std::initializer_list<Case> cases) {
    for (const Case& c : cases) {
        const Classification got = classify(plain_message(), c.text);
        INFO("reply: " << c.text << "\nrule: " << got.evidence.rule << " on \"" << got.evidence.words << "\"");
        CHECK(to_string(got.kind) == to_string(c.kind));
        if (c.kind != Kind::confirmed) {
            CHECK(got.party_size == 0);
        } else if (c.party >= 0) {
            CHECK(got.party_size == c.party);
        }
        CHECK(got.delegate == (c.delegate ? std::optional<std::string>(c.delegate) : std::nullopt));
        if (got.evidence.where == "reply" && got.evidence.end > 0) {
            CHECK(std::string_view(c.text).substr(got.evidence.begin, got.evidence.end - got.evidence.begin) == got.evidence.words);
        }
    }
}

}  // namespace

TEST_CASE("core::classify short confirmations in French") {
    check_cases({
        {"OK pour moi.", Kind::confirmed, 1},
        {"Ok pour moi", Kind::confirmed, 1},
        {"Présent !", Kind::confirmed, 1},
        {"Présente", Kind::confirmed, 1},
        {"présent(e)", Kind::confirmed, 1},
        {"+1", Kind::confirmed, 1},
        {"Oui", Kind::confirmed, 1},
        {"Oui, avec plaisir.", Kind::confirmed, 1},
        {"J'y serai.", Kind::confirmed, 1},
        {"Je confirme.", Kind::confirmed, 1},
        {"Pas de souci pour moi, je serai là.", Kind::confirmed, 1},
        {"C'est noté, vous pouvez compter sur ma présence.", Kind::confirmed, 1},
        {"Merci de bien vouloir m'inscrire.", Kind::confirmed, 1},
        {"Je vous confirme ma venue au lancement du club.", Kind::confirmed, 1},
        {"Je serai bien des vôtres le 16.", Kind::confirmed, 1},
    });
}

TEST_CASE("core::classify confirmations without accents, with typos") {
    check_cases({
        {"je serai present", Kind::confirmed, 1},
        {"JE SERAI PRESENTE LE 16 NOVEMBRE", Kind::confirmed, 1},
        {"Je vous confirme ma particpation.", Kind::confirmed, 1},
        {"Je confime ma présence.", Kind::confirmed, 1},
        {"je serais présent le 16", Kind::confirmed, 1},
        {"Je participerais avec plaisir à cette rencontre.", Kind::confirmed, 1},
    });
}

TEST_CASE("core::classify long replies decide on the sentence that says it") {
    check_cases({
        {"Madame, Monsieur,\n\nJe vous remercie de votre invitation. Notre établissement s'est engagé depuis deux ans dans une "
         "démarche d'achats innovants, en lien avec les pôles de compétitivité de la région, et nous suivons avec attention les "
         "travaux engagés depuis les assises de la commande publique.\n\nC'est donc avec plaisir que je participerai au lancement du club.",
         Kind::confirmed, 1},
        {"Dear all,\n\nThank you for the kind invitation and for the background on the regional programme, which we have followed "
         "with interest.\n\nRegrettably, our board meets that very morning, so I will not be able to attend.",
         Kind::declined},
    });
}

TEST_CASE("core::classify short confirmations in English") {
    check_cases({
        {"I'll be there.", Kind::confirmed, 1},
        {"Yes, I will attend.", Kind::confirmed, 1},
        {"Yes", Kind::confirmed, 1},
        {"Please register me.", Kind::confirmed, 1},
        {"I'd be happy to attend.", Kind::confirmed, 1},
        {"I am pleased to accept your invitation.", Kind::confirmed, 1},
        {"I plan to attend the launch.", Kind::confirmed, 1},
        {"Looking forward to seeing you on the 16th.", Kind::confirmed, 1},
        {"I'm coming!", Kind::confirmed, 1},
    });
}

TEST_CASE("core::classify declines and the scope of negation, in French") {
    check_cases({
        {"Je ne pourrai malheureusement pas être présent.", Kind::declined},
        {"Je ne pourrai malheureusement pas venir le 16.", Kind::declined},
        {"Pas disponible ce jour-là, désolé.", Kind::declined},
        {"Je ne suis pas disponible le 16 novembre.", Kind::declined},
        {"Indisponible.", Kind::declined},
        {"Empêché, je ne pourrai me joindre à vous.", Kind::declined},
        {"Retenu par ailleurs, je vous prie d'excuser mon absence.", Kind::declined},
        {"Je suis au regret de ne pouvoir répondre favorablement à votre invitation.", Kind::declined},
        {"Excusez mon absence pour le 16.", Kind::declined},
        {"Je dois décliner votre invitation.", Kind::declined},
        {"Je n'y serai pas.", Kind::declined},
        {"Je ne serai pas là le 16.", Kind::declined},
        {"Je ne viendrai pas.", Kind::declined},
        {"Désolé, ce sera sans moi.", Kind::declined},
        {"Il me sera impossible de me rendre à Marseille ce jour-là.", Kind::declined},
        {"Mon emploi du temps ne me le permet pas.", Kind::declined},
        {"Je serai en déplacement le 16 novembre.", Kind::declined},
        {"Je suis déjà pris ce jour-là.", Kind::declined},
        {"Un engagement pris de longue date m'empêchera d'y assister.", Kind::declined},
        {"Je ne pense pas pouvoir venir.", Kind::declined},
        {"je ne pourrai pas etre present", Kind::declined},
        {"Je dois malheureusement renoncer.", Kind::declined},
    });
}

TEST_CASE("core::classify declines in English") {
    check_cases({
        {"I can't make it, sorry.", Kind::declined},
        {"I'm unable to attend.", Kind::declined},
        {"I will not be attending.", Kind::declined},
        {"Unfortunately I have a prior commitment that day.", Kind::declined},
        {"I'm not available on the 16th.", Kind::declined},
        {"I must respectfully decline.", Kind::declined},
        {"Please accept my apologies for my absence.", Kind::declined},
        {"I'll be travelling that week.", Kind::declined},
        {"Sorry, I won't be able to join you.", Kind::declined},
    });
}

TEST_CASE("core::classify litotes, restrictions and contrast") {
    check_cases({
        {"Je ne manquerai pas d'être présent.", Kind::confirmed, 1},
        {"Je n'y manquerai pas.", Kind::confirmed, 1},
        {"Je ne pourrai être présent que jusqu'à 11h.", Kind::confirmed, 1},
        {"Je ne serai là qu'à partir de 10h30.", Kind::confirmed, 1},
        {"Je ne pourrai pas venir le 10 mais je serai bien là le 16.", Kind::confirmed, 1},
        {"I wouldn't miss it!", Kind::confirmed, 1},
        {"N'hésitez pas à me contacter, je serai présent.", Kind::confirmed, 1},
        {"Je serai présent et n'hésite pas à vous solliciter si besoin.", Kind::confirmed, 1},
        {"Je serai présent, sauf empêchement de dernière minute.", Kind::confirmed, 1},
        {"I will attend, but my colleague cannot come.", Kind::confirmed, 1},
    });
}

TEST_CASE("core::classify conditions and doubt as tentative") {
    check_cases({
        {"Je serai présent sous réserve de la validation de ma hiérarchie.", Kind::tentative},
        {"Je ferai mon possible pour venir.", Kind::tentative},
        {"Je vous confirme dès que possible.", Kind::tentative},
        {"Je vous confirmerai ma présence la semaine prochaine.", Kind::tentative},
        {"Je ne sais pas encore si je pourrai venir.", Kind::tentative},
        {"Je vais essayer de me libérer.", Kind::tentative},
        {"Je viendrai si mon agenda le permet.", Kind::tentative},
        {"Je vous tiens au courant.", Kind::tentative},
        {"Peut-être, je dois voir avec mon chef.", Kind::tentative},
        {"Nous serions deux, sous réserve.", Kind::tentative},
        {"I'm not sure yet whether I can make it.", Kind::tentative},
        {"I'll try to come.", Kind::tentative},
        {"I might attend, I'll let you know.", Kind::tentative},
        {"I don't know yet if I can come.", Kind::tentative},
    });
}

TEST_CASE("core::classify delegation names the representative as written") {
    check_cases({
        {"Je me ferai représenter par ma collaboratrice Mme Claire Martin.", Kind::confirmed, 1, "Mme Claire Martin"},
        {"M. Julien Morel participera à ma place.", Kind::confirmed, 1, "M. Julien Morel"},
        {"Notre directeur étant empêché, c'est Mme Nadia Benali qui viendra.", Kind::confirmed, 1, "Mme Nadia Benali"},
        {"Le directeur sera représenté par M. Hugo Lambert.", Kind::confirmed, 1, "M. Hugo Lambert"},
        {"Je ne pourrai pas venir, mais mon adjoint M. Paul Roux participera.", Kind::confirmed, 1, "M. Paul Roux"},
        {"Je me ferai représenter.", Kind::confirmed, 1},
        {"My deputy, Mr. Tom Hale, will attend in my place.", Kind::confirmed, 1, "Mr. Tom Hale"},
        {"I cannot attend; Dr. Anna Weber will come instead.", Kind::confirmed, 1, "Dr. Anna Weber"},
    });
}

TEST_CASE("core::classify an assistant answering for her director") {
    check_cases({
        {"M. le Directeur participera au lancement du club.", Kind::confirmed, 1},
        {"Monsieur le Directeur sera présent le 16 novembre.", Kind::confirmed, 1},
        // She registers three colleagues and does not come herself.
        {"Merci d'inscrire M. Alain Petit, Mme Sonia Blanc et M. Rémi Caron. Je ne serai pas présente moi-même.", Kind::confirmed, 3},
        {"Je vous confirme l'inscription de M. Alain Petit, Mme Sonia Blanc et M. Rémi Caron.", Kind::confirmed, 3},
    });
}

TEST_CASE("core::classify party sizes in digits and in words") {
    check_cases({
        {"Nous serons deux.", Kind::confirmed, 2},
        {"Nous serons 2.", Kind::confirmed, 2},
        {"Nous viendrons à trois.", Kind::confirmed, 3},
        {"Je viendrai avec deux collègues.", Kind::confirmed, 3},
        {"Je serai présent, accompagné de mon adjoint.", Kind::confirmed, 2},
        {"3 personnes de la DRFiP participeront.", Kind::confirmed, 3},
        {"Mon adjoint et moi serons présents.", Kind::confirmed, 2},
        {"Je serai présent avec M. Luc Petit et Mme Anne Roy.", Kind::confirmed, 3},
        {"We will be three.", Kind::confirmed, 3},
        {"My colleague and I will attend.", Kind::confirmed, 2},
        {"I will attend and bring a colleague.", Kind::confirmed, 2},
        {"Je serai présent à 9h30.", Kind::confirmed, 1},
        {"Je serai présent le 16 novembre à 9h30, seul.", Kind::confirmed, 1},
    });
}

TEST_CASE("core::classify questions, forwards and unrelated mail as other") {
    check_cases({
        {"Où peut-on se garer ?", Kind::other},
        {"Pouvez-vous m'envoyer le programme ?", Kind::other},
        {"Puis-je venir avec un collègue ?", Kind::other},
        {"Je transmets à ma collègue, qui vous répondra.", Kind::other},
        {"Is there a programme for the day?", Kind::other},
        {"Merci de noter notre nouvelle adresse postale.", Kind::other},
    });
}

TEST_CASE("core::classify a registration asked as a question is a yes") {
    check_cases({{"Pourriez-vous m'inscrire ainsi que M. Karim Saïd ?", Kind::confirmed, 2}});
}

TEST_CASE("core::classify out-of-office text with no header") {
    const DecodedMessage m = plain_message();
    for (const char* text : {"Je suis absente du bureau jusqu'au 28 octobre. Je serai présente à nouveau le lundi 31 octobre.",
                             "Je suis en congé jusqu'au 2 novembre. Je prendrai connaissance de votre message à mon retour.",
                             "I am out of the office until 24 October with limited access to e-mail.",
                             "Nous accusons bonne réception de votre message. Ceci est un message automatique."}) {
        INFO(text);
        CHECK(classify(m, text).kind == Kind::auto_reply);
    }
}

TEST_CASE("core::classify machines by header and subject") {
    auto with = [](std::string subject, std::vector<std::pair<std::string, std::string>> headers) {
        DecodedMessage m = plain_message(std::move(subject));
        m.headers.insert(m.headers.end(), headers.begin(), headers.end());
        return classify(m, "Je serai présent à mon retour.").kind;
    };
    CHECK(with("RE: Invitation", {{"Auto-Submitted", "auto-replied"}}) == Kind::auto_reply);
    CHECK(with("RE: Invitation", {{"Auto-Submitted", "auto-replied (zimbra; vacation)"}}) == Kind::auto_reply);
    CHECK(with("RE: Invitation", {{"X-MS-Exchange-Generated-Message-Source", "Mailbox Rules Agent"}}) == Kind::auto_reply);
    CHECK(with("RE: Invitation", {{"X-Autoreply", "yes"}}) == Kind::auto_reply);
    CHECK(with("RE: Invitation", {{"Precedence", "auto_reply"}}) == Kind::auto_reply);
    CHECK(with("RE: Invitation", {{"Return-Path", "<>"}}) == Kind::auto_reply);
    CHECK(with("Réponse automatique : Invitation", {}) == Kind::auto_reply);
    CHECK(with("Absence du bureau : Invitation", {}) == Kind::auto_reply);
    CHECK(with("Automatic reply: Invitation", {}) == Kind::auto_reply);
    CHECK(with("Out of Office: Invitation", {}) == Kind::auto_reply);
    CHECK(with("RE: Invitation [Réponse automatique]", {}) == Kind::auto_reply);
    CHECK(with("Remis : Invitation", {}) == Kind::auto_reply);
    CHECK(with("Lu : Invitation", {}) == Kind::auto_reply);
    CHECK(with("Read: Invitation", {}) == Kind::auto_reply);
    // Exchange sets X-Auto-Response-Suppress on ordinary mail.
    CHECK(with("RE: Invitation", {{"X-Auto-Response-Suppress", "DR, RN, NRN, OOF, AutoReply"}}) == Kind::confirmed);
    CHECK(with("RE: Invitation", {{"Auto-Submitted", "no"}}) == Kind::confirmed);
    CHECK(with("RE: Invitation", {{"Return-Path", "<claire.fabre@example.fr>"}}) == Kind::confirmed);
}

TEST_CASE("core::classify delivery delays and confirmations are machines, not bounces") {
    DecodedMessage delayed = plain_message("Delayed Mail (still being retried)");
    delayed.from = {"Mail Delivery System", "MAILER-DAEMON@mx.example.fr"};
    CHECK(classify(delayed, "This is the mail system. Your message could not be delivered for 4 hours. It will be retried until it is 5 days old.\n"
                            "I will continue to try.").kind == Kind::auto_reply);
    DecodedMessage dsn_delay = plain_message("Delivery Status Notification (Delay)");
    dsn_delay.from = {"Mail Delivery Subsystem", "mailer-daemon@googlemail.com"};
    CHECK(classify(dsn_delay, "Delivery to the following recipient has been delayed: jean@ville.fr").kind == Kind::auto_reply);
    DecodedMessage report = plain_message("Delivery Status Notification (Relay)");
    report.delivery_report = DeliveryReport{"mx", {{"jean@ville.fr", "relayed", "2.0.0", ""}}};
    CHECK(classify(report, "").kind == Kind::auto_reply);
}

TEST_CASE("core::classify plain-text bounces name the address that failed, not the organiser's") {
    DecodedMessage exim = plain_message("Mail delivery failed: returning message to sender");
    exim.from = {"Mail Delivery System", "Mailer-Daemon@mail.ville-nice.fr"};
    auto c = classify(exim, "This message was created automatically by mail delivery software.\n\n"
                            "A message that you sent could not be delivered to one or more of its recipients. "
                            "From sgar-club-acheteurs@paca.pref.gouv.fr to:\n\n  paul.martin@ville-nice.fr\n    unknown user");
    CHECK(c.kind == Kind::bounce);
    CHECK(c.bounced_recipient == std::optional<std::string>("paul.martin@ville-nice.fr"));

    DecodedMessage qmail = plain_message("failure notice");
    qmail.from = {"", "MAILER-DAEMON@smtp.example.com"};
    c = classify(qmail, "Hi. This is the qmail-send program at smtp.example.com.\nI'm afraid I wasn't able to deliver your message "
                        "to the following addresses.\n\n<a.nobody@example.com>:\nSorry, no mailbox here by that name.");
    CHECK(c.kind == Kind::bounce);
    CHECK(c.bounced_recipient == std::optional<std::string>("a.nobody@example.com"));

    DecodedMessage exchange = plain_message("Non remis : Invitation");
    exchange.from = {"Microsoft Outlook", "MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@cg13.fr"};
    c = classify(exchange, "Votre message n'a pas pu être remis à :\n\nmarc.durand@cg13.fr\n\nLe destinataire est introuvable.");
    CHECK(c.kind == Kind::bounce);
    CHECK(c.bounced_recipient == std::optional<std::string>("marc.durand@cg13.fr"));
}

TEST_CASE("core::classify calendar replies by the subject the client writes") {
    CHECK(classify(plain_message("Accepté : Lancement du club des acheteurs"), "").kind == Kind::confirmed);
    CHECK(classify(plain_message("Accepted: Club launch"), "").party_size == 1);
    CHECK(classify(plain_message("Refusé : Lancement du club des acheteurs"), "").kind == Kind::declined);
    CHECK(classify(plain_message("Declined: Club launch"), "").kind == Kind::declined);
    CHECK(classify(plain_message("Provisoire : Lancement du club des acheteurs"), "").kind == Kind::tentative);
    CHECK(classify(plain_message("Tentative: Club launch"), "").kind == Kind::tentative);
    // What the person wrote wins over the client's subject.
    CHECK(classify(plain_message("Accepté : Lancement du club"), "Finalement je ne pourrai pas venir.").kind == Kind::declined);
}

TEST_CASE("core::classify subject-only replies") {
    CHECK(classify(plain_message("Participation confirmée"), "").kind == Kind::confirmed);
    CHECK(classify(plain_message("Confirmation participation M. Dupont"), "").kind == Kind::confirmed);
    CHECK(classify(plain_message("Présent"), "").kind == Kind::confirmed);
    CHECK(classify(plain_message("Absent le 16 novembre"), "").kind == Kind::declined);
    // A reply prefix: the rest is the quoted subject and decides nothing.
    CHECK(classify(plain_message("RE: Confirmation de votre participation"), "").kind == Kind::other);
    CHECK(classify(plain_message("TR: Participation confirmée"), "").kind == Kind::other);
}

TEST_CASE("core::classify is unsure when rules disagree or nothing decides") {
    const auto mixed = classify(plain_message(), "Je serai présent. Malheureusement je ne pourrai pas venir.");
    CHECK(mixed.confidence < k_review_confidence);
    const auto nothing = classify(plain_message(), "Bonjour, merci.");
    CHECK(nothing.kind == Kind::other);
    CHECK(nothing.confidence < k_review_confidence);
    const auto clear = classify(plain_message(), "Je serai présent.");
    CHECK(clear.confidence >= k_review_confidence);
}

TEST_CASE("core::classify more ways to say yes, no and who comes") {
    check_cases({
        {"Bonjour, je serai accompagnée de deux collaborateurs de mon service.", Kind::confirmed, 3},
        {"Je serai présente ainsi que mon collègue Marc.", Kind::confirmed, 2},
        {"Merci de prendre en compte ma participation et celle de Mme Claire Roy.", Kind::confirmed, 2},
        {"Nous vous confirmons la présence de deux représentants de la Région.", Kind::confirmed, 2},
        {"Mme Lise Durand et M. Paul Bernard participeront pour notre direction.", Kind::confirmed, 2},
        {"Présents : M. Olivier Gomez et moi-même.", Kind::confirmed, 2},
        {"Je vous remercie, nous serons là à deux.", Kind::confirmed, 2},
        {"Inscription : Jean Martin, Direction des achats.", Kind::confirmed, 1},
        {"Ma participation est confirmée.", Kind::confirmed, 1},
        {"Je serai ravi de participer.", Kind::confirmed, 1},
        {"Je réponds favorablement à votre invitation.", Kind::confirmed, 1},
        {"Je suis partante !", Kind::confirmed, 1},
        {"I'm in.", Kind::confirmed, 1},
        {"Je ne pourrai répondre favorablement à votre invitation.", Kind::declined},
        {"Je vous remercie pour cette invitation, à laquelle je ne pourrai donner suite.", Kind::declined},
        {"Je n'ai pas de disponibilité le 16.", Kind::declined},
        {"Je dois malheureusement me désister.", Kind::declined},
        {"Je ne peux pas.", Kind::declined},
        {"Non merci.", Kind::declined},
        {"Je suis en congé cette semaine-là.", Kind::declined},
        {"I'm afraid I have a clash.", Kind::declined},
        {"I'd love to come but I'm on holiday that week.", Kind::declined},
        {"Not this time, sorry.", Kind::declined},
        {"Je devrais pouvoir venir, je vous le confirme la semaine prochaine.", Kind::tentative},
        {"Ma participation dépendra de l'ordre du jour de la commission.", Kind::tentative},
        {"It depends on my schedule.", Kind::tentative},
        {"M. Dupont, directeur des achats, représentera notre établissement.", Kind::confirmed, 1, "M. Dupont"},
        {"Ma directrice étant retenue, c'est M. Pierre Lemaire qui la représentera.", Kind::confirmed, 1, "M. Pierre Lemaire"},
        {"Je ne serai pas présent, mais Mme Anne Petit, mon adjointe, sera présente.", Kind::confirmed, 1, "Mme Anne Petit"},
        {"I will send a colleague, Mr. John Doe, in my stead.", Kind::confirmed, 1, "Mr. John Doe"},
        {"Our team will be represented by Ms. Jane Roe.", Kind::confirmed, 1, "Ms. Jane Roe"},
        {"Qui représentera votre collectivité ?", Kind::other},
        {"Je serai heureux d'être informé des suites du club.", Kind::other},
    });
}
