// What a reply means, as ../LABELS.md defines it (tests/data/corpus/LABELS.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "rsvp/core/message.hpp"

namespace rsvp::core {

enum class Kind { confirmed, declined, tentative, auto_reply, bounce, other };

[[nodiscard]] std::string_view to_string(Kind kind);
[[nodiscard]] std::optional<Kind> kind_from_string(std::string_view name);
// confirmed, declined and tentative decide a respondent's status.
[[nodiscard]] bool is_decision(Kind kind);

// Why a message got its kind: the rule that decided and the words it read.
struct Evidence {
    std::string rule;   // e.g. "decline:negated-presence", "header:auto-submitted"
    std::string where;  // "reply", "subject", "header", "report", "calendar"
    std::string words;  // the words as written
    std::size_t begin = 0, end = 0;  // byte span in reply_text when where == "reply"
};

struct Classification {
    Kind kind = Kind::other;
    int party_size = 0;
    std::optional<std::string> delegate;
    std::optional<std::string> bounced_recipient;
    double confidence = 0.0;  // below k_review_confidence: a person should look
    Evidence evidence;
};

inline constexpr double k_review_confidence = 0.6;
// Stored with every classification, so reclassification can tell stale ones.
inline constexpr std::string_view k_classifier_version = "3";

// Classifies one message from its headers and the text its sender wrote
// (reply_text: quotes, signatures and disclaimers already removed).
[[nodiscard]] Classification classify(const DecodedMessage& message, std::string_view reply_text);

}  // namespace rsvp::core
