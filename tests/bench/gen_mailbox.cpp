// Generates a deterministic mailbox of replies for scripts/bench-sync.sh:
//   gen_mailbox DIR COUNT [FIRST [SENDERS]]
// writes messages FIRST .. FIRST+COUNT-1 (FIRST defaults to 1) into DIR (a
// Maildir's new/) as files %010u.bench, which sort in order, and prints the
// total number of bytes written. SENDERS (default COUNT/3) is the size of the
// pool of sender addresses.
//
// Message i depends only on i and SENDERS (one PRNG seeded from a fixed seed
// and i), so a batch generated later holds the same messages as one big run.
// The mix, exact in every 100 consecutive messages (issue 11):
//   70  small replies, 2-8 KB: text/plain (UTF-8 8bit or quoted-printable,
//       ISO-8859-1, windows-1252) or multipart/alternative plain + HTML;
//   17  Outlook-style replies, 8-40 KB: multipart/related with an HTML body
//       (Word markup) and one or two inline PNG logos;
//    8  calendar replies: text/calendar METHOD:REPLY with PARTSTAT (Outlook
//       multipart/alternative, or Google multipart/mixed with an .ics);
//    5  replies with a 50-200 KB attachment (base64 PDF-like bytes).
// Replies are French or English, drawn from a small phrase pool (confirm,
// decline, tentative, delegate, question, out-of-office), quoting the
// invitation underneath. Every message has a unique Message-ID, a Date and
// CRLF line ends.
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace {

using Rng = std::mt19937_64;

std::size_t pick(Rng& rng, std::size_t n) { return static_cast<std::size_t>(rng() % n); }
std::size_t between(Rng& rng, std::size_t lo, std::size_t hi) { return lo + pick(rng, hi - lo + 1); }
template <class T, std::size_t N> const T& one_of(Rng& rng, const T (&a)[N]) { return a[pick(rng, N)]; }

// ---------------------------------------------------------------- pools

const char* const first_names[] = {
    "Isabelle", "Frédéric", "Nathalie", "Jérôme", "Sophie", "Stéphane", "Céline", "François", "Hélène", "Éric",
    "Valérie", "Thierry", "Anne-Sophie", "Grégory", "Émilie", "Laurent", "Sandrine", "Benoît", "Aurélie", "Olivier",
    "Cécile", "Rémi", "Patricia", "Sébastien", "Maëlle", "Christophe", "Agnès", "Jean-Michel", "Chloé", "Yannick",
    "Marie", "Pierre", "Camille", "Nicolas", "Julie", "David", "Laure", "Mathieu", "Claire", "Antoine"};
const char* const last_names[] = {
    "Moreau", "Aubert", "Lefèvre", "Garnier", "Rousseau", "Fabre", "Mercier", "Blanc", "Guérin", "Bonnet",
    "Chevalier", "Fournier", "Girard", "André", "Lambert", "Faure", "Roux", "Vincent", "Muller", "Giraud",
    "Barbier", "Brun", "Dumas", "Perrin", "Gauthier", "Masson", "Sanchez", "Noël", "Meyer", "Clément",
    "Martinez", "Dupont", "Colin", "Arnaud", "Roche", "Renaud", "Lemoine", "Bertrand", "Leroy", "Picard"};
// Fictitious organisations: nothing is ever sent anywhere.
const char* const domains[] = {
    "regionsud-exemple.fr",  "departement13-exemple.fr", "ville-marseille-exemple.fr", "chu-exemple.fr",
    "univ-exemple.fr",       "metropole-exemple.fr",     "ville-nice-exemple.fr",      "ville-toulon-exemple.fr",
    "cg84-exemple.fr",       "sdis-exemple.fr",          "ugap-exemple.fr",            "cci-exemple.fr",
    "bpifrance-exemple.fr",  "cea-exemple.fr",           "onera-exemple.fr",           "inria-exemple.fr",
    "startup-exemple.io",    "pme-exemple.com",          "orange-exemple.fr",          "gmail-exemple.com",
    "laposte-exemple.net",   "hopital-exemple.fr",       "aeroport-exemple.fr",        "port-exemple.fr",
    "rectorat-exemple.fr",   "dreal-exemple.fr",         "ars-exemple.fr",             "cnrs-exemple.fr"};
const char* const titles[] = {
    "Cheffe de projet Achats innovants", "Directeur de la commande publique", "Responsable des marchés publics",
    "Acheteur public", "Chargée de mission innovation", "Directeur général des services", "Juriste marchés publics",
    "Head of Procurement", "Innovation Officer", "Chef du service achats", "Responsable du pôle achats durables"};
const char* const services[] = {
    "Direction de la commande publique", "Service des achats", "Pôle innovation", "Direction des affaires juridiques",
    "Procurement department", "Direction financière", "Mission innovation publique"};

enum class Intent { confirm, decline, tentative, delegate, question, away };
struct Phrase {
    Intent intent;
    bool english;
    const char* text; // %N is replaced by a colleague's name
};
const Phrase phrases[] = {
    {Intent::confirm, false, "Je serai présent le 16 novembre."},
    {Intent::confirm, false, "Je vous confirme ma participation à la réunion du 16 novembre à Marseille."},
    {Intent::confirm, false, "Je participerai avec plaisir au lancement du club régional des acheteurs publics innovants."},
    {Intent::confirm, false, "Nous serons deux : je serai accompagnée de mon collègue %N."},
    {Intent::confirm, false, "Je confirme ma présence ainsi que celle de %N, chargé des achats innovants."},
    {Intent::confirm, false, "Merci pour cette invitation, j'y serai."},
    {Intent::confirm, true, "I will attend on 16 November."},
    {Intent::confirm, true, "Thank you for the invitation, I am pleased to confirm my attendance."},
    {Intent::confirm, true, "Count me in. My colleague %N will join me as well."},
    {Intent::decline, false, "Je ne pourrai malheureusement pas être présent le 16 novembre."},
    {Intent::decline, false, "Retenu par ailleurs, je ne pourrai pas participer à cette réunion. Je vous prie de bien vouloir m'en excuser."},
    {Intent::decline, false, "Je suis au regret de décliner votre invitation, mon agenda ne me permettant pas de me libérer."},
    {Intent::decline, true, "Unfortunately I will not be able to attend."},
    {Intent::decline, true, "I regret that I cannot make it on 16 November, please accept my apologies."},
    {Intent::tentative, false, "Je ne sais pas encore si je serai disponible, je vous confirme au plus tard la semaine prochaine."},
    {Intent::tentative, false, "Sous réserve de mon agenda, je devrais pouvoir venir."},
    {Intent::tentative, true, "I might be able to attend; I will confirm next week."},
    {Intent::delegate, false, "Je ne pourrai pas être présent, mais %N me représentera."},
    {Intent::delegate, false, "Empêché, je serai représenté par %N, responsable du service achats."},
    {Intent::delegate, true, "I cannot attend; %N will represent our department."},
    {Intent::question, false, "Pourriez-vous me préciser l'adresse exacte et l'horaire de la réunion ?"},
    {Intent::question, false, "Un parking est-il accessible sur place ? Merci d'avance."},
    {Intent::question, true, "Could you send me the agenda of the meeting?"},
    {Intent::away, false, "Je suis absente du bureau jusqu'au 24 octobre inclus. En cas d'urgence, merci de contacter le secrétariat au 04 91 00 00 00."},
    {Intent::away, true, "I am out of the office until 24 October with limited access to e-mail."},
};
const char* const greetings_fr[] = {"Bonjour,", "Madame, Monsieur,", "Bonjour Madame,", "Bonjour à tous,", "Monsieur le Préfet,"};
const char* const greetings_en[] = {"Hello,", "Dear all,", "Dear Sir or Madam,", "Good morning,"};
const char* const closings_fr[] = {"Cordialement,", "Bien cordialement,", "Sincères salutations,", "Bien à vous,"};
const char* const closings_en[] = {"Best regards,", "Kind regards,", "Regards,", "Sincerely,"};

const char* const invitation_subject =
    "Invitation à l'événement « vers un club régional des acheteurs publics innovants » le mercredi 16 novembre 2016";
const char* const invitation[] = {
    "Liberté • Égalité • Fraternité\nRÉPUBLIQUE FRANÇAISE\nPRÉFET DE LA RÉGION PROVENCE-ALPES-CÔTE D'AZUR",
    "Marseille, le 17 octobre 2016\nSecrétariat général pour les affaires régionales",
    "Objet : Invitation à l'événement « vers un club régional des acheteurs publics innovants » le mercredi 16 "
    "novembre 2016 – Semaine de l'innovation publique",
    "L'orientation de l'achat public vers des produits et services innovants constitue un puissant levier de "
    "développement des entreprises, mais également de modernisation de l'action publique. Le plan d'action pour les "
    "achats innovants fixe l'objectif de porter la part de ces achats à 2 % du montant total de la commande publique "
    "de l'État et de ses établissements publics à l'horizon 2020.",
    "Dans ce contexte, j'ai le plaisir de vous inviter au lancement du club régional des acheteurs publics innovants, "
    "qui se tiendra le mercredi 16 novembre 2016 de 9h30 à 12h30 à la préfecture de région, boulevard Paul Peytral, "
    "à Marseille. Cette matinée permettra de présenter la démarche, les outils mis à la disposition des acheteurs et "
    "les premiers retours d'expérience des acheteurs de la région.",
    "Le club a vocation à réunir les acheteurs de l'État, des collectivités territoriales, des établissements de "
    "santé et des opérateurs publics, afin de partager les bonnes pratiques, de favoriser le sourcing et de faciliter "
    "l'accès des PME et des start-up innovantes à la commande publique.",
    "Je vous remercie de bien vouloir confirmer votre participation, en précisant le nombre de personnes qui vous "
    "accompagneront, avant le 4 novembre 2016 à l'adresse sgar-club-acheteurs@paca.pref.gouv.fr. Une pièce d'identité "
    "sera demandée à l'entrée.",
    "Programme : 9h30 accueil café ; 10h00 ouverture par le préfet de région ; 10h30 table ronde « acheter "
    "l'innovation, mode d'emploi » ; 11h30 présentation des outils (plateforme, sourcing, partenariats d'innovation) ; "
    "12h15 conclusion et cocktail.",
    "Je vous prie d'agréer, Madame, Monsieur, l'expression de ma considération distinguée.\nLe préfet de région",
    "LISTE DES DESTINATAIRES IN FINE : acheteurs de l'État, des collectivités territoriales, des établissements publics "
    "de santé, des universités et des opérateurs publics de la région Provence-Alpes-Côte d'Azur.",
};
constexpr std::size_t invitation_paragraphs = sizeof invitation / sizeof invitation[0];

// ---------------------------------------------------------------- encodings

void append_crlf(std::string& out, std::string_view text) { // "\n" -> CRLF
    for (char c : text) {
        if (c == '\n') out += '\r';
        out += c;
    }
}

// UTF-8 -> windows-1252 (a superset of ISO-8859-1 here: the ISO-8859-1 callers
// use no character in 0x80-0x9F... except via the fallback below).
std::string to_cp1252(std::string_view s, bool iso) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        std::uint32_t cp = c;
        std::size_t len = 1;
        if (c >= 0xF0) cp = c & 0x07u, len = 4;
        else if (c >= 0xE0) cp = c & 0x0Fu, len = 3;
        else if (c >= 0xC0) cp = c & 0x1Fu, len = 2;
        for (std::size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
        i += len;
        if (cp < 0x100) { out += static_cast<char>(cp); continue; }
        char m = '?';
        switch (cp) {
        case 0x2019: m = iso ? '\'' : '\x92'; break;
        case 0x2013: m = iso ? '-' : '\x96'; break;
        case 0x2022: m = iso ? '-' : '\x95'; break;
        case 0x2026: m = iso ? '.' : '\x85'; break;
        case 0x20AC: m = iso ? 'E' : '\x80'; break;
        default: break;
        }
        out += m;
    }
    return out;
}

