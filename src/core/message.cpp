#include "rsvp/core/message.hpp"

#include "rsvp/core/text.hpp"

namespace rsvp::core {

std::optional<std::string_view> DecodedMessage::header(std::string_view name) const {
    for (const auto& [field, value] : headers) {
        if (iequals_ascii(field, name)) return std::string_view(value);
    }
    return std::nullopt;
}

}  // namespace rsvp::core
