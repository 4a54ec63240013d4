// One message from raw bytes to what the store records: decode (mime),
// extract what the sender wrote, classify (core). No I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "rsvp/store/store.hpp"

namespace rsvp::app {

// Never throws: what went wrong is in `problems`. A message whose processing
// failed altogether is kept with its raw bytes, kind `other`, confidence 0
// and the evidence rule k_processing_failed.
[[nodiscard]] store::MessageRecord process(std::string raw);

inline constexpr std::string_view k_processing_failed = "error:processing-failed";
inline constexpr std::string_view k_body_not_fetched = "error:body-not-fetched";

// A message too large to fetch: its header (fetched alone) is decoded and
// recorded, marked with the size and the limit.
[[nodiscard]] store::MessageRecord process_header_only(std::string header, std::uint64_t size, std::uint64_t limit);

// When the message reached its first mail server, from its top Received
// field; nullopt if there is none that can be read.
[[nodiscard]] std::optional<std::int64_t> received_utc(std::string_view raw_headers);

// IMAP INTERNALDATE ("17-Oct-2016 14:37:00 +0200") to seconds since 1970.
[[nodiscard]] std::optional<std::int64_t> internal_date_utc(std::string_view internal_date);

// 64-bit FNV-1a of the bytes, in hex: identifies messages without Message-ID.
[[nodiscard]] std::string content_hash(std::string_view bytes);

}  // namespace rsvp::app
