#include "sanitize.hpp"

#include <algorithm>
#include <optional>

#include "ascii.hpp"
#include "params.hpp"

namespace rsvp::mime::detail {

namespace {

constexpr std::string_view kCrlf = "\r\n";
// Our boundaries are "=_rsvp_<n>_"; the same text in a body is altered.
constexpr std::string_view kMarker = "=_rsvp_";
constexpr std::string_view kMarkerEscaped = "=_rsvP_";
constexpr std::size_t kMaxFilename = 1024;
constexpr std::size_t kMaxToken = 64;
constexpr std::size_t kMaxBoundary = 200;  // RFC 2046 allows 70
constexpr std::size_t kMaxProblems = 32;

// Lines end at CRLF, LF or a lone CR, as mimetic reads them.
class Lines {
public:
    explicit Lines(std::string_view text) : text_(text) {}

    std::optional<std::string_view> next() {
        if (pos_ >= text_.size()) return std::nullopt;
        // A plain loop: find_first_of calls memchr once per byte.
        std::size_t end = pos_;
        while (end < text_.size() && text_[end] != '\r' && text_[end] != '\n') ++end;
        const std::string_view line = text_.substr(pos_, end - pos_);
        if (end == text_.size()) {
            pos_ = end;
            return line;
        }
        pos_ = end + (text_[end] == '\r' && end + 1 < text_.size() && text_[end + 1] == '\n' ? 2 : 1);
        return line;
    }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

bool is_tspecial_free(char c) {
    const auto b = static_cast<unsigned char>(c);
    return b > 32 && b < 127 && std::string_view("()<>@,;:\\\"/[]?=").find(c) == std::string_view::npos;
}

// A token safe to write back unquoted; empty when `s` has none.
std::string token(std::string_view s) {
    s = trim(s);
    std::string out;
    for (const char c : s.substr(0, kMaxToken)) {
        if (!is_tspecial_free(c)) return {};
        out += to_lower(c);
    }
    return out;
}

// "type/subtype" with both halves tokens, lower case; empty when invalid.
std::string media_type(std::string_view value) {
    const std::size_t slash = value.find('/');
    if (slash == std::string_view::npos) return {};
    const std::string type = token(value.substr(0, slash));
    const std::string sub = token(value.substr(slash + 1));
    return type.empty() || sub.empty() ? std::string{} : type + "/" + sub;
}

std::optional<std::string_view> field_name(std::string_view line) {
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    std::string_view name = line.substr(0, colon);
    while (!name.empty() && is_wsp(name.back())) name.remove_suffix(1);  // "Subject :"
    if (name.empty()) return std::nullopt;
    for (const char c : name) {
        const auto b = static_cast<unsigned char>(c);
        if (b <= 32 || b >= 127) return std::nullopt;  // NUL, 8-bit or a space inside the name
    }
    return name;
}

// Header value bytes without NULs, which mimetic would cut the value at.
std::string clean_value(std::string_view s) {
    std::string out(trim(s));
    std::erase(out, '\0');
    return out;
}

// UTF-8 text without control characters, cut to `max` bytes on a character
// boundary.
std::string clean_text(std::string_view s, std::size_t max) {
    std::string out;
    for (const char c : s) {
        if (static_cast<unsigned char>(c) >= 32 && c != 127) out += c;
    }
    if (out.size() > max) {
        std::size_t cut = max;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
        out.resize(cut);
    }
    return out;
}

class Sanitizer {
public:
    explicit Sanitizer(const DecodeLimits& limits) : limits_(limits) {}

    Sanitized run(std::string_view raw) {
        if (raw.size() > limits_.max_message_bytes) {
            raw = raw.substr(0, limits_.max_message_bytes);
            note("message larger than " + std::to_string(limits_.max_message_bytes) + " bytes: truncated");
        }
        out_.text.reserve(raw.size() + 1024);
        Lines lines(raw);
        while (auto line = lines.next()) {
            if (!frames_.empty() && boundary(*line)) continue;
            switch (state_) {
                case State::header: header_line(*line, lines); break;
                case State::body: body_line(*line); break;
                case State::skip:
                case State::outside: break;  // preamble, epilogue, parts cut at max_depth
            }
        }
        while (state_ == State::header) end_header();
        if (!frames_.empty()) note("truncated message: multipart without its final boundary");
        while (!frames_.empty()) close_innermost();
        return std::move(out_);
    }

private:
    enum class State { header, body, skip, outside };
    struct Frame {
        std::string boundary;  // "--" + boundary as written
        std::string ours;      // "--" + the boundary mimetic will see
        std::size_t child_depth = 0;
    };

