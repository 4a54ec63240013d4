// Incremental reader of IMAP server responses (RFC 3501 section 7): lines
// ending in CRLF, each of which may carry {n} literals of raw bytes. Pure:
// bytes in, complete responses out; the session feeds it from the socket.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rsvp::imap {

struct Response {
    // "*" for untagged data, "+" for a continuation request, else the tag of
    // the command this response completes.
    std::string tag;
    // The response without its tag, literals left in place as "{n}" markers.
    std::string text;
    // The literals' bytes, in the order their markers appear in `text`.
    std::vector<std::string> literals;
};

class ResponseReader {
public:
    // Literals larger than this are a protocol error (the session asks only
    // for messages whose size it has checked).
    explicit ResponseReader(std::size_t max_literal_bytes = std::size_t{1} << 30);

    void feed(std::string_view bytes);

    // The next complete response, or nullopt if more bytes are needed.
    // Throws std::runtime_error on a malformed literal marker or size.
    [[nodiscard]] std::optional<Response> next();

    [[nodiscard]] std::size_t buffered() const { return m_buffer.size() - m_pos; }

private:
    std::string m_buffer;
    std::size_t m_pos = 0;   // start of the response being read
    std::size_t m_max_literal;
};

// Helpers to read the text of a response.
// "OK", "NO", "BAD", "BYE", "PREAUTH" for status responses; empty otherwise.
[[nodiscard]] std::string_view status_of(const Response& r);
// The number after `key ` in `text` (e.g. "UID", "UIDVALIDITY"), if present.
[[nodiscard]] std::optional<unsigned long long> number_after(std::string_view text, std::string_view key);
// The quoted string after `key ` (e.g. INTERNALDATE "17-Oct-2016 ...").
[[nodiscard]] std::optional<std::string> quoted_after(std::string_view text, std::string_view key);

// A mailbox name as an IMAP quoted string, in modified UTF-7 (RFC 3501
// 5.1.3) when it has non-ASCII characters ("Réponses" -> "R&AOk-ponses").
[[nodiscard]] std::string quote_mailbox(std::string_view utf8_name);

}  // namespace rsvp::imap
