// How the command line is put together: each command lives in its own
// cmd_<name>.cpp, registers its CLI11 subcommand and options, and returns the
// function that runs it. main() only parses, dispatches and maps errors.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "rsvp/app/writers.hpp"
#include "rsvp/store/store.hpp"

namespace rsvp::cli {

// Exit statuses (README, "Exit codes"). Scripts depend on them: never renumber.
enum Exit : int {
    k_ok = 0,
    k_partial = 1,      // done, but some messages had problems (stored and marked)
    k_usage = 2,        // bad command line or configuration
    k_auth = 3,
    k_tls = 4,
    k_unreachable = 5,  // cannot connect, or the server stopped answering
    k_mailbox = 6,
    k_protocol = 7,
    k_database = 8,
    k_locked = 9,
    k_input = 10,
};

// Options every command shares.
struct Globals {
    std::string db;
};

struct Command {
    CLI::App* app;
    std::function<int(const Globals&)> run;
};

Command add_sync(CLI::App& root);
Command add_import(CLI::App& root);
Command add_headcount(CLI::App& root);
Command add_messages(CLI::App& root);
Command add_set(CLI::App& root);
Command add_unset(CLI::App& root);
Command add_history(CLI::App& root);
Command add_reclassify(CLI::App& root);
Command add_backup(CLI::App& root);
Command add_check(CLI::App& root);
Command add_explain(CLI::App& root);
Command add_report(CLI::App& root);
Command add_invitees(CLI::App& root);
Command add_pending(CLI::App& root);
Command add_link(CLI::App& root);
Command add_unlink(CLI::App& root);
Command add_event(CLI::App& root);
Command add_list(CLI::App& root);
Command add_show(CLI::App& root);
Command add_review(CLI::App& root);

// Opens (creating if needed) the database the globals name.
store::Store open_store(const Globals& globals);

// True when stdout is a terminal: decoration and chatter only then.
bool stdout_is_terminal();

// Every format a report writes, and the two the older writers know.
inline const std::vector<std::string> k_all_formats = {"text", "csv", "tsv", "json", "jsonl"};
inline const std::vector<std::string> k_text_json = {"text", "json"};

// Adds `--format` (one of `allowed`, default text) to a report command;
// format_of() reads the value it fills.
std::shared_ptr<std::string> add_format(CLI::App& app, const std::vector<std::string>& allowed = k_all_formats);
app::Format format_of(const std::string& name);

// How text on stdout is decorated: bold and clipped to the terminal's width
// on a terminal, unless NO_COLOR is set (not empty) or TERM is "dumb"
// (then no bold); nothing at all when stdout is not a terminal.
app::TextStyle text_style();

}  // namespace rsvp::cli
