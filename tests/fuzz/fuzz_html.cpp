// HTML to text through libxml2's parser and our walk of its tree.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rsvp/mime/html.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    (void)rsvp::mime::html_to_text(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
