#include "rsvp/imap/session.hpp"

#include <curl/curl.h>
#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "rsvp/error.hpp"
#include "rsvp/imap/response.hpp"

namespace rsvp::imap {

namespace {

struct CurlGlobal {
    CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
    ~CurlGlobal() { curl_global_cleanup(); }
    CurlGlobal(const CurlGlobal&) = delete;
    CurlGlobal& operator=(const CurlGlobal&) = delete;
};

struct CurlCleanup {
    void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
using CurlHandle = std::unique_ptr<CURL, CurlCleanup>;

// UIDs per UID FETCH command: the server streams a whole set without a round
// trip per message, and the command line stays short.
constexpr std::size_t k_uids_per_fetch = 200;

Error connect_error(CURLcode code, const std::string& detail, const ConnectionSettings& s) {
    const std::string what = detail.empty() ? curl_easy_strerror(code) : detail;
    switch (code) {
        case CURLE_LOGIN_DENIED:
            return Error(ErrorKind::auth, "the IMAP server refused the login of user '" + s.user + "'",
                         "check the user name and the password (RSVP_IMAP_PASSWORD or password_command)");
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            return Error(ErrorKind::tls, "TLS with " + s.url + " failed: " + what,
                         "if the server uses its own certificate authority, give its certificate with --ca-file");
        case CURLE_USE_SSL_FAILED:
            return Error(ErrorKind::tls, "the server at " + s.url + " does not offer STARTTLS",
                         "use an imaps:// URL if the server has an IMAPS port");
        case CURLE_UNSUPPORTED_PROTOCOL:
        case CURLE_URL_MALFORMAT:
            return Error(ErrorKind::usage, "bad IMAP URL '" + s.url + "': " + what,
                         "write it as imaps://host[:port]/MAILBOX or imap://host[:port]/MAILBOX");
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_CONNECT:
        case CURLE_OPERATION_TIMEDOUT:
        case CURLE_GOT_NOTHING:
        case CURLE_RECV_ERROR:
        case CURLE_SEND_ERROR:
            return Error(ErrorKind::unreachable, "cannot reach the IMAP server at " + s.url + ": " + what,
                         "check the host and port, and that the server is up; the next run picks up where this one stopped");
        default:
            return Error(ErrorKind::protocol, "IMAP connection to " + s.url + " failed: " + what);
    }
}

}  // namespace

struct Session::Impl {
    CurlHandle curl;
    curl_socket_t socket = CURL_SOCKET_BAD;
    ResponseReader reader;
    std::chrono::seconds response_timeout{};
    std::chrono::steady_clock::time_point deadline;
    unsigned long next_tag = 0;
    std::uint32_t exists = 0;
    std::string url;

    void wait_for(short events) const {
        pollfd fd{socket, events, 0};
        const auto now = std::chrono::steady_clock::now();
        if (now >= deadline) throw Error(ErrorKind::unreachable, "the sync took longer than its overall time limit", "raise --timeout");
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now);
        const auto wait = std::min<std::chrono::milliseconds>(response_timeout, left);
        const auto timeout_ms = static_cast<int>(wait.count());
        for (;;) {
            const int ready = poll(&fd, 1, timeout_ms);
            if (ready > 0) return;
            if (ready == 0) {
                if (wait < response_timeout) {
                    throw Error(ErrorKind::unreachable, "the sync took longer than its overall time limit", "raise --timeout");
                }
                throw Error(ErrorKind::unreachable,
                            "the IMAP server at " + url + " did not answer for " +
                                std::to_string(response_timeout.count()) + " s",
                            "the next run picks up where this one stopped");
            }
            if (errno != EINTR) throw Error(ErrorKind::unreachable, std::string("poll failed: ") + std::strerror(errno));
        }
    }

    void send(std::string_view bytes) {
        while (!bytes.empty()) {
            std::size_t sent = 0;
            const CURLcode rc = curl_easy_send(curl.get(), bytes.data(), bytes.size(), &sent);
            if (rc == CURLE_AGAIN) { wait_for(POLLOUT); continue; }
            if (rc != CURLE_OK) throw Error(ErrorKind::unreachable, std::string("lost the IMAP connection: ") + curl_easy_strerror(rc));
            bytes.remove_prefix(sent);
        }
    }

    Response next_response() {
        for (;;) {
            if (auto response = reader.next()) return std::move(*response);
            char buffer[1 << 16];
            std::size_t received = 0;
            const CURLcode rc = curl_easy_recv(curl.get(), buffer, sizeof buffer, &received);
            if (rc == CURLE_AGAIN) { wait_for(POLLIN); continue; }
            if (rc != CURLE_OK) throw Error(ErrorKind::unreachable, std::string("lost the IMAP connection: ") + curl_easy_strerror(rc));
            if (received == 0) throw Error(ErrorKind::unreachable, "the IMAP server closed the connection", "the next run picks up where this one stopped");
            reader.feed(std::string_view(buffer, received));
        }
    }

