// Golden reply-extraction cases: tests/data/replies/NAME.txt is a decoded
// body, NAME.expected.txt what the sender wrote in it. Each case also runs
// with CRLF line ends, which must not change the result.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "rsvp/core/extract.hpp"
#include "rsvp/core/text.hpp"

namespace fs = std::filesystem;
using rsvp::core::extract_reply;

namespace {

const fs::path k_replies = fs::path(RSVP_TEST_DATA) / "replies";

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<fs::path> golden_inputs() {
    std::vector<fs::path> inputs;
    for (const auto& entry : fs::directory_iterator(k_replies)) {
        const std::string name = entry.path().filename().string();
        if (name.ends_with(".txt") && !name.ends_with(".expected.txt")) inputs.push_back(entry.path());
    }
    std::sort(inputs.begin(), inputs.end());
    return inputs;
}

std::string to_crlf(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '\n') out += '\r';
        out += c;
    }
    return out;
}

// Both texts with numbered lines and the first line that differs, so a
// failure reads like a diff.
std::string describe_difference(const std::string& expected, const std::string& actual) {
    const auto e = rsvp::core::split_lines(expected);
    const auto a = rsvp::core::split_lines(actual);
    std::ostringstream out;
    std::size_t first = 0;
    while (first < e.size() && first < a.size() && e[first] == a[first]) ++first;
    out << "first difference at line " << first + 1 << "\n--- expected\n";
    for (std::size_t i = 0; i < e.size(); ++i) out << (i == first ? "-" : " ") << i + 1 << "| " << e[i] << '\n';
    out << "+++ actual\n";
    for (std::size_t i = 0; i < a.size(); ++i) out << (i == first ? "+" : " ") << i + 1 << "| " << a[i] << '\n';
    return out.str();
}

}  // namespace

TEST_CASE("core::extract_reply golden cases in tests/data/replies") {
    const auto inputs = golden_inputs();
    // Guards against a moved folder silently running nothing.
    REQUIRE(inputs.size() >= 40);
    for (const fs::path& input : inputs) {
        const std::string name = input.stem().string();
        DYNAMIC_SECTION(name) {
            fs::path expected_path = input;
            expected_path.replace_extension(".expected.txt");
            REQUIRE(fs::exists(expected_path));
            const std::string body = read_file(input);
            std::string expected = read_file(expected_path);
            while (!expected.empty() && (expected.back() == '\n' || expected.back() == '\r')) expected.pop_back();

            const std::string actual = extract_reply(body).text;
            INFO(name << ".txt\n" << describe_difference(expected, actual));
            CHECK(actual == expected);
            CHECK(extract_reply(to_crlf(body)).text == actual);
        }
    }
}
