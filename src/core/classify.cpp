// The classifier reads headers first (machines announce themselves), then
// the words the sender wrote. Phrases live in the tables below, each with the
// signal it gives and a weight; the code only combines them.
#include "rsvp/core/classify.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "rsvp/core/phrases.hpp"
#include "rsvp/core/text.hpp"

namespace rsvp::core {

std::string_view to_string(Kind kind) {
    switch (kind) {
        case Kind::confirmed: return "confirmed";
        case Kind::declined: return "declined";
        case Kind::tentative: return "tentative";
        case Kind::auto_reply: return "auto_reply";
        case Kind::bounce: return "bounce";
        case Kind::other: return "other";
    }
    return "other";
}

std::optional<Kind> kind_from_string(std::string_view name) {
    for (const Kind k : {Kind::confirmed, Kind::declined, Kind::tentative, Kind::auto_reply, Kind::bounce, Kind::other}) {
        if (to_string(k) == name) return k;
    }
    return std::nullopt;
}

bool is_decision(Kind kind) { return kind == Kind::confirmed || kind == Kind::declined || kind == Kind::tentative; }

namespace {

// "neutral" reads words so that no other rule does ("sauf empêchement" is
// not a decline) and decides nothing.
enum class Signal { confirm, decline, tentative, delegate, away, other, neutral };

struct Rule {
    Signal signal;
    int weight;
    std::string_view name;
    std::string_view pattern;
};

// What people write. Weights: 5 a clear statement, 3-4 a usual but weaker
// form, 6 for conditions (a condition turns a yes into a tentative), 10 for
// a representative (someone attends in the sender's place). A rule in a
// negated clause ("je ne serai pas présent") says the opposite, unless its
// own words carry the negation ("pas de souci pour moi").
constexpr std::array k_rules = {
    // Attending, French.
    Rule{Signal::confirm, 5, "confirm:will-be-there", "serai|serons|serais ?pas ?plus ?bien ?donc ?tres ?finalement ?tout present~|la|parmi|des|presente~"},
    Rule{Signal::confirm, 5, "confirm:will-be-there", "y serai|serons|serais"},
    Rule{Signal::confirm, 5, "confirm:confirm-attendance", "confirme|confirmons ?donc ?bien ma|notre|la|sa|leur ?tres participation|presence|venue|inscription"},
    Rule{Signal::confirm, 4, "confirm:confirm-attendance", "je|nous confirme|confirmons ."},
    Rule{Signal::confirm, 5, "confirm:participation-confirmed", "participation|presence|venue|inscription ?est ?bien confirme~"},
    Rule{Signal::confirm, 4, "confirm:confirmation", "confirmation ?de ?ma ?notre ?la participation|presence|venue|inscription"},
    Rule{Signal::confirm, 4, "confirm:attendance-noted", "noter|note|enregistrer|prendre ma|notre|la participation|presence|inscription"},
    Rule{Signal::confirm, 4, "confirm:count-on-me", "compter sur ma|notre|moi|nous"},
    Rule{Signal::confirm, 5, "confirm:will-attend", "participerai|participerons|assisterai|assisterons|viendrai|viendrons"},
    // The conditional is a common misspelling of the future; weaker.
    Rule{Signal::confirm, 3, "confirm:will-attend", "je|j participerais|assisterais|viendrais"},
    Rule{Signal::confirm, 3, "confirm:they-will-attend", "participera|participeront|assistera|assisteront|viendra|viendront"},
    Rule{Signal::confirm, 5, "confirm:can-attend", "pourrai|pourrons ?finalement ?bien ?donc etre present~|la|parmi|des"},
    Rule{Signal::confirm, 5, "confirm:can-attend", "pourrai|pourrons ?finalement ?bien ?donc venir|participer|assister"},
    Rule{Signal::confirm, 4, "confirm:organisation-present", "sera|seront ?bien ?donc present~|representee~|represente"},
    Rule{Signal::confirm, 5, "confirm:register", "inscrivez|inscrire|inscris|inscrivons|reinscrire"},
    Rule{Signal::confirm, 5, "confirm:register", "inscription de|des|,|pour"},
    Rule{Signal::confirm, 5, "confirm:accept", "accepte|acceptons ?avec ?plaisir ?votre ?l invitation"},
    Rule{Signal::confirm, 4, "confirm:ok", "ok|okay pour moi|nous|le|la"},
    Rule{Signal::confirm, 4, "confirm:ok", "d accord pour moi|nous"},
    Rule{Signal::confirm, 4, "confirm:ok", "pas de probleme~|souci~ pour moi|nous"},
    Rule{Signal::confirm, 3, "confirm:ok", "ok|okay|d accord ."},
    Rule{Signal::confirm, 3, "confirm:with-pleasure", "avec plaisir ."},
    Rule{Signal::confirm, 5, "confirm:we-will-be-n", "serons|sommes ?donc ?finalement ?bien ?que #"},
    Rule{Signal::confirm, 4, "confirm:plus-one", "+ 1"},
    Rule{Signal::confirm, 4, "confirm:present", "present~ ?e .|,"},
    Rule{Signal::confirm, 3, "confirm:yes", "oui ,|."},
    Rule{Signal::confirm, 4, "confirm:our-coming", "notre|ma venue"},
    Rule{Signal::confirm, 3, "confirm:our-coming", "notre|ma participation|presence"},
    Rule{Signal::confirm, 5, "confirm:will-be-there", "serai|serons|viendrai|viendrons accompagne~"},
    Rule{Signal::confirm, 5, "confirm:glad-to", "ravi~|heureux|heureuse|enchante~ de|d participer|venir|assister|rejoindre"},
    Rule{Signal::confirm, 5, "confirm:glad-to", "ravi~|heureux|heureuse|enchante~ de|d etre present~|parmi|des|la"},
    Rule{Signal::confirm, 4, "confirm:favourable", "favorablement|positivement"},
    Rule{Signal::confirm, 4, "confirm:favourable", "suite|reponse favorable|positive"},
    Rule{Signal::confirm, 4, "confirm:game", "suis|sommes|serai partant~"},
    Rule{Signal::confirm, 4, "confirm:game", "partant~ pour|.|,"},
    // Attending, English.
    Rule{Signal::confirm, 5, "confirm:en-will-attend", "i|we will|ll|shall|can ?definitely ?certainly ?gladly ?be attend|come|join|attending|coming|joining"},
    Rule{Signal::confirm, 5, "confirm:en-will-attend", "i|we will|ll|shall ?definitely ?certainly be there"},
    Rule{Signal::confirm, 5, "confirm:en-will-attend", "i|we am|m|are|re attending|coming"},
    Rule{Signal::confirm, 4, "confirm:en-will-attend", "will make it"},
    Rule{Signal::confirm, 4, "confirm:en-will-attend", "plan|planning|intend to attend|come|join|be"},
    Rule{Signal::confirm, 5, "confirm:en-confirm", "confirm ?my|our|that attendance|participation|presence|i|we"},
    Rule{Signal::confirm, 5, "confirm:en-count-me-in", "count me|us in"},
    Rule{Signal::confirm, 4, "confirm:en-count-me-in", "count on me|us"},
    Rule{Signal::confirm, 4, "confirm:en-count-me-in", "i|we m|am|are|re in ."},
    Rule{Signal::confirm, 5, "confirm:en-register", "register|enrol|enroll|sign me|us"},
    Rule{Signal::confirm, 5, "confirm:en-accept", "accept ?with ?pleasure ?your|the invitation"},
    Rule{Signal::confirm, 4, "confirm:en-happy-to", "happy|pleased|glad|delighted to attend|join|come|accept"},
    Rule{Signal::confirm, 4, "confirm:en-see-you", "see you there|on|at"},
    Rule{Signal::confirm, 4, "confirm:en-see-you", "look|looking forward to seeing|meeting you"},
    Rule{Signal::confirm, 4, "confirm:en-of-us", "of us will|ll|shall"},
    Rule{Signal::confirm, 5, "confirm:en-we-will-be-n", "we will|ll|shall be #"},
    Rule{Signal::confirm, 3, "confirm:en-yes", "yes ,|."},
    // Not attending (besides any attendance phrase in a negated clause).
    Rule{Signal::decline, 5, "decline:unavailable", "indisponible~|empeche~"},
    Rule{Signal::decline, 5, "decline:held-elsewhere", "retenu~ ?ce ?jour ?la par|ailleurs"},
    Rule{Signal::decline, 4, "decline:held-elsewhere", "suis|serai|sommes|serons ?malheureusement ?deja retenu~|pris~|engage~"},
    Rule{Signal::decline, 4, "decline:held-elsewhere", "serai|serons ?malheureusement en conge~|deplacement|mission|vacances|formation|jury|commission|reunion"},
    // Present tense with the day: "je suis en congé cette semaine-là" (an
    // out-of-office notice says until when instead).
    Rule{Signal::decline, 4, "decline:held-elsewhere", "suis|sommes en conge~|deplacement|mission|vacances ce|cette|le|les|toute"},
    Rule{Signal::decline, 4, "decline:prior-commitment", "engagement~ anterieur~|pris"},
    Rule{Signal::decline, 4, "decline:prior-commitment", "prior|previous|conflicting commitment~|engagement~|appointment~"},
    Rule{Signal::decline, 4, "decline:prior-commitment", "scheduling conflict"},
    Rule{Signal::decline, 4, "decline:en-away", "i|we will|ll be away|travelling|traveling|abroad"},
    Rule{Signal::decline, 4, "decline:en-away", "on holiday|leave|vacation that|this"},
    Rule{Signal::decline, 4, "decline:not-this-time", "not this time"},
    Rule{Signal::decline, 4, "decline:not-this-time", "pas cette fois"},
    Rule{Signal::decline, 4, "decline:unfortunately-not", "unfortunately|sadly|malheureusement|helas not|pas|non ."},
    Rule{Signal::decline, 5, "decline:regret", "au regret"},
    Rule{Signal::decline, 5, "decline:regret", "regrette~ de ne|vous"},
    Rule{Signal::decline, 5, "decline:excuse-absence", "excuser|excusez ?bien mon|notre absence"},
    Rule{Signal::decline, 5, "decline:excuse-absence", "apologies for my|our absence"},
    Rule{Signal::decline, 4, "decline:excuse-absence", "send|accept|offer|present ?my|our|mes|nos apologies|excuses"},
    Rule{Signal::decline, 6, "decline:confirm-absence", "confirme|confirmons ?donc mon|notre absence|indisponibilite"},
    Rule{Signal::decline, 5, "decline:decline", "decline|decliner|declinons"},
    Rule{Signal::decline, 5, "decline:give-up", "renoncer|renonce a venir|participer|assister|ma|notre|votre"},
    Rule{Signal::decline, 5, "decline:give-up", "dois|devons|devrai ?malheureusement renoncer"},
    Rule{Signal::decline, 4, "decline:absent", "serai|serons absent~"},
    Rule{Signal::decline, 4, "decline:absent", "absent~ ce|le|lors"},
    Rule{Signal::decline, 5, "decline:without-me", "sans moi|nous ."},
    Rule{Signal::decline, 5, "decline:withdraw", "desiste~|desister"},
    Rule{Signal::decline, 5, "decline:no-follow-up", "ne pourrai|pourrons|peux|pouvons * donner suite"},
    Rule{Signal::decline, 5, "decline:cannot", "ne peux|pourrai|pourrons|pouvons|pourrais pas ."},
    Rule{Signal::decline, 4, "decline:cannot", "i|we cannot ."},
    Rule{Signal::decline, 4, "decline:cannot", "i|we can t ."},
    Rule{Signal::decline, 3, "decline:no", "non ,|.|merci"},
    Rule{Signal::decline, 3, "decline:en-no", "no ,|.|thanks|thank"},
    Rule{Signal::decline, 4, "decline:prior-commitment", "have a|another clash|conflict"},
    Rule{Signal::decline, 4, "decline:impossible", "impossible"},
    Rule{Signal::decline, 5, "decline:impossible", "pas possible pour moi|nous"},
    Rule{Signal::decline, 5, "decline:en-unable", "unable to attend|come|join|make|be"},
    Rule{Signal::decline, 5, "decline:en-regret", "regret|afraid|sorry * cannot|won|not|unable|can"},
    Rule{Signal::decline, 5, "decline:en-decline", "must|regretfully|have to ?respectfully decline"},
    Rule{Signal::decline, 5, "decline:en-decline", "not be able to"},
    Rule{Signal::decline, 2, "decline:unfortunately", "malheureusement|unfortunately|helas"},
    // Conditions and doubt.
    Rule{Signal::tentative, 6, "tentative:subject-to", "sous reserve"},
    Rule{Signal::tentative, 6, "tentative:subject-to", "subject to"},
    Rule{Signal::tentative, 6, "tentative:do-my-best", "ferai|ferons mon|notre possible|mieux"},
    Rule{Signal::tentative, 6, "tentative:do-my-best", "essaierai|essayerai|tacherai|tenterai|essaierons|essayerons"},
    Rule{Signal::tentative, 6, "tentative:do-my-best", "vais|allons essayer|tenter"},
    Rule{Signal::tentative, 6, "tentative:do-my-best", "will|ll try|do"},
    Rule{Signal::tentative, 6, "tentative:confirm-later", "confirmerai|confirmerons|reconfirmerai|redirai|reviendrai|reviendrons"},
    Rule{Signal::tentative, 6, "tentative:confirm-later", "vous tiens|tiendrai|tiendrons au courant"},
    Rule{Signal::tentative, 6, "tentative:confirm-asap", "confirme|confirmer des que possible"},
    Rule{Signal::tentative, 6, "tentative:confirm-asap", "confirme|confirmer ulterieurement|prochainement|rapidement|bientot"},
    Rule{Signal::tentative, 6, "tentative:confirm-only-later", "confirmer que * semaine|plus|apres|lorsque|quand"},
    Rule{Signal::tentative, 6, "tentative:probably", "probablement|eventuellement|priori"},
    // "peut-être" (perhaps), not "cela peut être utile" (can be).
    Rule{Signal::tentative, 6, "tentative:probably", "!cela|ce|c|ca|il|elle|on|qui|ceci|tout|rien|ne|n peut etre"},
    Rule{Signal::tentative, 6, "tentative:think-can", "pense|espere pouvoir|etre|venir|participer"},
    Rule{Signal::tentative, 6, "tentative:should-be-able", "devrais|devrions pouvoir|etre|venir|participer"},
    Rule{Signal::tentative, 6, "tentative:depends", "dependra|depend|dependent|depends de|des|du|d|on|upon"},
    Rule{Signal::tentative, 6, "tentative:not-sure", "pas ?encore sur~|certain~"},
    Rule{Signal::tentative, 6, "tentative:not-sure", "sais|savons pas ?encore"},
    Rule{Signal::tentative, 6, "tentative:not-sure", "si mon|notre agenda|planning|emploi|calendrier"},
    Rule{Signal::tentative, 6, "tentative:not-sure", "en attente de|d"},
    Rule{Signal::tentative, 4, "tentative:not-yet", "pas encore"},
    Rule{Signal::tentative, 6, "tentative:en-not-sure", "not ?yet sure|certain"},
    Rule{Signal::tentative, 6, "tentative:en-not-sure", "know ?yet if|whether"},
    Rule{Signal::tentative, 6, "tentative:en-not-sure", "if i|we can|am|are"},
    Rule{Signal::tentative, 6, "tentative:en-let-you-know", "let you know"},
    Rule{Signal::tentative, 6, "tentative:en-let-you-know", "get back to you"},
    Rule{Signal::tentative, 6, "tentative:en-let-you-know", "confirm later|asap"},
    Rule{Signal::tentative, 6, "tentative:en-probably", "tentative~|probably|perhaps|maybe|might"},
    Rule{Signal::tentative, 6, "tentative:en-hope", "hope to"},
    // Someone attends in the sender's place.
    Rule{Signal::delegate, 10, "delegate:represented-by", "me|nous|se ferai|ferons|fera representer|remplacer"},
    Rule{Signal::delegate, 10, "delegate:represented-by", "sera|serai|serons represente~ par"},
    Rule{Signal::delegate, 10, "delegate:will-represent-me", "me|nous representera|remplacera"},
    Rule{Signal::delegate, 10, "delegate:in-my-place", "a ma|notre place"},
    Rule{Signal::delegate, 10, "delegate:in-my-place", "en mon|notre nom"},
    Rule{Signal::delegate, 10, "delegate:delegate", "je|j delegue|deleguerai|deleguons"},
    Rule{Signal::delegate, 10, "delegate:someone-else-comes", "c|ce est|sera * qui ?la ?le ?les ?nous ?me viendra|participera|assistera|representera|ira"},
    Rule{Signal::delegate, 10, "delegate:en-on-my-behalf", "on my|our behalf"},
    Rule{Signal::delegate, 10, "delegate:en-on-my-behalf", "in my|our place"},
    Rule{Signal::delegate, 10, "delegate:en-on-my-behalf", "instead of me|us"},
    Rule{Signal::delegate, 10, "delegate:en-on-my-behalf", "represent me|us"},
    Rule{Signal::delegate, 10, "delegate:en-on-my-behalf", "attend|come|go instead"},
    Rule{Signal::delegate, 10, "delegate:en-on-my-behalf", "in my|our stead"},
    Rule{Signal::delegate, 10, "delegate:en-represented-by", "be|is represented by"},
    Rule{Signal::delegate, 10, "delegate:send-someone", "send|sending ?a ?my ?our colleague|deputy|representative|replacement"},
    Rule{Signal::delegate, 10, "delegate:send-someone", "envoyer|enverrai|enverrons|envoie ?un ?une ?mon ?ma ?notre collegue|collaborateur~|collaboratrice|representant~|adjoint~"},
    Rule{Signal::delegate, 10, "delegate:will-represent", "representera|representeront"},
    // Out-of-office notices written with no header that says so.
    Rule{Signal::away, 1, "away:out-of-office", "out of ?the office"},
    Rule{Signal::away, 1, "away:out-of-office", "absent~ du|des|jusqu"},
    Rule{Signal::away, 1, "away:out-of-office", "en conge~"},
    Rule{Signal::away, 1, "away:out-of-office", "on leave|vacation|holiday"},
    Rule{Signal::away, 1, "away:return", "de retour"},
    Rule{Signal::away, 1, "away:return", "a|des mon retour"},
    Rule{Signal::away, 1, "away:return", "upon|on my return"},
    Rule{Signal::away, 1, "away:return", "back in|on"},
    // "Je serai présente à nouveau lundi": back at the office, not a yes.
    Rule{Signal::away, 7, "away:return", "serai|serons present~ a|de nouveau"},
    Rule{Signal::away, 1, "away:limited-access", "acces limite"},
    Rule{Signal::away, 1, "away:limited-access", "sans acces"},
    Rule{Signal::away, 1, "away:limited-access", "limited|no access"},
    Rule{Signal::away, 1, "away:urgent", "cas d urgence"},
    Rule{Signal::away, 1, "away:urgent", "toute urgence"},
    Rule{Signal::away, 1, "away:urgent", "urgent matters|questions|requests"},
    Rule{Signal::away, 2, "away:automatic", "message|reponse automatique"},
    Rule{Signal::away, 2, "away:automatic", "genere~ automatiquement"},
    Rule{Signal::away, 2, "away:automatic", "automatic reply"},
    Rule{Signal::away, 2, "away:automatic", "automatically generated"},
    Rule{Signal::away, 2, "away:automatic", "prendrai connaissance"},
    Rule{Signal::away, 2, "away:automatic", "accusons|accuse ?bonne reception"},
    Rule{Signal::away, 2, "away:mailbox-full", "boite * pleine"},
    Rule{Signal::away, 2, "away:mailbox-full", "mailbox * full"},
    Rule{Signal::away, 1, "away:return", "respond|reply * upon|on|after my return"},
    // Hedges that decide nothing: "sauf empêchement", "if anything changes".
    Rule{Signal::neutral, 9, "neutral:barring-accident", "sauf empeche~|imprevu~|contretemps|contre-temps|changement"},
    Rule{Signal::neutral, 9, "neutral:barring-accident", "en cas d empeche~|imprevu~"},
    Rule{Signal::neutral, 9, "neutral:barring-accident", "si empeche~|imprevu~"},
    // Questions and forwards: a person wrote, but about something else.
    Rule{Signal::other, 2, "other:question", "?"},
    Rule{Signal::other, 3, "other:forward", "transmets|transfere|transmis|forward~ ?cette ?votre ?l ?this ?your invitation|message|mail|courriel|email|a"},
    Rule{Signal::other, 3, "other:forward", "fais|ferai suivre"},
};

// Words that make a negated clause about attending ("je ne pourrai pas venir").
constexpr std::array<std::string_view, 32> k_attendance_words = {
    "present", "presente", "presents", "presentes", "venir", "participer", "assister", "liberer", "libre",
    "disponible", "disponibles", "represente", "representee", "votres", "parmi", "attend", "come", "join",
    "make", "there", "attending", "joining", "rendre", "deplacer", "permet", "permettra", "permettent",
    "available", "free", "coming", "possible", "disponibilite"};

bool in(std::string_view word, std::initializer_list<std::string_view> set) {
    return std::find(set.begin(), set.end(), word) != set.end();
}

bool is_clause_break(const Token& t) {
    return is_boundary(t) || t.word == "," || in(t.word, {"mais", "but", "cependant", "however", "toutefois", "neanmoins", "en", "revanche"});
}

// Marks the tokens of clauses that say "not" ("ne ... pas", "ne pourrai être",
// "pas disponible", "not", "n't", "cannot"). "ne ... que" means "only" and
// negates nothing. Returns, per token, whether its clause is negated.
std::vector<bool> negated_clauses(const std::vector<Token>& tokens) {
    std::vector<bool> negated(tokens.size(), false);
    std::size_t start = 0;
    while (start < tokens.size()) {
        std::size_t end = start;
        while (end < tokens.size() && !is_clause_break(tokens[end])) ++end;
        bool negation = false;
        // "n'hésitez pas", "don't hesitate", "pas de souci" negate nothing.
        auto idiom = [&](std::size_t i) {
            const auto word = [&](std::size_t k) { return k < end ? std::string_view(tokens[k].word) : std::string_view(); };
            return word(i + 1).starts_with("hesit") || (i > start && word(i - 1).starts_with("hesit")) ||
                   (word(i) == "pas" && word(i + 1) == "de" && (word(i + 2).starts_with("souci") || word(i + 2).starts_with("probleme")));
        };
        for (std::size_t i = start; i < end && !negation; ++i) {
            const std::string& w = tokens[i].word;
            if (idiom(i)) continue;
            if (w == "ne" || w == "n") {
                // Look ahead in the clause for what completes the negation.
                bool restriction = false, complement = false;
                for (std::size_t k = i + 1; k < end; ++k) {
                    const std::string& x = tokens[k].word;
                    if (in(x, {"pas", "plus", "point", "jamais", "guere", "aucun", "aucune", "rien", "personne", "nullement"})) { complement = true; break; }
                    if (x == "que" || x == "qu") { restriction = true; break; }
                }
                const bool literary = i + 1 < end && (tokens[i + 1].word.rfind("pourr", 0) == 0 || tokens[i + 1].word.rfind("pouv", 0) == 0 ||
                                                      in(tokens[i + 1].word, {"puis", "peux", "peut", "saurai", "saurais", "sais"}));
                negation = complement || (literary && !restriction);
            } else if (in(w, {"pas", "not", "never", "cannot", "unable", "t", "jamais"})) {
                negation = w != "t" || (i > 0 && in(tokens[i - 1].word, {"won", "can", "don", "couldn", "wouldn", "isn", "aren", "shan", "didn"}));
                // "pas encore sûr" is doubt, not refusal; "n'hésitez pas" negates nothing about attending.
            }
        }
        if (negation) std::fill(negated.begin() + static_cast<std::ptrdiff_t>(start), negated.begin() + static_cast<std::ptrdiff_t>(end), true);
        start = end + 1;
    }
    return negated;
}

bool first_person(const std::vector<Token>& tokens, std::size_t from, std::size_t to) {
    to = std::min(to, tokens.size());
    for (std::size_t i = from; i < to; ++i) {
        const std::string& w = tokens[i].word;
        if (in(w, {"je", "j", "nous", "i", "we"})) return true;
    }
    return false;
}

// Whether a negated clause speaks of the sender: its subject ("je", "nous",
// "I", "we") or the person of the verb after "ne" ("pourrai", "serons").
bool negation_is_first_person(const std::vector<Token>& tokens, std::size_t clause_begin, std::size_t clause_end) {
    clause_end = std::min(clause_end, tokens.size());
    for (std::size_t i = clause_begin; i < clause_end; ++i) {
        const std::string& w = tokens[i].word;
        if (w != "ne" && w != "n") continue;
        if (i > clause_begin && in(tokens[i - 1].word, {"je", "j", "nous"})) return true;
        std::size_t v = i + 1;
        while (v < clause_end && in(tokens[v].word, {"me", "m", "nous", "vous", "y", "en", "le", "la", "les", "lui", "se", "s"})) ++v;
        if (v >= clause_end) return false;
        const std::string& verb = tokens[v].word;
        return in(verb, {"suis", "peux", "puis", "sommes", "pouvons", "ai", "avons", "sais", "savons", "vais", "allons", "pouvant", "etant"}) ||
               verb.ends_with("rai") || verb.ends_with("rons") || verb.ends_with("rais") || verb.ends_with("rions");
    }
    return first_person(tokens, clause_begin, clause_end);
}

// "participerons volontiers aux prochaines rencontres": a yes to another
// event decides nothing about this one.
bool about_another_event(const std::vector<Token>& tokens, std::size_t index) {
    std::size_t b = index, e = index;
    while (b > 0 && !is_boundary(tokens[b - 1])) --b;
    while (e < tokens.size() && !is_boundary(tokens[e])) ++e;
    for (std::size_t i = b; i + 1 < e; ++i) {
        const std::string& w = tokens[i].word;
        const bool later = w.rfind("prochain", 0) == 0 || w.rfind("futur", 0) == 0 || w.rfind("suivant", 0) == 0 ||
                           in(w, {"next", "future", "upcoming", "later", "autre", "other"});
        if (!later) continue;
        for (std::size_t k = i + 1; k < e && k <= i + 2; ++k) {
            const std::string& n = tokens[k].word;
            if (n.rfind("rencontre", 0) == 0 || n.rfind("reunion", 0) == 0 || n.rfind("edition", 0) == 0 || n.rfind("session", 0) == 0 ||
                n.rfind("travaux", 0) == 0 || n.rfind("seance", 0) == 0 || n.rfind("occasion", 0) == 0 || n.rfind("fois", 0) == 0 ||
                n.rfind("meeting", 0) == 0 || n.rfind("event", 0) == 0 || n == "time" || n.rfind("evenement", 0) == 0) {
                return true;
            }
        }
    }
    return false;
}

struct Match {
    const Rule* rule;
    std::size_t first;  // token index
    std::size_t count;
    Signal signal;      // may differ from rule->signal (a negated "serai présent")
    int weight;
    std::string name;
};

std::vector<Match> find_matches(const std::vector<Token>& tokens) {
    std::vector<Match> all;
    // Parsed once per process (thread-safe static initialisation); the table is constant.
    // Rules indexed by the first byte of the token they can start on, so
    // each position tries a handful of rules instead of all of them.
    struct Index {
        std::vector<Phrase> phrases;
        std::array<std::vector<std::size_t>, 256> by_first_byte;
        std::vector<std::size_t> anywhere;
    };
    static const Index index = [] {
        Index built;
        built.phrases.reserve(k_rules.size());
        for (std::size_t r = 0; r < k_rules.size(); ++r) {
            const Phrase& phrase = built.phrases.emplace_back(k_rules[r].pattern);
            const std::string first = phrase.first_bytes();
            if (first.empty()) built.anywhere.push_back(r);
            for (const char c : first) built.by_first_byte[static_cast<unsigned char>(c)].push_back(r);
        }
        return built;
    }();
    auto try_rule = [&](std::size_t r, std::size_t i) {
        const Rule& rule = k_rules[r];
        if (auto n = index.phrases[r].match_at(tokens, i)) all.push_back({&rule, i, *n, rule.signal, rule.weight, std::string(rule.name)});
    };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        for (const std::size_t r : index.by_first_byte[static_cast<unsigned char>(tokens[i].word.front())]) try_rule(r, i);
        for (const std::size_t r : index.anywhere) try_rule(r, i);
    }
    // Where matches overlap, the heavier (then longer, earlier, earlier in
    // the table) one reads the words.
    std::sort(all.begin(), all.end(), [](const Match& a, const Match& b) {
        if (a.weight != b.weight) return a.weight > b.weight;
        if (a.count != b.count) return a.count > b.count;
        if (a.first != b.first) return a.first < b.first;
        return a.rule < b.rule;
    });
    std::vector<Match> kept;
    std::vector<bool> used(tokens.size(), false);
    for (Match& m : all) {
        bool overlaps = false;
        for (std::size_t k = m.first; k < m.first + m.count; ++k) overlaps = overlaps || used[k];
        if (overlaps && m.rule->signal != Signal::away) continue;
        for (std::size_t k = m.first; k < m.first + m.count; ++k) used[k] = true;
        kept.push_back(std::move(m));
    }
    std::sort(kept.begin(), kept.end(), [](const Match& a, const Match& b) { return a.first < b.first; });
    return kept;
}

// Whether a rule's own words carry a negation ("pas de souci pour moi"):
// such a rule already says what it means in a negated clause.
bool carries_negation(std::string_view pattern) {
    for (std::size_t pos = 0; pos < pattern.size();) {
        const std::size_t end = std::min(pattern.find(' ', pos), pattern.size());
        const std::string_view item = pattern.substr(pos, end - pos);
        if (item == "pas" || item == "not" || item == "ne" || item == "sans") return true;
        pos = end + 1;
    }
    return false;
}

bool is_litotes_word(std::string_view w) { return w.starts_with("manqu") || w == "miss" || w == "rater"; }

// Applies negation: an attendance phrase in a negated clause declines
// ("je ne serai pas présent"), except the litotes "je ne manquerai pas";
// "je ne pense pas pouvoir venir" is a soft no.
void apply_negation(const std::vector<Token>& tokens, std::vector<Match>& matches) {
    std::erase_if(matches, [&](const Match& m) { return m.signal == Signal::confirm && about_another_event(tokens, m.first); });
    const std::vector<bool> negated = negated_clauses(tokens);
    // Per token: inside a negated clause that is a litotes.
    std::vector<bool> litotes(tokens.size(), false);
    for (std::size_t start = 0; start < tokens.size();) {
        if (!negated[start]) { ++start; continue; }
        std::size_t end = start;
        while (end < tokens.size() && negated[end]) ++end;
        bool covered = false;
        for (const Match& m : matches) {
            // "malheureusement" alone does not say what the clause denies.
            covered = covered || (m.first >= start && m.first < end && m.signal != Signal::other && m.signal != Signal::away &&
                                  m.signal != Signal::neutral && (m.signal != Signal::decline || m.weight >= 4));
        }
        bool is_litotes = false;
        std::optional<std::size_t> attendance;
        for (std::size_t k = start; k < end; ++k) {
            const std::string& w = tokens[k].word;
            is_litotes = is_litotes || is_litotes_word(w);
            if (!attendance && std::find(k_attendance_words.begin(), k_attendance_words.end(), w) != k_attendance_words.end()) attendance = k;
        }
        if (is_litotes) {
            std::fill(litotes.begin() + static_cast<std::ptrdiff_t>(start), litotes.begin() + static_cast<std::ptrdiff_t>(end), true);
            static const Rule k_litotes{Signal::confirm, 6, "confirm:litotes", ""};
            matches.push_back({&k_litotes, start, end - start, Signal::confirm, 6, "confirm:litotes"});
        } else if (attendance && !covered) {
            static const Rule k_negated{Signal::decline, 5, "decline:negated-attendance", ""};
            const int weight = negation_is_first_person(tokens, start, end) ? 5 : 3;
            matches.push_back({&k_negated, start, end - start, Signal::decline, weight, "decline:negated-attendance"});
        }
        start = end;
    }
    for (Match& m : matches) {
        if (!negated[m.first] || litotes[m.first] || carries_negation(m.rule->pattern)) continue;
        const bool flips = m.signal == Signal::confirm || m.signal == Signal::delegate ||
                           (m.signal == Signal::tentative && m.rule->name == "tentative:think-can");
        if (!flips || m.name == "confirm:litotes") continue;
        m.signal = Signal::decline;
        m.name = "decline:negated(" + m.name + ")";
        // A third-person decline ("mon collègue ne pourra pas") weighs less
        // than the sender's own words.
        std::size_t b = m.first, e = m.first;
        while (b > 0 && !is_clause_break(tokens[b - 1])) --b;
        while (e < tokens.size() && !is_clause_break(tokens[e])) ++e;
        m.weight = negation_is_first_person(tokens, b, e) ? std::min(m.weight, 5) : std::min(m.weight, 3);
    }
    std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) { return a.first < b.first; });
}

