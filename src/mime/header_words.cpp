// RFC 2047 encoded words and RFC 5322 mailboxes. mimetic has parsers for
// both but they neither decode charsets nor survive the names real clients
// write, so these are small hand-written scanners.
#include "rsvp/mime/header_words.hpp"

#include <algorithm>
#include <vector>

#include "ascii.hpp"
#include "rsvp/mime/charset.hpp"

namespace rsvp::mime {

namespace {

using detail::hex_value;
using detail::is_wsp;

struct EncodedWord {
    std::string charset;
    std::string bytes;  // decoded octets, still in `charset`
    std::size_t end = 0;
};

int base64_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

std::optional<std::string> decode_b(std::string_view text) {
    std::string out;
    unsigned acc = 0;
    int bits = 0;
    std::size_t i = 0;
    for (; i < text.size() && text[i] != '='; ++i) {
        const int v = base64_value(text[i]);
        if (v < 0) return std::nullopt;
        acc = (acc << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((acc >> bits) & 0xFF);
        }
    }
    for (; i < text.size(); ++i) {
        if (text[i] != '=') return std::nullopt;  // only padding may follow
    }
    return out;
}

std::string decode_q(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '_') {
            out += ' ';
        } else if (c == '=' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            out += c;  // a stray '=' stays as written
        }
    }
    return out;
}

// "=?charset[*lang]?Q|B?text?=" at value[pos]; nullopt when malformed.
std::optional<EncodedWord> parse_encoded_word(std::string_view value, std::size_t pos) {
    const std::size_t cs_begin = pos + 2;
    const std::size_t cs_end = value.find('?', cs_begin);
    if (cs_end == std::string_view::npos || cs_end == cs_begin || cs_end - cs_begin > 64) return std::nullopt;
    if (cs_end + 2 >= value.size() || value[cs_end + 2] != '?') return std::nullopt;
    const char enc = detail::to_lower(value[cs_end + 1]);
    if (enc != 'q' && enc != 'b') return std::nullopt;
    const std::size_t text_begin = cs_end + 3;
    std::size_t text_end = text_begin;
    while (text_end < value.size() && value[text_end] != '?' && !detail::is_space(value[text_end])) ++text_end;
    if (text_end + 1 >= value.size() || value[text_end] != '?' || value[text_end + 1] != '=') return std::nullopt;

    std::string_view charset = value.substr(cs_begin, cs_end - cs_begin);
    charset = charset.substr(0, charset.find('*'));  // RFC 2231 language suffix
    for (const char c : charset) {
        if (detail::is_space(c) || c == '=') return std::nullopt;
    }
    const std::string_view text = value.substr(text_begin, text_end - text_begin);
    std::optional<std::string> bytes = enc == 'q' ? std::optional(decode_q(text)) : decode_b(text);
    if (!bytes) return std::nullopt;
    return EncodedWord{std::string(charset), std::move(*bytes), text_end + 2};
}

// A run of text to convert at once: plain bytes (charset empty) or the
// joined octets of adjacent encoded words in one charset, so a character
// split across two words still decodes.
struct Run {
    bool encoded = false;
    std::string charset;
    std::string bytes;
};

void flush(std::string& out, Run& run) {
    if (!run.bytes.empty()) out += to_utf8(run.bytes, run.encoded ? std::string_view(run.charset) : std::string_view{});
    run = Run{};
}

// ---- mailboxes ----

// Unescapes a quoted string or comment starting at s[i] ('"' or '('); i ends
// after the closing delimiter (or at the end when unterminated).
std::string take_delimited(std::string_view s, std::size_t& i) {
    const char open = s[i];
    const char close = open == '"' ? '"' : ')';
    int depth = 1;
    std::string out;
    for (++i; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '\\' && i + 1 < s.size()) {
            out += s[++i];
        } else if (c == close && --depth == 0) {
            ++i;
            return out;
        } else {
            if (open == '(' && c == '(') ++depth;
            out += c;
        }
    }
    return out;
}

