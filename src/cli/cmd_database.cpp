// backup and check: looking after the database file.
#include <iostream>
#include <memory>

#include "command.hpp"
#include "rsvp/error.hpp"

namespace rsvp::cli {

Command add_backup(CLI::App& root) {
    auto* cmd = root.add_subcommand("backup", "copy the database safely, even while a sync writes to it");
    auto target = std::make_shared<std::string>();
    cmd->add_option("file", *target, "the backup file (replaced if it exists; mode 0600)")->required();
    return {cmd, [target](const Globals& globals) {
                open_store(globals).backup(*target);
                if (stdout_is_terminal()) std::cout << "backup written to " << *target << '\n';
                return k_ok;
            }};
}

Command add_check(CLI::App& root) {
    auto* cmd = root.add_subcommand("check", "check the database's integrity");
    return {cmd, [](const Globals& globals) {
                const auto problems = open_store(globals).check();
                if (problems.empty()) {
                    std::cout << "ok\n";
                    return k_ok;
                }
                for (const auto& problem : problems) std::cout << problem << '\n';
                throw Error(ErrorKind::database, "the database failed its integrity check (" + std::to_string(problems.size()) + " problems)",
                            "restore the latest backup (made with rsvp backup), then run rsvp sync again");
            }};
}

}  // namespace rsvp::cli
