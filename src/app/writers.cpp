#include "rsvp/app/writers.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>
#include <utility>

namespace rsvp::app {

namespace {

constexpr char32_t k_replacement = 0xFFFD;

struct CodePoint {
    char32_t value;
    std::size_t length;
};

// The code point starting at s[i]; nullopt if the bytes there are not
// well-formed UTF-8 (overlong forms and surrogates included).
std::optional<CodePoint> decode(std::string_view s, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) return CodePoint{b0, 1};
    std::size_t length = 0;
    char32_t value = 0, least = 0;
    if ((b0 & 0xE0) == 0xC0) {
        length = 2, value = b0 & 0x1Fu, least = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        length = 3, value = b0 & 0x0Fu, least = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        length = 4, value = b0 & 0x07u, least = 0x10000;
    } else {
        return std::nullopt;
    }
    if (i + length > s.size()) return std::nullopt;
    for (std::size_t k = 1; k < length; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return std::nullopt;
        value = (value << 6) | (b & 0x3Fu);
    }
    if (value < least || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return std::nullopt;
    return CodePoint{value, length};
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

std::u32string code_points(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto cp = decode(s, i);
        out += cp ? cp->value : k_replacement;
        i += cp ? cp->length : 1;
    }
    return out;
}

// ECMA-48 sequences, skipped whole: `at` is just past the introducer; each
// returns the index just past the sequence (or the end of an unterminated one).
std::size_t skip_control_sequence(const std::u32string& s, std::size_t at) {
    while (at < s.size() && s[at] >= 0x20 && s[at] <= 0x3F) ++at;  // parameters, intermediates
    if (at < s.size() && s[at] >= 0x40 && s[at] <= 0x7E) ++at;     // final byte
    return at;
}

// OSC, DCS, SOS, PM, APC: up to BEL, ST (ESC \ or U+009C).
std::size_t skip_control_string(const std::u32string& s, std::size_t at) {
    for (; at < s.size(); ++at) {
        if (s[at] == 0x07 || s[at] == 0x9C) return at + 1;
        if (s[at] == 0x1B) return at + 1 < s.size() && s[at + 1] == '\\' ? at + 2 : at;
    }
    return at;
}

std::size_t skip_escape(const std::u32string& s, std::size_t at) {
    if (at >= s.size()) return at;
    const char32_t c = s[at];
    if (c == '[') return skip_control_sequence(s, at + 1);
    if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_') return skip_control_string(s, at + 1);
    while (at < s.size() && s[at] >= 0x20 && s[at] <= 0x2F) ++at;  // e.g. ESC ( B
    if (at < s.size() && s[at] >= 0x30 && s[at] <= 0x7E) ++at;
    return at;
}

bool is_bidi_control(char32_t c) { return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069); }

// Display width, counting code points: good enough for the Latin scripts of
// this mailbox.
std::size_t width(std::string_view s) {
    std::size_t n = 0;
    for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

std::string clip(const std::string& s, std::size_t max) {
    if (width(s) <= max) return s;
    if (max == 0) return {};
    std::size_t cut = 0, n = 0;
    while (cut < s.size() && n < max - 1) {
        ++cut;
        while (cut < s.size() && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) ++cut;
        ++n;
    }
    return s.substr(0, cut) + "…";
}

// Spreadsheets run a cell that begins with one of these as a formula (some
// after leading spaces too).
std::string neutralised(std::string s) {
    const std::size_t first = s.find_first_not_of(' ');
    if (first != std::string::npos && std::string_view("=+-@\t\r\n").find(s[first]) != std::string_view::npos) s.insert(0, 1, '\'');
    return s;
}

void write_separated(std::ostream& out, const Rows& rows, char separator, std::string_view line_end,
                     std::string (*field)(std::string_view)) {
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i > 0) out << separator;
            out << field(row[i]);
        }
        out << line_end;
    }
}

std::string cell_text(const nlohmann::json& value) {
    if (value.is_null()) return {};
    if (value.is_string()) return value.get<std::string>();
    if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::optional<Format> format_from_string(std::string_view name) {
    if (name == "text") return Format::text;
    if (name == "csv") return Format::csv;
    if (name == "tsv") return Format::tsv;
    if (name == "json") return Format::json;
    if (name == "jsonl") return Format::jsonl;
    return std::nullopt;
}

std::string valid_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        if (const auto cp = decode(s, i)) {
            out.append(s.substr(i, cp->length));
            i += cp->length;
        } else {
            append_utf8(out, k_replacement);
            ++i;
        }
    }
    return out;
}

