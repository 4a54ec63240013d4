// Messages per second through decode + extract + classify, on one thread:
// the development corpus, read once into memory, processed ROUNDS times.
//   bench_classify CORPUS_DIR [ROUNDS]
// Built by tests/CMakeLists.txt, run by scripts/bench-classify.sh, never by ctest.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "rsvp/core/classify.hpp"
#include "rsvp/core/extract.hpp"
#include "rsvp/mime/decode.hpp"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: bench_classify CORPUS_DIR [ROUNDS]\n";
        return 2;
    }
    const int rounds = argc > 2 ? std::atoi(argv[2]) : 200;
    std::vector<std::string> messages;
    for (const auto& entry : fs::directory_iterator(argv[1])) {
        if (entry.path().extension() != ".eml") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        messages.push_back(bytes.str());
    }
    if (messages.empty() || rounds <= 0) {
        std::cerr << "no .eml file in " << argv[1] << " or no round to run\n";
        return 2;
    }
    // The kinds are summed so that the work cannot be optimised away.
    long checksum = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int round = 0; round < rounds; ++round) {
        for (const std::string& raw : messages) {
            const rsvp::core::DecodedMessage decoded = rsvp::mime::decode(raw);
            const rsvp::core::ExtractedReply reply = rsvp::core::extract_reply(decoded.body_text);
            checksum += static_cast<long>(rsvp::core::classify(decoded, reply.text).kind);
        }
    }
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    const double count = static_cast<double>(messages.size()) * rounds;

    // Decoding alone, in MB/s of raw message (issue 4: decoding should not be
    // where the time goes).
    double bytes = 0;
    const auto decode_start = std::chrono::steady_clock::now();
    for (int round = 0; round < rounds; ++round) {
        for (const std::string& raw : messages) {
            checksum += static_cast<long>(rsvp::mime::decode(raw).body_text.size() & 1);
            bytes += static_cast<double>(raw.size());
        }
    }
    const std::chrono::duration<double> decode_elapsed = std::chrono::steady_clock::now() - decode_start;
    std::cout << "messages      " << static_cast<long>(count) << " (" << messages.size() << " files x " << rounds << ")\n"
              << "seconds       " << elapsed.count() << '\n'
              << "messages/s    " << static_cast<long>(count / elapsed.count()) << '\n'
              << "decode MB/s   " << static_cast<long>(bytes / 1e6 / decode_elapsed.count()) << '\n'
              << "checksum      " << checksum << '\n';
    return 0;
}