bool starts_with_word(std::string_view folded, std::string_view prefix) { return folded.substr(0, prefix.size()) == prefix; }

// --- Machines -------------------------------------------------------------

std::string lower_header(const DecodedMessage& m, std::string_view name) {
    const auto v = m.header(name);
    return v ? fold(trim(*v)) : std::string();
}

// Addresses written in a text, lower-cased, in order.
std::vector<std::string> addresses_in(std::string_view text) {
    std::vector<std::string> found;
    auto addr_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_' || c == '+'; };
    for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
        std::size_t b = at, e = at + 1;
        while (b > 0 && addr_char(text[b - 1])) --b;
        while (e < text.size() && addr_char(text[e])) ++e;
        std::string address = lower_ascii(text.substr(b, e - b));
        while (!address.empty() && address.back() == '.') address.pop_back();
        if (b < at && e > at + 1 && address.find('.', address.find('@')) != std::string::npos) found.push_back(std::move(address));
    }
    return found;
}

bool contains_any(std::string_view folded, std::initializer_list<std::string_view> parts) {
    return std::any_of(parts.begin(), parts.end(), [&](std::string_view p) { return folded.find(p) != std::string_view::npos; });
}

std::optional<Classification> classify_bounce(const DecodedMessage& m, std::string_view reply_text) {
    auto notice = [](std::string rule, std::string where, std::string words) {
        return Classification{Kind::auto_reply, 0, std::nullopt, std::nullopt, 0.9, {std::move(rule), std::move(where), std::move(words), 0, 0}};
    };
    if (m.delivery_report) {
        for (const DeliveryStatus& r : m.delivery_report->recipients) {
            if (lower_ascii(r.action) == "failed") {
                Classification c{Kind::bounce, 0, std::nullopt, lower_ascii(r.final_recipient), 0.99,
                                 {"bounce:delivery-report", "report", "Action: failed; Final-Recipient: " + r.final_recipient, 0, 0}};
                return c;
            }
        }
        // Delayed, delivered or relayed: a notice, not a failure.
        return notice("auto:delivery-report", "report", "delivery status without a failure");
    }
    const std::string subject = fold(m.subject);
    const std::string from = lower_ascii(m.from.address);
    const bool daemon = starts_with_word(from, "mailer-daemon") || starts_with_word(from, "postmaster") ||
                        starts_with_word(from, "microsoftexchange") || starts_with_word(from, "mail-daemon") ||
                        starts_with_word(from, "mail delivery");
    static constexpr std::array<std::string_view, 20> k_failure_subjects = {
        "undelivered mail", "undeliverable", "non remis", "delivery status notification (failure)", "mail delivery failed",
        "returned mail", "delivery failure", "echec de la remise", "message non delivre", "failure notice",
        "mail delivery failure", "non distribuable", "notification d'etat de remise (echec)", "undelivered message",
        "delivery has failed", "nondeliverable", "message not delivered", "rapport de non-remise", "mail system error",
        "could not be delivered"};
    const auto subject_hit = std::find_if(k_failure_subjects.begin(), k_failure_subjects.end(),
                                          [&](std::string_view s) { return subject.find(s) != std::string::npos; });
    if (subject_hit == k_failure_subjects.end() && !daemon) return std::nullopt;
    const std::string text(reply_text.empty() ? std::string_view(m.body_text) : reply_text);
    const std::string folded_text = fold(text);
    // Delays and delivery confirmations come from the same robots: machines,
    // not failures ("will continue to try", "n'a pas encore pu être remis").
    const bool delay = contains_any(subject, {"delayed", "(delay)", "retard", "remise differee", "still being retried", "warning: could not send"}) ||
                       contains_any(folded_text, {"will continue to try", "will retry", "still trying", "has been delayed",
                                                  "n'a pas encore pu etre remis", "n'a pas encore ete remis", "nouvelle tentative",
                                                  "will be retried", "remise differee"});
    const bool success = contains_any(subject, {"(success)", "(relay)", "delivered:", "remis :", "remis:", "delivery notification: delivered"});
    if (subject_hit == k_failure_subjects.end() && (delay || success)) return notice("auto:delivery-notice", "subject", m.subject);
    // The failed address: the first one in the notice that is neither the
    // robot's, nor the organiser's (the notice is addressed to them).
    std::vector<std::string> own = {from};
    if (const auto to = m.header("To")) {
        for (std::string& address : addresses_in(*to)) own.push_back(std::move(address));
    }
    std::optional<std::string> recipient;
    for (std::string& address : addresses_in(text)) {
        if (std::find(own.begin(), own.end(), address) != own.end() || starts_with_word(address, "postmaster") ||
            starts_with_word(address, "mailer-daemon")) {
            continue;
        }
        recipient = std::move(address);
        break;
    }
    return Classification{Kind::bounce, 0, std::nullopt, recipient, recipient ? 0.9 : 0.6,
                          {"bounce:notice", "subject", subject_hit != k_failure_subjects.end() ? std::string(*subject_hit) : m.from.address, 0, 0}};
}

