// From messages to people (LABELS.md, "From messages to people"): the latest
// dated decision per sender wins, a person's correction wins over every
// message, and the headcount follows.
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

// A decision made by a person (`rsvp set`): it wins over every message,
// whatever their dates, until it is withdrawn.
struct Correction {
    std::string address;  // compared lower-cased
    Kind status = Kind::confirmed;  // confirmed, declined or tentative
    int party_size = 0;             // taken as given for confirmed, 0 otherwise
    std::optional<std::string> delegate;
    std::string note;
    std::string reference;  // which correction ("correction 3")
    std::int64_t made_utc = 0;
};

struct Respondent {
    std::string address;  // lower-cased
    std::string name;     // from the latest message that had one
    std::optional<Kind> status;  // nullopt: nothing this sender wrote decides
    int party_size = 0;
    std::optional<std::string> delegate;
    std::string decided_by;       // reference of the deciding reply or correction
    std::optional<std::int64_t> decided_at;  // its instant (Date, arrival, or when corrected)
    bool decided_by_arrival = false;          // the deciding reply had no usable Date
    bool corrected = false;                   // a person's correction decides
    std::string note;                         // the correction's note
    int replies = 0;
};

// One entry per address that wrote or was corrected, sorted by address.
// At most one correction per address is expected; if there are more, the
// latest (by made_utc, then reference) holds.
[[nodiscard]] std::vector<Respondent> respondents(const std::vector<Reply>& replies,
                                                  const std::vector<Correction>& corrections = {});

struct Headcount {
    int attending = 0;  // sum of party sizes of confirmed respondents
    int confirmed = 0;
    int declined = 0;
    int tentative = 0;
    int undecided = 0;  // respondents with no status (only robots, bounces, other)
    int delegates = 0;  // confirmed respondents who send someone in their place
    int corrected = 0;  // respondents whose status a person set
};

[[nodiscard]] Headcount headcount(const std::vector<Respondent>& respondents);

}  // namespace rsvp::core