// Quoted-printable body: "\n" are hard line breaks (CRLF), lines <= 76.
void append_qp(std::string& out, std::string_view text) {
    static const char hex[] = "0123456789ABCDEF";
    std::size_t col = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') { out += "\r\n"; col = 0; continue; }
        const bool at_eol = i + 1 == text.size() || text[i + 1] == '\n';
        const bool plain = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !at_eol);
        const std::size_t width = plain ? 1 : 3;
        if (col + width > 75) { out += "=\r\n"; col = 0; }
        if (plain) out += static_cast<char>(c);
        else { out += '='; out += hex[c >> 4]; out += hex[c & 15]; }
        col += width;
    }
}

void append_base64(std::string& out, std::string_view data) {
    static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::size_t col = 0;
    for (std::size_t i = 0; i < data.size(); i += 3) {
        std::uint32_t v = static_cast<unsigned char>(data[i]) << 16;
        const std::size_t n = data.size() - i;
        if (n > 1) v |= static_cast<unsigned char>(data[i + 1]) << 8;
        if (n > 2) v |= static_cast<unsigned char>(data[i + 2]);
        out += b64[(v >> 18) & 63];
        out += b64[(v >> 12) & 63];
        out += n > 1 ? b64[(v >> 6) & 63] : '=';
        out += n > 2 ? b64[v & 63] : '=';
        if ((col += 4) == 76) { out += "\r\n"; col = 0; }
    }
    if (col) out += "\r\n";
}

