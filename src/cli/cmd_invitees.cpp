// invitees (import, list, unmatched), pending, link, unlink: who was invited
// and who has not answered yet.
#include <iostream>
#include <memory>

#include "command.hpp"
#include "rsvp/app/invitees.hpp"

namespace rsvp::cli {

namespace {

app::ListFormat list_format(const std::string& name) {
    if (name == "json") return app::ListFormat::json;
    if (name == "csv") return app::ListFormat::csv;
    return app::ListFormat::text;
}

std::shared_ptr<std::string> add_list_format(CLI::App& app) {
    auto format = std::make_shared<std::string>("text");
    app.add_option("--format", *format, "output format: text, csv or json")->check(CLI::IsMember({"text", "csv", "json"}));
    return format;
}

std::shared_ptr<std::string> add_event_option(CLI::App& app) {
    auto event = std::make_shared<std::string>();
    app.add_option("--event", *event, "the event (rsvp event list); default: the only one, or the latest by date");
    return event;
}

std::string separator_name(char c) {
    if (c == '\t') return "tab";
    return std::string("'") + c + "'";
}

}  // namespace

Command add_invitees(CLI::App& root) {
    auto* cmd = root.add_subcommand("invitees", "the invitee list: import it, list it with answers, review unmatched senders");
    cmd->require_subcommand(1);

    auto* import = cmd->add_subcommand("import", "record the invitees of a CSV file (again: updates, never duplicates)");
    auto file = std::make_shared<std::string>();
    import->add_option("file", *file, "CSV file: UTF-8 or windows-1252, comma or semicolon, a header line")->required();

    auto* list = cmd->add_subcommand("list", "every invitee with their answer, who answered for them, unreachable, away");
    auto list_fmt = add_list_format(*list);
    auto list_event = add_event_option(*list);

    auto* unmatched = cmd->add_subcommand("unmatched", "senders who answered but match no invitee, with the likely ones");
    auto unmatched_fmt = add_list_format(*unmatched);
    auto unmatched_event = add_event_option(*unmatched);

    return {cmd, [=](const Globals& globals) {
                auto store = open_store(globals);
                if (import->parsed()) {
                    const auto r = app::import_invitees(store, *file);
                    for (const auto& p : r.problems) std::cerr << "warning: " << p << '\n';
                    std::cout << *file << ": " << r.added << " added, " << r.updated << " updated, " << r.unchanged
                              << " unchanged (" << r.encoding << ", " << separator_name(r.separator) << ")\n";
                    return r.skipped > 0 ? k_partial : k_ok;
                }
                if (list->parsed()) {
                    app::write_invitees(std::cout, app::event_view(store, *list_event), list_format(*list_fmt));
                    return k_ok;
                }
                app::write_unmatched(std::cout, app::event_view(store, *unmatched_event), list_format(*unmatched_fmt));
                return k_ok;
            }};
}

Command add_pending(CLI::App& root) {
    auto* cmd = root.add_subcommand("pending", "invitees who have not answered yet, for a reminder (mail merge: --format csv)");
    auto include_tentative = std::make_shared<bool>(false);
    cmd->add_flag("--include-tentative", *include_tentative, "also those who answered tentatively");
    auto format = add_list_format(*cmd);
    auto event = add_event_option(*cmd);
    return {cmd, [=](const Globals& globals) {
                const auto store = open_store(globals);
                app::write_pending(std::cout, app::event_view(store, *event), *include_tentative, list_format(*format));
                return k_ok;
            }};
}

Command add_link(CLI::App& root) {
    auto* cmd = root.add_subcommand("link", "say which invitee a sender answers for (wins over automatic matching)");
    auto sender = std::make_shared<std::string>();
    auto invitee = std::make_shared<std::string>();
    auto note = std::make_shared<std::string>();
    cmd->add_option("sender", *sender, "the address the replies come from")->required();
    cmd->add_option("invitee", *invitee, "the invitee's address, as on the list")->required();
    cmd->add_option("--note", *note, "why: kept with the link");
    return {cmd, [=](const Globals& globals) {
                auto store = open_store(globals);
                app::link_sender(store, *sender, *invitee, *note);
                std::cout << "linked: " << *sender << " answers for " << *invitee << '\n';
                return k_ok;
            }};
}

Command add_unlink(CLI::App& root) {
    auto* cmd = root.add_subcommand("unlink", "withdraw a link: automatic matching decides again");
    auto sender = std::make_shared<std::string>();
    auto note = std::make_shared<std::string>();
    cmd->add_option("sender", *sender, "the address the replies come from")->required();
    cmd->add_option("--note", *note, "why: kept with the withdrawal");
    return {cmd, [=](const Globals& globals) {
                auto store = open_store(globals);
                app::unlink_sender(store, *sender, *note);
                std::cout << "unlinked: " << *sender << '\n';
                return k_ok;
            }};
}

}  // namespace rsvp::cli
