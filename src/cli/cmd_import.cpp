// import: .eml files, mbox files, Maildirs and directories of them, through the
// same pipeline as sync.
#include <iostream>
#include <memory>

#include "command.hpp"
#include "report_counts.hpp"
#include "rsvp/app/import.hpp"

namespace rsvp::cli {

Command add_import(CLI::App& root) {
    auto* cmd = root.add_subcommand("import", "record .eml files, mbox files, Maildirs (or directories of them)");
    auto paths = std::make_shared<std::vector<std::string>>();
    cmd->add_option("paths", *paths, "files or directories")->required();
    return {cmd, [paths](const Globals& globals) {
                auto store = open_store(globals);
                const auto counts = app::import_paths(store, {paths->begin(), paths->end()});
                if (stdout_is_terminal()) print_counts(std::cout, "import", counts);
                return counts.incomplete() ? k_partial : k_ok;
            }};
}

}  // namespace rsvp::cli