bool is_ascii(std::string_view s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

// An RFC 2047 header value: as is when ASCII, else Q encoded words (folded).
std::string encode_words(std::string_view text, std::string_view charset, bool iso_bytes) {
    if (is_ascii(text)) return std::string(text);
    static const char hex[] = "0123456789ABCDEF";
    const std::string bytes = charset == "UTF-8" ? std::string(text) : to_cp1252(text, iso_bytes);
    const std::string open = "=?" + std::string(charset) + "?Q?";
    std::string out = open;
    std::size_t word = 0;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        // Do not split a UTF-8 sequence across encoded words.
        const bool continuation = charset == "UTF-8" && (c & 0xC0) == 0x80;
        if (word >= 60 && !continuation) { out += "?=\r\n " + open; word = 0; }
        if (c == ' ') { out += '_'; word += 1; }
        else if (std::isalnum(c) && c < 0x80) { out += static_cast<char>(c); word += 1; }
        else { out += '='; out += hex[c >> 4]; out += hex[c & 15]; word += 3; }
    }
    return out + "?=";
}

std::string rfc5322_date(std::int64_t t, int offset_minutes, bool weekday) {
    static const char* const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::time_t local = static_cast<std::time_t>(t + offset_minutes * 60);
    std::tm tm{};
    gmtime_r(&local, &tm);
    const int off = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s%s%d %s %d %02d:%02d:%02d %c%02d%02d", weekday ? days[tm.tm_wday] : "",
                  weekday ? ", " : "", tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                  tm.tm_sec, offset_minutes < 0 ? '-' : '+', off / 60, off % 60);
    return buf;
}

std::string random_bytes(Rng& rng, std::size_t n) {
    std::string s(n, '\0');
    for (std::size_t i = 0; i < n; i += 8) {
        std::uint64_t v = rng();
        for (std::size_t k = 0; k < 8 && i + k < n; ++k) s[i + k] = static_cast<char>(v >> (8 * k));
    }
    return s;
}

std::string hex_id(Rng& rng, std::size_t digits) {
    static const char hex[] = "0123456789ABCDEF";
    std::string s;
    for (std::size_t i = 0; i < digits; ++i) s += hex[rng() & 15];
    return s;
}

// ---------------------------------------------------------------- messages

struct Person {
    std::string first, last, address, org;
};

Person sender(std::size_t k) {
    constexpr std::size_t nf = sizeof first_names / sizeof first_names[0];
    constexpr std::size_t nl = sizeof last_names / sizeof last_names[0];
    constexpr std::size_t nd = sizeof domains / sizeof domains[0];
    Person p{first_names[k % nf], last_names[(k / nf + k) % nl], {}, domains[(k * 7 + k / nd) % nd]};
    auto ascii = [](std::string s) { // local part: lower-case ASCII
        std::string o;
        const std::string t = to_cp1252(s, true);
        for (char ch : t) {
            auto c = static_cast<unsigned char>(ch);
            if (c >= 0xE0 && c <= 0xE5) c = 'a';
            else if (c >= 0xE8 && c <= 0xEB) c = 'e';
            else if (c >= 0xC8 && c <= 0xCB) c = 'e';
            else if (c == 0xEE || c == 0xEF) c = 'i';
            else if (c == 0xF4 || c == 0xF6) c = 'o';
            else if (c == 0xE7) c = 'c';
            else if (c >= 0x80) c = 'x';
            o += static_cast<char>(std::tolower(c));
        }
        return o;
    };
    p.address = ascii(p.first) + "." + ascii(p.last) + std::to_string(k) + "@" + p.org;
    return p;
}