std::optional<Classification> classify_auto_header(const DecodedMessage& m) {
    auto machine = [](std::string rule, std::string words) {
        return Classification{Kind::auto_reply, 0, std::nullopt, std::nullopt, 0.95, {std::move(rule), "header", std::move(words), 0, 0}};
    };
    const std::string auto_submitted = lower_header(m, "Auto-Submitted");
    if (!auto_submitted.empty() && auto_submitted != "no") return machine("auto:auto-submitted", "Auto-Submitted: " + auto_submitted);
    for (const std::string_view name : {"X-Autoreply", "X-Autorespond", "X-Auto-Reply", "X-Autogenerated", "X-MS-Exchange-Inbox-Rules-Loop"}) {
        if (m.header(name)) return machine("auto:x-autoreply", std::string(name));
    }
    const std::string precedence = lower_header(m, "Precedence");
    if (precedence == "auto_reply" || precedence == "bulk" || precedence == "junk") return machine("auto:precedence", "Precedence: " + precedence);
    const std::string source = lower_header(m, "X-MS-Exchange-Generated-Message-Source");
    if (!source.empty()) return machine("auto:exchange-generated", "X-MS-Exchange-Generated-Message-Source: " + source);
    // RFC 3834: automatic responses go to the null return path.
    if (const auto return_path = m.header("Return-Path"); return_path && trim(*return_path) == "<>") {
        return machine("auto:null-return-path", "Return-Path: <>");
    }
    const std::string subject = fold(trim(m.subject));
    // At the start of the subject: receipts and notices.
    static constexpr std::array<std::string_view, 25> k_prefixes = {
        "auto:", "autoreply", "auto-reply", "auto reply", "lu :", "lu:", "non lu :", "non lu:", "read:", "read :", "not read:",
        "remis :", "remis:", "delivered:", "relayed:", "delivery delayed", "accuse de lecture", "accuse de reception",
        "return receipt", "read receipt", "absent :", "absente :", "absent:", "absente:", "ooo "};
    // Anywhere in the subject: out-of-office wordings.
    static constexpr std::array<std::string_view, 16> k_anywhere = {
        "reponse automatique", "automatic reply", "auto-reply", "autoreply", "out of office", "out of the office",
        "absence du bureau", "absent du bureau", "absente du bureau", "message d'absence", "notification d'absence",
        "automatische antwort", "risposta automatica", "respuesta automatica", "reponse auto :", "[auto]"};
    for (const std::string_view s : k_prefixes) {
        if (subject.starts_with(s)) return machine("auto:subject", m.subject);
    }
    for (const std::string_view s : k_anywhere) {
        if (subject.find(s) != std::string::npos) return machine("auto:subject", m.subject);
    }
    return std::nullopt;
}

