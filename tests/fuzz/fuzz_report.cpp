// Report writers: whatever a message carried must come out as valid output in
// every format, and text must come out without control characters.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "rsvp/app/pipeline.hpp"
#include "rsvp/app/report.hpp"

namespace {

// A broken promise is a crash, which libFuzzer records.
void require(bool promise) {
    if (!promise) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace rsvp::app;
    const std::string input(reinterpret_cast<const char*>(data), size);

    // The field writers on the raw bytes.
    const std::string text = printable(input);
    require(valid_utf8(text) == text);
    for (const char c : text) require(static_cast<unsigned char>(c) >= 0x20 && c != 0x7F);
    require(tsv_field(input).find_first_of("\t\r\n") == std::string::npos);
    const std::string csv = csv_field(input);
    require(csv.empty() || std::string_view("=+-@\t\r").find(csv.front()) == std::string_view::npos);

    // Every report format on the message the bytes make.
    rsvp::store::StoredMessage stored;
    stored.record = process(input);
    stored.source = "fuzz";
    const std::vector<rsvp::store::StoredMessage> messages{stored};
    for (const auto format : {Format::text, Format::csv, Format::tsv, Format::json, Format::jsonl}) {
        std::ostringstream out;
        write_messages(out, messages, format);
        std::ostringstream review_out;
        write_review(review_out, review(messages, {}), format);
    }
    return 0;
}
