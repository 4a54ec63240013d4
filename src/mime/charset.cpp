// Charset labels are mapped to what glibc iconv knows; the windows-1252
// fallback is a table here because iconv rejects its five unassigned bytes
// and because ISO-8859-1 in mail nearly always means windows-1252.
#include "rsvp/mime/charset.hpp"

#include <iconv.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <memory>
#include <optional>

#include "ascii.hpp"

namespace rsvp::mime {

namespace {

using detail::lower;

constexpr std::string_view kUtf8 = "UTF-8";
constexpr std::string_view kAscii = "US-ASCII";
constexpr std::string_view kCp1252 = "WINDOWS-1252";

// windows-1252 0x80..0x9F; 0 marks the five unassigned bytes.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

constexpr char32_t kReplacement = 0xFFFD;

void append_utf8(std::string& out, char32_t cp) {
    const auto byte = [](char32_t v) { return static_cast<char>(static_cast<unsigned char>(v)); };
    if (cp < 0x80) {
        out += byte(cp);
    } else if (cp < 0x800) {
        out += byte(0xC0 | (cp >> 6));
        out += byte(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += byte(0xE0 | (cp >> 12));
        out += byte(0x80 | ((cp >> 6) & 0x3F));
        out += byte(0x80 | (cp & 0x3F));
    } else {
        out += byte(0xF0 | (cp >> 18));
        out += byte(0x80 | ((cp >> 12) & 0x3F));
        out += byte(0x80 | ((cp >> 6) & 0x3F));
        out += byte(0x80 | (cp & 0x3F));
    }
}

// Length of the well-formed UTF-8 sequence at s[i] (RFC 3629: no overlongs,
// no surrogates), or 0.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
    const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned c = at(i);
    if (c < 0x80) return 1;
    std::size_t n = 0;
    unsigned lo = 0x80;
    unsigned hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (i + n > s.size() || at(i + 1) < lo || at(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k) {
        if ((at(i + k) & 0xC0) != 0x80) return 0;
    }
    return n;
}

void append_cp1252(std::string& out, unsigned char b, bool& lossy) {
    if (b < 0x80 || b >= 0xA0) {
        append_utf8(out, b);
        return;
    }
    const char32_t cp = kCp1252High[b - 0x80u];
    if (cp == 0) lossy = true;
    append_utf8(out, cp == 0 ? kReplacement : cp);
}

std::string decode_cp1252(std::string_view bytes, bool& lossy) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 4);
    for (const char c : bytes) append_cp1252(out, static_cast<unsigned char>(c), lossy);
    return out;
}

// Well-formed UTF-8 sequences are kept; any other byte is read as
// windows-1252, so a UTF-8 reply quoting a Latin-1 original reads right.
std::string decode_mixed(std::string_view bytes, bool& lossy) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 4);
    for (std::size_t i = 0; i < bytes.size();) {
        if (const std::size_t n = utf8_sequence(bytes, i); n > 0) {
            out.append(bytes.substr(i, n));
            i += n;
        } else {
            lossy = true;
            append_cp1252(out, static_cast<unsigned char>(bytes[i]), lossy);
            ++i;
        }
    }
    return out;
}