// --- People ---------------------------------------------------------------

bool is_title(std::string_view folded) {
    return in(folded, {"m", "mme", "mlle", "madame", "monsieur", "mr", "ms", "mrs", "dr", "pr", "me", "miss", "docteur", "professeur"});
}

bool starts_upper(std::string_view raw) {
    if (raw.empty()) return false;
    const auto b = static_cast<unsigned char>(raw[0]);
    if (b >= 'A' && b <= 'Z') return true;
    // Accented capitals (É, À, Ç, ...) start with 0xC3 0x80-0x9E in UTF-8.
    return b == 0xC3 && raw.size() > 1 && static_cast<unsigned char>(raw[1]) >= 0x80 && static_cast<unsigned char>(raw[1]) <= 0x9E;
}

// Names of people in tokens [from, to): a title ("M.", "Mme", "Ms.") followed
// by capitalised words. Returns each name's token span.
std::vector<std::pair<std::size_t, std::size_t>> find_people(const std::vector<Token>& tokens, std::string_view text, std::size_t from, std::size_t to) {
    std::vector<std::pair<std::size_t, std::size_t>> people;
    for (std::size_t i = from; i < to; ++i) {
        if (!is_title(tokens[i].word)) continue;
        const std::string_view raw = text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
        if (!starts_upper(raw) && tokens[i].word.size() <= 3 && tokens[i].word != "mme") continue;
        std::size_t k = i + 1;
        while (k < to && k < i + 5) {
            const std::string_view w = text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin);
            if (!starts_upper(w) && !in(tokens[k].word, {"de", "du", "d", "van", "von", "le", "la"})) break;
            ++k;
        }
        while (k > i + 1 && !starts_upper(text.substr(tokens[k - 1].begin, 1))) --k;  // no trailing particle
        if (k > i + 1) {
            people.emplace_back(i, k);
            i = k - 1;
        }
    }
    return people;
}

