// Reply extraction works line by line on the folded text (accents and case
// removed), so one rule covers "Envoyé :" and "Envoye :", "De :" and "DE:".
#include "rsvp/core/extract.hpp"

#include <algorithm>
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
    for (const auto p : prefixes) {
        if (s.substr(0, p.size()) == p) return true;
    }
    return false;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_quoted(const Line& line) { return !line.folded.empty() && line.folded.front() == '>'; }

// "De : X", "From: X", "Envoyé : ..." — a field of a quoted message's header.
bool is_header_field(std::string_view folded, std::initializer_list<std::string_view> names) {
    for (const auto name : names) {
        if (folded.substr(0, name.size()) != name) continue;
        std::string_view rest = folded.substr(name.size());
        while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
        if (!rest.empty() && rest.front() == ':') return true;
    }
    return false;
}

bool is_from_field(std::string_view f) { return is_header_field(f, {"de", "from", "expediteur", "von"}); }
bool is_other_header_field(std::string_view f) {
    return is_header_field(f, {"envoye", "envoye le", "sent", "date", "a", "to", "objet", "subject", "cc", "pour", "re"});
}

// Separator lines that mail clients put above a quoted or forwarded message.
bool is_separator(std::string_view f) {
    std::string_view core = f;
    while (!core.empty() && (core.front() == '-' || core.front() == '_' || core.front() == ' ')) core.remove_prefix(1);
    while (!core.empty() && (core.back() == '-' || core.back() == '_' || core.back() == ' ')) core.remove_suffix(1);
    return starts_with_any(core, {"message d'origine", "original message", "mail original", "message transfere",
                                  "forwarded message", "message original", "debut du message reexpedie",
                                  "begin forwarded message", "message reexpedie"});
}

// "Le 17 oct. 2016 à 14:37, X <x@y> a écrit :", "On ... wrote:", Gmail 2016's
// "2016-10-17 14:37 GMT+02:00 X <x@y>:". `next` is the following line, for
// attributions wrapped over two lines.
bool is_attribution(std::string_view f) {
    if (ends_with(f, "a ecrit :") || ends_with(f, "a ecrit:") || ends_with(f, "wrote:") || ends_with(f, "wrote :")) return true;
    if (ends_with(f, "ecrit :") && f.find("(par internet)") != std::string_view::npos) return true;
    // Gmail's dated attribution: starts with a date, ends with "<address>:".
    if (f.size() > 16 && f[0] >= '0' && f[0] <= '9' && f[4] == '-' && ends_with(f, ">:")) return true;
    return false;
}

bool starts_attribution(std::string_view f) { return starts_with_any(f, {"le ", "on ", "> le ", "> on "}); }

// Where a quoted message starts at line i, the reason; else empty.
std::string_view quote_start(const std::vector<Line>& lines, std::size_t i) {
    const std::string_view f = lines[i].folded;
    if (is_separator(f)) return "quote-separator";
    if (is_attribution(f)) return "quote-attribution";
    if (i + 1 < lines.size() && starts_attribution(f) && f.size() < 120 && is_attribution(lines[i + 1].folded)) {
        return "quote-attribution";
    }
    // An Outlook or Lotus header block: From/De followed within a few lines by Sent/Envoyé, To/À or Subject/Objet.
    if (is_from_field(f)) {
        for (std::size_t k = i + 1; k < lines.size() && k <= i + 4; ++k) {
            if (is_other_header_field(lines[k].folded)) return "quote-header";
        }
    }
    if (is_header_field(f, {"envoye le", "envoye", "sent"})) {
        for (std::size_t k = i + 1; k < lines.size() && k <= i + 3; ++k) {
            if (is_from_field(lines[k].folded)) return "quote-header";
        }
    }
    return {};
}

// A line that ends what the sender wrote and starts a signature.
std::string_view signature_start(const Line& line) {
    const std::string_view raw = line.raw;
    if (raw == "-- " || raw == "--" || raw == "-- \r") return "signature";
    const std::string_view f = line.folded;
    if (starts_with_any(f, {"envoye de mon ", "envoye depuis ", "envoye a partir de ", "sent from my ", "sent from ",
                            "get outlook for ", "telecharger outlook"})) {
        return "signature";
    }
    // Closings are short lines: "Cordialement,", "Bien à vous", "Best regards, Anna".
    if (f.size() <= 48 && starts_with_any(f, {"cordialement", "bien cordialement", "tres cordialement", "bien a vous",
                                              "salutations", "sinceres salutations", "meilleures salutations",
                                              "bien amicalement", "amicalement", "respectueusement", "bonne journee",
                                              "best regards", "kind regards", "regards", "best wishes", "sincerely",
                                              "yours sincerely", "many thanks", "thanks and regards", "with best regards",
                                              "cdlt", "bàv", "bav"})) {
        return "signature";
    }
    return {};
}

bool is_disclaimer(std::string_view f) {
    return starts_with_any(f, {"ce message et ", "ce courriel et ", "ce message electronique", "ce courrier electronique",
                               "this e-mail and any", "this email and any", "this message and any", "this message is confidential",
                               "this e-mail is confidential", "the information contained in this", "pensez a l'environnement",
                               "please consider the environment", "avant d'imprimer", "ce message est confidentiel",
                               "les informations contenues dans ce", "afin de contribuer au respect de l'environnement"});
}

}  // namespace

ExtractedReply extract_reply(std::string_view body) {
    std::vector<Line> lines;
    std::size_t offset = 0;
    for (const std::string_view raw : split_lines(body)) {
        // split_lines returns views into body, so the offset is exact.
        offset = static_cast<std::size_t>(raw.data() - body.data());
        lines.push_back({raw, fold(trim(raw)), offset});
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

    // 1. Quoted material. An attribution followed by "> " lines quotes only
    //    those lines (the sender may write below them); any other quote start
    //    runs to the end of the body.
    for (std::size_t i = 0; i < lines.size();) {
        const std::string_view reason = quote_start(lines, i);
        if (!reason.empty()) {
            std::size_t next = i + 1;
            if (reason == "quote-attribution" && !is_attribution(lines[i].folded)) ++next;  // wrapped attribution
            std::size_t after = next;
            while (after < lines.size() && lines[after].folded.empty()) ++after;
            if (reason == "quote-attribution" && after < lines.size() && is_quoted(lines[after])) {
                while (after < lines.size() && (is_quoted(lines[after]) || lines[after].folded.empty())) ++after;
                cut(i, after, reason);
                i = after;
                continue;
            }
            cut(i, lines.size(), reason);
            break;
        }
        if (is_quoted(lines[i])) {
            std::size_t end = i;
            while (end < lines.size() && is_quoted(lines[end])) ++end;
            cut(i, end, "quoted-lines");
            i = end;
            continue;
        }
        ++i;
    }

    // 2. Signatures and disclaimers: from the first one to the next quoted
    //    block (or the end).
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!keep[i]) continue;
        std::string_view reason = signature_start(lines[i]);
        if (reason.empty() && is_disclaimer(lines[i].folded)) reason = "disclaimer";
        if (reason.empty()) continue;
        std::size_t end = i;
        while (end < lines.size() && keep[end]) ++end;
        cut(i, end, reason);
        i = end;
    }

    std::sort(out.cuts.begin(), out.cuts.end(), [](const Cut& a, const Cut& b) { return a.offset < b.offset; });
    std::string text;
    bool pending_blank = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!keep[i]) continue;
        const std::string_view line = lines[i].raw.substr(0, lines[i].raw.find_last_not_of(" \t") + 1);
        if (line.empty()) {
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
