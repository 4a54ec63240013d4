// headcount, list, messages, show and review: read-only reports over the
// store, in every format (README, "Output").
#include <iostream>
#include <memory>
#include <optional>

#include "command.hpp"
#include "rsvp/app/invitees.hpp"
#include "rsvp/app/report.hpp"
#include "rsvp/core/time.hpp"
#include "rsvp/error.hpp"

namespace rsvp::cli {

namespace {

const std::vector<std::string> k_statuses = {"confirmed", "declined", "tentative", "undecided"};
const std::vector<std::string> k_kinds = {"confirmed", "declined", "tentative", "auto_reply", "bounce", "other"};

}  // namespace

Command add_headcount(CLI::App& root) {
    auto* cmd = root.add_subcommand("headcount", "how many people are coming");
    auto format = add_format(*cmd);
    return {cmd, [format](const Globals& globals) {
                const auto store = open_store(globals);
                const auto respondents = app::respondents(store);
                app::HeadcountReport report;
                report.counts = core::headcount(respondents);
                report.respondents = respondents.size();
                report.messages = static_cast<std::size_t>(store.message_count());
                report.review = app::review(store.messages(), respondents).size();
                const app::EventSummary event = app::event_summary(store);
                if (event.invitees > 0) {
                    report.invitees = event.invitees;
                    report.pending = event.pending;
                    report.unreachable = event.unreachable;
                    report.away = event.away;
                }
                if (event.capacity) {
                    report.capacity = event.capacity;
                    report.remaining = event.remaining;
                }
                app::write_headcount(std::cout, report, format_of(*format), text_style());
                if (event.over_capacity) {
                    std::cerr << "warning: " << event.headcount.attending << " people attending " << (event.name.empty() ? std::string("the event") : event.name)
                              << ", more than its capacity of " << *event.capacity << '\n';
                }
                return k_ok;
            }};
}

Command add_list(CLI::App& root) {
    auto* cmd = root.add_subcommand("list", "one row per respondent: status, party size, delegate, what decided");
    auto status = std::make_shared<std::string>();
    cmd->add_option("--status", *status, "only respondents with this status: confirmed, declined, tentative or undecided")
        ->check(CLI::IsMember(k_statuses));
    auto format = add_format(*cmd);
    return {cmd, [status, format](const Globals& globals) {
                auto respondents = app::respondents(open_store(globals));
                if (!status->empty()) {
                    const auto wanted = core::kind_from_string(*status);
                    std::erase_if(respondents, [&](const core::Respondent& r) { return r.status != wanted; });
                }
                app::write_list(std::cout, respondents, format_of(*format), text_style());
                return k_ok;
            }};
}

Command add_messages(CLI::App& root) {
    auto* cmd = root.add_subcommand("messages", "one row per recorded message");
    auto kind = std::make_shared<std::string>();
    auto since = std::make_shared<std::string>();
    cmd->add_option("--kind", *kind, "only messages of this kind: confirmed, declined, tentative, auto_reply, bounce or other")
        ->check(CLI::IsMember(k_kinds));
    cmd->add_option("--since", *since, "only messages dated (or, without a Date, arrived) on or after DATE: YYYY-MM-DD (UTC) or ISO 8601");
    auto format = add_format(*cmd);
    return {cmd, [kind, since, format](const Globals& globals) {
                app::MessageFilter filter;
                if (!kind->empty()) filter.kind = core::kind_from_string(*kind);
                if (!since->empty()) {
                    const auto at = core::from_iso8601(*since);
                    if (!at) throw Error(ErrorKind::usage, "--since: not a date: " + *since, "write 2016-11-01 or 2016-11-01T09:00:00+01:00");
                    filter.since_utc = at->utc_seconds;
                }
                app::write_messages(std::cout, app::select(open_store(globals).messages(), filter), format_of(*format), text_style());
                return k_ok;
            }};
}

Command add_show(CLI::App& root) {
    auto* cmd = root.add_subcommand("show", "everything about one respondent: status and why, messages, corrections");
    auto address = std::make_shared<std::string>();
    cmd->add_option("address", *address, "the respondent's e-mail address")->required();
    auto format = add_format(*cmd);
    return {cmd, [address, format](const Globals& globals) {
                const auto detail = app::respondent_detail(open_store(globals), *address);
                if (!detail) throw Error(ErrorKind::usage, "no respondent " + *address + " in the database", "`rsvp list` lists them");
                app::write_show(std::cout, *detail, format_of(*format), text_style());
                return k_ok;
            }};
}

Command add_review(CLI::App& root) {
    auto* cmd = root.add_subcommand("review", "what a person should look at, most important first, each with its reason");
    auto format = add_format(*cmd);
    return {cmd, [format](const Globals& globals) {
                const auto store = open_store(globals);
                app::write_review(std::cout, app::review(store.messages(), app::respondents(store)), format_of(*format), text_style());
                return k_ok;
            }};
}

}  // namespace rsvp::cli