struct Reply {
    bool english = false;
    Intent intent = Intent::confirm;
    std::string text; // greeting, reply, closing, signature
};

Reply reply_text(Rng& rng, const Person& from, std::size_t senders) {
    const Phrase& ph = one_of(rng, phrases);
    Reply r{ph.english, ph.intent, {}};
    const Person colleague = sender(pick(rng, senders + 1000));
    std::string body = ph.text;
    if (auto at = body.find("%N"); at != std::string::npos) body.replace(at, 2, colleague.first + " " + colleague.last);
    r.text = std::string(r.english ? one_of(rng, greetings_en) : one_of(rng, greetings_fr)) + "\n\n" + body + "\n";
    if (pick(rng, 3) == 0)
        r.text += r.english ? "\nThank you for organising this event.\n" : "\nMerci pour l'organisation de cette rencontre.\n";
    r.text += "\n" + std::string(r.english ? one_of(rng, closings_en) : one_of(rng, closings_fr)) + "\n\n";
    r.text += from.first + " " + from.last + "\n" + one_of(rng, titles) + "\n" + one_of(rng, services) + "\n" +
              from.org + "\nTél. : 04 " + std::to_string(between(rng, 10, 99)) + " " +
              std::to_string(between(rng, 10, 99)) + " " + std::to_string(between(rng, 10, 99)) + " " +
              std::to_string(between(rng, 10, 99)) + "\n";
    return r;
}

// The quoted invitation, plain text, until `size` bytes: Outlook style
// (header block, no prefix) or Thunderbird style ("> " prefix).
std::string quoted_plain(Rng& rng, bool outlook, bool english, std::size_t size) {
    std::string q;
    if (outlook)
        q = english ? "\nFrom: SGAR PACA - Club acheteurs [mailto:sgar-club-acheteurs@paca.pref.gouv.fr]\nSent: Monday, "
                      "October 17, 2016 2:37 PM\nTo: SGAR PACA - Club acheteurs\nSubject: "
                    : "\nDe : SGAR PACA - Club acheteurs [mailto:sgar-club-acheteurs@paca.pref.gouv.fr]\nEnvoyé : lundi "
                      "17 octobre 2016 14:37\nÀ : SGAR PACA - Club acheteurs\nObjet : ";
    else
        q = english ? "\nOn 17/10/2016 14:37, SGAR PACA - Club acheteurs wrote:\n"
                    : "\nLe 17/10/2016 à 14:37, SGAR PACA - Club acheteurs a écrit :\n";
    if (outlook) q += std::string(invitation_subject) + "\n\n";
    const std::string prefix = outlook ? "" : "> ";
    for (std::size_t p = pick(rng, 3); q.size() < size; ++p) {
        // Wrap at ~72 columns at spaces (bytes; good enough).
        std::string_view para = invitation[p % invitation_paragraphs];
        while (!para.empty() && q.size() < size) {
            std::size_t nl = para.find('\n');
            std::string_view line = para.substr(0, nl);
            para = nl == std::string_view::npos ? std::string_view{} : para.substr(nl + 1);
            while (line.size() > 72) {
                std::size_t cut = line.rfind(' ', 72);
                if (cut == std::string_view::npos || cut == 0) cut = 72;
                q += prefix;
                q += line.substr(0, cut);
                q += '\n';
                line.remove_prefix(cut + (line[cut] == ' ' ? 1 : 0));
            }
            q += prefix;
            q += line;
            q += '\n';
        }
        q += outlook ? "\n" : ">\n";
    }
    return q;
}

std::string html_escape(std::string_view s) {
    std::string o;
    for (char c : s) {
        if (c == '<') o += "&lt;";
        else if (c == '>') o += "&gt;";
        else if (c == '&') o += "&amp;";
        else if (c == '\n') o += "<br>\n";
        else o += c;
    }
    return o;
}

