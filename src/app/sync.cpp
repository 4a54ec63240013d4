#include "rsvp/app/sync.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <map>
#include <set>
#include <thread>

#include "rsvp/app/pipeline.hpp"
#include "rsvp/error.hpp"

namespace rsvp::app {

void IngestCounts::count(store::Added added, const store::MessageRecord& record) {
    switch (added) {
        case store::Added::new_message:
            ++new_messages;
            ++new_by_kind.at(static_cast<std::size_t>(record.classification.kind));
            break;
        case store::Added::known_message: ++duplicates; break;
        case store::Added::known_source: ++already; break;
    }
    if (record.classification.evidence.rule == k_processing_failed) ++failed;
    if (!record.problems.empty()) ++with_problems;
}

namespace {

// One pass over a mailbox: list what is new, fetch it, record each message
// together with the mailbox state. Safe to run again after any failure.
void sync_mailbox(imap::Session& session, store::Store& store, const std::string& mailbox, const SyncSettings& settings,
                  MailboxReport& report) {
    const imap::MailboxStatus status = session.examine(mailbox);
    store::MailboxState state{status.uidvalidity, 0};
    if (const auto known = store.mailbox_state(mailbox)) {
        if (known->uidvalidity == status.uidvalidity) {
            state.last_uid = known->last_uid;
        } else {
            // The mailbox was rebuilt: UIDs mean nothing now. Rescan it; the
            // store recognises known messages by Message-ID or content.
            report.uidvalidity_changed = true;
        }
    }

    std::vector<std::uint32_t> wanted, too_large;
    std::map<std::uint32_t, std::uint64_t> sizes;
    std::set<std::uint32_t> outstanding;  // listed but not yet recorded
    std::uint32_t highest = state.last_uid;
    for (const imap::MessageInfo& info : session.list(state.last_uid + 1)) {
        ++report.counts.seen;
        highest = std::max(highest, info.uid);
        if (store.has_source(mailbox, status.uidvalidity, info.uid)) {
            ++report.counts.already;
            continue;
        }
        (info.size > settings.max_message_bytes ? too_large : wanted).push_back(info.uid);
        sizes[info.uid] = info.size;
        outstanding.insert(info.uid);
    }
    const std::size_t total = outstanding.size();

    auto record = [&](store::MessageRecord&& message, const imap::FetchedMessage& fetched) {
        store::Source source;
        source.mailbox = mailbox;
        source.uidvalidity = status.uidvalidity;
        source.uid = fetched.uid;
        auto arrived = internal_date_utc(fetched.internal_date);
        if (!arrived) arrived = received_utc(message.raw);
        source.arrived_utc = arrived.value_or(0);
        // Everything up to the lowest UID still outstanding is done.
        outstanding.erase(fetched.uid);
        state.last_uid = std::max(state.last_uid, outstanding.empty() ? highest : *outstanding.begin() - 1);
        store::Added added = store::Added::known_source;
        store.in_transaction([&] {
            added = store.add(message, source);
            store.set_mailbox_state(mailbox, state);
        });
        report.counts.count(added, message);
        if (settings.progress) settings.progress(mailbox, total - outstanding.size(), total);
    };

    session.fetch(wanted, imap::Session::Part::whole,
                  [&](imap::FetchedMessage&& fetched) { record(process(std::move(fetched.raw)), fetched); });
    session.fetch(too_large, imap::Session::Part::header, [&](imap::FetchedMessage&& fetched) {
        record(process_header_only(std::move(fetched.raw), sizes[fetched.uid], settings.max_message_bytes), fetched);
        ++report.counts.skipped;
    });
    // UIDs the server listed but did not return (expunged meanwhile) are
    // listed again next time, or are gone and no longer hold the state back.
    if (outstanding.empty()) state.last_uid = highest;
    const auto stored = store.mailbox_state(mailbox);
    if (!stored || stored->uidvalidity != state.uidvalidity || stored->last_uid != state.last_uid) {
        store.in_transaction([&] { store.set_mailbox_state(mailbox, state); });
    }
}

bool transient(const Error& e) { return e.kind() == ErrorKind::unreachable; }

}  // namespace

std::vector<MailboxReport> sync(store::Store& store, const SyncSettings& settings) {
    std::optional<imap::Session> session;
    std::vector<MailboxReport> reports;
    for (const std::string& mailbox : settings.mailboxes) {
        reports.push_back({mailbox, false, 0, {}});
        MailboxReport& report = reports.back();
        auto delay = settings.retry_delay;
        for (int attempt = 0;; ++attempt) {
            try {
                if (!session) session.emplace(settings.connection);
                sync_mailbox(*session, store, mailbox, settings, report);
                break;
            } catch (const Error& e) {
                // What was recorded is committed; a new connection resumes after it.
                session.reset();
                if (!transient(e) || attempt >= settings.retries) throw;
                ++report.reconnects;
                std::this_thread::sleep_for(delay);
                delay *= 2;
            }
        }
    }
    if (session) session->logout();
    return reports;
}

SyncLock::SyncLock(const std::filesystem::path& database) {
    const std::string path = database.string() + ".lock";
    m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (m_fd < 0) throw Error(ErrorKind::database, "cannot open the lock file " + path + ": " + std::strerror(errno));
    if (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(m_fd);
        if (error == EWOULDBLOCK) {
            throw Error(ErrorKind::locked, "another rsvp sync is running on " + database.string(),
                        "wait for it to finish; a crashed sync releases the lock by itself");
        }
        throw Error(ErrorKind::database, "cannot lock " + path + ": " + std::strerror(error));
    }
}

SyncLock::~SyncLock() { ::close(m_fd); }

}  // namespace rsvp::app
