#include "rsvp/core/phrases.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <stdexcept>

#include "rsvp/core/text.hpp"

namespace rsvp::core {

namespace {

constexpr std::size_t k_gap_words = 3;
// Words this long or longer match with one typo ("particpation",
// "confimre"): short words have too many neighbours ("serai", "serais").
constexpr std::size_t k_typo_min_length = 8;

// Damerau-Levenshtein distance at most 1: one letter changed, added,
// removed, or two neighbours swapped; not in the last two letters, where
// words differ by inflection ("participera", "participerai").
bool within_one_typo(std::string_view a, std::string_view b) {
    if (a == b) return true;
    if (a.size() < b.size()) std::swap(a, b);
    if (a.size() - b.size() > 1) return false;
    std::size_t i = 0;
    while (i < b.size() && a[i] == b[i]) ++i;
    if (i + 2 >= a.size()) return false;
    if (a.size() > b.size()) return a.substr(i + 1) == b.substr(i);
    if (a.substr(i + 1) == b.substr(i + 1)) return true;
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
}

bool word_matches(std::string_view pattern_word, bool prefix, std::string_view token) {
    if (prefix ? token.starts_with(pattern_word) : token == pattern_word) return true;
    if (pattern_word.size() < k_typo_min_length || (token.size() > 0 && token[0] != pattern_word[0])) return false;
    if (!prefix) return within_one_typo(pattern_word, token);
    for (std::size_t n = pattern_word.size() - 1; n <= pattern_word.size() + 1 && n <= token.size(); ++n) {
        if (within_one_typo(pattern_word, token.substr(0, n))) return true;
    }
    return false;
}

bool is_word_byte(char c) {
    const auto b = static_cast<unsigned char>(c);
    return (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b >= 0x80;
}

}  // namespace

std::vector<Token> tokenize(std::string_view utf8) {
    std::vector<std::size_t> origin;
    const std::string folded = fold(utf8, &origin);
    std::vector<Token> tokens;
    auto span_end = [&](std::size_t folded_end) {
        // The original span ends where the next folded byte's source starts.
        return folded_end < origin.size() ? origin[folded_end] : utf8.size();
    };
    auto push = [&](std::string word, std::size_t from, std::size_t to) {
        tokens.push_back({std::move(word), origin[from], span_end(to)});
    };
    std::size_t i = 0;
    while (i < folded.size()) {
        const char c = folded[i];
        if (is_word_byte(c)) {
            std::size_t j = i;
            while (j < folded.size() && is_word_byte(folded[j])) ++j;
            push(folded.substr(i, j - i), i, j);
            i = j;
            continue;
        }
        if (c == '.' || c == '!' || c == ';') {
            // "M." and "Dr." are titles, not sentence ends; "..." counts once.
            const bool title = !tokens.empty() && (tokens.back().word == "m" || tokens.back().word == "mr" ||
                                                   tokens.back().word == "dr" || tokens.back().word == "ms" ||
                                                   tokens.back().word == "mrs" || tokens.back().word == "mme");
            if (!title && (tokens.empty() || tokens.back().word != ".")) push(".", i, i + 1);
        } else if (c == '?' || c == ',' || c == '+') {
            push(std::string(1, c), i, i + 1);
        } else if (c == ':') {
            push(",", i, i + 1);  // a colon ends a clause as a comma does
        } else if (c == '\n') {
            std::size_t j = i + 1;
            while (j < folded.size() && (folded[j] == ' ' || folded[j] == '\t' || folded[j] == '\r')) ++j;
            if (j < folded.size() && folded[j] == '\n' && (tokens.empty() || tokens.back().word != ".")) push(".", i, i + 1);
        }
        ++i;
    }
    return tokens;
}

bool is_boundary(const Token& t) { return t.word == "." || t.word == "?"; }

Phrase::Phrase(std::string_view pattern) : m_pattern(pattern) {
    std::size_t pos = 0;
    while (pos < pattern.size()) {
        const std::size_t end = std::min(pattern.find(' ', pos), pattern.size());
        std::string_view item = pattern.substr(pos, end - pos);
        pos = end + 1;
        if (item.empty()) continue;
        Element e;
        if (m_elements.empty() && m_not_after.empty() && item.size() > 1 && item.front() == '!') {
            item.remove_prefix(1);
            for (std::size_t a = 0; a <= item.size();) {
                const std::size_t bar = std::min(item.find('|', a), item.size());
                m_not_after.push_back(fold(item.substr(a, bar - a)));
                a = bar + 1;
            }
            continue;
        }
        if (item == "*") {
            e.gap = true;
        } else if (item == "#") {
            e.number = true;
        } else {
            if (item.size() > 1 && item.front() == '?') {
                e.optional = true;
                item.remove_prefix(1);
            }
            std::size_t a = 0;
            while (a <= item.size()) {
                const std::size_t bar = std::min(item.find('|', a), item.size());
                std::string_view word = item.substr(a, bar - a);
                const bool prefix = word.size() > 1 && word.back() == '~';
                if (prefix) word.remove_suffix(1);
                e.words.push_back(fold(word));
                e.prefix.push_back(prefix);
                a = bar + 1;
            }
        }
        m_elements.push_back(std::move(e));
    }
    if (m_elements.empty()) throw std::invalid_argument("empty phrase pattern");
}

bool Phrase::element_matches(const Element& e, const Token& t) const {
    if (e.number) return number_word(t.word).has_value();
    for (std::size_t k = 0; k < e.words.size(); ++k) {
        if (word_matches(e.words[k], e.prefix[k], t.word)) return true;
    }
    return false;
}

std::optional<std::size_t> Phrase::match_from(const std::vector<Token>& tokens, std::size_t pos, std::size_t element) const {
    if (element == m_elements.size()) return pos;
    const Element& e = m_elements[element];
    if (e.gap) {
        for (std::size_t skip = 0; skip <= k_gap_words; ++skip) {
            if (skip > 0 && (pos + skip - 1 >= tokens.size() || is_boundary(tokens[pos + skip - 1]))) break;
            if (auto end = match_from(tokens, pos + skip, element + 1)) return end;
        }
        return std::nullopt;
    }
    if (pos < tokens.size() && element_matches(e, tokens[pos])) {
        if (auto end = match_from(tokens, pos + 1, element + 1)) return end;
    }
    if (e.optional) return match_from(tokens, pos, element + 1);
    // The end of the text ends a sentence too: "Présent" alone.
    if (pos == tokens.size() && std::find(e.words.begin(), e.words.end(), ".") != e.words.end()) return match_from(tokens, pos, element + 1);
    return std::nullopt;
}

std::string Phrase::first_bytes() const {
    const Element& first = m_elements.front();
    if (first.optional || first.gap || first.number) return {};
    std::string bytes;
    for (const std::string& word : first.words) {
        if (word.empty()) return {};
        if (bytes.find(word.front()) == std::string::npos) bytes += word.front();
    }
    return bytes;
}

std::optional<std::size_t> Phrase::match_at(const std::vector<Token>& tokens, std::size_t start) const {
    if (start > 0 && std::find(m_not_after.begin(), m_not_after.end(), tokens[start - 1].word) != m_not_after.end()) return std::nullopt;
    const auto end = match_from(tokens, start, 0);
    if (!end || *end == start) return std::nullopt;
    return *end - start;
}

std::optional<int> number_word(std::string_view w) {
    static constexpr std::array<std::string_view, 21> k_french = {
        "zero", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
        "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf", "vingt"};
    static constexpr std::array<std::string_view, 21> k_english = {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
    for (std::size_t n = 1; n < k_french.size(); ++n) {
        if (w == k_french[n] || w == k_english[n]) return static_cast<int>(n);
    }
    if (w == "une") return 1;
    int n = 0;
    const auto [end, ec] = std::from_chars(w.data(), w.data() + w.size(), n);
    if (ec == std::errc() && end == w.data() + w.size() && n >= 1 && n <= 50) return n;
    return std::nullopt;
}

}  // namespace rsvp::core