const char* const outlook_head =
    "<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
    "xmlns:w=\"urn:schemas-microsoft-com:office:word\" xmlns:m=\"http://schemas.microsoft.com/office/2004/12/omml\" "
    "xmlns=\"http://www.w3.org/TR/REC-html40\">\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; "
    "charset=utf-8\">\n<meta name=\"Generator\" content=\"Microsoft Word 15 (filtered medium)\">\n"
    "<!--[if !mso]><style>v\\:* {behavior:url(#default#VML);}\no\\:* {behavior:url(#default#VML);}\n"
    "w\\:* {behavior:url(#default#VML);}\n.shape {behavior:url(#default#VML);}\n</style><![endif]-->"
    "<style><!--\n/* Font Definitions */\n@font-face\n\t{font-family:\"Cambria Math\";\n\tpanose-1:2 4 5 3 5 4 6 3 2 4;}\n"
    "@font-face\n\t{font-family:Calibri;\n\tpanose-1:2 15 5 2 2 2 4 3 2 4;}\n@font-face\n\t{font-family:Tahoma;\n\t"
    "panose-1:2 11 6 4 3 5 4 4 2 4;}\n/* Style Definitions */\np.MsoNormal, li.MsoNormal, div.MsoNormal\n\t"
    "{margin:0cm;\n\tmargin-bottom:.0001pt;\n\tfont-size:12.0pt;\n\tfont-family:\"Times New Roman\",serif;}\n"
    "a:link, span.MsoHyperlink\n\t{mso-style-priority:99;\n\tcolor:#0563C1;\n\ttext-decoration:underline;}\n"
    "a:visited, span.MsoHyperlinkFollowed\n\t{mso-style-priority:99;\n\tcolor:#954F72;\n\ttext-decoration:underline;}\n"
    "p.MsoAcetate, li.MsoAcetate, div.MsoAcetate\n\t{mso-style-priority:99;\n\tmso-style-link:\"Texte de bulles "
    "Car\";\n\tmargin:0cm;\n\tmargin-bottom:.0001pt;\n\tfont-size:8.0pt;\n\tfont-family:\"Tahoma\",sans-serif;}\n"
    "span.EmailStyle17\n\t{mso-style-type:personal-reply;\n\tfont-family:\"Calibri\",sans-serif;\n\tcolor:#1F497D;}\n"
    ".MsoChpDefault\n\t{mso-style-type:export-only;\n\tfont-family:\"Calibri\",sans-serif;\n\tmso-fareast-language:"
    "EN-US;}\n@page WordSection1\n\t{size:612.0pt 792.0pt;\n\tmargin:70.85pt 70.85pt 70.85pt 70.85pt;}\n"
    "div.WordSection1\n\t{page:WordSection1;}\n--></style><!--[if gte mso 9]><xml>\n<o:shapedefaults v:ext=\"edit\" "
    "spidmax=\"1026\" />\n</xml><![endif]--><!--[if gte mso 9]><xml>\n<o:shapelayout v:ext=\"edit\">\n<o:idmap "
    "v:ext=\"edit\" data=\"1\" />\n</o:shapelayout></xml><![endif]-->\n</head>\n<body lang=\"FR\" link=\"#0563C1\" "
    "vlink=\"#954F72\">\n<div class=\"WordSection1\">\n";

std::string mso_paragraph(std::string_view text, bool reply_colour) {
    std::string o = "<p class=\"MsoNormal\"><span style=\"font-size:11.0pt;font-family:&quot;Calibri&quot;,sans-serif";
    if (reply_colour) o += ";color:#1F497D";
    o += "\">";
    o += html_escape(text);
    o += "<o:p></o:p></span></p>\n";
    return o;
}

// Outlook HTML: the reply, the logos, the quoted invitation until `size`.
std::string outlook_html(Rng& rng, const Reply& r, const std::vector<std::string>& cids, std::size_t size) {
    std::string h = outlook_head;
    std::size_t start = 0;
    while (start < r.text.size()) { // one <p> per line of the reply
        std::size_t nl = r.text.find('\n', start);
        if (nl == std::string::npos) nl = r.text.size();
        const std::string_view line(r.text.data() + start, nl - start);
        h += line.empty() ? "<p class=\"MsoNormal\"><span style=\"color:#1F497D\"><o:p>&nbsp;</o:p></span></p>\n"
                          : mso_paragraph(line, true);
        start = nl + 1;
    }
    for (const auto& cid : cids)
        h += "<p class=\"MsoNormal\"><span style=\"color:#1F497D\"><img width=\"" + std::to_string(between(rng, 90, 240)) +
             "\" height=\"" + std::to_string(between(rng, 40, 90)) + "\" id=\"Image_x0020_" +
             std::to_string(&cid - cids.data() + 1) + "\" src=\"cid:" + cid + "\" alt=\"logo\"></span><o:p></o:p></p>\n";
    h += "<div>\n<div style=\"border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm\">\n"
         "<p class=\"MsoNormal\"><b><span style=\"font-size:10.0pt;font-family:&quot;Tahoma&quot;,sans-serif\">"
         "De&nbsp;:</span></b><span style=\"font-size:10.0pt;font-family:&quot;Tahoma&quot;,sans-serif\"> SGAR PACA - "
         "Club acheteurs [mailto:sgar-club-acheteurs@paca.pref.gouv.fr] <br>\n<b>Envoyé&nbsp;:</b> lundi 17 octobre "
         "2016 14:37<br>\n<b>À&nbsp;:</b> SGAR PACA - Club acheteurs<br>\n<b>Objet&nbsp;:</b> " +
         html_escape(invitation_subject) + "<o:p></o:p></span></p>\n</div>\n</div>\n";
    for (std::size_t p = 0; h.size() + 40 < size; ++p) {
        h += "<p class=\"MsoNormal\" style=\"text-align:justify\"><span style=\"font-size:11.0pt;font-family:&quot;"
             "Arial&quot;,sans-serif\">";
        h += html_escape(invitation[p % invitation_paragraphs]);
        h += "<o:p></o:p></span></p>\n<p class=\"MsoNormal\"><o:p>&nbsp;</o:p></p>\n";
    }
    h += "</div>\n</body>\n</html>\n";
    return h;
}

std::string simple_html(const Reply& r, const std::string& quoted) {
    return "<html><head><meta http-equiv=\"content-type\" content=\"text/html; charset=UTF-8\"></head>\n<body>\n<p>" +
           html_escape(r.text) + "</p>\n<div class=\"moz-cite-prefix\">Le 17/10/2016 à 14:37, SGAR PACA a écrit&nbsp;:"
           "<br></div>\n<blockquote type=\"cite\">" + html_escape(quoted) + "</blockquote>\n</body></html>\n";
}

std::string png_like(Rng& rng, std::size_t n) {
    std::string s = "\x89PNG\r\n\x1a\n";
    s.append("\0\0\0\x0dIHDR", 8);
    s += random_bytes(rng, n > s.size() ? n - s.size() : 0);
    return s;
}

