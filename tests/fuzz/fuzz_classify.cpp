// The whole pipeline on one message: decode, extract, classify. The
// evidence span must lie inside the reply text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "rsvp/app/pipeline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto record = rsvp::app::process(std::string(reinterpret_cast<const char*>(data), size));
    const auto& e = record.classification.evidence;
    if (e.where == "reply" && (e.begin > e.end || e.end > record.reply_text.size())) std::abort();
    if (record.classification.party_size < 0) std::abort();
    return 0;
}
