#include "rsvp/core/text.hpp"

#include <algorithm>
#include <cstdint>

namespace rsvp::core {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Decodes one UTF-8 sequence at s[i]; returns the code point and advances i.
// An invalid byte yields k_invalid; the caller keeps it as it is.
constexpr char32_t k_invalid = 0xFFFFFFFF;
char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    auto cont = [&](std::size_t k) -> int {
        if (i + k >= s.size()) return -1;
        const auto b = static_cast<unsigned char>(s[i + k]);
        return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
    };
    if (b0 < 0x80) { ++i; return b0; }
    if ((b0 & 0xE0) == 0xC0) {
        const int c1 = cont(1);
        if (c1 >= 0) { i += 2; return static_cast<char32_t>(((b0 & 0x1F) << 6) | c1); }
    } else if ((b0 & 0xF0) == 0xE0) {
        const int c1 = cont(1), c2 = c1 >= 0 ? cont(2) : -1;
        if (c2 >= 0) { i += 3; return static_cast<char32_t>(((b0 & 0x0F) << 12) | (c1 << 6) | c2); }
    } else if ((b0 & 0xF8) == 0xF0) {
        const int c1 = cont(1), c2 = c1 >= 0 ? cont(2) : -1, c3 = c2 >= 0 ? cont(3) : -1;
        if (c3 >= 0) { i += 4; return static_cast<char32_t>(((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3); }
    }
    ++i;
    return k_invalid;
}

// ASCII replacement for a folded code point, or nullptr to keep it as is.
const char* fold_code_point(char32_t c) {
    switch (c) {
        case 0xC0: case 0xC1: case 0xC2: case 0xC3: case 0xC4: case 0xC5:
        case 0xE0: case 0xE1: case 0xE2: case 0xE3: case 0xE4: case 0xE5: return "a";
        case 0xC6: case 0xE6: return "ae";
        case 0xC7: case 0xE7: return "c";
        case 0xC8: case 0xC9: case 0xCA: case 0xCB:
        case 0xE8: case 0xE9: case 0xEA: case 0xEB: return "e";
        case 0xCC: case 0xCD: case 0xCE: case 0xCF:
        case 0xEC: case 0xED: case 0xEE: case 0xEF: return "i";
        case 0xD1: case 0xF1: return "n";
        case 0xD2: case 0xD3: case 0xD4: case 0xD5: case 0xD6:
        case 0xF2: case 0xF3: case 0xF4: case 0xF5: case 0xF6: return "o";
        case 0xD9: case 0xDA: case 0xDB: case 0xDC:
        case 0xF9: case 0xFA: case 0xFB: case 0xFC: return "u";
        case 0xDD: case 0xFD: case 0xFF: case 0x178: return "y";
        case 0x152: case 0x153: return "oe";
        case 0xA0: case 0x202F: case 0x2009: case 0x2007: return " ";
        case 0x2018: case 0x2019: case 0x02BC: case 0x2032: return "'";
        case 0x201C: case 0x201D: case 0xAB: case 0xBB: return "\"";
        case 0x2010: case 0x2011: case 0x2013: case 0x2014: return "-";
        case 0x2026: return "...";
        default: return nullptr;
    }
}

}  // namespace

bool iequals_ascii(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), lower);
    return out;
}

std::string_view trim(std::string_view s) {
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

std::string fold(std::string_view utf8, std::vector<std::size_t>* origin) {
    std::string out;
    out.reserve(utf8.size());
    if (origin) { origin->clear(); origin->reserve(utf8.size()); }
    std::size_t i = 0;
    while (i < utf8.size()) {
        const std::size_t start = i;
        if (static_cast<unsigned char>(utf8[i]) < 0x80) {  // the common case, without decoding
            out += lower(utf8[i]);
            if (origin) origin->push_back(start);
            ++i;
            continue;
        }
        const char32_t c = next_code_point(utf8, i);
        std::string_view piece;
        if (c == k_invalid) {
            piece = utf8.substr(start, 1);
        } else if (const char* ascii = fold_code_point(c)) {
            piece = ascii;
        } else {
            piece = utf8.substr(start, i - start);
        }
        out.append(piece);
        if (origin) origin->insert(origin->end(), piece.size(), start);
    }
    return out;
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t nl = text.find('\n', pos);
        std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
    }
    if (!lines.empty() && lines.back().empty() && !text.empty() && text.back() == '\n') lines.pop_back();
    return lines;
}

}  // namespace rsvp::core