std::string pdf_like(Rng& rng, std::size_t n) {
    std::string s = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                    "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
                    "3 0 obj\n<< /Length 4 0 R /Filter /FlateDecode >>\nstream\n";
    const std::string tail = "\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
    const std::size_t body = n > s.size() + tail.size() ? n - s.size() - tail.size() : 0;
    s += random_bytes(rng, body);
    return s + tail;
}

std::string boundary(Rng& rng) { return "_000_" + hex_id(rng, 32) + "_"; }

std::string make_message(std::size_t i, std::size_t senders) {
    Rng rng(0x7273767042656e63ULL ^ (static_cast<std::uint64_t>(i) * 0x9E3779B97F4A7C15ULL));
    rng.discard(3);
    const unsigned category = static_cast<unsigned>((i * 37) % 100);
    const Person from = sender(pick(rng, senders));
    Reply r = reply_text(rng, from, senders);

    const std::int64_t base = 1476707820; // Mon 17 Oct 2016 12:37:00 UTC, the invitation
    const std::int64_t when = base + 300 + static_cast<std::int64_t>(i) * 97 + static_cast<std::int64_t>(pick(rng, 90));
    static const int offsets[] = {120, 120, 120, 120, 120, 60, 0, -240, -420, 330};
    const int offset = one_of(rng, offsets);
    const std::string date = rfc5322_date(when, offset, pick(rng, 8) != 0);
    const std::string host = "mail." + from.org;
    const std::string message_id = "<" + hex_id(rng, 16) + "." + std::to_string(i) + "@" + host + ">";
    const bool outlook_client = category >= 70 && category < 87 ? true : pick(rng, 2) == 0;

    std::string m;
    m.reserve(8192);
    auto header = [&](std::string_view name, std::string_view value) {
        m += name;
        m += value.empty() ? ":" : ": ";
        m += value;
        m += "\r\n";
    };
    header("Return-Path", "<" + from.address + ">");
    header("Delivered-To", "sgar-club-acheteurs@paca.pref.gouv.fr");
    m += "Received: from " + host + " (" + host + " [198.51.100." + std::to_string(1 + i % 254) +
         "])\r\n\tby mx1.paca.pref.gouv.fr (Postfix) with ESMTPS id " + hex_id(rng, 10) +
         "\r\n\tfor <sgar-club-acheteurs@paca.pref.gouv.fr>; " + rfc5322_date(when + 20, 120, true) + " (CEST)\r\n";

    std::string subject_prefix = r.english ? "RE: " : (outlook_client ? "RE : " : "Re: ");
    if (category >= 87 && category < 95) { // calendar reply
        if (r.intent == Intent::decline || r.intent == Intent::delegate)
            subject_prefix = r.english ? "Declined: " : "Refusé : ";
        else if (r.intent == Intent::tentative || r.intent == Intent::question)
            subject_prefix = r.english ? "Tentative: " : "Provisoire : ";
        else
            subject_prefix = r.english ? "Accepted: " : "Accepté : ";
    }
    const bool cp1252 = outlook_client && pick(rng, 2) == 0;
    const std::string display = pick(rng, 2) ? from.first + " " + from.last : from.last + " " + from.first;
    header("From", encode_words(display, cp1252 ? "Windows-1252" : "UTF-8", false) + " <" + from.address + ">");
    header("To", "SGAR PACA - Club acheteurs <sgar-club-acheteurs@paca.pref.gouv.fr>");
    header("Subject", encode_words(subject_prefix + invitation_subject, cp1252 ? "Windows-1252" : "UTF-8", false));
    header("Date", date);
    header("Message-ID", message_id);
    header("In-Reply-To", "<invitation-club-acheteurs-20161016@paca.pref.gouv.fr>");
    header("References", "<invitation-club-acheteurs-20161016@paca.pref.gouv.fr>");
    if (outlook_client) {
        header("Thread-Topic", encode_words(invitation_subject, cp1252 ? "Windows-1252" : "UTF-8", false));
        header("Thread-Index", hex_id(rng, 30) + "==");
        header("Content-Language", r.english ? "en-US" : "fr-FR");
        header("X-MS-Has-Attach", category >= 95 ? "yes" : "");
    } else {
        header("User-Agent", "Mozilla/5.0 (Windows NT 10.0; WOW64; rv:45.0) Gecko/20100101 Thunderbird/45.4.0");
    }
    if (r.intent == Intent::away) {
        header("Auto-Submitted", "auto-replied");
        header("X-Autoreply", "yes");
    }
    header("MIME-Version", "1.0");

    // A text part: its headers and encoded body, charset chosen per message.
    auto text_part = [&](std::string& out, std::string_view subtype, const std::string& text, int style) {
        // style: 0 UTF-8 8bit, 1 UTF-8 QP, 2 ISO-8859-1 QP, 3 windows-1252 QP
        static const char* const charsets[] = {"utf-8", "utf-8", "iso-8859-1", "windows-1252"};
        out += "Content-Type: text/";
        out += subtype;
        out += "; charset=\"";
        out += charsets[style];
        out += style == 0 && subtype == "plain" ? "\"; format=flowed\r\n" : "\"\r\n";
        out += style == 0 ? "Content-Transfer-Encoding: 8bit\r\n\r\n" : "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
        if (style == 0) append_crlf(out, text);
        else if (style == 1) append_qp(out, text);
        else append_qp(out, to_cp1252(text, style == 2));
    };

    if (category < 70) { // small: plain or alternative, 2-8 KB in all
        const std::size_t target = between(rng, 2048, 8192);
        // Room left for the quoted invitation: quoted-printable grows French
        // text by ~15%, and quoted_plain may overshoot by one paragraph.
        const auto room = [&](std::size_t parts) {
            const auto fixed = static_cast<long>(m.size() + parts * (r.text.size() + 350));
            const long left = (static_cast<long>(target) - fixed) * 20 / 23 / static_cast<long>(parts) - 300;
            return static_cast<std::size_t>(left < 700 ? 700 : left);
        };
        if (pick(rng, 2) == 0) {
            const std::string text = r.text + quoted_plain(rng, outlook_client, r.english, room(1));
            text_part(m, "plain", text, static_cast<int>(pick(rng, 4)));
        } else {
            const std::string b = boundary(rng);
            const std::string quoted = quoted_plain(rng, outlook_client, r.english, room(2));
            m += "Content-Type: multipart/alternative;\r\n\tboundary=\"" + b + "\"\r\n\r\n--" + b + "\r\n";
            text_part(m, "plain", r.text + quoted, cp1252 ? 3 : 1);
            m += "\r\n--" + b + "\r\n";
            text_part(m, "html", simple_html(r, quoted), cp1252 ? 3 : 1);
            m += "\r\n--" + b + "--\r\n";
        }
    } else if (category < 87) { // Outlook HTML with inline logos, 8-40 KB
        // Fitted: the HTML's quoted-printable (=3D in every attribute) and
        // fixed parts make the message ~1.07 x the room given plus ~2.2 KB.
        const std::size_t target = (between(rng, 8192, 40960) - 2200) * 100 / 107;
        const std::size_t logos = 1 + pick(rng, 2);
        std::vector<std::string> cids;
        std::vector<std::string> images;
        std::size_t image_bytes = 0;
        for (std::size_t k = 0; k < logos; ++k) {
            cids.push_back("image00" + std::to_string(k + 1) + ".png@01D2" + hex_id(rng, 4) + "." + hex_id(rng, 8));
            images.push_back(png_like(rng, between(rng, 1500, 5000)));
            image_bytes += images.back().size() * 4 / 3 + 300;
        }
        const std::size_t room = target > m.size() + image_bytes + 600 ? target - m.size() - image_bytes - 600 : 2000;
        const std::string related = boundary(rng), alternative = boundary(rng);
        std::string plain = r.text;
        for (const auto& cid : cids) plain += "[cid:" + cid + "]\n";
        plain += quoted_plain(rng, true, r.english, room / 4);
        m += "Content-Type: multipart/related; type=\"multipart/alternative\";\r\n\tboundary=\"" + related +
             "\"\r\n\r\n--" + related + "\r\nContent-Type: multipart/alternative;\r\n\tboundary=\"" + alternative +
             "\"\r\n\r\n--" + alternative + "\r\n";
        text_part(m, "plain", plain, cp1252 ? 3 : 1);
        m += "\r\n--" + alternative + "\r\n";
        const std::size_t html_room = room > plain.size() ? room - plain.size() : 1000;
        text_part(m, "html", outlook_html(rng, r, cids, html_room), 1);
        m += "\r\n--" + alternative + "--\r\n";
        for (std::size_t k = 0; k < logos; ++k) {
            const std::string name = "image00" + std::to_string(k + 1) + ".png";
            m += "\r\n--" + related + "\r\nContent-Type: image/png; name=\"" + name +
                 "\"\r\nContent-Description: " + name + "\r\nContent-Disposition: inline; filename=\"" + name +
                 "\"; size=" + std::to_string(images[k].size()) + "\r\nContent-ID: <" + cids[k] +
                 ">\r\nContent-Transfer-Encoding: base64\r\n\r\n";
            append_base64(m, images[k]);
        }
        m += "\r\n--" + related + "--\r\n";
    } else if (category < 95) { // calendar reply
        const char* partstat = subject_prefix.starts_with("Acc") ? "ACCEPTED"
                               : subject_prefix.starts_with("Ref") || subject_prefix.starts_with("Dec") ? "DECLINED"
                                                                                                         : "TENTATIVE";
        std::string comment = r.text.substr(0, r.text.find("\n\n", r.text.find("\n\n") + 2));
        for (std::size_t at; (at = comment.find('\n')) != std::string::npos;) comment.replace(at, 1, "\\n");
        std::string ics = "BEGIN:VCALENDAR\nMETHOD:REPLY\nPRODID:Microsoft Exchange Server 2010\nVERSION:2.0\n"
                          "BEGIN:VTIMEZONE\nTZID:Romance Standard Time\nBEGIN:STANDARD\nDTSTART:16010101T030000\n"
                          "TZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nRRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10\n"
                          "END:STANDARD\nBEGIN:DAYLIGHT\nDTSTART:16010101T020000\nTZOFFSETFROM:+0100\n"
                          "TZOFFSETTO:+0200\nRRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3\nEND:DAYLIGHT\n"
                          "END:VTIMEZONE\nBEGIN:VEVENT\n";
        std::string attendee = "ATTENDEE;PARTSTAT=" + std::string(partstat) + ";CN=\"" + from.first + " " + from.last +
                               "\":mailto:" + from.address;
        std::string fields[] = {attendee, "COMMENT;LANGUAGE=" + std::string(r.english ? "en-US" : "fr-FR") + ":" + comment,
                                "SUMMARY;LANGUAGE=fr-FR:" + subject_prefix + invitation_subject};
        for (const std::string& f : fields) { // fold at 75 bytes, not inside a UTF-8 sequence
            std::size_t col = 0;
            for (std::size_t k = 0; k < f.size(); ++k) {
                const auto c = static_cast<unsigned char>(f[k]);
                if (col >= 74 && (c & 0xC0) != 0x80) { ics += "\n "; col = 1; }
                ics += f[k];
                ++col;
            }
            ics += '\n';
        }
        ics += "DTSTART;TZID=Romance Standard Time:20161116T093000\nDTEND;TZID=Romance Standard Time:20161116T123000\n"
               "UID:040000008200E00074C5B7101A82E00800000000" + hex_id(rng, 40) + "\nCLASS:PUBLIC\nPRIORITY:5\n"
               "DTSTAMP:20161018T" + std::to_string(100000 + pick(rng, 100000)) + "Z\nTRANSP:OPAQUE\n"
               "STATUS:CONFIRMED\nSEQUENCE:0\nLOCATION;LANGUAGE=fr-FR:Préfecture de région\\, boulevard Paul Peytral\\, "
               "Marseille\nX-MICROSOFT-CDO-APPT-SEQUENCE:0\nX-MICROSOFT-CDO-OWNERAPPTID:" +
               std::to_string(between(rng, 100000000, 2000000000)) +
               "\nX-MICROSOFT-CDO-BUSYSTATUS:BUSY\nX-MICROSOFT-CDO-INTENDEDSTATUS:BUSY\nX-MICROSOFT-CDO-ALLDAYEVENT:"
               "FALSE\nX-MICROSOFT-CDO-IMPORTANCE:1\nX-MICROSOFT-CDO-INSTTYPE:0\nX-MICROSOFT-DISALLOW-COUNTER:FALSE\n"
               "END:VEVENT\nEND:VCALENDAR\n";
        std::string ics_crlf;
        append_crlf(ics_crlf, ics);
        const std::string b = boundary(rng);
        if (outlook_client) {
            m += "Content-Type: multipart/alternative;\r\n\tboundary=\"" + b + "\"\r\n\r\n--" + b + "\r\n";
            text_part(m, "plain", r.text, cp1252 ? 3 : 1);
            m += "\r\n--" + b + "\r\nContent-Type: text/calendar; charset=\"utf-8\"; method=REPLY\r\n"
                 "Content-Transfer-Encoding: base64\r\n\r\n";
            append_base64(m, ics_crlf);
            m += "\r\n--" + b + "--\r\n";
        } else {
            m += "Content-Type: multipart/mixed; boundary=\"" + b + "\"\r\n\r\n--" + b + "\r\n";
            text_part(m, "plain", r.text, 0);
            m += "\r\n--" + b + "\r\nContent-Type: text/calendar; charset=\"UTF-8\"; method=REPLY\r\n"
                 "Content-Transfer-Encoding: 7bit\r\n\r\n";
            m += ics_crlf;
            m += "\r\n--" + b + "\r\nContent-Type: application/ics; name=\"invite.ics\"\r\nContent-Disposition: "
                 "attachment; filename=\"invite.ics\"\r\nContent-Transfer-Encoding: base64\r\n\r\n";
            append_base64(m, ics_crlf);
            m += "\r\n--" + b + "--\r\n";
        }
    } else { // a 50-200 KB attachment
        const std::string pdf = pdf_like(rng, between(rng, 50 * 1024, 200 * 1024));
        static const char* const names[] = {"Fiche_inscription.pdf", "Presentation_structure.pdf",
                                            "Coupon_reponse_signe.pdf", "Plaquette_achats_innovants.pdf"};
        const char* name = one_of(rng, names);
        const std::string b = boundary(rng);
        r.text.insert(r.text.find("\n\n") + 2, r.english ? "Please find attached the completed registration form.\n\n"
                                                         : "Veuillez trouver ci-joint le coupon-réponse complété.\n\n");
        m += "Content-Type: multipart/mixed;\r\n\tboundary=\"" + b + "\"\r\n\r\n--" + b + "\r\n";
        text_part(m, "plain", r.text + quoted_plain(rng, outlook_client, r.english, between(rng, 500, 3000)),
                  cp1252 ? 3 : static_cast<int>(pick(rng, 3)));
        m += "\r\n--" + b + "\r\nContent-Type: application/pdf; name=\"" + name +
             "\"\r\nContent-Disposition: attachment; filename=\"" + name + "\"; size=" + std::to_string(pdf.size()) +
             "\r\nContent-Transfer-Encoding: base64\r\n\r\n";
        append_base64(m, pdf);
        m += "\r\n--" + b + "--\r\n";
    }
    return m;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3 || argc > 5) {
        std::fprintf(stderr, "usage: %s DIR COUNT [FIRST [SENDERS]]\n", argv[0]);
        return 2;
    }
    const std::string dir = argv[1];
    const std::size_t count = std::strtoull(argv[2], nullptr, 10);
    const std::size_t first = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 1;
    std::size_t senders = argc > 4 ? std::strtoull(argv[4], nullptr, 10) : count / 3;
    if (senders == 0) senders = 1;
    std::uint64_t total = 0;
    char name[64];
    for (std::size_t i = first; i < first + count; ++i) {
        const std::string m = make_message(i, senders);
        std::snprintf(name, sizeof name, "/%010zu.bench", i);
        const std::string path = dir + name;
        std::FILE* f = std::fopen(path.c_str(), "wb");
        if (!f || std::fwrite(m.data(), 1, m.size(), f) != m.size() || std::fclose(f) != 0) {
            std::perror(path.c_str());
            return 1;
        }
        total += m.size();
    }
    std::printf("%llu\n", static_cast<unsigned long long>(total));
    return 0;
}
