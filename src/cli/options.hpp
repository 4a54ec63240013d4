// What the command line and the config file can say, in one plain struct
// (CLI11 fills it and touches nothing else), and the helpers that turn it
// into settings.
#pragma once

#include <string>
#include <vector>

#include "rsvp/app/ingest.hpp"

namespace rsvp::cli {

struct Options {
    std::string db;
    std::string config;

    struct Sync {
        std::string url;  // imaps://host[:port]/MAILBOX or imap://host[:port]/MAILBOX (STARTTLS)
        std::string user;
        std::string ca_file;
        std::string password_command;
        std::vector<std::string> mailboxes;  // besides the one in the URL
        int connect_timeout = 30;
        int response_timeout = 120;
        bool verbose = false;
    } sync;

    struct Import {
        std::vector<std::string> paths;
    } import;

    std::string format = "text";
};

// $XDG_DATA_HOME/rsvp/rsvp.db and $XDG_CONFIG_HOME/rsvp/rsvp.conf, with the
// XDG defaults under $HOME.
std::string default_db_path();
std::string default_config_path();

// Builds the sync settings: splits the mailbox off the URL, reads the
// password from RSVP_IMAP_PASSWORD or password_command. Throws rsvp::Error(usage).
app::SyncSettings sync_settings(const Options::Sync& options);

}  // namespace rsvp::cli
