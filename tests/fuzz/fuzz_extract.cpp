// Reply extraction: any text, and every cut must lie inside it.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "rsvp/core/extract.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    const auto reply = rsvp::core::extract_reply(body);
    for (const auto& cut : reply.cuts) {
        if (cut.offset > body.size() || cut.length > body.size() - cut.offset) std::abort();
    }
    return 0;
}