    // Sends one command and reads until its tagged completion, passing every
    // untagged response to `on_data`. Returns the completion.
    Response run(const std::string& command, const std::function<void(Response&&)>& on_data) {
        const std::string tag = "R" + std::to_string(++next_tag);
        send(tag + " " + command + "\r\n");
        for (;;) {
            Response response = next_response();
            if (response.tag == tag) return response;
            if (response.tag == "*" && status_of(response) == "BYE") {
                throw Error(ErrorKind::unreachable, "the IMAP server ended the session: " + response.text);
            }
            if (response.tag == "*") on_data(std::move(response));
        }
    }
};

Session::Session(const ConnectionSettings& settings) : m_impl(std::make_unique<Impl>()) {
    static CurlGlobal curl_global;
    m_impl->curl.reset(curl_easy_init());
    m_impl->response_timeout = settings.response_timeout;
    m_impl->deadline = settings.deadline;
    m_impl->url = settings.url;
    CURL* curl = m_impl->curl.get();
    if (!curl) throw Error(ErrorKind::protocol, "libcurl could not start");

    char error_buffer[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
    curl_easy_setopt(curl, CURLOPT_URL, settings.url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "imap,imaps");
    curl_easy_setopt(curl, CURLOPT_USERNAME, settings.user.c_str());
    if (!settings.bearer_token.empty()) {
        curl_easy_setopt(curl, CURLOPT_XOAUTH2_BEARER, settings.bearer_token.c_str());
    } else if (settings.use_netrc) {
        curl_easy_setopt(curl, CURLOPT_NETRC, static_cast<long>(CURL_NETRC_REQUIRED));
    } else {
        curl_easy_setopt(curl, CURLOPT_PASSWORD, settings.password.c_str());
    }
    // imap:// must upgrade with STARTTLS or fail, unless plaintext was
    // explicitly allowed; imaps:// is TLS from the start.
    curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(settings.allow_plaintext ? CURLUSESSL_TRY : CURLUSESSL_ALL));
    if (!settings.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, settings.ca_file.c_str());
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, static_cast<long>(settings.connect_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_SERVER_RESPONSE_TIMEOUT, static_cast<long>(settings.response_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECT_ONLY, 1L);

    const CURLcode rc = curl_easy_perform(curl);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
    if (rc != CURLE_OK) throw connect_error(rc, error_buffer, settings);

    curl_socket_t socket = CURL_SOCKET_BAD;
    if (curl_easy_getinfo(curl, CURLINFO_ACTIVESOCKET, &socket) != CURLE_OK || socket == CURL_SOCKET_BAD) {
        throw Error(ErrorKind::protocol, "libcurl did not hand over the IMAP connection");
    }
    m_impl->socket = socket;
}

Session::~Session() = default;
Session::Session(Session&&) noexcept = default;
Session& Session::operator=(Session&&) noexcept = default;

MailboxStatus Session::examine(const std::string& mailbox) {
    MailboxStatus status;
    const Response done = m_impl->run("EXAMINE " + quote_mailbox(mailbox), [&](Response&& r) {
        if (auto v = number_after(r.text, "UIDVALIDITY")) status.uidvalidity = static_cast<std::uint32_t>(*v);
        const std::size_t space = r.text.find(' ');
        if (space != std::string::npos && r.text.compare(space, std::string::npos, " EXISTS") == 0) {
            status.exists = static_cast<std::uint32_t>(std::stoul(r.text.substr(0, space)));
        }
    });
    if (status_of(done) != "OK") {
        throw Error(ErrorKind::mailbox, "the IMAP server cannot open mailbox '" + mailbox + "': " + done.text,
                    "check the mailbox name at the end of the URL (for example imaps://host/INBOX)");
    }
    if (status.uidvalidity == 0) throw Error(ErrorKind::protocol, "the IMAP server sent no UIDVALIDITY for '" + mailbox + "'");
    m_impl->exists = status.exists;
    return status;
}

std::vector<MessageInfo> Session::list(std::uint32_t first_uid) {
    std::vector<MessageInfo> messages;
    if (m_impl->exists == 0) return messages;
    const Response done = m_impl->run("UID FETCH " + std::to_string(std::max<std::uint32_t>(first_uid, 1)) + ":* (UID RFC822.SIZE)",
                                      [&](Response&& r) {
                                          const auto uid = number_after(r.text, "UID");
                                          const auto size = number_after(r.text, "RFC822.SIZE");
                                          // "n:*" also returns the highest UID when it is below n.
                                          if (uid && size && *uid >= first_uid) {
                                              messages.push_back({static_cast<std::uint32_t>(*uid), *size});
                                          }
                                      });
    if (status_of(done) != "OK") throw Error(ErrorKind::protocol, "listing messages failed: " + done.text);
    std::sort(messages.begin(), messages.end(), [](const auto& a, const auto& b) { return a.uid < b.uid; });
    return messages;
}

void Session::fetch(const std::vector<std::uint32_t>& uids, Part part, const std::function<void(FetchedMessage&&)>& deliver) {
    // BODY.PEEK never sets \Seen; the server answers with BODY[...].
    const std::string item = part == Part::whole ? "BODY.PEEK[]" : "BODY.PEEK[HEADER]";
    const std::string answer = part == Part::whole ? "BODY[]" : "BODY[HEADER]";
    for (std::size_t start = 0; start < uids.size(); start += k_uids_per_fetch) {
        const std::size_t end = std::min(uids.size(), start + k_uids_per_fetch);
        std::string set;
        for (std::size_t i = start; i < end; ++i) {
            if (!set.empty()) set += ',';
            set += std::to_string(uids[i]);
        }
        const Response done = m_impl->run("UID FETCH " + set + " (UID INTERNALDATE " + item + ")", [&](Response&& r) {
            const auto uid = number_after(r.text, "UID");
            // Unsolicited FETCH responses (flag changes by another client) carry no body.
            if (!uid || r.literals.empty() || r.text.find(answer) == std::string::npos) return;
            FetchedMessage message;
            message.uid = static_cast<std::uint32_t>(*uid);
            message.internal_date = quoted_after(r.text, "INTERNALDATE").value_or("");
            message.raw = std::move(r.literals.front());
            deliver(std::move(message));
        });
        if (status_of(done) != "OK") throw Error(ErrorKind::protocol, "fetching messages failed: " + done.text);
    }
}

void Session::logout() noexcept {
    try {
        m_impl->run("LOGOUT", [](Response&&) {});
    } catch (...) {
        // The server may close first; nothing is lost either way.
    }
}

}  // namespace rsvp::imap
