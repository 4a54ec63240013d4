#include "rsvp/core/respondents.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "rsvp/core/text.hpp"

namespace rsvp::core {

std::vector<Respondent> respondents(const std::vector<Reply>& replies, const std::vector<Correction>& corrections) {
    // A hash index into a vector sorted at the end: this runs over every
    // stored message for each headcount (100,000 in the benchmark).
    std::vector<Respondent> out;
    std::vector<std::int64_t> name_at;  // instant of the message each name came from
    std::unordered_map<std::string, std::size_t> by_address;
    auto respondent = [&](std::string_view written) -> Respondent& {
        std::string address = lower_ascii(written);
        const auto [it, added] = by_address.try_emplace(std::move(address), out.size());
        if (added) {
            out.emplace_back().address = it->first;
            name_at.push_back(0);
        }
        return out[it->second];
    };
    for (const Reply& reply : replies) {
        Respondent& r = respondent(reply.address);
        ++r.replies;
        const std::int64_t instant = reply.date_utc.value_or(reply.arrival_utc);
        std::int64_t& named_at = name_at[static_cast<std::size_t>(&r - out.data())];
        if (!reply.name.empty() && (r.name.empty() || instant >= named_at)) {
            r.name = reply.name;
            named_at = instant;
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
        Respondent& r = respondent(correction.address);
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
    std::sort(out.begin(), out.end(), [](const Respondent& a, const Respondent& b) { return a.address < b.address; });
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
