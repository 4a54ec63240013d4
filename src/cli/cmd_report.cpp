// report: the HTML summary and the printable sign-in sheet (README, "HTML report").
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "command.hpp"
#include "rsvp/app/html_report.hpp"
#include "rsvp/error.hpp"

namespace rsvp::cli {

namespace {

// The generation time: SOURCE_DATE_EPOCH when set (reproducible pages), else now.
std::int64_t generation_time() {
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
        char* end = nullptr;
        const long long v = std::strtoll(epoch, &end, 10);
        if (end && *end == '\0') return v;
    }
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

void write_to(const std::string& file, const std::string& text) {
    if (file.empty() || file == "-") {
        std::cout << text;
        std::cout.flush();
        return;
    }
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(ErrorKind::input, "cannot write " + file);
    out << text;
    out.close();
    if (!out) throw Error(ErrorKind::input, "cannot write " + file);
}

}  // namespace

Command add_report(CLI::App& root) {
    auto* cmd = root.add_subcommand("report", "a self-contained HTML summary, or a printable sign-in sheet");
    auto html = std::make_shared<std::string>();
    auto sign_in = std::make_shared<std::string>();
    auto lang = std::make_shared<std::string>("fr");
    auto* html_opt = cmd->add_option("--html", *html, "write the HTML summary to FILE (- or no option: stdout)");
    auto* sign_opt = cmd->add_option("--sign-in", *sign_in, "write the sign-in sheet (A4, sorted by name) to FILE (-: stdout)");
    html_opt->excludes(sign_opt);
    cmd->add_option("--lang", *lang, "language of the page: fr (default) or en")->check(CLI::IsMember({"fr", "en"}));
    return {cmd, [html, sign_in, sign_opt, lang](const Globals& globals) {
                const auto store = open_store(globals);
                auto data = app::report_data(store, generation_time());
                data.source = "database " + std::filesystem::path(globals.db).filename().string() + " · " + data.source;
                const auto language = *lang == "en" ? app::Language::en : app::Language::fr;
                std::ostringstream page;
                if (sign_opt->count() > 0) {
                    app::write_sign_in_sheet(page, data, language);
                    write_to(*sign_in, page.str());
                } else {
                    app::write_html_report(page, data, language);
                    write_to(*html, page.str());
                }
                return k_ok;
            }};
}

}  // namespace rsvp::cli
