// sync: fetch new messages from IMAP, read-only, and record them.
#include <curl/curl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

#include "command.hpp"
#include "report_counts.hpp"
#include "rsvp/app/sync.hpp"
#include "rsvp/error.hpp"

namespace rsvp::cli {

namespace {

// What the command line and the [sync] section of the config file can say.
struct SyncOptions {
    std::string url;  // imaps://host[:port]/MAILBOX or imap://host[:port]/MAILBOX (STARTTLS)
    std::string user;
    std::string ca_file;
    std::string password_command;
    std::string token_command;  // prints an OAuth 2.0 bearer token (Microsoft 365, Gmail)
    std::vector<std::string> mailboxes;  // besides the one in the URL
    bool insecure_plaintext = false;
    int connect_timeout = 30;
    int response_timeout = 120;
    int timeout = 3600;         // the whole sync
    int retries = 3;
    double max_message_mb = 50;
    bool verbose = false;
    bool dry_run = false;
};


// Splits "imaps://host:993/Dossier%20RSVP" into the server URL and the
// mailbox name ("Dossier RSVP"), with libcurl's URL parser.
std::pair<std::string, std::string> split_url(const std::string& url) {
    std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> parsed(curl_url(), curl_url_cleanup);
    if (!parsed || curl_url_set(parsed.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
        throw Error(ErrorKind::usage, "cannot read the IMAP URL '" + url + "'", "write it as imaps://host[:port]/MAILBOX");
    }
    auto part = [&](CURLUPart which, unsigned flags) {
        char* value = nullptr;
        std::string out;
        if (curl_url_get(parsed.get(), which, &value, flags) == CURLUE_OK && value) out = value;
        curl_free(value);
        return out;
    };
    const std::string scheme = part(CURLUPART_SCHEME, 0);
    if (scheme != "imaps" && scheme != "imap") {
        throw Error(ErrorKind::usage, "the IMAP URL must start with imaps:// or imap://, not '" + scheme + "://'");
    }
    std::string mailbox = part(CURLUPART_PATH, CURLU_URLDECODE);
    while (!mailbox.empty() && mailbox.front() == '/') mailbox.erase(0, 1);
    // RFC 5092 IMAP URLs may carry ";UIDVALIDITY=..." and the like: not a mailbox name.
    mailbox = mailbox.substr(0, mailbox.find(';'));
    curl_url_set(parsed.get(), CURLUPART_PATH, "/", 0);
    return {part(CURLUPART_URL, 0), mailbox};
}

// The first line a credentials command prints (password_command, token_command).
std::string first_line_of(const std::string& command, const std::string& setting) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe) throw Error(ErrorKind::usage, "cannot run " + setting);
    std::string line;
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, pipe.get())) {
        line += buffer;
        if (!line.empty() && line.back() == '\n') break;
    }
    while (std::fgets(buffer, sizeof buffer, pipe.get())) {}  // drain, so the command can exit
    const int status = pclose(pipe.release());
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    if (status != 0 || line.empty()) {
        throw Error(ErrorKind::usage, setting + " failed or printed nothing", "run it by hand to see what it prints");
    }
    return line;
}

// Builds the sync settings: splits the mailbox off the URL, reads the
// password from RSVP_IMAP_PASSWORD or password_command.
app::SyncSettings sync_settings(const SyncOptions& options) {
    if (options.url.empty()) {
        throw Error(ErrorKind::usage, "no IMAP server given", "pass --url imaps://host/INBOX or set url in the [sync] section of the config file");
    }
    if (options.user.empty()) throw Error(ErrorKind::usage, "no IMAP user given", "pass --user NAME or set user in the [sync] section");
    app::SyncSettings settings;
    auto [server, mailbox] = split_url(options.url);
    settings.connection.url = server;
    settings.connection.user = options.user;
    settings.connection.ca_file = options.ca_file;
    settings.connection.connect_timeout = std::chrono::seconds(options.connect_timeout);
    settings.connection.response_timeout = std::chrono::seconds(options.response_timeout);
    settings.connection.deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options.timeout);
    settings.connection.allow_plaintext = options.insecure_plaintext;
    settings.retries = options.retries;
    settings.max_message_bytes = static_cast<std::uint64_t>(options.max_message_mb * 1024 * 1024);
    const char* home = std::getenv("HOME");
    if (const char* password = std::getenv("RSVP_IMAP_PASSWORD"); password && *password) {
        settings.connection.password = password;
    } else if (!options.password_command.empty()) {
        settings.connection.password = first_line_of(options.password_command, "password-command");
    } else if (!options.token_command.empty()) {
        settings.connection.bearer_token = first_line_of(options.token_command, "token-command");
    } else if (home && std::filesystem::exists(std::filesystem::path(home) / ".netrc")) {
        settings.connection.use_netrc = true;
    } else {
        throw Error(ErrorKind::usage, "no IMAP password",
                    "set RSVP_IMAP_PASSWORD, or password-command (or token-command) in the [sync] section of the config file, "
                    "or add the server to ~/.netrc");
    }
    if (!mailbox.empty()) settings.mailboxes.push_back(mailbox);
    settings.mailboxes.insert(settings.mailboxes.end(), options.mailboxes.begin(), options.mailboxes.end());
    if (settings.mailboxes.empty()) settings.mailboxes.emplace_back("INBOX");
    return settings;
}

}  // namespace

