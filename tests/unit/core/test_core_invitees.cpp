#include <catch2/catch.hpp>

#include "rsvp/core/events.hpp"
#include "rsvp/core/invitees.hpp"

using namespace rsvp::core;

TEST_CASE("core::spreadsheet_text keeps UTF-8, drops its BOM and reads anything else as windows-1252") {
    std::string encoding;
    CHECK(spreadsheet_text("\xEF\xBB\xBFPr\xC3\xA9nom", &encoding) == "Prénom");
    CHECK(encoding == "UTF-8");
    CHECK(spreadsheet_text("Pr\xE9nom \x80 \x92 \x9C", &encoding) == "Prénom € ’ œ");
    CHECK(encoding == "windows-1252");
    // An overlong form is not UTF-8.
    CHECK(spreadsheet_text("\xC0\xA9", &encoding) == "À©");
    CHECK(encoding == "windows-1252");
}

TEST_CASE("core::detect_separator reads the header line, quotes aside") {
    CHECK(detect_separator("Nom;Prénom;Courriel") == ';');
    CHECK(detect_separator("name,email,organisation") == ',');
    CHECK(detect_separator("\"Nom, prénom\";Courriel") == ';');
    CHECK(detect_separator("a\tb") == '\t');
}

TEST_CASE("core::parse_csv follows RFC 4180") {
    const auto rows = parse_csv("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n\r\nlast,,\n", ',');
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == std::vector<std::string>{"a", "b", "c"});
    CHECK(rows[1] == std::vector<std::string>{"x, y", "say \"hi\"", "two\r\nlines"});
    CHECK(rows[2] == std::vector<std::string>{"last", "", ""});
    CHECK(parse_csv("a;b\nc;\"d", ';')[1] == std::vector<std::string>{"c", "d"});  // unterminated quote
    CHECK(parse_csv("", ',').empty());
}

