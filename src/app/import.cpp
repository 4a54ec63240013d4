#include "rsvp/app/import.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <optional>
#include <sstream>

#include "rsvp/app/pipeline.hpp"
#include "rsvp/app/record.hpp"
#include "rsvp/error.hpp"
#include "rsvp/mime/header_words.hpp"

namespace rsvp::app {

namespace {

namespace fs = std::filesystem;

enum class Container { message, mbox, maildir_message };

// One file to import, and how to read it.
struct Input {
    fs::path file;
    Container container = Container::message;
    fs::path maildir;  // for maildir_message: the Maildir it is in
};

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    if (!in || !(bytes << in.rdbuf())) {
        throw Error(ErrorKind::input, "cannot read " + path.string(), "check that the file exists and is readable");
    }
    return std::move(bytes).str();
}

bool starts_like_mbox(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    char head[5] = {};
    in.read(head, sizeof head);
    return in.gcount() == 5 && std::string_view(head, 5) == "From ";
}

bool is_maildir(const fs::path& dir) {
    std::error_code ec;
    return fs::is_directory(dir / "cur", ec) && fs::is_directory(dir / "new", ec);
}

// What a directory holds for import, sorted by path.
std::vector<Input> scan(const fs::path& dir) {
    std::vector<Input> found;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        const fs::path& path = it->path();
        const fs::path parent = path.parent_path();
        const std::string folder = parent.filename().string();
        if ((folder == "cur" || folder == "new") && is_maildir(parent.parent_path())) {
            found.push_back({path, Container::maildir_message, parent.parent_path()});
        } else if (path.extension() == ".eml") {
            found.push_back({path, Container::message, {}});
        } else if (path.extension() == ".mbox") {
            found.push_back({path, Container::mbox, {}});
        }
    }
    if (ec) throw Error(ErrorKind::input, "cannot list " + dir.string() + ": " + ec.message());
    std::sort(found.begin(), found.end(), [](const Input& a, const Input& b) { return a.file < b.file; });
    return found;
}

std::vector<Input> expand(const std::vector<fs::path>& paths) {
    std::vector<Input> inputs;
    for (const auto& path : paths) {
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            auto found = scan(path);
            inputs.insert(inputs.end(), found.begin(), found.end());
        } else if (fs::exists(path, ec)) {
            inputs.push_back({path, starts_like_mbox(path) ? Container::mbox : Container::message, {}});
        } else {
            throw Error(ErrorKind::input, "no such file or directory: " + path.string());
        }
    }
    return inputs;
}

std::int64_t now_utc() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// When a Maildir message was delivered: its file's modification time.
std::optional<std::int64_t> modified_utc(const fs::path& file) {
    std::error_code ec;
    const auto t = fs::last_write_time(file, ec);
    if (ec) return std::nullopt;
    const auto system = std::chrono::file_clock::to_sys(t);
    return std::chrono::duration_cast<std::chrono::seconds>(system.time_since_epoch()).count();
}

// The date of an mbox "From sender Mon Oct 17 14:37:00 2016" line (UTC, as
// mail delivery agents write it), read by the RFC 5322 date parser.
std::optional<std::int64_t> from_line_utc(std::string_view from_line) {
    std::vector<std::string_view> words;
    std::size_t pos = 0;
    while (pos < from_line.size()) {
        const std::size_t start = from_line.find_first_not_of(" \t\r", pos);
        if (start == std::string_view::npos) break;
        const std::size_t end = std::min(from_line.find_first_of(" \t\r", start), from_line.size());
        words.push_back(from_line.substr(start, end - start));
        pos = end;
    }
    if (words.size() < 6) return std::nullopt;
    // sender, weekday, month, day, time, year
    const std::string rfc5322 = std::string(words[3]) + " " + std::string(words[2]) + " " + std::string(words[5]) + " " +
                                std::string(words[4]) + " +0000";
    const auto t = mime::parse_date(rfc5322);
    return t ? std::optional<std::int64_t>(t->utc_seconds) : std::nullopt;
}

void record(store::Store& store, IngestCounts& counts, std::string raw, std::string source_path,
            std::optional<std::int64_t> arrival_hint) {
    const store::MessageRecord message = process(std::move(raw));
    store::Source source;
    source.path = std::move(source_path);
    // The top Received field is when the message reached a server; failing
    // that, what the container knows; failing that, now.
    source.arrived_utc = received_utc(message.raw).value_or(arrival_hint.value_or(now_utc()));
    ++counts.seen;
    store::Added added = store::Added::known_source;
    store.in_transaction([&] { added = store.add(message, source); });
    counts.count(added, message);
}

void import_input(store::Store& store, IngestCounts& counts, const Input& input) {
    const std::string name = input.file.lexically_normal().string();
    switch (input.container) {
        case Container::message: record(store, counts, read_file(input.file), name, std::nullopt); break;
        case Container::maildir_message: {
            // "1476714420.M1P2.host:2,S": the part before ':' names the
            // message for good; the flags after it change as it is read.
            const std::string file_name = input.file.filename().string();
            const std::string unique = file_name.substr(0, file_name.find(':'));
            record(store, counts, read_file(input.file), input.maildir.lexically_normal().string() + "#" + unique,
                   modified_utc(input.file));
            break;
        }
        case Container::mbox: {
            std::size_t n = 0;
            for (MboxMessage& m : split_mbox(read_file(input.file))) {
                record(store, counts, std::move(m.raw), name + "#" + std::to_string(++n), from_line_utc(m.from_line));
            }
            break;
        }
    }
}

}  // namespace

std::vector<MboxMessage> split_mbox(std::string_view bytes) {
    std::vector<MboxMessage> messages;
    // The empty line that ends each message belongs to the mbox.
    auto drop_separator = [&] {
        if (messages.empty()) return;
        std::string& raw = messages.back().raw;
        if (raw.ends_with("\r\n\r\n")) raw.resize(raw.size() - 2);
        else if (raw.ends_with("\n\n")) raw.pop_back();
    };
    bool previous_empty = true;  // the start of the file counts as after an empty line
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        const std::size_t eol = bytes.find('\n', pos);
        const std::size_t next = eol == std::string_view::npos ? bytes.size() : eol + 1;
        const std::string_view line = bytes.substr(pos, next - pos);
        const std::string_view content = line.substr(0, line.find_first_of("\r\n"));
        if (previous_empty && content.starts_with("From ")) {
            drop_separator();
            messages.push_back({{}, std::string(content.substr(5))});
        } else if (!messages.empty()) {
            const std::size_t quotes = content.find_first_not_of('>');
            const bool quoted_from = quotes != 0 && quotes != std::string_view::npos && content.substr(quotes).starts_with("From ");
            messages.back().raw += quoted_from ? line.substr(1) : line;
        }
        previous_empty = content.empty();
        pos = next;
    }
    drop_separator();
    return messages;
}

IngestCounts import_paths(store::Store& store, const std::vector<std::filesystem::path>& paths) {
    IngestCounts counts;
    const std::vector<Input> inputs = expand(paths);
    try {
        for (const Input& input : inputs) import_input(store, counts, input);
    } catch (...) {
        // What was recorded stays recorded: so must its effect on respondents.
        refresh_respondents(store, "import");
        throw;
    }
    refresh_respondents(store, "import");
    return counts;
}

}  // namespace rsvp::app