std::string span_text(const std::vector<Token>& tokens, std::string_view text, std::size_t from, std::size_t to) {
    std::string s(text.substr(tokens[from].begin, tokens[to - 1].end - tokens[from].begin));
    std::replace(s.begin(), s.end(), '\n', ' ');
    return s;
}

std::pair<std::size_t, std::size_t> sentence_of(const std::vector<Token>& tokens, std::size_t index) {
    std::size_t b = index, e = index;
    while (b > 0 && !is_boundary(tokens[b - 1])) --b;
    while (e < tokens.size() && !is_boundary(tokens[e])) ++e;
    return {b, e};
}

// The representative named near a delegation phrase, as written.
std::optional<std::string> delegate_name(const std::vector<Token>& tokens, std::string_view text, const Match& m) {
    const auto [b, e] = sentence_of(tokens, m.first);
    const auto people = find_people(tokens, text, b, e);
    if (people.empty()) return std::nullopt;
    // Prefer the name right after "par"/"by", else the nearest one.
    const std::size_t anchor = m.first + m.count;
    const auto* best = &people.front();
    std::size_t best_distance = SIZE_MAX;
    for (const auto& p : people) {
        const std::size_t distance = p.first >= anchor ? p.first - anchor : m.first - std::min(m.first, p.second);
        if (distance < best_distance) { best_distance = distance; best = &p; }
    }
    return span_text(tokens, text, best->first, best->second);
}

