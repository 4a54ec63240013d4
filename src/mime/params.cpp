// Parameter lists are parsed here rather than by mimetic, which knows
// neither RFC 2231 continuations (filename*0*=) nor charsets.
#include "params.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include "ascii.hpp"
#include "rsvp/mime/charset.hpp"
#include "rsvp/mime/header_words.hpp"

namespace rsvp::mime::detail {

namespace {

std::string percent_decode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

// One RFC 2231 piece: filename*1*=... is {index 1, encoded}.
struct Piece {
    int index = 0;
    bool encoded = false;
    std::string value;
};

// Reads `name=value` pairs separated by ';'. Values may be quoted strings
// (quoted-pairs unescaped) or tokens; unquoted values with spaces, which
// some clients send, run to the next ';'.
std::vector<std::pair<std::string, std::string>> split_params(std::string_view s) {
    std::vector<std::pair<std::string, std::string>> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (is_space(s[i]) || s[i] == ';')) ++i;
        const std::size_t name_begin = i;
        while (i < s.size() && s[i] != '=' && s[i] != ';') ++i;
        const std::string name = lower(trim(s.substr(name_begin, i - name_begin)));
        if (i >= s.size() || s[i] == ';') continue;  // a parameter without '=': ignored
        ++i;
        while (i < s.size() && is_wsp(s[i])) ++i;
        std::string value;
        if (i < s.size() && s[i] == '"') {
            for (++i; i < s.size() && s[i] != '"'; ++i) {
                if (s[i] == '\\' && i + 1 < s.size()) ++i;
                value += s[i];
            }
            ++i;
            while (i < s.size() && s[i] != ';') ++i;  // junk after the closing quote
        } else {
            const std::size_t v_begin = i;
            while (i < s.size() && s[i] != ';') ++i;
            value = std::string(trim(s.substr(v_begin, i - v_begin)));
        }
        if (!name.empty()) out.emplace_back(name, std::move(value));
    }
    return out;
}

}  // namespace

const Param* ContentField::find(std::string_view name) const {
    const auto it = std::find_if(params.begin(), params.end(), [&](const Param& p) { return p.name == name; });
    return it == params.end() ? nullptr : &*it;
}

std::string ContentField::raw(std::string_view name) const {
    const Param* p = find(name);
    return p == nullptr ? std::string{} : p->value;
}

std::string ContentField::text(std::string_view name) const {
    const Param* p = find(name);
    if (p == nullptr) return {};
    return p->extended ? to_utf8(p->value, p->charset) : decode_encoded_words(p->value);
}

ContentField parse_content_field(std::string_view value) {
    ContentField field;
    const std::size_t semi = value.find(';');
    field.value = lower(trim(value.substr(0, semi)));
    if (semi == std::string_view::npos) return field;

    std::map<std::string, std::vector<Piece>> pieces;  // RFC 2231 pieces by base name
    for (auto& [name, v] : split_params(value.substr(semi + 1))) {
        const std::size_t star = name.find('*');
        if (star == std::string::npos) {
            if (field.find(name) == nullptr) field.params.push_back(Param{name, std::move(v), {}, false});
            continue;
        }
        Piece piece;
        std::string_view rest = std::string_view(name).substr(star + 1);
        piece.encoded = !rest.empty() && rest.back() == '*';
        if (piece.encoded) rest.remove_suffix(1);
        if (rest.empty()) {
            piece.encoded = true;  // "name*=" is a single encoded piece
        } else if (std::from_chars(rest.data(), rest.data() + rest.size(), piece.index).ec != std::errc{}) {
            continue;
        }
        piece.value = std::move(v);
        pieces[name.substr(0, star)].push_back(std::move(piece));
    }
    for (auto& [base, list] : pieces) {
        std::stable_sort(list.begin(), list.end(), [](const Piece& a, const Piece& b) { return a.index < b.index; });
        Param param{base, {}, {}, true};
        for (std::size_t k = 0; k < list.size(); ++k) {
            std::string_view v = list[k].value;
            if (k == 0 && list[k].encoded) {
                // charset'language'octets
                const std::size_t q1 = v.find('\'');
                const std::size_t q2 = q1 == std::string_view::npos ? q1 : v.find('\'', q1 + 1);
                if (q2 != std::string_view::npos) {
                    param.charset = std::string(v.substr(0, q1));
                    v.remove_prefix(q2 + 1);
                }
            }
            param.value += list[k].encoded ? percent_decode(v) : std::string(v);
        }
        // The extended form wins over a plain one (RFC 2231 section 4.1).
        const std::string& base_name = base;  // clang 14 cannot capture a structured binding
        std::erase_if(field.params, [&](const Param& p) { return p.name == base_name; });
        field.params.push_back(std::move(param));
    }
    return field;
}

std::string quote(std::string_view value) {
    std::string out = "\"";
    for (const char c : value) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    out += '"';
    return out;
}

std::string utf8_param(std::string_view name, std::string_view utf8) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out = std::string(name) + "*=utf-8''";
    for (const char c : utf8) {
        const auto b = static_cast<unsigned char>(c);
        if (is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_') {
            out += c;
        } else {
            out += '%';
            out += hex[b >> 4];
            out += hex[b & 0x0F];
        }
    }
    return out;
}

}  // namespace rsvp::mime::detail