bool has_multibyte(std::string_view bytes) {
    return std::any_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// The iconv name for a MIME label; empty for an empty or unusable label.
std::string normalise(std::string_view label) {
    label = detail::trim(label);
    while (!label.empty() && (label.front() == '"' || label.front() == '\'')) label.remove_prefix(1);
    while (!label.empty() && (label.back() == '"' || label.back() == '\'')) label.remove_suffix(1);
    const std::string l = lower(label);
    // Only plain names reach iconv: no "//TRANSLIT" suffixes or odd bytes.
    if (l.empty() || l.size() > 40) return {};
    for (const char c : l) {
        if (!(detail::is_alpha(c) || detail::is_digit(c) || c == '-' || c == '_' || c == '.' || c == ':')) return {};
    }
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 30> aliases = {{
        {"utf-8", kUtf8},           {"utf8", kUtf8},           {"unicode-1-1-utf-8", kUtf8},
        {"us-ascii", kAscii},       {"ascii", kAscii},         {"ansi_x3.4-1968", kAscii},
        {"iso646-us", kAscii},      {"us", kAscii},            {"iso-8859-1", kCp1252},
        {"iso8859-1", kCp1252},     {"iso_8859-1", kCp1252},   {"iso_8859-1:1987", kCp1252},
        {"latin1", kCp1252},        {"latin-1", kCp1252},      {"l1", kCp1252},
        {"cp819", kCp1252},         {"ibm819", kCp1252},       {"iso-ir-100", kCp1252},
        {"cp1252", kCp1252},        {"windows-1252", kCp1252}, {"x-cp1252", kCp1252},
        {"win-1252", kCp1252},      {"ks_c_5601-1987", "CP949"}, {"gb2312", "GBK"},
        {"x-gbk", "GBK"},           {"iso-8859-8-i", "ISO-8859-8"}, {"x-mac-roman", "MACINTOSH"},
        {"unicode-1-1-utf-7", "UTF-7"}, {"x-sjis", "SHIFT_JIS"}, {"shift-jis", "SHIFT_JIS"},
    }};
    for (const auto& [alias, name] : aliases) {
        if (l == alias) return std::string(name);
    }
    std::string upper = l;
    std::transform(upper.begin(), upper.end(), upper.begin(), [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
    return upper;
}

struct IconvCloser {
    using pointer = iconv_t;
    void operator()(iconv_t cd) const { iconv_close(cd); }
};
using Iconv = std::unique_ptr<void, IconvCloser>;

Iconv open_decoder(const std::string& name) {
    iconv_t cd = iconv_open("UTF-8", name.c_str());
    if (cd == reinterpret_cast<iconv_t>(std::intptr_t{-1})) return Iconv{};
    return Iconv{cd};
}

// Strict conversion: nullopt on any invalid or incomplete sequence.
std::optional<std::string> iconv_strict(iconv_t cd, std::string_view bytes) {
    std::string out(bytes.size() * 2 + 16, '\0');
    // iconv's prototype takes char** though it never writes the input.
    char* in = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size();
    std::size_t used = 0;
    bool flushing = false;
    while (true) {
        char* dst = out.data() + used;
        std::size_t out_left = out.size() - used;
        const std::size_t rc = flushing ? iconv(cd, nullptr, nullptr, &dst, &out_left) : iconv(cd, &in, &in_left, &dst, &out_left);
        used = out.size() - out_left;
        if (rc != static_cast<std::size_t>(-1)) {
            if (flushing) break;
            flushing = true;  // stateful encodings (ISO-2022-JP) emit a reset sequence
            continue;
        }
        if (errno != E2BIG) return std::nullopt;
        out.resize(out.size() * 2);
    }
    out.resize(used);
    return out;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
    for (std::size_t i = 0; i < bytes.size();) {
        const std::size_t n = utf8_sequence(bytes, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

bool is_known_charset(std::string_view charset) {
    const std::string name = normalise(charset);
    if (name.empty()) return false;
    if (name == kUtf8 || name == kAscii || name == kCp1252) return true;
    return static_cast<bool>(open_decoder(name));
}

std::string to_utf8(std::string_view bytes, std::string_view charset, bool* lossy) {
    bool loss = false;
    std::string out;
    const std::string name = normalise(charset);
    if (!has_multibyte(bytes) && (name == kUtf8 || name == kAscii || name == kCp1252 || name.empty())) {
        out.assign(bytes);  // pure ASCII reads the same in all of them
    } else if (name == kCp1252) {
        // Labelled Latin-1 but well-formed multi-byte UTF-8: the label is wrong
        // (real Latin-1 French text is never well-formed UTF-8).
        out = is_valid_utf8(bytes) ? std::string(bytes) : decode_cp1252(bytes, loss);
    } else if (name == kUtf8 || name == kAscii || name.empty()) {
        out = is_valid_utf8(bytes) ? std::string(bytes) : decode_mixed(bytes, loss);
        if (name == kAscii) loss = true;
    } else if (const Iconv cd = open_decoder(name); !cd) {
        loss = true;  // unknown label
        out = decode_mixed(bytes, loss);
    } else if (auto converted = iconv_strict(cd.get(), bytes)) {
        out = std::move(*converted);
    } else {
        loss = true;
        out = decode_mixed(bytes, loss);
    }
    if (lossy != nullptr) *lossy = loss;
    return out;
}

}  // namespace rsvp::mime