bool is_colleague_word(std::string_view w) {
    return in(w, {"collegue", "collegues", "collaborateur", "collaboratrice", "collaborateurs", "collaboratrices", "adjoint", "adjointe",
                  "colleague", "colleagues", "assistant", "assistante", "directeur", "directrice", "responsable", "chef", "cheffe",
                  "deputy", "agent", "agents", "acheteur", "acheteuse", "acheteurs", "superieur", "superieure", "manager", "boss"});
}

bool is_self_word(std::string_view w) { return in(w, {"moi", "meme", "myself"}); }

// A sentence that registers people ("merci d'inscrire M. A et Mme B",
// "inscription de ...", "la participation de M. A", "please register"):
// how many it names, and whether the sender is one of them ("et moi-même").
struct Registration {
    int people = 0;
    bool self = false;
};

std::optional<Registration> registration(const std::vector<Token>& tokens, std::string_view text, const std::vector<Match>& matches) {
    for (const Match& m : matches) {
        const bool registers = m.signal == Signal::confirm && (m.name == "confirm:register" || m.name == "confirm:en-register" ||
                                                               m.name == "confirm:confirm-attendance" || m.name == "confirm:attendance-noted");
        if (!registers) continue;
        const auto [b, e] = sentence_of(tokens, m.first);
        const auto people = find_people(tokens, text, m.first, e);
        if (people.empty()) continue;
        Registration r;
        r.people = static_cast<int>(people.size());
        for (std::size_t k = b; k < e; ++k) r.self = r.self || is_self_word(tokens[k].word) || (tokens[k].word == "i" && k > b && tokens[k - 1].word == "and");
        // "m'inscrire", "register me"
        r.self = r.self || (m.first > 0 && in(tokens[m.first - 1].word, {"m", "me"})) ||
                 (m.first + m.count < tokens.size() && in(tokens[m.first + m.count].word, {"me", "moi"}));
        return r;
    }
    return std::nullopt;
}

