// event (set, list, show, remove): the events a mailbox's replies belong to.
#include <iostream>
#include <memory>
#include <optional>

#include "command.hpp"
#include "rsvp/app/invitees.hpp"

namespace rsvp::cli {

Command add_event(CLI::App& root) {
    auto* cmd = root.add_subcommand("event", "the events replies belong to: name, date, place, capacity, invitation");
    cmd->require_subcommand(1);

    auto* set = cmd->add_subcommand("set", "record an event, or change it (options not given keep their value)");
    auto change = std::make_shared<app::EventChange>();
    set->add_option("name", change->name, "the event's name, e.g. club-2016-11")->required();
    set->add_option("--date", change->date, "its day, YYYY-MM-DD (\"\" clears it)");
    set->add_option("--place", change->place, "where");
    set->add_option("--capacity", change->capacity, "seats (0: no limit)");
    set->add_option("--invitation", change->invitation_id, "the invitation's Message-ID: replies to it belong here");
    set->add_option("--subject", change->subject, "words of the invitation's subject: replies whose subject has them belong here");

    auto* list = cmd->add_subcommand("list", "every event with its headcount, capacity and invitees");
    auto list_format = std::make_shared<std::string>("text");
    list->add_option("--format", *list_format, "output format: text or json")->check(CLI::IsMember({"text", "json"}));

    auto* show = cmd->add_subcommand("show", "one event (default: the only one, or the latest by date)");
    auto show_name = std::make_shared<std::string>();
    show->add_option("name", *show_name, "the event's name");
    auto show_format = std::make_shared<std::string>("text");
    show->add_option("--format", *show_format, "output format: text or json")->check(CLI::IsMember({"text", "json"}));

    auto* remove = cmd->add_subcommand("remove", "forget an event (its replies go to the others)");
    auto remove_name = std::make_shared<std::string>();
    remove->add_option("name", *remove_name, "the event's name")->required();

    return {cmd, [=](const Globals& globals) {
                auto store = open_store(globals);
                if (set->parsed()) {
                    const bool added = app::set_event(store, *change);
                    std::cout << (added ? "added: " : "changed: ") << change->name << '\n';
                    return k_ok;
                }
                if (remove->parsed()) {
                    app::remove_event(store, *remove_name);
                    std::cout << "removed: " << *remove_name << '\n';
                    return k_ok;
                }
                if (list->parsed()) {
                    app::write_event_summaries(std::cout, app::all_event_summaries(store),
                                               *list_format == "json" ? app::ListFormat::json : app::ListFormat::text);
                    return k_ok;
                }
                app::write_event_summary(std::cout, app::event_summary(store, *show_name),
                                         *show_format == "json" ? app::ListFormat::json : app::ListFormat::text);
                return k_ok;
            }};
}

}  // namespace rsvp::cli
