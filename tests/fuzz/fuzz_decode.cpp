// MIME decoding must take any bytes and return, in bounded time.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rsvp/mime/decode.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto message = rsvp::mime::decode(std::string_view(reinterpret_cast<const char*>(data), size));
    (void)message;
    return 0;
}