// Party size of a confirmation: an explicit total ("nous serons trois",
// "4 agents", "two of us") wins; then a registration list; else the sender
// plus the people they bring.
int party_size(const std::vector<Token>& tokens, std::string_view text, const std::vector<Match>& matches) {
    const std::vector<bool> negated = negated_clauses(tokens);
    auto word = [&](std::size_t i) -> std::string_view { return i < tokens.size() ? std::string_view(tokens[i].word) : std::string_view(); };
    auto number_at = [&](std::size_t i) -> std::optional<int> { return i < tokens.size() ? number_word(tokens[i].word) : std::nullopt; };
    auto not_a_time = [&](std::size_t i) { return !in(word(i), {"novembre", "h", "heures", "jours", "hours", "november", "minutes"}); };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        // "nous serons (que|donc|finalement) N", "we will be N", "venue à N"
        if (in(word(i), {"serons", "serions", "sommes", "be", "venue"})) {
            std::size_t k = i + 1;
            while (in(word(k), {"que", "qu", "donc", "finalement", "bien", "a", "probablement", "la", "presents", "presentes"})) ++k;
            if (auto n = number_at(k); n && not_a_time(k + 1)) return *n;
        }
        // "nous viendrons à deux", "présents à trois"
        if (in(word(i), {"viendrons", "participerons", "serons", "presents", "presentes", "venons", "irons"}) && word(i + 1) == "a") {
            if (auto n = number_at(i + 2); n && *n >= 2 && not_a_time(i + 3)) return *n;
        }
        // "N of us", "N d'entre nous", "N personnes|agents|participants"
        if (auto n = number_at(i); n && *n >= 2) {
            if ((word(i + 1) == "of" && word(i + 2) == "us") || (word(i + 1) == "d" && word(i + 2) == "entre")) return *n;
            if (in(word(i + 1), {"personnes", "agents", "participants", "representants", "collaborateurs", "collaboratrices",
                                 "people", "persons", "membres", "members", "collegues", "colleagues", "inscrits"}) &&
                // Not the companions of "avec deux collègues", "accompagné de deux agents".
                !in(word(i - 1), {"avec", "with", "and", "et"}) &&
                !(in(word(i - 1), {"de", "des", "by"}) && (word(i - 2).starts_with("accompagn") || word(i - 2) == "accompanied"))) {
                return *n;
            }
        }
    }
    // "Mme A et M. B participeront": the people named before a plural verb.
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (negated[i] || !in(word(i), {"participeront", "assisteront", "viendront", "seront"})) continue;
        const auto [b, e] = sentence_of(tokens, i);
        if (const auto people = find_people(tokens, text, b, i); people.size() >= 2) return static_cast<int>(people.size());
    }
    bool self_attends = false;  // the sender's own yes, outside a registration
    for (const Match& m : matches) {
        self_attends = self_attends || (m.signal == Signal::confirm && !in(m.name, {"confirm:register", "confirm:en-register", "confirm:they-will-attend",
                                                                                 "confirm:organisation-present", "confirm:attendance-noted"}));
    }
    if (const auto r = registration(tokens, text, matches)) return r->people + (r->self || self_attends ? 1 : 0);

    int extra = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (negated[i]) continue;
        const std::string_view w = word(i);
        const bool as_well_as = w == "ainsi" && word(i + 1) == "que";  // "ainsi que mon collègue"
        if (as_well_as || in(w, {"avec", "with", "accompagne", "accompagnee", "accompagnes", "accompanied", "together", "bring", "amenerai", "emmenerai", "celle", "celles"})) {
            std::size_t k = as_well_as ? i + 2 : i + 1;
            if (in(word(k), {"de", "par", "by", "with"})) ++k;
            const auto [b, e] = sentence_of(tokens, i);
            if (auto n = number_at(k); n && *n >= 2) { extra += *n; continue; }
            if (in(word(k), {"un", "une", "mon", "ma", "my", "a", "an", "one", "notre", "our", "l", "le", "la", "mes", "deux"}) ||
                (k < e && is_title(word(k)))) {
                const auto people = find_people(tokens, text, k, e);
                // "accompagné de M. A et Mme B": each title is a person.
                std::size_t listed = 0;
                for (const auto& p : people) listed += p.first >= k ? 1 : 0;
                if (listed > 0) extra += static_cast<int>(listed);
                else if (is_colleague_word(word(k + 1)) || is_title(word(k))) extra += 1;
                i = k;
            }
        } else if (in(w, {"accompagneront", "accompagnera"})) {
            const auto [b, e] = sentence_of(tokens, i);
            const auto people = find_people(tokens, text, b, i);
            extra += people.empty() ? 1 : static_cast<int>(people.size());
        } else if ((w == "et" && word(i + 1) == "moi") || (w == "and" && in(word(i + 1), {"i", "myself"}))) {
            // "Mon adjoint et moi serons présents", "my colleague and I".
            const auto [b, e] = sentence_of(tokens, i);
            const auto people = find_people(tokens, text, b, i);
            std::size_t colleagues = 0;
            for (std::size_t k = b; k < i; ++k) {
                const bool named = std::any_of(people.begin(), people.end(), [&](const auto& p) { return k >= p.first && k < p.second; });
                colleagues += !named && is_colleague_word(word(k)) && in(word(k - 1), {"mon", "ma", "my", "our", "notre"}) ? 1U : 0U;
            }
            extra += static_cast<int>(people.size() + colleagues);
        }
    }
    return 1 + extra;
}

// The subject counts as the sender's words only if they typed it: a reply
// or forward prefix means it is the quoted message's subject.
bool subject_typed_by_sender(std::string_view subject) {
    const std::string f = fold(trim(subject));
    for (const std::string_view p : {"re:", "re :", "tr:", "tr :", "fw:", "fwd:", "fw :", "fwd :", "aw:", "ref.", "ref :", "rep:", "rep :", "reponse"}) {
        if (f.rfind(p, 0) == 0) return false;
    }
    return !f.empty();
}

struct Scores {
    int confirm = 0, decline = 0, tentative = 0, delegate = 0, away = 0, other = 0, neutral = 0;
    int& operator[](Signal s) {
        switch (s) {
            case Signal::confirm: return confirm;
            case Signal::decline: return decline;
            case Signal::tentative: return tentative;
            case Signal::delegate: return delegate;
            case Signal::away: return away;
            case Signal::other: return other;
            case Signal::neutral: return neutral;
        }
        return other;
    }
};

// A decision asked rather than stated ("Puis-je venir avec un collègue ?")
// is a question, unless it asks to register someone ("pouvez-vous
// m'inscrire ?", "could you register me?").
void read_questions(const std::vector<Token>& tokens, std::vector<Match>& matches) {
    for (Match& m : matches) {
        if (m.signal != Signal::confirm && m.signal != Signal::decline && m.signal != Signal::tentative && m.signal != Signal::delegate) continue;
        std::size_t b = m.first, e = m.first;
        while (b > 0 && !is_clause_break(tokens[b - 1])) --b;
        while (e < tokens.size() && !is_clause_break(tokens[e])) ++e;
        if (e >= tokens.size() || tokens[e].word != "?") continue;
        bool asks_you = false;
        for (std::size_t k = b; k < e; ++k) asks_you = asks_you || in(tokens[k].word, {"vous", "you"});
        if ((m.name == "confirm:register" || m.name == "confirm:en-register") && asks_you) continue;
        m.signal = Signal::other;
        m.weight = 2;
        m.name = "other:question(" + m.name + ")";
    }
}

