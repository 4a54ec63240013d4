// The composition root: parses the command line (and config file), runs the
// one command given, and maps errors to exit codes.
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "command.hpp"
#include "rsvp/error.hpp"

namespace rsvp::cli {

namespace {

std::string xdg_dir(const char* variable, const char* fallback_under_home) {
    if (const char* dir = std::getenv(variable); dir && *dir) return dir;
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/" + fallback_under_home;
}

int exit_code(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::usage: return k_usage;
        case ErrorKind::auth: return k_auth;
        case ErrorKind::tls: return k_tls;
        case ErrorKind::unreachable: return k_unreachable;
        case ErrorKind::mailbox: return k_mailbox;
        case ErrorKind::protocol: return k_protocol;
        case ErrorKind::database: return k_database;
        case ErrorKind::locked: return k_locked;
        case ErrorKind::input: return k_input;
    }
    return k_protocol;
}

}  // namespace

store::Store open_store(const Globals& globals) { return store::Store::open(globals.db); }

bool stdout_is_terminal() { return isatty(STDOUT_FILENO) == 1; }

}  // namespace rsvp::cli

int main(int argc, char** argv) {
    using namespace rsvp::cli;
    CLI::App root{"rsvp: turns a mailbox of replies to an invitation into a headcount", "rsvp"};
    root.set_version_flag("--version", std::string("rsvp ") + RSVP_VERSION);
    root.require_subcommand(1);
    Globals globals;
    globals.db = xdg_dir("XDG_DATA_HOME", ".local/share") + "/rsvp/rsvp.db";
    root.add_option("--db", globals.db, "SQLite database file")->envname("RSVP_DB")->capture_default_str();
    root.set_config("--config", xdg_dir("XDG_CONFIG_HOME", ".config") + "/rsvp/rsvp.conf",
                    "configuration file (see config/rsvp.example.conf)")
        ->envname("RSVP_CONFIG");

    const std::vector<Command> commands = {add_sync(root),      add_import(root),     add_headcount(root),
                                           add_messages(root),  add_set(root),        add_unset(root),
                                           add_history(root),   add_reclassify(root), add_backup(root),
                                           add_check(root),     add_explain(root),    add_report(root),    add_list(root),
                                           add_show(root),      add_review(root),     add_invitees(root),
                                           add_pending(root),   add_link(root),       add_unlink(root),
                                           add_event(root)};

    try {
        root.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return root.exit(e) == 0 ? k_ok : k_usage;
    }
    try {
        for (const Command& command : commands) {
            if (command.app->parsed()) return command.run(globals);
        }
    } catch (const rsvp::Error& e) {
        std::cerr << "error: " << e.what() << '\n';
        if (!e.hint().empty()) std::cerr << "hint: " << e.hint() << '\n';
        return exit_code(e.kind());
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << '\n';
        return k_protocol;
    }
    return k_usage;
}