TEST_CASE("core::csv_cell quotes and neutralises formulas") {
    CHECK(csv_cell("plain") == "plain");
    CHECK(csv_cell("a,b") == "\"a,b\"");
    CHECK(csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(csv_cell("+33 4 91") == "'+33 4 91");
    CHECK(csv_cell("-1") == "'-1");
    CHECK(csv_cell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_cell("\tx") == "'\tx");
    CHECK(csv_cell("\rx") == "\"'\rx\"");
    CHECK(csv_cell("") == "");
}

TEST_CASE("core::read_invitees recognises French headers in a windows-1252 file with semicolons") {
    const std::string file =
        "Civilit\xE9;Pr\xE9nom;NOM;Organisme;Adresse e-mail;T\xE9l\xE9phone\r\n"
        "M.;Jean;Dupont;Ville de Gap;Jean.Dupont@ville-gap.fr;04 92\r\n"
        "Mme;H\xE9l\xE8ne;Marchetti;\"D\xE9partement; 13\";helene.marchetti@departement13.fr;\r\n"
        ";;;;;\r\n"
        "M.;Sans;Adresse;X;;\r\n"
        "M.;Jean;DUPONT;Ville de Gap (bis);jean.dupont@VILLE-GAP.fr;\r\n";
    const auto list = read_invitees(file);
    REQUIRE(list.error.empty());
    CHECK(list.encoding == "windows-1252");
    CHECK(list.separator == ';');
    REQUIRE(list.invitees.size() == 2);
    const Invitee& a = list.invitees[0];
    CHECK(a.address == "jean.dupont@ville-gap.fr");
    CHECK(a.name == "Jean DUPONT");
    CHECK(a.organisation == "Ville de Gap (bis)");  // the later row wins
    CHECK(a.extras == std::vector<std::pair<std::string, std::string>>{{"Civilité", "M."}});
    const Invitee& b = list.invitees[1];
    CHECK(b.name == "Hélène Marchetti");
    CHECK(b.organisation == "Département; 13");
    REQUIRE(list.problems.size() == 2);
    CHECK(list.problems[0] == "line 5: no address, row skipped");
    CHECK(list.problems[1] == "line 6: jean.dupont@ville-gap.fr is listed twice, the later row is kept");
}

TEST_CASE("core::read_invitees recognises English headers in UTF-8 with commas, and needs an address column") {
    const auto list = read_invitees("\xEF\xBB\xBF" "Name,Email,Organization,Notes\nAnne Martin,<Anne@x.fr>,X,\"vip, first row\"\n");
    REQUIRE(list.error.empty());
    CHECK(list.encoding == "UTF-8");
    REQUIRE(list.invitees.size() == 1);
    CHECK(list.invitees[0].address == "anne@x.fr");
    CHECK(list.invitees[0].name == "Anne Martin");
    CHECK(list.invitees[0].organisation == "X");
    CHECK(list.invitees[0].extras == std::vector<std::pair<std::string, std::string>>{{"Notes", "vip, first row"}});
    CHECK(read_invitees("Name,Phone\nA,1\n").error == "no address column in the header line");
    CHECK(read_invitees("").error == "the file is empty");
    CHECK(read_invitees("courriel\nnot-an-address\n").problems.at(0) == "line 2: 'not-an-address' is not an address, row skipped");
}

namespace {

const std::vector<Invitee> k_invitees = {
    {"jean.dupont@ville-gap.fr", "Jean Dupont", "Ville de Gap", {}},
    {"anne.martin@cg04.fr", "Anne Martin", "Département 04", {}},
    {"paul.martin@cg04.fr", "Paul Martin", "Département 04", {}},
    {"sophie.blanc@cg04.fr", "Sophie Blanc", "Département 04", {}},
    {"luc.noir@unice.fr", "Luc Noir", "Université", {}},
    {"marie.durand@iter.org", "Marie Durand", "ITER", {}},
    {"marie.durand@oca.eu", "Marie Durand", "OCA", {}},
};

Sender sender(std::string address, std::string name, std::vector<std::string> texts = {}, bool answered = true) {
    return {std::move(address), std::move(name), std::move(texts), answered};
}

}  // namespace

TEST_CASE("core::match_senders: address, display name, a name in the text, the organisation") {
    const std::vector<Sender> senders = {
        sender("Jean.Dupont@Ville-Gap.fr", "Jean Dupont"),
        sender("secretariat.dg@ville-gap.fr", "Secrétariat DG", {"M. le Directeur Jean Dupont participera."}),
        sender("l.noir@gmail.com", "NOIR Luc"),
        sender("secretariat@unice.fr", "Secrétariat", {"Monsieur Noir Luc sera présent."}),
        sender("accueil@cg04.fr", "Accueil", {"Nous serons là."}),
        sender("other@iter.org", "Someone", {"Yes."}),
    };
    const auto m = match_senders(k_invitees, senders, {});
    REQUIRE(m.size() == 6);
    CHECK(m[0].rule == MatchRule::address);
    CHECK(m[0].invitee == "jean.dupont@ville-gap.fr");
    CHECK(m[1].rule == MatchRule::mentioned);
    CHECK(m[1].invitee == "jean.dupont@ville-gap.fr");
    CHECK(m[2].rule == MatchRule::name);
    CHECK(m[2].invitee == "luc.noir@unice.fr");
    CHECK(m[3].rule == MatchRule::mentioned);
    // Three invitees at cg04.fr, none answered: for review.
    CHECK_FALSE(m[4].invitee);
    CHECK(m[4].candidates == std::vector<std::string>{"anne.martin@cg04.fr", "paul.martin@cg04.fr", "sophie.blanc@cg04.fr"});
    // The one invitee at iter.org.
    CHECK(m[5].rule == MatchRule::organisation);
    CHECK(m[5].invitee == "marie.durand@iter.org");
}

TEST_CASE("core::match_senders: ambiguity goes to review, a link decides, robots match by address and name only") {
    const std::vector<Sender> senders = {
        sender("mdurand@gmail.com", "Marie DURAND"),                  // two invitees of that name
        sender("assistante@cg04.fr", "Assistante", {"Anne Martin et Paul Martin viendront."}),
        sender("x@cg04.fr", "X", {"Je viendrai."}),
        sender("ooo@cg04.fr", "Out of office", {"Sophie Blanc est absente."}, false),
        sender("perso@orange.fr", "Quelqu'un", {"Oui."}),
    };
    auto m = match_senders(k_invitees, senders, {});
    CHECK_FALSE(m[0].invitee);
    CHECK(m[0].candidates == std::vector<std::string>{"marie.durand@iter.org", "marie.durand@oca.eu"});
    CHECK_FALSE(m[1].invitee);
    CHECK(m[1].candidates == std::vector<std::string>{"anne.martin@cg04.fr", "paul.martin@cg04.fr"});
    CHECK_FALSE(m[2].invitee);
    CHECK(m[2].candidates.size() == 3);
    CHECK_FALSE(m[3].invitee);  // did not answer: neither text nor domain is read
    CHECK(m[3].candidates.empty());
    CHECK_FALSE(m[4].invitee);  // a personal provider's domain says nothing
    CHECK(m[4].candidates.empty());

    m = match_senders(k_invitees, senders, {{"mdurand@gmail.com", "marie.durand@oca.eu"}, {"x@cg04.fr", "SOPHIE.BLANC@cg04.fr"}});
    CHECK(m[0].rule == MatchRule::link);
    CHECK(m[0].invitee == "marie.durand@oca.eu");
    CHECK(m[2].invitee == "sophie.blanc@cg04.fr");
    // A link to someone not on the list falls back to the rules.
    m = match_senders(k_invitees, {sender("jean.dupont@ville-gap.fr", "")}, {{"jean.dupont@ville-gap.fr", "nobody@x.fr"}});
    CHECK(m[0].rule == MatchRule::address);
}

TEST_CASE("core::match_senders: the organisation rule skips invitees already answered for") {
    const std::vector<Sender> senders = {
        sender("anne.martin@cg04.fr", "Anne Martin"),
        sender("paul.martin@cg04.fr", "Paul Martin"),
        sender("standard@cg04.fr", "Standard", {"Présente."}),
    };
    const auto m = match_senders(k_invitees, senders, {});
    CHECK(m[2].rule == MatchRule::organisation);
    CHECK(m[2].invitee == "sophie.blanc@cg04.fr");
}

TEST_CASE("core::name_key ignores titles, case, accents and word order") {
    CHECK(name_key("M. Jean-Luc MEYER") == name_key("Meyer Jean-Luc"));
    CHECK(name_key("Mme Hélène Marchetti") == std::vector<std::string>{"helene", "marchetti"});
}

TEST_CASE("core::invitee_states combines answers, bounces and absences") {
    const std::vector<Invitee> invitees = {k_invitees[0], k_invitees[4], k_invitees[5]};
    std::vector<Respondent> respondents(3);
    respondents[0].address = "jean.dupont@ville-gap.fr";
    respondents[0].status = Kind::tentative;
    respondents[0].decided_at = 100;
    respondents[1].address = "secretariat.dg@ville-gap.fr";
    respondents[1].status = Kind::confirmed;
    respondents[1].party_size = 2;
    respondents[1].decided_at = 200;
    respondents[2].address = "luc.noir@unice.fr";  // only an out-of-office notice
    const std::vector<Match> matches = {
        {"jean.dupont@ville-gap.fr", "jean.dupont@ville-gap.fr", MatchRule::address, {}},
        {"secretariat.dg@ville-gap.fr", "jean.dupont@ville-gap.fr", MatchRule::mentioned, {}},
        {"luc.noir@unice.fr", "luc.noir@unice.fr", MatchRule::address, {}},
    };
    const std::vector<Bounce> bounces = {{"Marie.Durand@iter.org", "5.1.1 user unknown"}};
    const std::vector<Notice> notices = {{"luc.noir@unice.fr", {2016, 11, 2}, "Absent jusqu'au 18 novembre inclus."}};
    const auto s = invitee_states(invitees, respondents, matches, bounces, notices, CivilDate{2016, 11, 16});
    REQUIRE(s.size() == 3);
    CHECK(s[0].status == Kind::confirmed);  // the later decision
    CHECK(s[0].party_size == 2);
    CHECK(s[0].answered_by == std::vector<std::string>{"jean.dupont@ville-gap.fr", "secretariat.dg@ville-gap.fr"});
    CHECK_FALSE(s[1].status);
    CHECK(s[1].away_on_the_day);
    REQUIRE(s[1].absence);
    CHECK(format_day(s[1].absence->last_day) == "2016-11-18");
    CHECK(s[2].unreachable == "5.1.1 user unknown");
    CHECK(is_pending(s[1], false));
    CHECK_FALSE(is_pending(s[0], true));
    // Without the event's day there is no "away on the day".
    CHECK_FALSE(invitee_states(invitees, respondents, matches, bounces, notices, std::nullopt)[1].away_on_the_day);
}

TEST_CASE("core::is_pending: a tentative answer is an answer unless asked") {
    InviteeState s;
    s.status = Kind::tentative;
    CHECK_FALSE(is_pending(s, false));
    CHECK(is_pending(s, true));
}

TEST_CASE("core::attach_to_events: thread, then subject, then date") {
    std::vector<Event> events(2);
    events[0] = {"club-2016", CivilDate{2016, 11, 16}, "Marseille", 60, "<inv-2016@x>", "", };
    events[1] = {"club-2017", CivilDate{2017, 3, 15}, "Nice", 40, "inv-2017@x", "atelier achats innovants"};
    const std::vector<Threading> messages = {
        {"<a@y>", "<INV-2017@x>", "", "Re: invitation", {2016, 10, 20}},           // thread beats date
        {"<b@y>", "", "<other@z> <a@y>", "Re: Re: invitation", {2016, 10, 21}},  // reply to a reply
        {"<c@y>", "", "", "RE: Atelier « achats innovants »", {2016, 10, 22}},     // subject
        {"<d@y>", "", "", "Présence", {2016, 11, 1}},                             // date: the next event
        {"<e@y>", "", "", "Présence", {2017, 1, 5}},
        {"<f@y>", "", "", "Présence", {2018, 1, 5}},                              // after every event: the last
        {"<g@y>", "<inv-2016@x>", "", "Re: atelier achats innovants", {2017, 2, 1}},
    };
    CHECK(attach_to_events(events, messages) == std::vector<std::size_t>{1, 1, 1, 0, 1, 1, 0});
    CHECK(default_event(events) == 1u);
    // One event takes everything.
    CHECK(attach_to_events({events[0]}, messages) == std::vector<std::size_t>(messages.size(), 0));
    // Undated events: the default, the last added.
    std::vector<Event> undated = {{"a", std::nullopt, "", std::nullopt, "", ""}, {"b", std::nullopt, "", std::nullopt, "", ""}};
    CHECK(default_event(undated) == 1u);
    CHECK(attach_to_events(undated, {messages[3]}) == std::vector<std::size_t>{1});
    CHECK_FALSE(default_event({}));
}