std::string printable(std::string_view text, Breaks breaks) {
    const std::u32string s = code_points(text);
    const bool keep = breaks == Breaks::keep;
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < s.size();) {
        const char32_t c = s[i++];
        if (c == 0x1B) {
            i = skip_escape(s, i);
        } else if (c == 0x9B) {
            i = skip_control_sequence(s, i);
        } else if (c == 0x90 || c == 0x98 || c == 0x9D || c == 0x9E || c == 0x9F) {
            i = skip_control_string(s, i);
        } else if (c == '\r') {
            if (i < s.size() && s[i] == '\n') continue;  // CRLF is one line break
            out += keep ? '\n' : ' ';
        } else if (c == '\n') {
            out += keep ? '\n' : ' ';
        } else if (c == '\t') {
            out += keep ? '\t' : ' ';
        } else if (c >= 0x20 && c != 0x7F && !(c >= 0x80 && c <= 0x9F) && !is_bidi_control(c)) {
            append_utf8(out, c);
        }
    }
    return out;
}

void write_table(std::ostream& out, const Rows& rows, TextStyle style) {
    std::vector<std::size_t> widths;
    for (const auto& row : rows) {
        widths.resize(std::max(widths.size(), row.size()), 0);
        for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], width(row[i]));
    }
    if (style.width > 0 && !widths.empty()) {
        // Narrow the widest column, one character at a time, until a line fits.
        constexpr std::size_t k_narrowest = 8;
        std::size_t total = 2 * (widths.size() - 1);
        for (const std::size_t w : widths) total += w;
        while (total > style.width) {
            auto widest = std::max_element(widths.begin(), widths.end());
            if (*widest <= k_narrowest) break;
            --*widest;
            --total;
        }
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto& row = rows[r];
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            const std::string cell = clip(row[i], widths[i]);
            line += cell;
            if (i + 1 < row.size()) line.append(widths[i] - width(cell) + 2, ' ');
        }
        if (r == 0 && style.colour) line = "\033[1m" + line + "\033[0m";
        out << line << '\n';
    }
}

std::string csv_field(std::string_view s) {
    const std::string value = neutralised(printable(s, Breaks::keep));
    if (value.find_first_of(",\"\n") == std::string::npos) return value;
    std::string quoted = "\"";
    for (const char c : value) {
        quoted += c;
        if (c == '"') quoted += '"';
    }
    return quoted + '"';
}

void write_csv(std::ostream& out, const Rows& rows) {
    out << "\xEF\xBB\xBF";
    write_separated(out, rows, ',', "\r\n", csv_field);
}

std::string tsv_field(std::string_view s) { return neutralised(printable(s)); }

void write_tsv(std::ostream& out, const Rows& rows) { write_separated(out, rows, '\t', "\n", tsv_field); }

void write_json(std::ostream& out, const nlohmann::json& document) {
    out << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void write_jsonl(std::ostream& out, const nlohmann::json& records) {
    for (const auto& record : records) out << record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void write_records(std::ostream& out, const nlohmann::json& records, const std::vector<std::string>& columns, Format format) {
    if (format == Format::json) return write_json(out, records);
    if (format == Format::jsonl) return write_jsonl(out, records);
    Rows rows{columns};
    for (const auto& record : records) {
        std::vector<std::string> row;
        row.reserve(columns.size());
        for (const std::string& column : columns) {
            std::string pointer = "/" + column;
            std::replace(pointer.begin(), pointer.end(), '.', '/');
            const nlohmann::json::json_pointer at(pointer);
            row.push_back(record.contains(at) ? cell_text(record.at(at)) : std::string());
        }
        rows.push_back(std::move(row));
    }
    if (format == Format::text) {
        for (auto& row : rows) {
            for (auto& cell : row) cell = printable(cell);
        }
        write_table(out, rows);
    } else if (format == Format::tsv) {
        write_tsv(out, rows);
    } else {
        write_csv(out, rows);
    }
}

}  // namespace rsvp::app
