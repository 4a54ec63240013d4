#include "rsvp/core/respondents.hpp"

#include <map>

#include "rsvp/core/text.hpp"

namespace rsvp::core {

std::vector<Respondent> respondents(const std::vector<Reply>& replies, const std::vector<Correction>& corrections) {
    std::map<std::string, Respondent> by_address;
    std::map<std::string, std::int64_t> name_at;  // instant of the message the name came from
    for (const Reply& reply : replies) {
        const std::string address = lower_ascii(reply.address);
        Respondent& r = by_address[address];
        r.address = address;
        ++r.replies;
        const std::int64_t instant = reply.date_utc.value_or(reply.arrival_utc);
        if (!reply.name.empty() && (r.name.empty() || instant >= name_at[address])) {
            r.name = reply.name;
            name_at[address] = instant;
        }
        if (!is_decision(reply.kind)) continue;
        // Later instant wins; at the same instant the later reference keeps
        // the result independent of the order replies were given in.
        if (r.decided_at && (instant < *r.decided_at || (instant == *r.decided_at && reply.reference < r.decided_by))) {
            continue;
        }
        r.status = reply.kind;
        r.party_size = reply.kind == Kind::confirmed ? reply.party_size : 0;
        r.delegate = reply.delegate;
        r.decided_by = reply.reference;
        r.decided_at = instant;
        r.decided_by_arrival = !reply.date_utc.has_value();
    }
    for (const Correction& correction : corrections) {
        const std::string address = lower_ascii(correction.address);
        Respondent& r = by_address[address];
        r.address = address;
        if (r.corrected && (correction.made_utc < *r.decided_at ||
                            (correction.made_utc == *r.decided_at && correction.reference < r.decided_by))) {
            continue;
        }
        r.status = correction.status;
        r.party_size = correction.status == Kind::confirmed ? correction.party_size : 0;
        r.delegate = correction.delegate;
        r.decided_by = correction.reference;
        r.decided_at = correction.made_utc;
        r.decided_by_arrival = false;
        r.corrected = true;
        r.note = correction.note;
    }
    std::vector<Respondent> out;
    out.reserve(by_address.size());
    for (auto& [address, respondent] : by_address) out.push_back(std::move(respondent));
    return out;
}

Headcount headcount(const std::vector<Respondent>& respondents) {
    Headcount h;
    for (const Respondent& r : respondents) {
        if (r.corrected) ++h.corrected;
        if (!r.status) { ++h.undecided; continue; }
        switch (*r.status) {
            case Kind::confirmed:
                ++h.confirmed;
                h.attending += r.party_size;
                if (r.delegate) ++h.delegates;
                break;
            case Kind::declined: ++h.declined; break;
            case Kind::tentative: ++h.tentative; break;
            default: break;
        }
    }
    return h;
}

}  // namespace rsvp::core
