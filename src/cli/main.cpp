// The composition root: parses the command line, opens the store, calls one
// use case, prints its result, and maps errors to exit codes.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "options.hpp"
#include "rsvp/app/ingest.hpp"
#include "rsvp/app/report.hpp"
#include "rsvp/error.hpp"

namespace {

using rsvp::ErrorKind;

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

rsvp::app::Format format_of(const std::string& name) {
    return name == "json" ? rsvp::app::Format::json : rsvp::app::Format::text;
}

void print_counts(std::ostream& out, const std::string& what, const rsvp::app::IngestCounts& c) {
    out << what << ": " << c.seen << " seen, " << c.new_messages << " new, " << c.duplicates << " duplicate, " << c.already
        << " already recorded";
    if (c.skipped) out << ", " << c.skipped << " skipped (too large)";
    if (c.with_problems) out << ", " << c.with_problems << " with decoding problems";
    out << '\n';
}

int run_sync(rsvp::store::Store& store, const rsvp::cli::Options& options) {
    const auto reports = rsvp::app::sync(store, rsvp::cli::sync_settings(options.sync));
    // cron mails whatever a job prints: stay quiet unless asked or on a terminal.
    const bool tell = options.sync.verbose || isatty(STDOUT_FILENO);
    for (const auto& r : reports) {
        if (r.uidvalidity_changed) {
            std::cerr << "warning: mailbox '" << r.mailbox << "' was rebuilt on the server (UIDVALIDITY changed); rescanned it\n";
        }
        if (tell) print_counts(std::cout, r.mailbox, r.counts);
    }
    return k_ok;
}

int run_import(rsvp::store::Store& store, const rsvp::cli::Options& options) {
    std::vector<std::filesystem::path> paths(options.import.paths.begin(), options.import.paths.end());
    const auto counts = rsvp::app::import_paths(store, paths);
    if (isatty(STDOUT_FILENO)) print_counts(std::cout, "import", counts);
    return k_ok;
}

int run_headcount(const rsvp::store::Store& store, const rsvp::cli::Options& options) {
    const auto messages = store.messages();
    const auto respondents = rsvp::app::respondents(messages);
    rsvp::app::write_headcount(std::cout, rsvp::core::headcount(respondents), respondents.size(), messages.size(),
                               format_of(options.format));
    return k_ok;
}

int run_messages(const rsvp::store::Store& store, const rsvp::cli::Options& options) {
    rsvp::app::write_messages(std::cout, store.messages(), format_of(options.format));
    return k_ok;
}

}  // namespace

int main(int argc, char** argv) {
    rsvp::cli::Options options;
    CLI::App app{"rsvp: turns a mailbox of replies to an invitation into a headcount", "rsvp"};
    app.set_version_flag("--version", std::string("rsvp ") + RSVP_VERSION);
    app.require_subcommand(1);
    app.option_defaults()->always_capture_default();
    app.add_option("--db", options.db, "SQLite database file")->envname("RSVP_DB")->default_str(rsvp::cli::default_db_path());
    app.set_config("--config", rsvp::cli::default_config_path(), "configuration file (INI/TOML, see config/rsvp.example.conf)")
        ->envname("RSVP_CONFIG");

    auto* sync = app.add_subcommand("sync", "fetch new messages from IMAP (read-only) and record them");
    sync->add_option("--url", options.sync.url, "imaps://host[:port]/MAILBOX, or imap://... with STARTTLS");
    sync->add_option("--user", options.sync.user, "IMAP user name");
    sync->add_option("--ca-file", options.sync.ca_file, "CA certificate file to verify the server with")->check(CLI::ExistingFile);
    sync->add_option("--password-command", options.sync.password_command, "command whose first output line is the password");
    sync->add_option("--mailbox", options.sync.mailboxes, "another mailbox to sync (repeatable)");
    sync->add_option("--connect-timeout", options.sync.connect_timeout, "seconds to wait for a connection")->check(CLI::PositiveNumber);
    sync->add_option("--response-timeout", options.sync.response_timeout, "seconds to wait for any server reply")->check(CLI::PositiveNumber);
    sync->add_flag("-v,--verbose", options.sync.verbose, "print a summary even when not on a terminal");

    auto* import = app.add_subcommand("import", "record .eml files (or directories of them)");
    import->add_option("paths", options.import.paths, "files or directories")->required();

    const auto formats = CLI::IsMember({"text", "json"});
    auto* headcount = app.add_subcommand("headcount", "how many people are coming");
    headcount->add_option("--format", options.format, "text or json")->check(formats);
    auto* messages = app.add_subcommand("messages", "one row per recorded message");
    messages->add_option("--format", options.format, "text or json")->check(formats);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? k_ok : k_usage;
    }
    if (options.db.empty()) options.db = rsvp::cli::default_db_path();

    try {
        auto store = rsvp::store::Store::open(options.db);
        if (sync->parsed()) return run_sync(store, options);
        if (import->parsed()) return run_import(store, options);
        if (headcount->parsed()) return run_headcount(store, options);
        if (messages->parsed()) return run_messages(store, options);
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
