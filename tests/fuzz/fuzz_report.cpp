// Report writers: whatever a message carried must come out as valid output.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "rsvp/app/pipeline.hpp"
#include "rsvp/app/report.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    rsvp::store::StoredMessage stored;
    stored.record = rsvp::app::process(std::string(reinterpret_cast<const char*>(data), size));
    stored.source = "fuzz";
    const std::vector<rsvp::store::StoredMessage> messages{stored};
    for (const auto format : {rsvp::app::Format::text, rsvp::app::Format::json}) {
        std::ostringstream out;
        rsvp::app::write_messages(out, messages, format);
    }
    return 0;
}