    void note(std::string text) { add_problem(out_.problems, std::move(text)); }

    // Never 0: a header line cut to nothing would read as the blank line.
    std::size_t max_line() const { return std::max<std::size_t>(limits_.max_header_line_bytes, 1); }

    void emit_line(std::string_view line) {
        out_.text += line;
        out_.text += kCrlf;
    }

    void close_innermost() {
        emit_line(frames_.back().ours + "--");
        frames_.pop_back();
    }

    // Handles `line` when it is a boundary of an open multipart.
    bool boundary(std::string_view line) {
        if (line.size() < 2 || line[0] != '-' || line[1] != '-') return false;
        for (std::size_t k = frames_.size(); k-- > 0;) {
            const std::string& b = frames_[k].boundary;
            if (line.substr(0, b.size()) != b) continue;
            std::string_view rest = line.substr(b.size());
            const bool closing = rest.substr(0, 2) == "--";
            if (closing) rest.remove_prefix(2);
            if (!std::all_of(rest.begin(), rest.end(), is_wsp)) continue;

            while (state_ == State::header) end_header();  // a part cut short
            if (frames_.size() > k + 1) note("multipart without its final boundary");
            while (frames_.size() > k + 1) close_innermost();
            if (closing) {
                close_innermost();
                state_ = State::outside;
            } else {
                emit_line(frames_[k].ours);
                depth_ = frames_[k].child_depth;
                state_ = State::header;
            }
            return true;
        }
        return false;
    }

    // True when the next line that is not a continuation is a header field:
    // then a bad line sits inside the header, not at the start of the body.
    static bool field_follows(Lines rest) {
        while (auto line = rest.next()) {
            if (line->empty()) return false;
            if (!is_wsp(line->front())) return field_name(*line).has_value();
        }
        return false;
    }

    void header_line(std::string_view line, const Lines& rest) {
        if (line.empty()) {
            end_header();
            return;
        }
        if (line.size() > max_line()) {
            line = line.substr(0, max_line());
            note("header line longer than " + std::to_string(limits_.max_header_line_bytes) + " bytes: truncated");
        }
        if (is_wsp(line.front())) {
            if (skip_continuation_ || fields_.empty()) return;
            std::string& value = fields_.back().second;
            const std::string more = clean_value(line);
            if (value.size() + more.size() + 1 > max_line()) {
                note("header field longer than " + std::to_string(limits_.max_header_line_bytes) + " bytes: truncated");
                skip_continuation_ = true;
                return;
            }
            if (!more.empty()) value += (value.empty() ? "" : " ") + more;
            return;
        }
        skip_continuation_ = false;
        if (const auto name = field_name(line)) {
            fields_.emplace_back(std::string(*name), clean_value(line.substr(line.find(':') + 1)));
            return;
        }
        skip_continuation_ = true;
        if (top_ && fields_.empty() && line.substr(0, 5) == "From ") return;  // mbox separator
        if (field_follows(rest)) {
            note("header line without a field name dropped: \"" + excerpt(line) + "\"");
            return;
        }
        note("no blank line between header and body");
        while (state_ == State::header) end_header();
        if (state_ == State::body) body_line(line);
    }

    void body_line(std::string_view line) {
        if (frames_.empty() || line.find(kMarker) == std::string_view::npos) {
            emit_line(line);
            return;
        }
        std::string escaped(line);
        for (std::size_t at = 0; (at = escaped.find(kMarker, at)) != std::string::npos; at += kMarker.size()) {
            escaped.replace(at, kMarker.size(), kMarkerEscaped);
        }
        emit_line(escaped);
    }

    const std::string* field(std::string_view name) const {
        const auto it = std::find_if(fields_.begin(), fields_.end(), [&](const auto& f) { return iequals(f.first, name); });
        return it == fields_.end() ? nullptr : &it->second;
    }

