#include <catch2/catch.hpp>

#include <string>

#include "rsvp/mime/charset.hpp"
#include "rsvp/mime/html.hpp"

using rsvp::mime::html_to_text;

TEST_CASE("mime::html_to_text turns blocks and breaks into lines") {
    CHECK(html_to_text("<p>Bonjour,</p><p>&nbsp;</p><p>Je serai pr&eacute;sent.</p>") == "Bonjour,\n\nJe serai présent.");
    CHECK(html_to_text("<div>a<br>b<br><br>c</div><h1>T</h1><ul><li>x</li><li>y</li></ul>") == "a\nb\n\nc\nT\nx\ny");
    CHECK(html_to_text("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>") == "a b\nc");
}

TEST_CASE("mime::html_to_text collapses whitespace inside text runs") {
    CHECK(html_to_text("<p>Je   serai\n  <b>pr\xC3\xA9sent</b>\t le <i>16</i>.</p>") == "Je serai présent le 16.");
    CHECK(html_to_text("<p>RE&nbsp;: x</p>") == "RE : x");
}

TEST_CASE("mime::html_to_text decodes entities") {
    CHECK(html_to_text("<p>&lt;a&gt; &amp; &eacute;t&eacute; &#8217; &#x2022; &laquo;x&raquo;</p>") == "<a> & été ’ • «x»");
}

TEST_CASE("mime::html_to_text drops head, scripts and styles") {
    const std::string html =
        "<html><head><title>Titre</title><style>p {color:red}</style></head>"
        "<body><script>alert(1)</script><p>Texte</p><style>.x{}</style><!-- comment --></body></html>";
    CHECK(html_to_text(html) == "Texte");
}

TEST_CASE("mime::html_to_text allows at most one blank line in a row") {
    CHECK(html_to_text("<p>a</p><p></p><br><br><br><p>&nbsp;</p><p>b</p><br><br>") == "a\n\nb");
}

TEST_CASE("mime::html_to_text prefixes blockquotes, nested ones twice") {
    CHECK(html_to_text("<p>Oui</p><blockquote><p>Question ?</p><blockquote>Invitation</blockquote></blockquote><p>Fin</p>") ==
          "Oui\n> Question ?\n> > Invitation\nFin");
}

TEST_CASE("mime::html_to_text quotes Gmail's gmail_quote division") {
    const std::string html =
        "<div dir=\"ltr\">Je serai l\xC3\xA0.</div><br><div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">"
        "Le lun. 17 oct. 2016 \xC3\xA0 14:37, SGAR a \xC3\xA9" "crit&nbsp;:<br></div>"
        "<blockquote class=\"gmail_quote\" style=\"margin:0px\"><div>Invitation</div></blockquote></div>";
    CHECK(html_to_text(html) == "Je serai là.\n\n> Le lun. 17 oct. 2016 à 14:37, SGAR a écrit :\n> > Invitation");
}

TEST_CASE("mime::html_to_text quotes Outlook's reply header and everything after it") {
    const std::string html =
        "<div class=\"WordSection1\"><p class=\"MsoNormal\">Je serai pr\xC3\xA9sent.<o:p></o:p></p>"
        "<p class=\"MsoNormal\"><o:p>&nbsp;</o:p></p>"
        "<div style=\"border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm\">"
        "<p class=\"MsoNormal\"><b>De&nbsp;:</b> SGAR PACA<br><b>Envoy\xC3\xA9&nbsp;:</b> lundi 17 octobre 2016<o:p></o:p></p>"
        "</div><p class=\"MsoNormal\"><o:p>&nbsp;</o:p></p><p class=\"MsoNormal\">Je vous invite.</p></div>";
    CHECK(html_to_text(html) == "Je serai présent.\n\n> De : SGAR PACA\n> Envoyé : lundi 17 octobre 2016\n>\n> Je vous invite.");
}

TEST_CASE("mime::html_to_text quotes Outlook's divRplyFwdMsg and what follows") {
    const std::string html =
        "<div>Yes, I will come.</div><hr style=\"display:inline-block\"><div id=\"divRplyFwdMsg\" dir=\"ltr\">"
        "<b>From:</b> SGAR<br><b>Sent:</b> Monday</div><div><div>Original text</div></div>";
    CHECK(html_to_text(html) == "Yes, I will come.\n> From: SGAR\n> Sent: Monday\n> Original text");
}

TEST_CASE("mime::html_to_text leaves a bordered division without a reply header alone") {
    const std::string html = "<p>Hello</p><div style=\"border-top:solid #ccc 1pt\"><p>Signature box</p></div>";
    CHECK(html_to_text(html) == "Hello\nSignature box");
}

TEST_CASE("mime::html_to_text keeps preformatted text") {
    CHECK(html_to_text("<pre>a  b\n  c</pre><p>d   e</p>") == "a  b\n  c\nd e");
}

TEST_CASE("mime::html_to_text trusts the caller's UTF-8 over a meta charset") {
    const std::string html =
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head>"
        "<body><p>pr\xC3\xA9sent \xE2\x80\x99</p></body></html>";
    CHECK(html_to_text(html) == "présent ’");
}

TEST_CASE("mime::html_to_text survives broken and hostile HTML") {
    CHECK(html_to_text("") == "");
    CHECK(html_to_text("<p>unclosed <b>bold <div>and</p> more") == "unclosed bold\nand more");
    CHECK(html_to_text("plain text, no tags") == "plain text, no tags");
    CHECK(rsvp::mime::is_valid_utf8(html_to_text("<p>caf\xE9</p>")));  // not UTF-8 on input
    std::string deep;
    for (int i = 0; i < 20000; ++i) deep += "<div>";
    deep += "deep";
    const std::string text = html_to_text(deep + "<p>x</p>");
    CHECK(rsvp::mime::is_valid_utf8(text));
    // Nested bordered divisions are each checked for a reply header.
    std::string boxes;
    for (int i = 0; i < 200; ++i) boxes += "<div style=\"border-top:solid #E1E1E1 1.0pt\"><p></p>";
    boxes += std::string(1u << 20, 'x');
    CHECK(html_to_text(boxes).size() == (1u << 20));
}