Command add_sync(CLI::App& root) {
    auto* cmd = root.add_subcommand("sync", "fetch new messages from IMAP (read-only) and record them");
    auto o = std::make_shared<SyncOptions>();
    cmd->add_option("--url", o->url, "imaps://host[:port]/MAILBOX, or imap://... with STARTTLS");
    cmd->add_option("--user", o->user, "IMAP user name");
    cmd->add_option("--ca-file", o->ca_file, "CA certificate file to verify the server with")->check(CLI::ExistingFile);
    cmd->add_option("--password-command", o->password_command, "command whose first output line is the password");
    cmd->add_option("--token-command", o->token_command, "command whose first output line is an OAuth 2.0 bearer token");
    cmd->add_flag("--insecure-plaintext", o->insecure_plaintext, "allow imap:// without STARTTLS (the password crosses the network in clear)");
    cmd->add_option("--mailbox", o->mailboxes, "another mailbox to sync (repeatable)");
    cmd->add_option("--connect-timeout", o->connect_timeout, "seconds to wait for a connection")->check(CLI::PositiveNumber);
    cmd->add_option("--response-timeout", o->response_timeout, "seconds to wait for any server reply")->check(CLI::PositiveNumber);
    cmd->add_option("--timeout", o->timeout, "seconds the whole sync may take")->check(CLI::PositiveNumber);
    cmd->add_option("--retries", o->retries, "reconnections after a lost connection")->check(CLI::NonNegativeNumber);
    cmd->add_option("--max-message-size", o->max_message_mb, "MB; a larger message is recorded from its header only")
        ->check(CLI::PositiveNumber);
    cmd->add_flag("-v,--verbose", o->verbose, "print a summary even when not on a terminal");
    cmd->add_flag("-n,--dry-run", o->dry_run, "fetch and classify, say what would be recorded, write nothing");
    return {cmd, [o](const Globals& globals) {
                app::SyncSettings settings = sync_settings(*o);
                if (o->insecure_plaintext) {
                    std::cerr << "warning: insecure-plaintext is set: without STARTTLS the password crosses the network in clear\n";
                }
                const bool on_terminal = isatty(STDERR_FILENO) == 1;
                if (on_terminal) {
                    settings.progress = [](const std::string& mailbox, std::size_t done, std::size_t total) {
                        std::cerr << "\r" << mailbox << ": " << done << "/" << total << (done == total ? "\n" : "") << std::flush;
                    };
                }
                const app::SyncLock lock(globals.db);
                auto store = open_store(globals);
                // A dry run syncs into a throwaway copy: exact counts, and the
                // database itself is never written.
                std::filesystem::path scratch;
                if (o->dry_run) {
                    scratch = std::filesystem::temp_directory_path() / ("rsvp-dry-run-" + std::to_string(::getpid()) + ".db");
                    store.backup(scratch);
                    store = store::Store::open(scratch);
                }
                struct RemoveScratch {
                    const std::filesystem::path& path;
                    ~RemoveScratch() {
                        if (path.empty()) return;
                        std::error_code ignored;
                        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix, ignored);
                    }
                } remove_scratch{scratch};
                const auto reports = app::sync(store, settings);
                if (o->dry_run) std::cout << "dry run: nothing was written to " << globals.db << '\n';
                // cron mails whatever a job prints: stay quiet unless asked or on a terminal.
                const bool tell = o->verbose || o->dry_run || stdout_is_terminal();
                bool incomplete = false;
                for (const auto& r : reports) {
                    if (r.uidvalidity_changed) {
                        std::cerr << "warning: mailbox '" << r.mailbox
                                  << "' was rebuilt on the server (UIDVALIDITY changed); rescanned it\n";
                    }
                    if (r.counts.incomplete()) {
                        incomplete = true;
                        std::cerr << "warning: " << r.mailbox << ": " << r.counts.skipped << " message(s) too large (header recorded), "
                                  << r.counts.failed << " could not be processed (stored and marked)\n";
                    }
                    if (tell) {
                        print_counts(std::cout, r.mailbox, r.counts);
                        if (r.reconnects) std::cout << "  reconnected " << r.reconnects << " time(s)\n";
                        print_kinds(std::cout, r.counts);
                    }
                }
                return incomplete ? k_partial : k_ok;
            }};
}

}  // namespace rsvp::cli
