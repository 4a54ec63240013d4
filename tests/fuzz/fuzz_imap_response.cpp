// The IMAP response reader takes whatever a server sends, in any pieces.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

#include "rsvp/imap/response.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    rsvp::imap::ResponseReader reader(1 << 20);
    try {
        // Fed in uneven pieces, as a socket delivers them.
        for (std::size_t pos = 0, step = 1; pos < bytes.size(); pos += step, step = step * 3 % 17 + 1) {
            reader.feed(bytes.substr(pos, step));
            while (auto response = reader.next()) {
                (void)rsvp::imap::status_of(*response);
                (void)rsvp::imap::number_after(response->text, "UID");
                (void)rsvp::imap::quoted_after(response->text, "INTERNALDATE");
            }
        }
    } catch (const std::runtime_error&) {
        // A malformed literal is reported, never a crash.
    }
    (void)rsvp::imap::quote_mailbox(bytes);
    return 0;
}
