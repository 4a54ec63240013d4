#include "text_parts.hpp"

#include <utility>
#include <vector>

#include "ascii.hpp"

namespace rsvp::mime::detail {

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        lines.push_back(text.substr(0, nl));
        if (nl == std::string_view::npos) break;
        text.remove_prefix(nl + 1);
    }
    return lines;
}

// "rfc822; a@b" -> "a@b", "dns; mx.example" -> "mx.example": the RFC 3464
// type prefix, when it is one.
std::string_view without_type(std::string_view v) {
    const std::size_t semi = v.find(';');
    if (semi == std::string_view::npos) return trim(v);
    const std::string_view type = trim(v.substr(0, semi));
    const bool is_type = !type.empty() && std::all_of(type.begin(), type.end(), [](char c) { return is_alpha(c) || is_digit(c) || c == '-'; });
    return is_type ? trim(v.substr(semi + 1)) : trim(v);
}

std::string address_only(std::string_view v) {
    v = without_type(v);
    if (v.size() >= 2 && v.front() == '<' && v.back() == '>') v = v.substr(1, v.size() - 2);
    return std::string(trim(v));
}

}  // namespace

std::string normalise_newlines(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else if (c != '\0') {
            out += c;
        }
    }
    return out;
}

std::string unflow(std::string_view text, bool delsp) {
    std::string out;
    std::string paragraph;
    std::size_t para_depth = 0;
    bool open = false;
    const auto emit = [&] {
        const std::string_view line = paragraph == "-- " ? std::string_view(paragraph) : trim_right(paragraph);
        if (para_depth > 0) {
            out.append(para_depth, '>');
            if (!line.empty()) out += ' ';
        }
        out += line;
        out += '\n';
        paragraph.clear();
        open = false;
    };
    const bool ends_with_newline = !text.empty() && text.back() == '\n';
    for (std::string_view line : split_lines(text)) {
        std::size_t depth = 0;
        while (depth < line.size() && line[depth] == '>') ++depth;
        line.remove_prefix(depth);
        if (!line.empty() && line.front() == ' ') line.remove_prefix(1);  // space-stuffing
        // A paragraph only continues at the same quote depth (RFC 3676 4.5).
        if (open && depth != para_depth) emit();
        const bool flowed = !line.empty() && line.back() == ' ' && line != "-- ";
        if (flowed && delsp) line.remove_suffix(1);
        if (!open) para_depth = depth;
        paragraph += line;
        open = true;
        if (!flowed) emit();
    }
    if (open) emit();
    if (!ends_with_newline && !out.empty()) out.pop_back();
    return out;
}

core::DeliveryReport parse_delivery_status(std::string_view text) {
    core::DeliveryReport report;
    std::vector<std::pair<std::string, std::string>> block;
    const auto value = [&](std::string_view name) -> std::string_view {
        for (const auto& [n, v] : block) {
            if (iequals(n, name)) return v;
        }
        return {};
    };
    const auto finish_block = [&] {
        if (const auto mta = value("Reporting-MTA"); !mta.empty() && report.reporting_mta.empty()) {
            report.reporting_mta = std::string(without_type(mta));
        }
        std::string_view recipient = value("Final-Recipient");
        if (recipient.empty()) recipient = value("Original-Recipient");
        if (!recipient.empty() || !value("Action").empty()) {
            report.recipients.push_back(core::DeliveryStatus{address_only(recipient), lower(trim(value("Action"))),
                                                             std::string(trim(value("Status"))),
                                                             std::string(without_type(value("Diagnostic-Code")))});
        }
        block.clear();
    };
    const std::string normalised = normalise_newlines(text);
    for (const std::string_view line : split_lines(normalised)) {
        if (trim(line).empty()) {
            finish_block();
        } else if (is_wsp(line.front())) {
            if (!block.empty()) block.back().second += " " + std::string(trim(line));
        } else if (const std::size_t colon = line.find(':'); colon != std::string_view::npos) {
            block.emplace_back(std::string(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1))));
        }
    }
    finish_block();
    return report;
}

std::optional<core::CalendarReply> parse_calendar_reply(std::string_view ics, std::string_view content_type_method) {
    // Unfold (RFC 5545 3.1: a line break followed by a space or tab continues the line).
    std::string text;
    text.reserve(ics.size());
    for (std::size_t i = 0; i < ics.size(); ++i) {
        if (ics[i] == '\r') continue;
        if (ics[i] == '\n' && i + 1 < ics.size() && (ics[i + 1] == ' ' || ics[i + 1] == '\t')) {
            ++i;
            continue;
        }
        text += ics[i];
    }
    bool reply = iequals(trim(content_type_method), "REPLY");
    core::CalendarReply answer;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t eol = std::min(text.find('\n', pos), text.size());
        const std::string_view line(text.data() + pos, eol - pos);
        pos = eol + 1;
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        const std::string_view head = line.substr(0, colon);
        const std::string_view value = trim(line.substr(colon + 1));
        const std::string_view name = head.substr(0, head.find(';'));
        if (iequals(name, "METHOD")) {
            reply = iequals(value, "REPLY");
        } else if (iequals(name, "SUMMARY") && answer.summary.empty()) {
            answer.summary = std::string(value);
        } else if (iequals(name, "ATTENDEE") && answer.partstat.empty()) {
            // ATTENDEE;CN=Name;PARTSTAT=ACCEPTED:mailto:a@b.fr
            for (std::size_t p = head.find(';'); p != std::string_view::npos; p = head.find(';', p + 1)) {
                const std::string_view param = head.substr(p + 1, head.find(';', p + 1) - p - 1);
                if (param.size() > 9 && iequals(param.substr(0, 9), "PARTSTAT=")) {
                    answer.partstat = std::string(param.substr(9));
                    for (char& c : answer.partstat) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
                }
            }
            std::string_view address = value;
            if (address.size() > 7 && iequals(address.substr(0, 7), "mailto:")) address.remove_prefix(7);
            answer.attendee = std::string(address);
        }
    }
    if (!reply || answer.partstat.empty()) return std::nullopt;
    return answer;
}

}  // namespace rsvp::mime::detail
