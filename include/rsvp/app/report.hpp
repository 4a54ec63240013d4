// Reports over the store, in every output format (writers.hpp): headcount,
// list, messages, show and review. Field and column names are a contract
// (README, "Output"): add fields, never rename. Each writer renders to the
// stream it is given and does no other I/O; orders are stable, and nothing
// depends on the time it runs, so the same database gives the same bytes.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rsvp/app/writers.hpp"
#include "rsvp/core/respondents.hpp"
#include "rsvp/store/store.hpp"

namespace rsvp::app {

// Each respondent's status: the latest decision per sender from every stored
// message, unless a correction in force decides. Reads only the columns
// that decide (fast on large databases).
[[nodiscard]] std::vector<core::Respondent> respondents(const store::Store& store);

// The organisation a display name carries in a trailing parenthesis
// ("LEMOINE Marc (DIRECCTE-PACA)"); empty when there is none.
[[nodiscard]] std::string organisation(std::string_view display_name);

// How a message is named where it decides: its Message-ID, or its source.
[[nodiscard]] std::string reference(const store::StoredMessage& message);

// `rsvp headcount`.
struct HeadcountReport {
    core::Headcount counts;
    std::size_t respondents = 0;
    std::size_t messages = 0;
    std::size_t review = 0;  // rows `rsvp review` lists
    // Shown only when there is an invitee list, or an event with a capacity.
    std::optional<std::size_t> invitees, pending, unreachable, away;
    std::optional<int> capacity, remaining;  // remaining < 0: over capacity
};
void write_headcount(std::ostream& out, const HeadcountReport& report, Format format, TextStyle style = {});

// `rsvp list`: one row per respondent, by address.
void write_list(std::ostream& out, const std::vector<core::Respondent>& respondents, Format format, TextStyle style = {});

// `rsvp messages`: one row per message, as the store gives them (by arrival).
struct MessageFilter {
    std::optional<core::Kind> kind;
    std::optional<std::int64_t> since_utc;  // dated (or, without a Date, arrived) at or after
};
[[nodiscard]] std::vector<store::StoredMessage> select(std::vector<store::StoredMessage> messages, const MessageFilter& filter);
void write_messages(std::ostream& out, const std::vector<store::StoredMessage>& messages, Format format, TextStyle style = {});

// `rsvp show ADDRESS`: one respondent, its messages in the order they decide
// (by Date, or arrival without one) and the corrections made for it.
struct RespondentDetail {
    core::Respondent respondent;
    std::vector<store::StoredMessage> messages;
    std::vector<store::HistoryEntry> corrections;  // history entries caused by set and unset
};
// nullopt when nobody with this address wrote or was corrected.
[[nodiscard]] std::optional<RespondentDetail> respondent_detail(const store::Store& store, std::string_view address);
// Text and JSON show everything; JSON Lines the same object on one line;
// CSV and TSV the respondent's messages, with the columns of `messages`.
void write_show(std::ostream& out, const RespondentDetail& detail, Format format, TextStyle style = {});

// `rsvp review`: what a person should look at, most important first.
enum class ReviewReason {
    processing_failed,  // the message could not be processed at all
    body_not_fetched,   // larger than the size limit: header only
    decoding_problems,  // decoded, but with problems (charsets, truncation...)
    low_confidence,     // below core::k_review_confidence
    contradictory,      // one sender both confirmed and declined, or hesitated after deciding
    no_decision,        // a person wrote, but nothing they wrote decides
    bounce,             // the invitation did not reach someone
};
[[nodiscard]] std::string_view to_string(ReviewReason reason);

struct ReviewItem {
    ReviewReason reason = ReviewReason::low_confidence;
    std::string address;
    std::string name;
    std::string message;  // reference of the message concerned
    std::string source;
    std::optional<core::Timestamp> date;  // that message's Date (or arrival)
    std::optional<core::Kind> kind;
    std::optional<double> confidence;
    std::string detail;  // why, for a person
};

// Every reason found, sorted by reason (in the order above), then date,
// address and source. A respondent a person corrected is not listed for
// low confidence, contradictions or indecision: the person decided.
[[nodiscard]] std::vector<ReviewItem> review(const std::vector<store::StoredMessage>& messages,
                                             const std::vector<core::Respondent>& respondents);
void write_review(std::ostream& out, const std::vector<ReviewItem>& items, Format format, TextStyle style = {});

}  // namespace rsvp::app
