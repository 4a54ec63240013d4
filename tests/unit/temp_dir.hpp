// A fresh temporary directory for one test, removed with everything in it
// when the test ends: real files (SQLite databases, mailboxes) without
// leftovers.
#pragma once

#include <filesystem>
#include <random>
#include <string>

namespace rsvp::test {

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        std::random_device rd;
        path = std::filesystem::temp_directory_path() / ("rsvp-test-" + std::to_string(rd()) + "-" + std::to_string(rd()));
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

}  // namespace rsvp::test
