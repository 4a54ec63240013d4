#include "rsvp/app/pipeline.hpp"

#include <cstdio>

#include "rsvp/core/extract.hpp"
#include "rsvp/core/text.hpp"
#include "rsvp/mime/decode.hpp"
#include "rsvp/mime/header_words.hpp"

namespace rsvp::app {

std::string content_hash(std::string_view bytes) {
    std::uint64_t h = 1469598103934665603ULL;
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    return hex;
}

namespace {

store::MessageRecord process_unguarded(std::string raw) {
    store::MessageRecord record;
    const core::DecodedMessage decoded = mime::decode(raw);
    const core::ExtractedReply reply = core::extract_reply(decoded.body_text);
    record.classification = core::classify(decoded, reply.text);
    record.content_hash = content_hash(raw);
    record.message_id = std::string(core::trim(decoded.message_id));
    record.from_address = core::lower_ascii(decoded.from.address);
    record.from_name = decoded.from.name;
    record.subject = decoded.subject;
    record.date_text = decoded.date_text;
    record.date = decoded.date;
    record.reply_text = reply.text;
    record.headers = decoded.headers;
    for (const std::string& problem : decoded.problems) {
        if (!record.problems.empty()) record.problems += '\n';
        record.problems += problem;
    }
    record.raw = std::move(raw);
    return record;
}

}  // namespace

store::MessageRecord process(std::string raw) {
    try {
        return process_unguarded(raw);
    } catch (const std::exception& e) {
        // A bug or exhausted memory on one message must not stop a sync:
        // keep the bytes, so a later rsvp can reclassify them.
        store::MessageRecord record;
        record.content_hash = content_hash(raw);
        record.problems = std::string("processing failed: ") + e.what();
        record.classification.confidence = 0.0;
        record.classification.evidence.rule = std::string(k_processing_failed);
        record.raw = std::move(raw);
        return record;
    }
}

store::MessageRecord process_header_only(std::string header, std::uint64_t size, std::uint64_t limit) {
    store::MessageRecord record = process(std::move(header));
    if (record.classification.evidence.rule == k_processing_failed) return record;
    record.classification = core::Classification{};
    record.classification.evidence.rule = std::string(k_body_not_fetched);
    record.classification.evidence.where = "header";
    if (!record.problems.empty()) record.problems += '\n';
    record.problems += "body not fetched: the message has " + std::to_string(size) + " bytes, more than the limit of " +
                       std::to_string(limit);
    return record;
}

std::optional<std::int64_t> received_utc(std::string_view raw) {
    // The first Received field, unfolded; its date follows the last ';'.
    std::size_t pos = 0;
    while (pos < raw.size()) {
        const std::size_t eol = raw.find('\n', pos);
        const std::string_view line = raw.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
        if (core::trim(line).empty()) return std::nullopt;  // end of the header
        if (line.size() > 9 && core::iequals_ascii(line.substr(0, 9), "received:")) {
            std::string field(line);
            std::size_t next = eol == std::string_view::npos ? raw.size() : eol + 1;
            while (next < raw.size() && (raw[next] == ' ' || raw[next] == '\t')) {
                const std::size_t end = raw.find('\n', next);
                field += ' ';
                field += raw.substr(next, end == std::string_view::npos ? std::string_view::npos : end - next);
                next = end == std::string_view::npos ? raw.size() : end + 1;
            }
            const std::size_t semicolon = field.rfind(';');
            if (semicolon == std::string::npos) return std::nullopt;
            const auto t = mime::parse_date(core::trim(field.substr(semicolon + 1)));
            return t ? std::optional<std::int64_t>(t->utc_seconds) : std::nullopt;
        }
        if (eol == std::string_view::npos) break;
        pos = eol + 1;
    }
    return std::nullopt;
}

std::optional<std::int64_t> internal_date_utc(std::string_view internal_date) {
    // "17-Oct-2016 14:37:00 +0200" reads as an RFC 5322 date once the
    // dashes of its date part are spaces.
    std::string text(core::trim(internal_date));
    for (std::size_t i = 0; i < text.size() && text[i] != ' '; ++i) {
        if (text[i] == '-') text[i] = ' ';
    }
    const auto t = mime::parse_date(text);
    return t ? std::optional<std::int64_t>(t->utc_seconds) : std::nullopt;
}

}  // namespace rsvp::app
