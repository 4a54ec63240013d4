// The one error type the adapters (imap, store) and the app raise. main()
// prints it once as "error: ..." and "hint: ...", and maps its kind to the
// exit status (see README, "Exit codes").
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

namespace rsvp {

enum class ErrorKind {
    usage,        // bad command line or configuration
    auth,         // the server refused the credentials
    tls,          // TLS could not be established or the certificate was refused
    unreachable,  // cannot connect, or the server stopped answering
    mailbox,      // the mailbox does not exist or cannot be opened
    protocol,     // the server said something we cannot follow
    database,     // SQLite failed
    locked,       // another sync holds the lock
    input,        // a file to import cannot be read
};

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, std::string message, std::string hint = {})
        : std::runtime_error(std::move(message)), m_kind(kind), m_hint(std::move(hint)) {}

    [[nodiscard]] ErrorKind kind() const { return m_kind; }
    [[nodiscard]] const std::string& hint() const { return m_hint; }

private:
    ErrorKind m_kind;
    std::string m_hint;
};

}  // namespace rsvp
