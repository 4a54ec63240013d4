// decode(): sanitize (sanitize.hpp), let mimetic split the clean text into
// entities, then pick the readable text, list attachments and read a
// delivery report. Everything mimetic-specific stays in this file.
#include "rsvp/mime/decode.hpp"

#include <mimetic/mimetic.h>

#include <exception>
#include <iterator>
#include <new>

#include "ascii.hpp"
#include "params.hpp"
#include "rsvp/mime/charset.hpp"
#include "rsvp/mime/header_words.hpp"
#include "rsvp/mime/html.hpp"
#include "sanitize.hpp"
#include "text_parts.hpp"

namespace rsvp::mime {

namespace {

using detail::add_problem;
using detail::ContentField;
using mimetic::MimeEntity;

// What decode needs of one entity, read from the canonical fields the
// sanitizer wrote.
struct PartInfo {
    ContentField type;        // value: "text/plain", ...
    std::string encoding;     // lower-case Content-Transfer-Encoding
    std::string disposition;  // "attachment", "inline" or ""
    std::string filename;     // UTF-8

    [[nodiscard]] bool is_multipart() const { return type.value.starts_with("multipart/"); }
    [[nodiscard]] bool is_attachment() const { return disposition == "attachment" || !filename.empty(); }
};

// Fields are read by plain iteration: mimetic's non-const field() and
// contentType() insert an empty field when the name is missing, and even
// its const typed accessors swap the stored value for a re-serialised one.
std::string field_value(const MimeEntity& e, std::string_view name) {
    for (const mimetic::Field& f : e.header()) {
        if (detail::iequals(f.name(), name)) return f.value();
    }
    return {};
}

PartInfo describe(const MimeEntity& e) {
    PartInfo info;
    info.type = detail::parse_content_field(field_value(e, "Content-Type"));
    if (info.type.value.empty()) info.type.value = "text/plain";  // RFC 2045 default
    info.encoding = detail::lower(detail::trim(field_value(e, "Content-Transfer-Encoding")));
    const ContentField cd = detail::parse_content_field(field_value(e, "Content-Disposition"));
    info.disposition = cd.value;
    info.filename = cd.text("filename");
    return info;
}

const mimetic::MimeEntityList& parts(const MimeEntity& e) { return e.body().parts(); }

// Bad base64 or quoted-printable decodes to some bytes, never fails.
std::string transfer_decode(const MimeEntity& e, std::string_view encoding) {
    const std::string& body = e.body();
    std::string out;
    if (encoding == "base64") {
        mimetic::Base64::Decoder decoder;
        mimetic::decode(body.begin(), body.end(), decoder, std::back_inserter(out));
    } else if (encoding == "quoted-printable") {
        mimetic::QP::Decoder decoder;
        mimetic::decode(body.begin(), body.end(), decoder, std::back_inserter(out));
    } else {
        out = body;
    }
    return out;
}

struct BodyChoice {
    const MimeEntity* entity = nullptr;
    bool html = false;
    // The HTML alternative of a chosen text/plain part, read instead when
    // the plain text turns out empty (some clients send a blank one).
    const MimeEntity* html_alternative = nullptr;
};

// The part a person reads: text/plain preferred within an alternative, the
// first readable part elsewhere (a report's human-readable part comes
// first); an enclosed message (message/rfc822) is never read as the body.
std::optional<BodyChoice> find_body(const MimeEntity& e) {
    const PartInfo info = describe(e);
    const std::string& type = info.type.value;
    if (info.is_multipart()) {
        const bool alternative = type == "multipart/alternative";
        std::optional<BodyChoice> plain;
        std::optional<BodyChoice> html;
        for (const MimeEntity* part : parts(e)) {
            if (describe(*part).type.value == "message/rfc822") continue;
            const auto choice = find_body(*part);
            if (!choice) continue;
            if (!alternative) return choice;
            auto& slot = choice->html ? html : plain;
            if (!slot) slot = choice;
        }
        if (plain && html) plain->html_alternative = html->entity;
        return plain ? plain : html;
    }
    if (info.is_attachment()) return std::nullopt;
    if (type == "text/plain") return BodyChoice{&e, false, nullptr};
    if (type == "text/html") return BodyChoice{&e, true, nullptr};
    return std::nullopt;
}

void collect_attachments(const MimeEntity& e, const MimeEntity* body, std::vector<core::Attachment>& out) {
    const PartInfo info = describe(e);
    const std::string& type = info.type.value;
    if (info.is_multipart()) {
        for (const MimeEntity* part : parts(e)) collect_attachments(*part, body, out);
    } else if (type == "message/rfc822") {
        // One unit; its size is approximate: the enclosed message as mimetic
        // re-writes it after sanitizing (part headers reduced).
        const std::size_t size = parts(e).empty() ? 0 : static_cast<std::size_t>(parts(e).front()->size());
        out.push_back(core::Attachment{info.filename, type, size});
    } else if (&e != body && (info.is_attachment() || !(type.starts_with("text/") || type.starts_with("message/")))) {
        out.push_back(core::Attachment{info.filename, type, transfer_decode(e, info.encoding).size()});
    }
}

std::optional<core::DeliveryReport> find_report(const MimeEntity& e) {
    const PartInfo info = describe(e);
    if (!info.is_multipart()) return std::nullopt;
    for (const MimeEntity* part : parts(e)) {
        const PartInfo p = describe(*part);
        if (info.type.value == "multipart/report" &&
            (p.type.value == "message/delivery-status" || p.type.value == "message/global-delivery-status")) {
            return detail::parse_delivery_status(to_utf8(transfer_decode(*part, p.encoding), ""));
        }
        if (auto report = find_report(*part)) return report;
    }
    return std::nullopt;
}

std::string read_text(const MimeEntity& e, const PartInfo& info, std::vector<std::string>& problems);

// The first text/calendar part that is a reply (a calendar's Accept /
// Decline / Tentative button), wherever it sits in the tree.
std::optional<core::CalendarReply> find_calendar_reply(const MimeEntity& e, std::vector<std::string>& problems) {
    const PartInfo info = describe(e);
    if (info.is_multipart()) {
        for (const MimeEntity* part : parts(e)) {
            if (auto reply = find_calendar_reply(*part, problems)) return reply;
        }
        return std::nullopt;
    }
    if (info.type.value != "text/calendar" && info.type.value != "application/ics") return std::nullopt;
    return detail::parse_calendar_reply(read_text(e, info, problems), info.type.raw("method"));
}

std::string read_text(const MimeEntity& e, const PartInfo& info, std::vector<std::string>& problems) {
    const std::string charset = info.type.raw("charset");
    if (!info.encoding.empty() && info.encoding != "7bit" && info.encoding != "8bit" && info.encoding != "binary" &&
        info.encoding != "base64" && info.encoding != "quoted-printable") {
        add_problem(problems, "unknown transfer encoding \"" + detail::excerpt(info.encoding) + "\": read as is");
    }
    bool lossy = false;
    std::string text = to_utf8(transfer_decode(e, info.encoding), charset, &lossy);
    if (!charset.empty() && !is_known_charset(charset)) {
        add_problem(problems, "unknown charset \"" + detail::excerpt(charset) + "\": read as UTF-8 or windows-1252");
    } else if (lossy) {
        add_problem(problems, "text not valid in its charset \"" + detail::excerpt(charset.empty() ? "(none)" : charset) +
                                  "\": read as windows-1252 where needed");
    }
    return detail::normalise_newlines(text);
}

std::string body_text(const BodyChoice& choice, std::vector<std::string>& problems) {
    const PartInfo info = describe(*choice.entity);
    std::string text = read_text(*choice.entity, info, problems);
    if (choice.html) {
        text = html_to_text(text);
    } else if (detail::iequals(info.type.raw("format"), "flowed")) {
        text = detail::unflow(text, detail::iequals(info.type.raw("delsp"), "yes"));
    }
    text.resize(detail::trim_right(text).size());
    return text;
}

void read_headers(core::DecodedMessage& msg, const std::vector<std::pair<std::string, std::string>>& fields) {
    const auto first = [&](std::string_view name) -> const std::string* {
        for (const auto& [n, v] : fields) {
            if (detail::iequals(n, name)) return &v;
        }
        return nullptr;
    };
    msg.headers.reserve(fields.size());
    for (const auto& [name, value] : fields) {
        msg.headers.emplace_back(name, decode_encoded_words(value));  // names are ASCII (sanitizer)
    }
    if (const std::string* from = first("From")) {
        if (auto mailbox = parse_mailbox(*from)) {
            msg.from = std::move(*mailbox);
            msg.from.address = to_utf8(msg.from.address, "");
        } else {
            add_problem(msg.problems, "no address in From: \"" + detail::excerpt(*from) + "\"");
        }
    }
    const auto text = [&](std::string_view name) { return std::string(msg.header(name).value_or("")); };
    msg.subject = text("Subject");
    msg.date_text = text("Date");
    msg.message_id = text("Message-ID");
    msg.in_reply_to = text("In-Reply-To");
    msg.references = text("References");
    if (!msg.date_text.empty()) {
        msg.date = parse_date(msg.date_text);
        if (!msg.date) add_problem(msg.problems, "unreadable Date: \"" + detail::excerpt(msg.date_text) + "\"");
    }
}

}  // namespace

core::DecodedMessage decode(std::string_view raw, const DecodeLimits& limits) {
    core::DecodedMessage msg;
    try {
        detail::Sanitized clean = detail::sanitize(raw, limits);
        msg.problems = std::move(clean.problems);
        read_headers(msg, clean.headers);

        const MimeEntity top(clean.text.begin(), clean.text.end());
        const std::optional<BodyChoice> choice = find_body(top);
        if (choice) {
            msg.body_text = body_text(*choice, msg.problems);
            msg.body_from_html = choice->html;
            if (msg.body_text.empty() && choice->html_alternative != nullptr) {
                msg.body_text = body_text(BodyChoice{choice->html_alternative, true, nullptr}, msg.problems);
                msg.body_from_html = true;
            }
        } else {
            add_problem(msg.problems, "no readable text part");
        }
        collect_attachments(top, choice ? choice->entity : nullptr, msg.attachments);
        msg.delivery_report = find_report(top);
        msg.calendar_reply = find_calendar_reply(top, msg.problems);
    } catch (const std::bad_alloc&) {
        add_problem(msg.problems, "out of memory while decoding");
    } catch (const std::exception& e) {
        add_problem(msg.problems, std::string("decoding failed: ") + detail::excerpt(e.what(), 80));
    } catch (...) {
        add_problem(msg.problems, "decoding failed");
    }
    return msg;
}

}  // namespace rsvp::mime
