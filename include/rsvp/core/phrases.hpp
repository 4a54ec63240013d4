// Words and phrase patterns: the small language the classifier's rules are
// written in, so that a rule reads like the phrase it matches.
//
//   "je serai present~"   words in a row; "~" makes a word a prefix
//   "serai|serons"        alternatives
//   "?bien"               an optional word
//   "*"                   up to three other words within the same sentence
//   "#"                   a number, in digits or words ("3", "trois", "three")
//   "."  "?"  ","         sentence end (also the end of the text), question mark,
//                         comma or colon (as tokens)
//   "!a|b" (first item)   the word before the match is neither a nor b
//
// Matching is on folded words (lower case, no accents), so "Présente",
// "presente" and "PRÉSENTE" are the same word. Words of eight letters or more
// also match with one typo (a letter changed, added, removed or swapped).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rsvp::core {

struct Token {
    std::string word;        // folded; "." for a sentence end, "?" and "," as themselves
    std::size_t begin = 0;   // byte span in the original text
    std::size_t end = 0;
};

// Splits text into folded words. Apostrophes and hyphens separate words
// ("d'être" -> "d", "etre"); ". ! ;" and blank lines end a sentence.
[[nodiscard]] std::vector<Token> tokenize(std::string_view utf8);

[[nodiscard]] bool is_boundary(const Token& t);  // "." or "?"

class Phrase {
public:
    // Throws std::invalid_argument on an empty pattern.
    explicit Phrase(std::string_view pattern);

    // Tokens matched when the phrase starts at tokens[start], or nullopt.
    [[nodiscard]] std::optional<std::size_t> match_at(const std::vector<Token>& tokens, std::size_t start) const;

    [[nodiscard]] const std::string& pattern() const { return m_pattern; }

    // The bytes a token must start with for the phrase to match there (a
    // word, its prefix and a one-typo variant all keep the first letter), or
    // empty when the phrase can start on any token (optional, gap or number
    // first). Lets a rule table skip most positions without trying them.
    [[nodiscard]] std::string first_bytes() const;

private:
    struct Element {
        std::vector<std::string> words;
        std::vector<bool> prefix;  // per alternative
        bool optional = false;
        bool gap = false;
        bool number = false;  // "#": a number in digits or words
    };
    [[nodiscard]] bool element_matches(const Element& e, const Token& t) const;
    [[nodiscard]] std::optional<std::size_t> match_from(const std::vector<Token>& tokens, std::size_t pos, std::size_t element) const;

    std::string m_pattern;
    std::vector<Element> m_elements;
    std::vector<std::string> m_not_after;
};

// "deux" -> 2, "3" -> 3, "three" -> 3; nullopt otherwise (1 to 20).
[[nodiscard]] std::optional<int> number_word(std::string_view folded_word);

}  // namespace rsvp::core
