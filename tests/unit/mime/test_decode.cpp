// Whole messages through decode(): transfer encodings, charsets, the choice
// of the body part, attachments and delivery reports.
#include <catch2/catch.hpp>

#include "mime_test_support.hpp"
#include "rsvp/mime/charset.hpp"
#include "rsvp/mime/decode.hpp"

using rsvp::mime::decode;
using rsvp::mime::test::contains;
using rsvp::mime::test::crlf;

namespace {

bool has_problem(const rsvp::core::DecodedMessage& m, std::string_view words) {
    for (const auto& p : m.problems) {
        if (contains(p, words)) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("mime::decode reads quoted-printable Latin-1 and the main header fields") {
    const auto m = decode(crlf(R"(Return-Path: <f.martin@x.fr>
From: =?ISO-8859-1?Q?Fran=E7oise?= Martin <f.martin@x.fr>
To: club@x.fr
Subject: =?ISO-8859-1?Q?R=E9ponse_=E0?= l'invitation
Date: Tue, 18 Oct 2016 10:02:55 +0200
Message-ID: <abc@x.fr>
In-Reply-To: <invitation@x.fr>
References: <first@x.fr>
 <invitation@x.fr>
MIME-Version: 1.0
Content-Type: text/plain; charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

Je serai pr=E9sent le 16 novembre, avec un coll=E8gue de la Direct=
ion des achats.
)"));
    CHECK(m.from.name == "Françoise Martin");
    CHECK(m.from.address == "f.martin@x.fr");
    CHECK(m.subject == "Réponse à l'invitation");
    CHECK(m.date_text == "Tue, 18 Oct 2016 10:02:55 +0200");
    REQUIRE(m.date);
    CHECK(m.date->utc_seconds == 1476777775);
    CHECK(m.date->offset_minutes == 120);
    CHECK(m.message_id == "<abc@x.fr>");
    CHECK(m.in_reply_to == "<invitation@x.fr>");
    CHECK(m.references == "<first@x.fr> <invitation@x.fr>");
    CHECK(m.body_text == "Je serai présent le 16 novembre, avec un collègue de la Direction des achats.");
    CHECK_FALSE(m.body_from_html);
    CHECK(m.attachments.empty());
    CHECK_FALSE(m.delivery_report);
    CHECK(m.problems.empty());
}

TEST_CASE("mime::decode keeps every header field in order, unfolded and decoded") {
    const auto m = decode(crlf(R"(Received: from a
	by b;
	Mon, 17 Oct 2016 14:38:31 +0200
Subject: =?utf-8?Q?Caf=C3=A9?=
 =?utf-8?Q?_cr=C3=A8me?=
X-Empty:
X-Raw: R)" "\xE9" R"(union
subject: second

body
)"));
    REQUIRE(m.headers.size() == 5);
    CHECK(m.headers[0] == std::pair<std::string, std::string>{"Received", "from a by b; Mon, 17 Oct 2016 14:38:31 +0200"});
    CHECK(m.headers[1] == std::pair<std::string, std::string>{"Subject", "Café crème"});
    CHECK(m.headers[2] == std::pair<std::string, std::string>{"X-Empty", ""});
    CHECK(m.headers[3] == std::pair<std::string, std::string>{"X-Raw", "Réunion"});
    CHECK(m.headers[4] == std::pair<std::string, std::string>{"subject", "second"});
    CHECK(m.subject == "Café crème");
    CHECK(m.header("x-raw") == "Réunion");
}

TEST_CASE("mime::decode reads base64 UTF-8") {
    const auto m = decode(crlf(R"(From: a@b.fr
Subject: =?UTF-8?B?UsOpcG9uc2U=?=
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: base64

Tm91cyBzZXJvbnMgZGV1eCA6IE1tZSBEdXJhbmQgZXQgbW9pLW3Dqm1lLg0KQmllbiDDoCB2b3Vz
LA0Kw4lsb2RpZQ0K
)"));
    CHECK(m.subject == "Réponse");
    CHECK(m.body_text == "Nous serons deux : Mme Durand et moi-même.\nBien à vous,\nÉlodie");
    CHECK(m.problems.empty());
}

TEST_CASE("mime::decode reads windows-1252 quotes and bullets") {
    const auto m = decode(crlf(R"(From: a@b.fr
Content-Type: text/plain; charset="windows-1252"
Content-Transfer-Encoding: quoted-printable

Il m=92a demand=E9 de vous pr=E9senter ses excuses.
Libert=E9 =95 =C9galit=E9 =96 Fraternit=E9
)"));
    CHECK(m.body_text == "Il m’a demandé de vous présenter ses excuses.\nLiberté • Égalité – Fraternité");
}

TEST_CASE("mime::decode prefers text/plain in multipart/alternative") {
    for (const bool html_first : {false, true}) {
        const std::string plain = R"(--alt
Content-Type: text/plain; charset=utf-8

Je serai présent.
)";
        const std::string html = R"(--alt
Content-Type: text/html; charset=utf-8

<p>Version <b>HTML</b></p>
)";
        const auto m = decode(crlf("From: a@b.fr\nContent-Type: multipart/alternative; boundary=alt\n\n" +
                                   (html_first ? html + plain : plain + html) + "--alt--\n"));
        INFO(html_first);
        CHECK(m.body_text == "Je serai présent.");
        CHECK_FALSE(m.body_from_html);
        CHECK(m.attachments.empty());
    }
}

TEST_CASE("mime::decode reads the HTML alternative when the plain one is blank") {
    const auto m = decode(crlf(R"(From: a@b.fr
Content-Type: multipart/alternative; boundary=alt

--alt
Content-Type: text/plain; charset=utf-8

 
--alt
Content-Type: text/html; charset=utf-8

<p>Je viens.</p>
--alt--
)"));
    CHECK(m.body_text == "Je viens.");
    CHECK(m.body_from_html);
}

TEST_CASE("mime::decode falls back to the HTML alternative") {
    const auto m = decode(crlf(R"(From: a@b.fr
Content-Type: multipart/alternative; boundary="b1"

--b1
Content-Type: text/html; charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

<p>Je serai pr=E9sent.</p><blockquote><p>Invitation</p></blockquote>
--b1--
)"));
    CHECK(m.body_text == "Je serai présent.\n> Invitation");
    CHECK(m.body_from_html);
}

TEST_CASE("mime::decode turns an HTML-only message into quoted text") {
    const auto m = decode(crlf(R"(From: LACROIX Hubert <hlacroix@marseille.fr>
Content-Type: text/html; charset="utf-8"
Content-Transfer-Encoding: quoted-printable

<html><head><meta http-equiv=3D"Content-Type" content=3D"text/html; charset=3D=
iso-8859-1"><style>p {margin:0}</style></head><body>
<p class=3D"MsoNormal">Je vous confirme que je ne pourrai pas =C3=AAtre pr=
=C3=A9sent.<o:p></o:p></p>
<div style=3D"border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm =
0cm 0cm">
<p class=3D"MsoNormal"><b>De&nbsp;:</b> SGAR PACA<br>
<b>Objet&nbsp;:</b> Invitation</p></div>
<p>Je vous invite =C3=A0 confirmer votre participation.</p>
</body></html>
)"));
    CHECK(m.body_from_html);
    CHECK(m.body_text ==
          "Je vous confirme que je ne pourrai pas être présent.\n> De : SGAR PACA\n> Objet : Invitation\n"
          "> Je vous invite à confirmer votre participation.");
}

TEST_CASE("mime::decode reads multipart/related with an inline image") {
    const auto m = decode(crlf(R"(From: a@b.fr
Content-Type: multipart/related; type="multipart/alternative";
	boundary="_000_rel_"

--_000_rel_
Content-Type: multipart/alternative;
	boundary="_000_alt_"

--_000_alt_
Content-Type: text/plain; charset="windows-1252"
Content-Transfer-Encoding: quoted-printable

Je serai pr=E9sente.
[cid:image001.png@01D2F89C.FCCAFDB0]

--_000_alt_
Content-Type: text/html; charset="windows-1252"

<p>HTML</p><img src=3D"cid:image001.png@01D2F89C.FCCAFDB0">
--_000_alt_--

--_000_rel_
Content-Type: image/png; name="image001.png"
Content-Description: image001.png
Content-Disposition: inline; filename="image001.png"; size=18
Content-ID: <image001.png@01D2F89C.FCCAFDB0>
Content-Transfer-Encoding: base64

iVBORw0KGgowMTIzNDU2Nzg5

--_000_rel_--
)"));
    CHECK(m.body_text == "Je serai présente.\n[cid:image001.png@01D2F89C.FCCAFDB0]");
    REQUIRE(m.attachments.size() == 1);
    CHECK(m.attachments[0].filename == "image001.png");
    CHECK(m.attachments[0].content_type == "image/png");
    CHECK(m.attachments[0].size == 18);
}

TEST_CASE("mime::decode lists attachments with RFC 2231 and RFC 2047 names") {
    const auto m = decode(crlf(R"(From: a@b.fr
Content-Type: multipart/mixed; boundary="mix"

--mix
Content-Type: text/plain; charset=utf-8

Ci-joint la liste.
--mix
Content-Type: application/pdf; name="liste.pdf"
Content-Disposition: attachment;
 filename*0*=utf-8''Participants%20M%C3%A9tropole;
 filename*1=" - 16 novembre.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQKJSBmYWtlIHBkZiBmb3IgdGVzdHMKJSVFT0YK
--mix
Content-Type: application/pdf;
 name="=?iso-8859-1?Q?Participants_M=E9tropole_AMP_-_16_novembre=2Epdf?="
Content-Disposition: attachment;
 filename="=?iso-8859-1?Q?Participants_M=E9tropole_AMP_-_16_novembre=2Epdf?="; size=36
Content-Transfer-Encoding: base64

JVBERi0xLjQKJSBmYWtlIHBkZiBmb3IgdGVzdHMKJSVFT0YK
--mix
Content-Type: APPLICATION/Octet-Stream; name*=iso-8859-1'fr'r%E9sum%E9.txt

raw
--mix
Content-Type: text/plain; charset=utf-8
Content-Disposition: attachment

Not the body.
--mix--
)"));
    CHECK(m.body_text == "Ci-joint la liste.");
    REQUIRE(m.attachments.size() == 4);
    CHECK(m.attachments[0].filename == "Participants Métropole - 16 novembre.pdf");
    CHECK(m.attachments[0].content_type == "application/pdf");
    CHECK(m.attachments[0].size == 36);
    CHECK(m.attachments[1].filename == "Participants Métropole AMP - 16 novembre.pdf");
    CHECK(m.attachments[1].size == 36);
    CHECK(m.attachments[2].filename == "résumé.txt");
    CHECK(m.attachments[2].content_type == "application/octet-stream");
    CHECK(m.attachments[2].size == 3);
    CHECK(m.attachments[3].filename.empty());
    CHECK(m.attachments[3].content_type == "text/plain");
}

TEST_CASE("mime::decode reads a delivery status notification without the returned message") {
    const auto m = decode(crlf(R"(Date: Mon, 17 Oct 2016 14:38:30 +0200 (CEST)
From: MAILER-DAEMON@smtp.paca.pref.gouv.fr (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
Content-Type: multipart/report; report-type=delivery-status;
	boundary="4B1F81C0A3.1476707910/smtp.paca.pref.gouv.fr"

This is a MIME-encapsulated message.

--4B1F81C0A3.1476707910/smtp.paca.pref.gouv.fr
Content-Type: text/plain; charset=us-ascii

<jean-luc.meyer@ville-gap.fr>: host mx.ville-gap.fr said: 550 5.1.1 User unknown

--4B1F81C0A3.1476707910/smtp.paca.pref.gouv.fr
Content-Type: message/delivery-status

Reporting-MTA: dns; smtp.paca.pref.gouv.fr
Arrival-Date: Mon, 17 Oct 2016 14:37:14 +0200 (CEST)

Final-Recipient: rfc822; jean-luc.meyer@ville-gap.fr
Original-Recipient: rfc822;jean-luc.meyer@ville-gap.fr
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 <jean-luc.meyer@ville-gap.fr>: Recipient address rejected:
    User unknown in virtual mailbox table

Final-Recipient: rfc822;<other@ville-gap.fr>
Action: Delayed
Status: 4.4.1

--4B1F81C0A3.1476707910/smtp.paca.pref.gouv.fr
Content-Type: message/rfc822

From: SGAR <sgar@paca.pref.gouv.fr>
Subject: Invitation
Content-Type: text/plain; charset=utf-8; format=flowed

Je vous invite =C3=A0 confirmer votre participation.

--4B1F81C0A3.1476707910/smtp.paca.pref.gouv.fr--
)"));
    CHECK(m.body_text == "<jean-luc.meyer@ville-gap.fr>: host mx.ville-gap.fr said: 550 5.1.1 User unknown");
    CHECK_FALSE(contains(m.body_text, "confirmer votre participation"));
    CHECK(m.subject == "Undelivered Mail Returned to Sender");
    REQUIRE(m.delivery_report);
    CHECK(m.delivery_report->reporting_mta == "smtp.paca.pref.gouv.fr");
    REQUIRE(m.delivery_report->recipients.size() == 2);
    const auto& r = m.delivery_report->recipients[0];
    CHECK(r.final_recipient == "jean-luc.meyer@ville-gap.fr");
    CHECK(r.action == "failed");
    CHECK(r.status == "5.1.1");
    CHECK(r.diagnostic ==
          "550 5.1.1 <jean-luc.meyer@ville-gap.fr>: Recipient address rejected: User unknown in virtual mailbox table");
    CHECK(m.delivery_report->recipients[1].final_recipient == "other@ville-gap.fr");
    CHECK(m.delivery_report->recipients[1].action == "delayed");
    REQUIRE(m.attachments.size() == 1);
    CHECK(m.attachments[0].content_type == "message/rfc822");
}

TEST_CASE("mime::decode never reads an enclosed message as the body") {
    const auto m = decode(crlf(R"(From: a@b.fr
Content-Type: multipart/mixed; boundary=m

--m
Content-Type: message/rfc822

Subject: Invitation
Content-Type: text/plain

Quoted invitation text.
--m
Content-Type: text/plain

Voir le message joint.
--m--
)"));
    CHECK(m.body_text == "Voir le message joint.");
    REQUIRE(m.attachments.size() == 1);
    CHECK(m.attachments[0].content_type == "message/rfc822");
}

TEST_CASE("mime::decode joins format=flowed lines and keeps quote depth") {
    const auto m = decode(crlf("From: a@b.fr\n"
                               "Content-Type: text/plain; charset=UTF-8; format=flowed\n"
                               "Content-Transfer-Encoding: 8bit\n"
                               "\n"
                               "Je serai pr\xC3\xA9sent avec M. Bruno Chevalier, adjoint au maire \n"
                               "d\xC3\xA9l\xC3\xA9gu\xC3\xA9 aux travaux.\n"
                               "\n"
                               "-- \n"
                               "G\xC3\xA9rard\n"
                               " From the stuffed line\n"
                               "Le 17/10/2016, SGAR a \xC3\xA9" "crit :\n"
                               "> L'objectif de ce club est \n"
                               "> de conforter une communaut\xC3\xA9 \n"
                               ">> d\xC3\xA9j\xC3\xA0 cit\xC3\xA9\n"
                               ">>\n"
                               "> fin\n"));
    CHECK(m.body_text ==
          "Je serai présent avec M. Bruno Chevalier, adjoint au maire délégué aux travaux.\n"
          "\n"
          "-- \n"
          "Gérard\n"
          "From the stuffed line\n"
          "Le 17/10/2016, SGAR a écrit :\n"
          "> L'objectif de ce club est de conforter une communauté\n"
          ">> déjà cité\n"
          ">>\n"
          "> fin");
}

TEST_CASE("mime::decode honours DelSp=yes in flowed quoted-printable text") {
    const auto m = decode(crlf(R"(From: a@b.fr
Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes
Content-Transfer-Encoding: quoted-printable

Je ser=20
ai l=C3=A0.
)"));
    CHECK(m.body_text == "Je serai là.");
}

TEST_CASE("mime::decode recovers from a header line without a colon") {
    const std::string raw = crlf(R"(From: a@b.fr
X-Mailer: Broken
this line has no colon
 and a continuation
Subject: Still read
Content-Type: text/plain; charset=utf-8

Body.
)");
    const auto m = decode(raw);
    CHECK(m.subject == "Still read");
    CHECK(m.body_text == "Body.");
    CHECK(has_problem(m, "without a field name"));
    CHECK(m.headers.size() == 4);
}

TEST_CASE("mime::decode takes the body as starting where the header stops making sense") {
    const auto m = decode(crlf("From: a@b.fr\nSubject: hi\nBonjour, je viens.\nA bientot\n"));
    CHECK(m.subject == "hi");
    CHECK(m.body_text == "Bonjour, je viens.\nA bientot");
    CHECK(has_problem(m, "blank line"));
}

TEST_CASE("mime::decode reads a message without Content-Type as text/plain") {
    const auto m = decode(crlf("From: a@b.fr\nSubject: x\n\nJe serai l\xC3\xA0.\n"));
    CHECK(m.body_text == "Je serai là.");
    CHECK(m.problems.empty());
    const auto latin = decode(crlf("From: a@b.fr\n\nJe serai l\xE0.\n"));
    CHECK(latin.body_text == "Je serai là.");
}

TEST_CASE("mime::decode notes an unknown charset and still reads the text") {
    const auto m = decode(crlf(R"(From: a@b.fr
Content-Type: text/plain; charset="x-klingon"
Content-Transfer-Encoding: quoted-printable

Je serai pr=E9sent.
)"));
    CHECK(m.body_text == "Je serai présent.");
    CHECK(has_problem(m, "x-klingon"));
}

TEST_CASE("mime::decode reads 8-bit Latin-1 labelled UTF-8") {
    const auto m = decode(crlf("From: a@b.fr\n"
                               "Content-Type: text/plain; charset=utf-8\n"
                               "Content-Transfer-Encoding: 8bit\n\n"
                               "Je serai pr\xE9sent avec un coll\xE8gue.\n"));
    CHECK(m.body_text == "Je serai présent avec un collègue.");
    CHECK(rsvp::mime::is_valid_utf8(m.body_text));
    CHECK(has_problem(m, "not valid"));
}

TEST_CASE("mime::decode copes with NUL bytes in header names, values and bodies") {
    using namespace std::string_literals;
    const auto m = decode(crlf("From: a@b.fr\nX-Bad\0Name: v\nSubject: Sa\0lut\nContent-Type: text/plain\n\nOu\0i.\n"s));
    CHECK(m.from.address == "a@b.fr");
    CHECK(m.subject == "Salut");
    CHECK(m.body_text == "Oui.");
    CHECK(has_problem(m, "without a field name"));
}

TEST_CASE("mime::decode reads a truncated multipart up to where it stops") {
    const auto cut_in_html = decode(crlf(R"(From: a@b.fr
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=utf-8

Je serai présent.
--alt
Content-Type: text/html; charset=utf-8

<p>Je serai pr)"));
    CHECK(cut_in_html.body_text == "Je serai présent.");
    CHECK(has_problem(cut_in_html, "truncated"));

    const auto cut_in_text = decode(crlf(R"(From: a@b.fr
Content-Type: multipart/mixed; boundary="m"

--m
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Je serai pr=C3=A9sent et nous serons)"));
    CHECK(cut_in_text.body_text == "Je serai présent et nous serons");
    CHECK(has_problem(cut_in_text, "truncated"));
}

TEST_CASE("mime::decode closes an inner multipart left open by an outer boundary") {
    const auto m = decode(crlf(R"(From: a@b.fr
Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: multipart/alternative; boundary="inner"

--inner
Content-Type: text/plain

Texte.
--outer
Content-Type: application/pdf; name="a.pdf"

PDF
--outer--
)"));
    CHECK(m.body_text == "Texte.");
    REQUIRE(m.attachments.size() == 1);
    CHECK(m.attachments[0].filename == "a.pdf");
}

TEST_CASE("mime::decode reads a multipart without boundary as text") {
    const auto m = decode(crlf("From: a@b.fr\nContent-Type: multipart/mixed\n\nJe viens.\n"));
    CHECK(m.body_text == "Je viens.");
    CHECK(has_problem(m, "boundary"));
}

TEST_CASE("mime::decode is not confused by boundaries that look like its own") {
    const auto m = decode(crlf(R"(From: a@b.fr
Content-Type: multipart/mixed; boundary="=_rsvp_1_"

--=_rsvp_1_
Content-Type: text/plain

line --=_rsvp_1_ inside
--=_rsvp_2_
--=_rsvp_1_
Content-Type: application/pdf; name="a.pdf"

x
--=_rsvp_1_--
)"));
    CHECK(m.body_text == "line --=_rsvP_1_ inside\n--=_rsvP_2_");
    REQUIRE(m.attachments.size() == 1);
    CHECK(m.attachments[0].filename == "a.pdf");
}

TEST_CASE("mime::decode accepts bare LF line ends") {
    const auto m = decode("From: a@b.fr\nSubject: =?utf-8?Q?LF?=\nContent-Type: multipart/alternative; boundary=b\n\n"
                          "--b\nContent-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\n"
                          "soft=\nbreak\n--b--\n");
    CHECK(m.subject == "LF");
    CHECK(m.body_text == "softbreak");
}

TEST_CASE("mime::decode notes a Date it cannot read and a From without address") {
    const auto m = decode(crlf("From: Microsoft Outlook\nDate: someday\n\nx\n"));
    CHECK_FALSE(m.date);
    CHECK(m.date_text == "someday");
    CHECK(m.from.address.empty());
    CHECK(has_problem(m, "Date"));
    CHECK(has_problem(m, "From"));
}
