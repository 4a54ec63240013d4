#include "options.hpp"

#include <curl/curl.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "rsvp/error.hpp"

namespace rsvp::cli {

namespace {

std::string xdg_dir(const char* variable, const char* fallback_under_home) {
    if (const char* dir = std::getenv(variable); dir && *dir) return dir;
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/" + fallback_under_home;
}

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

std::string run_password_command(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe) throw Error(ErrorKind::usage, "cannot run password_command");
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
        throw Error(ErrorKind::usage, "password_command failed or printed no password", "run it by hand to see what it prints");
    }
    return line;
}

}  // namespace

std::string default_db_path() { return xdg_dir("XDG_DATA_HOME", ".local/share") + "/rsvp/rsvp.db"; }
std::string default_config_path() { return xdg_dir("XDG_CONFIG_HOME", ".config") + "/rsvp/rsvp.conf"; }

app::SyncSettings sync_settings(const Options::Sync& options) {
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
    if (const char* password = std::getenv("RSVP_IMAP_PASSWORD"); password && *password) {
        settings.connection.password = password;
    } else if (!options.password_command.empty()) {
        settings.connection.password = run_password_command(options.password_command);
    } else {
        throw Error(ErrorKind::usage, "no IMAP password", "set RSVP_IMAP_PASSWORD, or password_command in the [sync] section of the config file");
    }
    if (!mailbox.empty()) settings.mailboxes.push_back(mailbox);
    settings.mailboxes.insert(settings.mailboxes.end(), options.mailboxes.begin(), options.mailboxes.end());
    if (settings.mailboxes.empty()) settings.mailboxes.emplace_back("INBOX");
    return settings;
}

}  // namespace rsvp::cli
