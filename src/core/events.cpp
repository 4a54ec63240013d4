#include "rsvp/core/events.hpp"

#include <algorithm>
#include <unordered_map>

#include "rsvp/core/text.hpp"

namespace rsvp::core {

namespace {

// "<a@b>" and "a@b" alike, case aside.
std::string id_key(std::string_view id) {
    id = trim(id);
    if (!id.empty() && id.front() == '<') id.remove_prefix(1);
    if (!id.empty() && id.back() == '>') id.remove_suffix(1);
    return lower_ascii(trim(id));
}

// The Message-IDs in In-Reply-To and References, nearest parent first.
std::vector<std::string> parents(const Threading& m) {
    std::vector<std::string> out;
    auto ids_in = [](std::string_view field) {
        std::vector<std::string> ids;
        std::size_t i = 0;
        while ((i = field.find('<', i)) != std::string_view::npos) {
            const auto close = field.find('>', i);
            if (close == std::string_view::npos) break;
            ids.push_back(id_key(field.substr(i, close - i + 1)));
            i = close + 1;
        }
        return ids;
    };
    for (auto& id : ids_in(m.in_reply_to)) out.push_back(std::move(id));
    auto refs = ids_in(m.references);
    for (auto it = refs.rbegin(); it != refs.rend(); ++it) out.push_back(std::move(*it));
    return out;
}

// Folded words joined by single spaces, with a space at each end, so that
// "contains" means whole words.
std::string word_text(std::string_view text) {
    std::string out = " ";
    for (const char c : fold(text)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
        else if (out.back() != ' ') out += ' ';
    }
    if (out.back() != ' ') out += ' ';
    return out;
}

}  // namespace

std::optional<std::size_t> default_event(const std::vector<Event>& events) {
    if (events.empty()) return std::nullopt;
    std::size_t best = 0;
    for (std::size_t i = 1; i < events.size(); ++i) {
        if (events[i].date >= events[best].date) best = i;  // nullopt sorts first
    }
    return best;
}

std::vector<std::size_t> attach_to_events(const std::vector<Event>& events, const std::vector<Threading>& messages) {
    const std::size_t fallback = default_event(events).value_or(0);
    std::vector<std::optional<std::size_t>> out(messages.size());
    std::unordered_map<std::string, std::size_t> event_of;  // Message-ID -> event
    for (std::size_t e = 0; e < events.size(); ++e) {
        if (!id_key(events[e].invitation_id).empty()) event_of.emplace(id_key(events[e].invitation_id), e);
    }
    std::vector<std::vector<std::string>> parent_ids(messages.size());
    for (std::size_t i = 0; i < messages.size(); ++i) parent_ids[i] = parents(messages[i]);
    // 1. By thread, until nothing more attaches (each pass follows one more
    // generation of replies to replies).
    for (bool progress = true; progress;) {
        progress = false;
        for (std::size_t i = 0; i < messages.size(); ++i) {
            if (out[i]) continue;
            for (const auto& id : parent_ids[i]) {
                if (const auto e = event_of.find(id); e != event_of.end()) {
                    out[i] = e->second;
                    const std::string own = id_key(messages[i].message_id);
                    if (!own.empty()) event_of.emplace(own, e->second);
                    progress = true;
                    break;
                }
            }
        }
    }
    std::vector<std::string> subjects(events.size());
    for (std::size_t e = 0; e < events.size(); ++e) {
        if (!trim(events[e].subject).empty()) subjects[e] = word_text(events[e].subject);
    }
    std::vector<std::size_t> by_date;
    for (std::size_t e = 0; e < events.size(); ++e) {
        if (events[e].date) by_date.push_back(e);
    }
    std::stable_sort(by_date.begin(), by_date.end(), [&](std::size_t a, std::size_t b) { return *events[a].date < *events[b].date; });
    std::vector<std::size_t> result(messages.size(), fallback);
    for (std::size_t i = 0; i < messages.size(); ++i) {
        if (out[i]) {
            result[i] = *out[i];
            continue;
        }
        // 2. By subject.
        const std::string subject = word_text(messages[i].subject);
        std::optional<std::size_t> found;
        int hits = 0;
        for (std::size_t e = 0; e < events.size(); ++e) {
            if (!subjects[e].empty() && subject.find(subjects[e]) != std::string::npos) {
                found = e;
                ++hits;
            }
        }
        if (hits == 1) {
            result[i] = *found;
            continue;
        }
        // 3. By date.
        if (!by_date.empty()) {
            const auto next = std::find_if(by_date.begin(), by_date.end(),
                                           [&](std::size_t e) { return *events[e].date >= messages[i].day; });
            result[i] = next != by_date.end() ? *next : by_date.back();
        }
    }
    return result;
}

}  // namespace rsvp::core