std::vector<std::string> split_words(std::string_view s) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : s) {
        if (!detail::is_space(c)) {
            word += c;
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    for (const char c : detail::trim(s)) {
        if (detail::is_space(c)) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

// One element of an address list, split out lexically.
struct Item {
    std::string phrase;   // display-name words, quotes removed
    std::string angle;    // inside <...>
    std::string bare;     // addr-spec outside angle brackets, comments removed
    std::string comment;  // first comment, a fallback name
    bool has_angle = false;
};

std::optional<core::Mailbox> mailbox_from(const Item& item) {
    std::string address;
    std::string name;
    if (item.has_angle) {
        std::string_view a = detail::trim(item.angle);
        if (const auto colon = a.rfind(':'); colon != std::string_view::npos && !a.empty() && a.front() == '@') {
            a.remove_prefix(colon + 1);  // obsolete source route "@relay:"
        }
        for (const char c : a) {
            if (!detail::is_space(c)) address += c;
        }
        name = item.phrase.empty() ? item.comment : item.phrase;
    } else {
        // Without brackets: "a@b.fr", a spaced-out "a @ b.fr", or a sloppy
        // "Jean Dupont a@b.fr"; words with no '@' at all are only a name.
        std::vector<std::string> words;
        std::string joined;
        for (const std::string& w : split_words(item.bare)) {
            joined += w;
            words.push_back(w);
        }
        const auto full = std::find_if(words.begin(), words.end(), [](const std::string& w) {
            const std::size_t at = w.find('@');
            return at != std::string::npos && at > 0 && at + 1 < w.size();
        });
        if (joined.find('@') == std::string::npos && words.size() > 1) return std::nullopt;
        name = item.comment;
        if (full != words.end() && words.size() > 1) {
            address = *full;
            words.erase(full);
            if (name.empty()) {
                for (const std::string& w : words) name += w + " ";
            }
        } else {
            address = joined;
        }
    }
    if (address.empty()) return std::nullopt;
    name = collapse_spaces(decode_encoded_words(collapse_spaces(name)));
    if (name.size() >= 2 && (name.front() == '"' || name.front() == '\'') && name.back() == name.front()) {
        name = collapse_spaces(name.substr(1, name.size() - 2));
    }
    return core::Mailbox{std::move(name), std::move(address)};
}

}  // namespace

std::string decode_encoded_words(std::string_view value) {
    std::string out;
    Run run;
    std::size_t i = 0;
    bool after_word = false;
    while (i < value.size()) {
        const std::size_t pos = value.find("=?", i);
        const std::optional<EncodedWord> word = pos == std::string_view::npos ? std::nullopt : parse_encoded_word(value, pos);
        const std::size_t plain_end = pos == std::string_view::npos ? value.size() : (word ? pos : pos + 2);
        const std::string_view plain = value.substr(i, plain_end - i);
        const bool only_space = word && after_word && std::all_of(plain.begin(), plain.end(), detail::is_space);
        if (!plain.empty() && !only_space) {
            if (run.encoded) flush(out, run);
            run.bytes += plain;
            after_word = false;
        }
        i = plain_end;
        if (!word) continue;
        if (!run.encoded || !detail::iequals(run.charset, word->charset)) {
            flush(out, run);
            run.encoded = true;
            run.charset = word->charset;
        }
        run.bytes += word->bytes;
        i = word->end;
        after_word = true;
    }
    flush(out, run);
    return out;
}

std::optional<core::Mailbox> parse_mailbox(std::string_view value) {
    Item item;
    std::string words;  // text seen before '<'
    for (std::size_t i = 0; i < value.size();) {
        const char c = value[i];
        if (c == '"') {
            words += take_delimited(value, i);
            continue;
        }
        if (c == '(') {
            std::string comment = take_delimited(value, i);
            if (item.comment.empty()) item.comment = std::move(comment);
            words += ' ';
            continue;
        }
        if (c == '<') {
            const std::size_t close = value.find('>', i + 1);
            item.angle = std::string(value.substr(i + 1, close == std::string_view::npos ? std::string_view::npos : close - i - 1));
            item.has_angle = true;
            item.phrase = words;
            i = close == std::string_view::npos ? value.size() : close + 1;
            continue;
        }
        if (c == ',' || c == ';') {
            // End of one list element: keep it if it held a mailbox.
            item.bare = words;
            if (auto mb = mailbox_from(item)) return mb;
            item = Item{};
            words.clear();
            ++i;
            continue;
        }
        if (c == ':' && !item.has_angle && words.find('@') == std::string::npos) {
            words.clear();  // "group name:" — the mailboxes follow
            ++i;
            continue;
        }
        if (!item.has_angle) words += c;
        ++i;
    }
    item.bare = words;
    return mailbox_from(item);
}

}  // namespace rsvp::mime
