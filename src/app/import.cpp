#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>

#include "rsvp/app/import.hpp"
#include "rsvp/app/pipeline.hpp"
#include "rsvp/error.hpp"

namespace rsvp::app {

namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    if (!in || !(bytes << in.rdbuf())) {
        throw Error(ErrorKind::input, "cannot read " + path.string(), "check that the file exists and is readable");
    }
    return std::move(bytes).str();
}

std::vector<std::filesystem::path> expand(const std::vector<std::filesystem::path>& paths) {
    std::vector<std::filesystem::path> files;
    for (const auto& path : paths) {
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec)) {
            std::vector<std::filesystem::path> found;
            for (const auto& entry : std::filesystem::recursive_directory_iterator(path, ec)) {
                if (entry.is_regular_file() && entry.path().extension() == ".eml") found.push_back(entry.path());
            }
            if (ec) throw Error(ErrorKind::input, "cannot list " + path.string() + ": " + ec.message());
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else if (std::filesystem::exists(path, ec)) {
            files.push_back(path);
        } else {
            throw Error(ErrorKind::input, "no such file or directory: " + path.string());
        }
    }
    return files;
}

}  // namespace

IngestCounts import_paths(store::Store& store, const std::vector<std::filesystem::path>& paths) {
    IngestCounts counts;
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    for (const auto& file : expand(paths)) {
        store::MessageRecord record = process(read_file(file));
        store::Source source;
        source.path = file.lexically_normal().string();
        source.arrived_utc = received_utc(record.raw).value_or(now);
        ++counts.seen;
        if (!record.problems.empty()) ++counts.with_problems;
        store::Added added = store::Added::known_source;
        store.in_transaction([&] { added = store.add(record, source); });
        switch (added) {
            case store::Added::new_message: ++counts.new_messages; break;
            case store::Added::known_message: ++counts.duplicates; break;
            case store::Added::known_source: ++counts.already; break;
        }
    }
    return counts;
}

}  // namespace rsvp::app
