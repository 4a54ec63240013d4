// --format and the decoration of text output, shared by every report command.
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <string_view>

#include "command.hpp"

namespace rsvp::cli {

std::shared_ptr<std::string> add_format(CLI::App& app, const std::vector<std::string>& allowed) {
    auto format = std::make_shared<std::string>("text");
    std::string names;
    for (const auto& name : allowed) names += (names.empty() ? "" : ", ") + name;
    app.add_option("--format", *format, "output format: " + names + " (default text)")->check(CLI::IsMember(allowed));
    return format;
}

app::Format format_of(const std::string& name) { return app::format_from_string(name).value_or(app::Format::text); }

app::TextStyle text_style() {
    if (!stdout_is_terminal()) return {};
    app::TextStyle style;
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    style.colour = !(no_color && *no_color) && !(term && std::string_view(term) == "dumb");
    winsize size{};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) style.width = size.ws_col;
    return style;
}

}  // namespace rsvp::cli