Classification decide(const std::vector<Token>& tokens, std::string_view text, std::string_view where) {
    std::vector<Match> matches = find_matches(tokens);
    apply_negation(tokens, matches);
    read_questions(tokens, matches);
    Scores s;
    std::map<Signal, const Match*> strongest;
    for (const Match& m : matches) {
        s[m.signal] += m.weight;
        const Match*& best = strongest[m.signal];
        // Among equals, the later words decide ("pas le 10 mais le 16").
        if (!best || m.weight >= best->weight) best = &m;
    }
    auto evidence_of = [&](const Match& m) {
        const std::size_t b = tokens[m.first].begin, e = tokens[m.first + m.count - 1].end;
        return Evidence{m.name, std::string(where), std::string(text.substr(b, e - b)), b, e};
    };
    Classification c;
    if (s.delegate > 0) {
        const Match& m = *strongest[Signal::delegate];
        c.kind = Kind::confirmed;
        c.party_size = 1;
        c.delegate = delegate_name(tokens, text, m);
        c.confidence = 0.85;
        c.evidence = evidence_of(m);
        return c;
    }
    const int decision_total = s.confirm + s.decline + s.tentative;
    if (decision_total == 0) {
        if (s.away >= 2) {
            c.kind = Kind::auto_reply;
            c.confidence = s.away >= 3 ? 0.85 : 0.7;
            c.evidence = evidence_of(*strongest[Signal::away]);
            c.evidence.rule = "auto:out-of-office-text";
        } else if (s.other > 0) {
            c.kind = Kind::other;
            c.confidence = 0.75;
            c.evidence = evidence_of(*strongest[Signal::other]);
        } else {
            c.kind = Kind::other;
            c.confidence = 0.3;
            c.evidence = {"other:no-decision", std::string(where), "", 0, 0};
        }
        return c;
    }
    // A condition makes any yes tentative; otherwise the heavier side wins.
    Signal winner = Signal::confirm;
    if (s.tentative > 0 && s.tentative >= s.decline) winner = Signal::tentative;
    else if (s.decline > s.confirm) winner = Signal::decline;
    else if (s.decline == s.confirm) winner = strongest[Signal::decline]->first > strongest[Signal::confirm]->first ? Signal::decline : Signal::confirm;

    if (winner == Signal::decline && s.confirm > 0) {
        // The sender does not come but registers others ("merci d'inscrire
        // M. A et Mme B, je ne serai pas présente moi-même"): they attend.
        if (const auto r = registration(tokens, text, matches)) {
            const Match* reg = nullptr;
            for (const Match& m : matches) reg = !reg && m.signal == Signal::confirm ? &m : reg;
            c.kind = Kind::confirmed;
            c.party_size = r->people;
            c.confidence = 0.75;
            c.evidence = evidence_of(*reg);
            c.evidence.rule = "confirm:registers-others";
            return c;
        }
        // "Je ne pourrai pas venir, mais mon adjoint M. X participera": a
        // colleague attends in the sender's place.
        const Match& no = *strongest[Signal::decline];
        for (const Match& m : matches) {
            if (m.signal != Signal::confirm || m.first <= no.first ||
                (m.name != "confirm:they-will-attend" && m.name != "confirm:organisation-present")) {
                continue;
            }
            c.kind = Kind::confirmed;
            c.party_size = 1;
            c.delegate = delegate_name(tokens, text, m);
            c.confidence = 0.7;
            c.evidence = evidence_of(m);
            c.evidence.rule = "delegate:someone-else-attends";
            return c;
        }
    }
    const Match& decisive = *strongest[winner];
    const int own = s[winner];
    const int rest = decision_total - own;
    c.kind = winner == Signal::confirm ? Kind::confirmed : winner == Signal::decline ? Kind::declined : Kind::tentative;
    c.confidence = std::clamp(0.5 + 0.45 * static_cast<double>(own - rest) / static_cast<double>(own), 0.3, 0.95);
    if (decisive.weight < 4 && rest == 0) c.confidence = std::min(c.confidence, 0.65);
    // Clear statements on both sides: a person should read it.
    bool strong_dissent = false;
    for (const Match& m : matches) {
        strong_dissent = strong_dissent || (m.signal != winner && m.weight >= 5 &&
                                            (m.signal == Signal::confirm || m.signal == Signal::decline || m.signal == Signal::tentative));
    }
    if (strong_dissent && winner != Signal::tentative) c.confidence = std::min(c.confidence, 0.55);
    c.evidence = evidence_of(decisive);
    if (c.kind == Kind::confirmed) c.party_size = party_size(tokens, text, matches);
    return c;
}

// Calendar replies name the answer in the subject the client writes:
// "Accepté : Invitation", "Declined: ...", "Invitation acceptée provisoirement".
std::optional<Classification> classify_calendar_subject(std::string_view subject) {
    struct Answer {
        std::string_view prefix;
        Kind kind;
    };
    static constexpr std::array<Answer, 14> k_answers = {{
        {"accepte provisoirement", Kind::tentative}, {"provisoire :", Kind::tentative}, {"provisoire:", Kind::tentative},
        {"tentative:", Kind::tentative}, {"tentatively accepted", Kind::tentative}, {"invitation acceptee provisoirement", Kind::tentative},
        {"accepte :", Kind::confirmed}, {"accepte:", Kind::confirmed}, {"accepted:", Kind::confirmed}, {"invitation acceptee", Kind::confirmed},
        {"refuse :", Kind::declined}, {"refuse:", Kind::declined}, {"declined:", Kind::declined}, {"invitation refusee", Kind::declined}}};
    const std::string f = fold(trim(subject));
    for (const Answer& a : k_answers) {
        if (!f.starts_with(a.prefix)) continue;
        return Classification{a.kind, a.kind == Kind::confirmed ? 1 : 0, std::nullopt, std::nullopt, 0.9,
                              {"calendar:subject", "subject", std::string(subject), 0, 0}};
    }
    return std::nullopt;
}

}  // namespace

namespace {

// A calendar's Accept / Tentative / Decline button: the attendee's PARTSTAT
// decides directly (RFC 5546 REPLY).
std::optional<Classification> classify_calendar_reply(const DecodedMessage& m) {
    if (!m.calendar_reply) return std::nullopt;
    const std::string& partstat = m.calendar_reply->partstat;
    Classification c;
    if (partstat == "ACCEPTED") {
        c.kind = Kind::confirmed;
        c.party_size = 1;
    } else if (partstat == "DECLINED") {
        c.kind = Kind::declined;
    } else if (partstat == "TENTATIVE") {
        c.kind = Kind::tentative;
    } else {
        return std::nullopt;  // NEEDS-ACTION, DELEGATED: let the words decide
    }
    c.confidence = 0.95;
    c.evidence = {"calendar:partstat", "calendar", "PARTSTAT=" + partstat, 0, 0};
    return c;
}

}  // namespace

Classification classify(const DecodedMessage& message, std::string_view reply_text) {
    if (auto bounce = classify_bounce(message, reply_text)) return *bounce;
    if (auto calendar = classify_calendar_reply(message)) return *calendar;
    if (auto machine = classify_auto_header(message)) return *machine;

    Classification body = decide(tokenize(reply_text), reply_text, "reply");
    if (is_decision(body.kind) || body.kind == Kind::auto_reply) return body;
    if (auto calendar = classify_calendar_subject(message.subject)) return *calendar;
    // "Participation confirmée" as the subject of an empty reply.
    if (subject_typed_by_sender(message.subject)) {
        Classification subject = decide(tokenize(message.subject), message.subject, "subject");
        if (is_decision(subject.kind)) {
            subject.evidence.begin = subject.evidence.end = 0;
            return subject;
        }
    }
    return body;
}

}  // namespace rsvp::core
