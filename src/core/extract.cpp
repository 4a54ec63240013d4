// Reply extraction works line by line on the folded text (accents and case
// removed), so one rule covers "Envoyé :" and "Envoye :", "De :" and "DE:".
// Two passes: first what was quoted or forwarded (attributions, header
// blocks, separators, "> " lines), then, in what is left, signatures,
// closings and disclaimers.
#include "rsvp/core/extract.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "rsvp/core/text.hpp"

namespace rsvp::core {

namespace {

struct Line {
    std::string_view raw;  // as written
    std::string folded;    // fold(trim(raw))
    std::size_t offset;    // of raw in the body
};

bool starts_with_any(std::string_view s, std::initializer_list<std::string_view> prefixes) {
    return std::any_of(prefixes.begin(), prefixes.end(), [&](std::string_view p) { return s.starts_with(p); });
}

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

bool is_blank(const Line& line) { return line.folded.empty(); }
bool is_quoted(const Line& line) { return !line.folded.empty() && line.folded.front() == '>'; }

// A line drawn with - _ = * ~ only: Outlook's underscores above a header
// block, asterisks around a disclaimer.
bool is_rule(std::string_view f) {
    return f.size() >= 3 && f.find_first_not_of("-_=*~ ") == std::string_view::npos;
}

// --- Quoted and forwarded messages ------------------------------------------

enum class Field { none, from, other };

// "De : X", "From: X", "*Sent:* ...", "Objet :\tY": a field of a quoted
// message's header, as Outlook, Lotus, Zimbra, Apple and Gmail write them.
Field header_field(std::string_view f) {
    // French and English, and the other languages mail clients write them in.
    static constexpr std::array<std::string_view, 6> k_from = {"de", "from", "expediteur", "von", "da", "van"};
    static constexpr std::array<std::string_view, 27> k_other = {
        "envoye le", "envoye", "sent", "date", "a", "to", "pour", "objet", "subject", "sujet", "cc", "cci", "bcc", "repondre a",
        "gesendet", "an", "betreff", "datum", "enviado", "para", "asunto", "fecha", "inviato", "oggetto", "verzonden", "aan", "onderwerp"};
    while (!f.empty() && f.front() == '*') f.remove_prefix(1);
    auto named = [&](std::string_view name) {
        if (!f.starts_with(name)) return false;
        std::string_view rest = f.substr(name.size());
        while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t' || rest.front() == '*')) rest.remove_prefix(1);
        return !rest.empty() && rest.front() == ':';
    };
    if (std::any_of(k_from.begin(), k_from.end(), named)) return Field::from;
    if (std::any_of(k_other.begin(), k_other.end(), named)) return Field::other;
    return Field::none;
}

// Lines above a quoted or forwarded message: "-----Message d'origine-----",
// "----- Mail original -----", "Début du message réexpédié :",
// "----- Transféré par X le ... -----".
bool is_separator(std::string_view f) {
    if (f.size() > 120) return false;
    std::string_view core = f;
    while (!core.empty() && std::string_view("-_=* ").find(core.front()) != std::string_view::npos) core.remove_prefix(1);
    return starts_with_any(core, {"message d'origine", "original message", "mail original", "message original",
                                  "message transfere", "forwarded message", "message reexpedie", "debut du message reexpedie",
                                  "debut du message transfere", "begin forwarded message", "transfere par", "forwarded by",
                                  "reply message", "courriel original", "e-mail original", "ursprungliche nachricht",
                                  "mensaje original", "messaggio originale", "oorspronkelijk bericht", "weitergeleitete nachricht"});
}

// "Le 17 oct. 2016 à 14:37, X <x@y> a écrit :", "On ... wrote:", Mélanie's
// "X (par Internet) a écrit :", Gmail 2016's "2016-10-17 14:37 GMT+02:00 X <x@y>:".
// A date or an address must be there too, so that "Mon collègue vous a
// écrit :" in a sentence is not taken for one.
bool is_attribution(std::string_view f) {
    if (f.size() > 400) return false;
    bool verb = false;
    for (const std::string_view ending : {"a ecrit", "wrote", "schrieb", "escribio", "ha scritto", "schreef", "escreveu"}) {
        verb = verb || f.ends_with(ending) || (f.ends_with(":") && trim(f.substr(0, f.size() - 1)).ends_with(ending));
    }
    const bool evidence = std::any_of(f.begin(), f.end(), [](char c) { return (c >= '0' && c <= '9') || c == '@'; }) ||
                          contains(f, "(par internet)");
    if (verb && evidence) return true;
    return f.size() > 16 && f[0] >= '0' && f[0] <= '9' && f[4] == '-' && f.ends_with(">:");
}

// An attribution may be wrapped over up to three lines; it can only start
// where a client starts one.
bool may_start_attribution(std::string_view f) {
    return starts_with_any(f, {"le ", "on ", "am ", "el ", "il ", "op ", "em ", "\""}) || (!f.empty() && f[0] >= '0' && f[0] <= '9') ||
           contains(f, "<");
}

// Lines [i, result) form an attribution, or result == i.
std::size_t attribution_end(const std::vector<Line>& lines, std::size_t i) {
    if (is_attribution(lines[i].folded)) return i + 1;
    if (!may_start_attribution(lines[i].folded)) return i;
    std::string joined = lines[i].folded;
    for (std::size_t k = i + 1; k < lines.size() && k <= i + 2; ++k) {
        if (is_blank(lines[k]) || is_quoted(lines[k])) break;
        joined += ' ';
        joined += lines[k].folded;
        if (is_attribution(joined)) return k + 1;
    }
    return i;
}

// An Outlook, Lotus or Windows Mail header block: at least three header
// fields among six lines, one of them the sender's. Returns its end or i.
bool starts_header_block(const std::vector<Line>& lines, std::size_t i) {
    if (header_field(lines[i].folded) == Field::none) return false;
    int fields = 0;
    bool from = false;
    for (std::size_t k = i; k < lines.size() && k < i + 6; ++k) {
        const Field field = header_field(lines[k].folded);
        fields += field != Field::none ? 1 : 0;
        from = from || field == Field::from;
    }
    return from && fields >= 3;
}

// --- Signatures, closings and disclaimers -----------------------------------

bool is_mobile_footer(std::string_view f) {
    return starts_with_any(f, {"envoye de mon ", "envoye depuis ", "envoye a partir de ", "envoye avec ", "envoye via ",
                               "sent from my ", "sent from ", "sent with ", "sent via ", "get outlook for ",
                               "obtenir outlook pour ", "telecharger outlook pour ", "download outlook for "});
}

// What may follow a closing on its line: nothing, punctuation, or a short
// name ("Thanks, Paul").
bool closing_remainder_ok(std::string_view raw_rest) {
    const std::string_view rest = trim(raw_rest);
    if (rest.find_first_not_of(",.!;:- ") == std::string_view::npos) return true;
    if (rest.front() != ',') return false;
    const std::string_view name = trim(rest.substr(1));
    if (name.empty() || name.size() > 30) return false;
    int words = 0;
    for (std::size_t pos = 0; pos < name.size();) {
        const std::size_t end = std::min(name.find(' ', pos), name.size());
        const unsigned char first = static_cast<unsigned char>(name[pos]);
        if (!(first >= 'A' && first <= 'Z') && first < 0x80) return false;
        ++words;
        pos = end + 1;
    }
    return words <= 3;
}

enum class Closing { none, strong, weak };

// "Cordialement," "Bien à vous" "Best regards, Anna": a closing ends what
// the sender wrote. Weak closings ("Merci", "Thanks", "Bonne journée") may
// also open a reply, so they count only when a signature follows them.
Closing closing(const Line& line) {
    static constexpr std::array<std::string_view, 28> k_strong = {
        "bien cordialement", "tres cordialement", "cordialement", "cordiales salutations", "bien a vous", "bien a toi",
        "sinceres salutations", "meilleures salutations", "salutations distinguees", "salutations", "bien amicalement",
        "amicalement", "amities", "respectueusement", "avec mes excuses", "cdlt", "cdt", "bav",
        "best regards", "kind regards", "warm regards", "with best regards", "regards", "best wishes", "yours sincerely",
        "yours faithfully", "sincerely", "all the best"};
    static constexpr std::array<std::string_view, 20> k_weak = {
        "merci d'avance", "merci par avance", "par avance merci", "merci beaucoup", "merci encore", "merci",
        "en vous remerciant", "avec mes remerciements", "bonne fin de journee", "bonne journee", "bonne soiree",
        "bonne semaine", "a bientot", "thanks and regards", "many thanks", "thanks", "thank you", "cheers", "best",
        "see you"};
    const std::string_view f = line.folded;
    if (f.size() > 48) return Closing::none;
    // The remainder is checked on the raw line, whose case tells a name.
    const std::string_view raw = trim(line.raw);
    auto remainder = [&](std::string_view phrase) {
        // Folding keeps ASCII lengths; for accented phrases compare folded.
        const std::string_view rest = f.substr(phrase.size());
        if (rest.empty()) return true;
        const std::size_t raw_rest = raw.size() >= rest.size() ? raw.size() - rest.size() : 0;
        return closing_remainder_ok(raw.substr(raw_rest));
    };
    for (const std::string_view p : k_strong) {
        if (f.starts_with(p) && remainder(p)) return Closing::strong;
    }
    for (const std::string_view p : k_weak) {
        if (f.starts_with(p) && remainder(p)) return Closing::weak;
    }
    return Closing::none;
}

bool is_disclaimer(std::string_view f) {
    if (starts_with_any(f, {"ce message et ", "ce message (", "ce message est confidentiel", "ce message electronique",
                            "ce message, ainsi que", "ce courriel et ", "ce courriel (", "ce courriel est", "ce courriel, ainsi que",
                            "ce mail et ", "ce mail est", "ce courrier electronique", "le present message", "le present courriel",
                            "les informations contenues dans ce", "avertissement :", "avertissement:", "avis de confidentialite",
                            "confidentialite :", "clause de confidentialite", "this e-mail and any", "this email and any",
                            "this message and any", "this message (including", "this e-mail (including", "this email (including",
                            "this message is confidential", "this e-mail is confidential", "this email is confidential",
                            "this communication is confidential", "the information contained in this", "the information in this",
                            "confidentiality notice", "confidentiality:", "disclaimer:", "disclaimer :", "important notice:"})) {
        return true;
    }
    // Environment footers, wherever the leaf glyph leaves the words.
    return (contains(f, "environnement") && contains(f, "imprim")) || (contains(f, "environment") && contains(f, "print")) ||
           starts_with_any(f, {"n'imprimez ", "think before you print"});
}

// "[cid:image001.png@01D2...]", "[image: logo]": what an inline picture
// leaves in the text part.
bool is_inline_image(std::string_view f) {
    return (f.starts_with("[cid:") || f.starts_with("[image") || f.starts_with("<image")) && f.find(' ') == std::string_view::npos
               ? true
               : f.starts_with("[image:") && f.ends_with("]");
}

bool is_postscript(std::string_view f) { return starts_with_any(f, {"ps ", "ps:", "p.s", "p.-s", "pps", "ps."}); }

bool is_upper_start(std::string_view raw) {
    if (raw.empty()) return false;
    const auto b = static_cast<unsigned char>(raw[0]);
    if (b >= 'A' && b <= 'Z') return true;
    // Accented capitals (É, À, Ç, ...) are 0xC3 0x80-0x9E in UTF-8.
    return b == 0xC3 && raw.size() > 1 && static_cast<unsigned char>(raw[1]) >= 0x80 && static_cast<unsigned char>(raw[1]) <= 0x9E;
}

std::vector<std::string_view> words_of(std::string_view s) {
    std::vector<std::string_view> words;
    std::size_t pos = 0;
    while (pos < s.size()) {
        while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
        const std::size_t end = std::min(s.find_first_of(" \t", pos), s.size());
        if (end > pos) words.push_back(s.substr(pos, end - pos));
        pos = end;
    }
    return words;
}

// "Marie-Claude Durand", "Gérard BLANCHARD": two to four capitalised words
// and nothing else. A title ("M.", "Mme") makes it a person the sender
// names, and a greeting ("Bonjour Madame") is not a signature.
bool is_name_line(const Line& line) {
    const std::string_view raw = trim(line.raw);
    if (raw.size() > 40) return false;
    const auto words = words_of(raw);
    const auto folded = words_of(line.folded);
    if (words.size() < 2 || words.size() > 4 || folded.size() != words.size()) return false;
    static constexpr std::array<std::string_view, 22> k_not_names = {
        "m.", "mme", "mme.", "mlle", "madame", "monsieur", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
        "bonjour", "bonsoir", "hello", "dear", "hi", "cher", "chere", "merci", "oui", "non"};
    if (std::find(k_not_names.begin(), k_not_names.end(), folded.front()) != k_not_names.end()) return false;
    for (std::size_t k = 0; k < words.size(); ++k) {
        const std::string_view w = folded[k];
        if (w.find_first_of("0123456789@:/.?!,;") != std::string_view::npos) return false;
        if (!is_upper_start(words[k]) && !(k > 0 && (w == "de" || w == "du" || w == "van" || w == "von" || w == "le" || w == "la"))) return false;
    }
    return true;
}

// A phone number, an e-mail address or a web address.
bool is_contact_line(std::string_view f) {
    if (f.size() > 100) return false;
    if (contains(f, "@") || contains(f, "www.") || contains(f, "http")) return true;
    const auto digits = std::count_if(f.begin(), f.end(), [](char c) { return c >= '0' && c <= '9'; });
    return digits >= 8 && starts_with_any(f, {"tel", "fax", "mob", "port", "phone", "ligne", "standard", "direct", "t ", "t.", "t:",
                                              "m ", "m.", "m:", "p ", "p:", "f ", "f:", "+", "0", "("});
}

// A line a person writes to say something (as opposed to a title, a
// department or a timetable in a signature): it speaks in the first person.
bool speaks_in_first_person(std::string_view f) {
    for (const std::string_view w : words_of(f)) {
        std::string_view word = w;
        while (!word.empty() && std::string_view(",.;:!?").find(word.back()) != std::string_view::npos) word.remove_suffix(1);
        if (word == "je" || word.starts_with("j'") || word == "nous" || word == "i" || word.starts_with("i'") || word == "we" ||
            word.starts_with("we'") || word == "moi" || word == "me" || word == "mon" || word == "ma" || word == "mes" || word == "my") {
            return true;
        }
    }
    return false;
}

}  // namespace

ExtractedReply extract_reply(std::string_view body) {
    std::vector<Line> lines;
    for (const std::string_view raw : split_lines(body)) {
        // split_lines returns views into body, so the offset is exact.
        lines.push_back({raw, fold(trim(raw)), static_cast<std::size_t>(raw.data() - body.data())});
    }

    ExtractedReply out;
    std::vector<bool> keep(lines.size(), true);
    auto cut = [&](std::size_t from, std::size_t to, std::string_view reason) {
        if (from >= to) return;
        for (std::size_t k = from; k < to; ++k) keep[k] = false;
        const std::size_t begin = lines[from].offset;
        const std::size_t end = lines[to - 1].offset + lines[to - 1].raw.size();
        out.cuts.push_back({begin, end - begin, std::string(reason)});
    };
    // A cut also takes the rule lines just above it ("______", "*****").
    auto with_rules_above = [&](std::size_t i) {
        std::size_t from = i;
        for (std::size_t k = i; k > 0 && keep[k - 1] && (is_rule(lines[k - 1].folded) || is_blank(lines[k - 1])); --k) {
            if (is_rule(lines[k - 1].folded)) from = k - 1;
        }
        return from;
    };

    // 1. Quoted material. An attribution followed by "> " lines quotes only
    //    those lines (the sender may write below or between them); any other
    //    start of a quoted or forwarded message runs to the end of the body.
    for (std::size_t i = 0; i < lines.size();) {
        if (is_quoted(lines[i])) {
            std::size_t end = i;
            while (end < lines.size() && is_quoted(lines[end])) ++end;
            cut(i, end, "quoted-lines");
            i = end;
            continue;
        }
        if (const std::size_t end = attribution_end(lines, i); end > i) {
            std::size_t after = end;
            while (after < lines.size() && is_blank(lines[after])) ++after;
            if (after < lines.size() && is_quoted(lines[after])) {
                while (after < lines.size() && (is_quoted(lines[after]) || is_blank(lines[after]))) ++after;
                cut(i, after, "quote-attribution");
                i = after;
                continue;
            }
            cut(i, lines.size(), "quote-attribution");
            break;
        }
        if (is_separator(lines[i].folded)) {
            cut(with_rules_above(i), lines.size(), "quote-separator");
            break;
        }
        if (starts_header_block(lines, i)) {
            cut(with_rules_above(i), lines.size(), "quote-header");
            break;
        }
        ++i;
    }

    // 2. In each run of kept lines: the first signature mark, closing or
    //    disclaimer cuts to the end of the run, except a postscript.
    auto run_end = [&](std::size_t i) {
        while (i < lines.size() && keep[i]) ++i;
        return i;
    };
    auto up_to_postscript = [&](std::size_t from, std::size_t end) {
        for (std::size_t k = from + 1; k < end; ++k) {
            if (is_postscript(lines[k].folded)) return k;
        }
        return end;
    };
    // Whether the lines after a weak closing are a signature: nothing, or
    // a few lines opening with a name, a contact or a short line that is
    // not a sentence ("Thanks,\nPaul" but not "Merci,\nJe serai présent.").
    auto signature_follows = [&](std::size_t from, std::size_t end) {
        std::size_t first = from;
        while (first < end && is_blank(lines[first])) ++first;
        if (first == end) return true;
        const auto rest = std::count_if(lines.begin() + static_cast<std::ptrdiff_t>(first), lines.begin() + static_cast<std::ptrdiff_t>(end),
                                        [](const Line& l) { return !is_blank(l); });
        const std::string_view f = lines[first].folded;
        const bool sentence = f.ends_with(".") || f.ends_with("!") || f.ends_with("?") || speaks_in_first_person(f);
        return rest <= 8 && (is_name_line(lines[first]) || is_contact_line(f) || (f.size() <= 40 && !sentence));
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!keep[i]) continue;
        const Line& line = lines[i];
        const std::size_t end = run_end(i);
        const std::string_view trimmed = trim(line.raw);
        if (trimmed == "--" || trimmed == "—" || is_mobile_footer(line.folded)) {
            cut(i, up_to_postscript(i, end), "signature");
        } else if (const Closing c = closing(line); c == Closing::strong || (c == Closing::weak && signature_follows(i + 1, end))) {
            cut(i, up_to_postscript(i, end), "closing");
        } else if (is_disclaimer(line.folded)) {
            cut(with_rules_above(i), end, "disclaimer");
        } else if (is_inline_image(line.folded)) {
            cut(i, i + 1, "inline-image");
            continue;
        } else {
            continue;
        }
        i = run_end(i);
    }

