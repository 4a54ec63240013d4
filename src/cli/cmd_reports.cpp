// headcount and messages: read-only reports over the store.
#include <iostream>
#include <memory>

#include "command.hpp"
#include "rsvp/app/report.hpp"

namespace rsvp::cli {

namespace {

std::shared_ptr<std::string> add_format(CLI::App& app) {
    auto format = std::make_shared<std::string>("text");
    app.add_option("--format", *format, "output format: text or json")->check(CLI::IsMember({"text", "json"}));
    return format;
}

app::Format format_of(const std::string& name) { return name == "json" ? app::Format::json : app::Format::text; }

}  // namespace

Command add_headcount(CLI::App& root) {
    auto* cmd = root.add_subcommand("headcount", "how many people are coming");
    auto format = add_format(*cmd);
    return {cmd, [format](const Globals& globals) {
                const auto store = open_store(globals);
                const auto respondents = app::respondents(store);
                app::write_headcount(std::cout, core::headcount(respondents), respondents.size(),
                                     static_cast<std::size_t>(store.message_count()), format_of(*format));
                return k_ok;
            }};
}

Command add_messages(CLI::App& root) {
    auto* cmd = root.add_subcommand("messages", "one row per recorded message");
    auto format = add_format(*cmd);
    return {cmd, [format](const Globals& globals) {
                app::write_messages(std::cout, open_store(globals).messages(), format_of(*format));
                return k_ok;
            }};
}

}  // namespace rsvp::cli