    // Writes the canonical header of the entity just read and decides how
    // its body is read.
    void end_header() {
        const std::string* ct_raw = field("Content-Type");
        const ContentField ct = parse_content_field(ct_raw == nullptr ? "text/plain" : *ct_raw);
        std::string media = media_type(ct.value);
        if (media.empty()) {
            note("unreadable Content-Type \"" + excerpt(ct.value) + "\": read as text/plain");
            media = "text/plain";  // the RFC 2045 default
        }
        std::string boundary_param;
        State next = State::body;
        bool nested_message = false;
        const bool container = media.starts_with("multipart/") || media == "message/rfc822";
        const std::string boundary = ct.raw("boundary");
        if (container && depth_ >= limits_.max_depth) {
            note("MIME nesting deeper than " + std::to_string(limits_.max_depth) + " levels: inner parts dropped");
            media = "application/octet-stream";
            next = State::skip;
        } else if (media == "message/rfc822") {
            nested_message = true;
        } else if (media.starts_with("multipart/") && (boundary.empty() || boundary.size() > kMaxBoundary)) {
            note("multipart without a usable boundary: read as text");
            media = "text/plain";
        } else if (media.starts_with("multipart/")) {
            const std::string ours = std::string(kMarker) + std::to_string(++boundaries_) + "_";
            frames_.push_back(Frame{"--" + boundary, "--" + ours, depth_ + 1});
            boundary_param = "; boundary=\"" + ours + "\"";
            next = State::outside;
        }

        std::string header = "Content-Type: " + media + boundary_param;
        for (const std::string_view name : {"charset", "format", "delsp", "report-type"}) {
            if (const std::string v = token(ct.raw(name)); !v.empty()) header += "; " + std::string(name) + "=" + v;
        }
        header += kCrlf;
        if (const std::string* cte = field("Content-Transfer-Encoding")) {
            if (const std::string v = token(*cte); !v.empty()) header += "Content-Transfer-Encoding: " + v + "\r\n";
        }
        const std::string* cd_raw = field("Content-Disposition");
        const ContentField cd = parse_content_field(cd_raw == nullptr ? "" : *cd_raw);
        std::string filename = clean_text(cd.text("filename"), kMaxFilename);
        if (filename.empty()) filename = clean_text(ct.text("name"), kMaxFilename);
        if (cd_raw != nullptr || !filename.empty()) {
            const std::string disposition = token(cd.value);
            header += "Content-Disposition: " + (disposition.empty() ? std::string("inline") : disposition);
            if (!filename.empty()) header += "; " + utf8_param("filename", filename);
            header += kCrlf;
        }
        emit_line(header);  // ends with the blank line

        if (top_) out_.headers = std::move(fields_);
        top_ = false;
        fields_.clear();
        skip_continuation_ = false;
        if (nested_message) {
            ++depth_;  // the enclosed message's own header follows
            state_ = State::header;
        } else {
            state_ = next;
        }
    }

    const DecodeLimits& limits_;
    Sanitized out_;
    std::vector<Frame> frames_;
    std::vector<std::pair<std::string, std::string>> fields_;  // of the header being read
    State state_ = State::header;
    std::size_t depth_ = 0;  // multiparts and messages around the entity being read
    std::size_t boundaries_ = 0;
    bool top_ = true;
    bool skip_continuation_ = false;  // continuation lines of a dropped or full field
};

}  // namespace

Sanitized sanitize(std::string_view raw, const DecodeLimits& limits) { return Sanitizer(limits).run(raw); }

void add_problem(std::vector<std::string>& problems, std::string text) {
    if (problems.size() >= kMaxProblems || std::find(problems.begin(), problems.end(), text) != problems.end()) return;
    problems.push_back(std::move(text));
}

std::string excerpt(std::string_view s, std::size_t max) {
    std::string out;
    for (const char c : s.substr(0, max)) {
        const auto b = static_cast<unsigned char>(c);
        out += b >= 32 && b < 127 ? c : '?';
    }
    if (s.size() > max) out += "...";
    return out;
}

}  // namespace rsvp::mime::detail
