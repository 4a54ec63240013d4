#include "rsvp/imap/response.hpp"

#include <charconv>
#include <stdexcept>

namespace rsvp::imap {

namespace {

// If `line` ends with a literal marker "{n}" or "{n+}", its size.
std::optional<std::size_t> literal_size(std::string_view line) {
    if (line.empty() || line.back() != '}') return std::nullopt;
    const std::size_t open = line.rfind('{');
    if (open == std::string_view::npos) return std::nullopt;
    std::string_view digits = line.substr(open + 1, line.size() - open - 2);
    if (!digits.empty() && digits.back() == '+') digits.remove_suffix(1);
    if (digits.empty()) return std::nullopt;
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
    return n;
}

}  // namespace

ResponseReader::ResponseReader(std::size_t max_literal_bytes) : m_max_literal(max_literal_bytes) {}

void ResponseReader::feed(std::string_view bytes) {
    // Drop what earlier responses consumed before growing the buffer.
    if (m_pos > 0 && m_pos >= m_buffer.size() / 2) {
        m_buffer.erase(0, m_pos);
        m_pos = 0;
    }
    m_buffer.append(bytes);
}

std::optional<Response> ResponseReader::next() {
    Response response;
    std::string text;
    std::size_t cursor = m_pos;
    for (;;) {
        const std::size_t eol = m_buffer.find("\r\n", cursor);
        if (eol == std::string::npos) return std::nullopt;
        const std::string_view line(m_buffer.data() + cursor, eol - cursor);
        text.append(line);
        cursor = eol + 2;
        const auto size = literal_size(line);
        if (!size) break;
        if (*size > m_max_literal) throw std::runtime_error("IMAP literal of " + std::to_string(*size) + " bytes exceeds the limit");
        if (m_buffer.size() - cursor < *size) return std::nullopt;
        response.literals.emplace_back(m_buffer, cursor, *size);
        cursor += *size;
    }
    m_pos = cursor;
    const std::size_t space = text.find(' ');
    response.tag = text.substr(0, space);
    response.text = space == std::string::npos ? std::string() : text.substr(space + 1);
    return response;
}

std::string_view status_of(const Response& r) {
    std::string_view t = r.text;
    // Untagged status responses and tagged completions both start with the word.
    const std::string_view word = t.substr(0, t.find(' '));
    for (const std::string_view s : {"OK", "NO", "BAD", "BYE", "PREAUTH"}) {
        if (word == s) return s;
    }
    return {};
}

std::optional<unsigned long long> number_after(std::string_view text, std::string_view key) {
    std::size_t pos = 0;
    while ((pos = text.find(key, pos)) != std::string_view::npos) {
        const bool starts_word = pos == 0 || text[pos - 1] == ' ' || text[pos - 1] == '(' || text[pos - 1] == '[';
        const std::size_t value = pos + key.size() + 1;
        if (starts_word && value < text.size() && text[pos + key.size()] == ' ') {
            unsigned long long n = 0;
            const auto [end, ec] = std::from_chars(text.data() + value, text.data() + text.size(), n);
            if (ec == std::errc() && end != text.data() + value) return n;
        }
        pos += key.size();
    }
    return std::nullopt;
}

std::optional<std::string> quoted_after(std::string_view text, std::string_view key) {
    const std::string needle = std::string(key) + " \"";
    const std::size_t pos = text.find(needle);
    if (pos == std::string_view::npos) return std::nullopt;
    const std::size_t start = pos + needle.size();
    const std::size_t end = text.find('"', start);
    if (end == std::string_view::npos) return std::nullopt;
    return std::string(text.substr(start, end - start));
}

std::string quote_mailbox(std::string_view utf8_name) {
    // Modified UTF-7: printable ASCII stands for itself ("&" as "&-"), other
    // characters go as UTF-16 in modified base64 between "&" and "-".
    static constexpr char k_base64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";
    std::string out = "\"";
    std::u16string pending;
    auto flush = [&] {
        if (pending.empty()) return;
        out += '&';
        unsigned bits = 0, acc = 0;
        for (const char16_t unit : pending) {
            acc = (acc << 16) | unit;
            bits += 16;
            while (bits >= 6) {
                bits -= 6;
                out += k_base64[(acc >> bits) & 0x3F];
            }
        }
        if (bits > 0) out += k_base64[(acc << (6 - bits)) & 0x3F];
        out += '-';
        pending.clear();
    };
    for (std::size_t i = 0; i < utf8_name.size();) {
        const auto b = static_cast<unsigned char>(utf8_name[i]);
        if (b >= 0x20 && b < 0x7F) {
            flush();
            if (b == '&') out += "&-";
            else if (b == '"' || b == '\\') { out += '\\'; out += static_cast<char>(b); }
            else out += static_cast<char>(b);
            ++i;
            continue;
        }
        // Decode one UTF-8 sequence (invalid bytes are taken as Latin-1).
        char32_t cp = b;
        std::size_t len = 1;
        if ((b & 0xE0) == 0xC0) { cp = b & 0x1Fu; len = 2; }
        else if ((b & 0xF0) == 0xE0) { cp = b & 0x0Fu; len = 3; }
        else if ((b & 0xF8) == 0xF0) { cp = b & 0x07u; len = 4; }
        if (len > 1 && i + len <= utf8_name.size()) {
            for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8_name[i + k]) & 0x3Fu);
        } else {
            cp = b;
            len = 1;
        }
        i += len;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            pending += static_cast<char16_t>(0xD800 + (cp >> 10));
            pending += static_cast<char16_t>(0xDC00 + (cp & 0x3FF));
        } else {
            pending += static_cast<char16_t>(cp);
        }
    }
    flush();
    out += '"';
    return out;
}

}  // namespace rsvp::imap
