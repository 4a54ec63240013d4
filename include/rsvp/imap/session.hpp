// A read-only IMAP session. libcurl does what it does well (TCP, TLS and
// certificate checks, STARTTLS, login) and then hands over the authenticated
// connection (CURLOPT_CONNECT_ONLY); we speak the few commands a read-only
// fetch needs ourselves: EXAMINE, and UID FETCH with BODY.PEEK[], which never
// sets \Seen. libcurl's own URL fetches SELECT the mailbox and set \Seen on
// every message they read.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace rsvp::imap {

struct ConnectionSettings {
    std::string url;        // imaps://host[:port] or imap://host[:port]; any path is ignored here
    std::string user;
    std::string password;
    std::string bearer_token;  // OAuth 2.0 (XOAUTH2), instead of a password
    bool use_netrc = false;    // take the password from ~/.netrc
    std::string ca_file;       // empty: the system's CA store
    // Without it, imap:// must upgrade with STARTTLS or the login is refused.
    bool allow_plaintext = false;
    std::chrono::seconds connect_timeout{30};
    std::chrono::seconds response_timeout{120};  // longest wait for any server reply
    // No wait goes past this instant: the bound on a whole sync.
    std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

struct MailboxStatus {
    std::uint32_t uidvalidity = 0;
    std::uint32_t exists = 0;
};

struct MessageInfo {
    std::uint32_t uid = 0;
    std::uint64_t size = 0;  // RFC822.SIZE
};

struct FetchedMessage {
    std::uint32_t uid = 0;
    std::string internal_date;  // as the server wrote it, "17-Oct-2016 14:37:00 +0200"
    std::string raw;            // byte-exact message
};

class Session {
public:
    // Connects, secures and logs in. Throws rsvp::Error (auth, tls,
    // unreachable, protocol) with a hint for the user.
    explicit Session(const ConnectionSettings& settings);
    ~Session();
    Session(Session&&) noexcept;
    Session& operator=(Session&&) noexcept;
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // Opens `mailbox` (UTF-8 name) read-only. Throws rsvp::Error(mailbox) if
    // the server refuses it.
    MailboxStatus examine(const std::string& mailbox);

    // UIDs and sizes of the messages with UID >= first_uid, ascending.
    std::vector<MessageInfo> list(std::uint32_t first_uid);

    enum class Part { whole, header };

    // Fetches the given messages (or only their header) without changing
    // their flags, calling `deliver` for each as it arrives, in the server's
    // order.
    void fetch(const std::vector<std::uint32_t>& uids, Part part, const std::function<void(FetchedMessage&&)>& deliver);

    // Says goodbye; errors are ignored (the work is already done).
    void logout() noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace rsvp::imap
