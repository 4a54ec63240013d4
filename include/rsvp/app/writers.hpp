// The output formats every report is written in: an aligned text table for
// people, CSV and TSV for spreadsheets and Unix tools, JSON and JSON Lines
// for programs. Pure: they write to the stream they are given, nothing else.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rsvp::app {

enum class Format { text, csv, tsv, json, jsonl };

// "text", "csv", "tsv", "json", "jsonl"; nullopt for anything else.
[[nodiscard]] std::optional<Format> format_from_string(std::string_view name);

// How text is decorated: only for a terminal (the CLI decides).
struct TextStyle {
    bool colour = false;    // bold header row and titles
    std::size_t width = 0;  // clip cells so each line fits; 0: never clip
};

using Rows = std::vector<std::vector<std::string>>;

// Text that came from a message, made safe for a terminal and valid UTF-8:
// escape sequences (ESC and C1: CSI, OSC, DCS...) are removed whole, other
// control characters and bidirectional overrides dropped, invalid bytes
// become U+FFFD. Line breaks and tabs become spaces, unless `Breaks::keep`
// (then a line break stays "\n" and a tab stays).
enum class Breaks { to_space, keep };
[[nodiscard]] std::string printable(std::string_view s, Breaks breaks = Breaks::to_space);

// `s` with every invalid UTF-8 sequence replaced by U+FFFD.
[[nodiscard]] std::string valid_utf8(std::string_view s);

// Columns aligned with spaces, two between them; the first row is the header
// (bold when `style.colour`). Cells are written as given: pass them through
// printable() when they come from a message.
void write_table(std::ostream& out, const Rows& rows, TextStyle style = {});

// CSV and TSV cells are printable() text (RFC 4180 text has no control
// characters), and a cell that begins with =, +, -, @, a tab or a line break
// (leading spaces aside) gets a leading ' so no spreadsheet runs it as a
// formula: display names and subjects are written by strangers.

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
[[nodiscard]] std::string csv_field(std::string_view s);
// The UTF-8 byte order mark (Excel reads UTF-8 only with it), then the rows,
// each line ended by CRLF.
void write_csv(std::ostream& out, const Rows& rows);

// A TSV field: TSV has no quoting, so tabs and line breaks become spaces.
[[nodiscard]] std::string tsv_field(std::string_view s);
// Rows separated by tabs, lines ended by LF, no byte order mark.
void write_tsv(std::ostream& out, const Rows& rows);

// One JSON document, indented, UTF-8 (invalid bytes as U+FFFD), newline-ended.
void write_json(std::ostream& out, const nlohmann::json& document);
// Each element of the array `records` on its own line; nothing for none.
void write_jsonl(std::ostream& out, const nlohmann::json& records);

// A list report: `records` is a JSON array of objects. CSV, TSV (and text,
// as a plain table of printable cells) write the `columns`, each a field
// name or a nested one ("evidence.rule"): null as an empty cell, true/false,
// numbers as JSON writes them. An empty list: the header row only, `[]`, or
// nothing (jsonl).
void write_records(std::ostream& out, const nlohmann::json& records, const std::vector<std::string>& columns, Format format);

}  // namespace rsvp::app