    // 3. A signature block with no mark: at the end of a run, from a name or
    //    a phone/e-mail line on, short lines that say nothing in the first
    //    person, with a contact line or at least two lines.
    for (std::size_t i = 0; i < lines.size();) {
        if (!keep[i]) { ++i; continue; }
        const std::size_t end = run_end(i);
        std::size_t last = end;
        while (last > i && is_blank(lines[last - 1])) --last;
        std::size_t paragraph = last;
        while (paragraph > i && !is_blank(lines[paragraph - 1])) --paragraph;
        for (std::size_t j = paragraph; j < last; ++j) {
            if (!is_name_line(lines[j]) && !is_contact_line(lines[j].folded)) continue;
            // "Merci d'inscrire :" followed by names is a list, not a signature.
            std::size_t before = j;
            while (before > i && is_blank(lines[before - 1])) --before;
            if (before > i && lines[before - 1].folded.ends_with(":")) break;
            bool contact = false, plain = true;
            for (std::size_t k = j; k < last && plain; ++k) {
                const std::string_view f = lines[k].folded;
                contact = contact || is_contact_line(f);
                plain = f.size() <= 120 && (!speaks_in_first_person(f) || is_contact_line(f));
            }
            if (plain && last - j <= 8 && (contact || (is_name_line(lines[j]) && last - j >= 2))) cut(j, last, "signature-block");
            break;
        }
        i = end;
    }

    std::sort(out.cuts.begin(), out.cuts.end(), [](const Cut& a, const Cut& b) { return a.offset < b.offset; });
    std::string text;
    bool pending_blank = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!keep[i]) continue;
        const std::string_view line = lines[i].raw.substr(0, lines[i].raw.find_last_not_of(" \t\r") + 1);
        if (trim(line).empty()) {
            pending_blank = !text.empty();
            continue;
        }
        if (pending_blank) text += '\n';
        pending_blank = false;
        if (!text.empty()) text += '\n';
        text.append(line);
    }
    out.text = std::move(text);
    return out;
}

}  // namespace rsvp::core
