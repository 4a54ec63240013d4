// From messages to people (LABELS.md, "From messages to people"): the latest
// dated decision per sender wins, and the headcount follows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rsvp/core/classify.hpp"

namespace rsvp::core {

// One stored message, reduced to what decides a respondent's status.
struct Reply {
    std::string address;  // From address; compared lower-cased
    std::string name;
    std::optional<std::int64_t> date_utc;  // from the Date field
    std::int64_t arrival_utc = 0;          // used when there is no usable Date
    Kind kind = Kind::other;
    int party_size = 0;
    std::optional<std::string> delegate;
    std::string reference;  // which message (its Message-ID or source)
};

struct Respondent {
    std::string address;  // lower-cased
    std::string name;     // from the latest message that had one
    std::optional<Kind> status;  // nullopt: nothing this sender wrote decides
    int party_size = 0;
    std::optional<std::string> delegate;
    std::string decided_by;       // reference of the deciding reply
    std::optional<std::int64_t> decided_at;  // its instant (Date, or arrival)
    bool decided_by_arrival = false;          // the decider had no usable Date
    int replies = 0;
};

// One entry per sender address, sorted by address.
[[nodiscard]] std::vector<Respondent> respondents(const std::vector<Reply>& replies);

struct Headcount {
    int attending = 0;  // sum of party sizes of confirmed respondents
    int confirmed = 0;
    int declined = 0;
    int tentative = 0;
    int undecided = 0;  // respondents with no status (only robots, bounces, other)
    int delegates = 0;  // confirmed respondents who send someone in their place
};

[[nodiscard]] Headcount headcount(const std::vector<Respondent>& respondents);

}  // namespace rsvp::core
