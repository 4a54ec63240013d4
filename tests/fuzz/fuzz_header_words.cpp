// Header-level decoding: RFC 2047 words, addresses, dates.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rsvp/mime/header_words.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view value(reinterpret_cast<const char*>(data), size);
    (void)rsvp::mime::decode_encoded_words(value);
    (void)rsvp::mime::parse_mailbox(value);
    (void)rsvp::mime::parse_date(value);
    return 0;
}
