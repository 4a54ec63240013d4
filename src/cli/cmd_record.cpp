// set, unset, history, reclassify: the record of who decided what.
#include <iostream>
#include <memory>
#include <optional>

#include "command.hpp"
#include "rsvp/app/reclassify.hpp"
#include "rsvp/app/record.hpp"

namespace rsvp::cli {

namespace {

void print_changes(const std::string& address, const std::vector<store::HistoryEntry>& changes) {
    if (changes.empty()) {
        std::cout << address << ": no change\n";
        return;
    }
    app::write_history(std::cout, changes, app::Format::text);
}

struct SetOptions {
    std::string address;
    std::string status;
    std::optional<int> party;
    std::optional<std::string> delegate;
    std::string note;
};

}  // namespace

Command add_set(CLI::App& root) {
    auto* cmd = root.add_subcommand("set", "correct a respondent's status by hand (wins over every message)");
    auto o = std::make_shared<SetOptions>();
    cmd->add_option("address", o->address, "the respondent's e-mail address")->required();
    cmd->add_option("--status", o->status, "confirmed, declined or tentative")
        ->required()
        ->check(CLI::IsMember({"confirmed", "declined", "tentative"}));
    cmd->add_option("--party", o->party, "people attending (confirmed only; default 1)");
    cmd->add_option("--delegate", o->delegate, "who attends in the respondent's place (confirmed only)");
    cmd->add_option("--note", o->note, "why: kept in the history");
    return {cmd, [o](const Globals& globals) {
                auto store = open_store(globals);
                app::CorrectionRequest request;
                request.address = o->address;
                request.status = core::kind_from_string(o->status).value_or(core::Kind::other);
                request.party_size = o->party;
                request.delegate = o->delegate;
                request.note = o->note;
                print_changes(o->address, app::set_correction(store, request));
                return k_ok;
            }};
}

Command add_unset(CLI::App& root) {
    auto* cmd = root.add_subcommand("unset", "withdraw a correction: the respondent's messages decide again");
    auto address = std::make_shared<std::string>();
    auto note = std::make_shared<std::string>();
    cmd->add_option("address", *address, "the respondent's e-mail address")->required();
    cmd->add_option("--note", *note, "why: kept in the history");
    return {cmd, [address, note](const Globals& globals) {
                auto store = open_store(globals);
                print_changes(*address, app::unset_correction(store, *address, *note));
                return k_ok;
            }};
}

Command add_history(CLI::App& root) {
    auto* cmd = root.add_subcommand("history", "every change of a respondent's status: when, why, and what it was before");
    auto address = std::make_shared<std::string>();
    cmd->add_option("address", *address, "the respondent's e-mail address")->required();
    auto format = add_format(*cmd, k_text_json);
    return {cmd, [address, format](const Globals& globals) {
                const auto store = open_store(globals);
                app::write_history(std::cout, store.history(*address), format_of(*format));
                return k_ok;
            }};
}

Command add_reclassify(CLI::App& root) {
    auto* cmd = root.add_subcommand("reclassify", "read the stored messages again with this rsvp's rules (no network)");
    auto dry_run = std::make_shared<bool>(false);
    cmd->add_flag("--dry-run", *dry_run, "show what would change, change nothing");
    auto format = add_format(*cmd, k_text_json);
    return {cmd, [dry_run, format](const Globals& globals) {
                auto store = open_store(globals);
                const auto report = app::reclassify(store, *dry_run ? app::DryRun::yes : app::DryRun::no);
                app::write_reclassify(std::cout, report, format_of(*format));
                return k_ok;
            }};
}

}  // namespace rsvp::cli
