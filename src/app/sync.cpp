#include "rsvp/app/sync.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <exception>
#include <cstring>
#include <optional>
#include <map>
#include <set>
#include <thread>

#include "bounded_queue.hpp"
#include "rsvp/app/pipeline.hpp"
#include "rsvp/app/record.hpp"
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

// Messages committed together with the mailbox state.
constexpr std::size_t k_batch_size = 64;

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

    // Three stages, so that decoding and classifying (the costly part) use
    // every core while the network and the database each need only one
    // thread: this one reads the server, workers process, a writer records.
    struct Job {
        imap::FetchedMessage fetched;
        bool header_only;
    };
    struct Done {
        store::MessageRecord record;
        store::Source source;
        bool header_only;
    };
    const std::size_t worker_count = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
    BoundedQueue<Job> jobs(2 * worker_count);
    BoundedQueue<Done> done(4 * k_batch_size);

    std::vector<std::thread> workers;
    for (std::size_t w = 0; w < worker_count; ++w) {
        workers.emplace_back([&] {
            while (auto job = jobs.pop()) {
                const std::uint32_t uid = job->fetched.uid;
                Done result{job->header_only ? process_header_only(std::move(job->fetched.raw), sizes.at(uid), settings.max_message_bytes)
                                             : process(std::move(job->fetched.raw)),
                            {}, job->header_only};
                result.source.mailbox = mailbox;
                result.source.uidvalidity = status.uidvalidity;
                result.source.uid = uid;
                auto arrived = internal_date_utc(job->fetched.internal_date);
                if (!arrived) arrived = received_utc(result.record.raw);
                result.source.arrived_utc = arrived.value_or(0);
                if (!done.push(std::move(result))) {
                    jobs.close(true);  // the writer failed: stop the fetch too
                    break;
                }
            }
        });
    }

    // The writer commits messages in small batches, each with the mailbox
    // state that says they were fetched: one commit per batch, not per row,
    // and after a crash the next run refetches only what no batch committed.
    std::exception_ptr writer_error;
    std::thread writer([&] {
        try {
            while (auto first = done.pop()) {
                std::vector<Done> batch;
                batch.push_back(std::move(*first));
                while (batch.size() < k_batch_size) {
                    auto more = done.try_pop();
                    if (!more) break;
                    batch.push_back(std::move(*more));
                }
                // Everything up to the lowest UID still outstanding is done.
                for (const Done& d : batch) outstanding.erase(d.source.uid);
                state.last_uid = std::max(state.last_uid, outstanding.empty() ? highest : *outstanding.begin() - 1);
                std::vector<store::Added> added(batch.size(), store::Added::known_source);
                store.in_transaction([&] {
                    for (std::size_t i = 0; i < batch.size(); ++i) added[i] = store.add(batch[i].record, batch[i].source);
                    store.set_mailbox_state(mailbox, state);
                });
                for (std::size_t i = 0; i < batch.size(); ++i) {
                    report.counts.count(added[i], batch[i].record);
                    if (batch[i].header_only) ++report.counts.skipped;
                }
                if (settings.progress) settings.progress(mailbox, total - outstanding.size(), total);
            }
        } catch (...) {
            writer_error = std::current_exception();
            // Unblock the workers; what they still hold is fetched again next time.
            done.close(true);
        }
    });

    auto finish = [&] {
        jobs.close();
        for (auto& t : workers) t.join();
        done.close();
        writer.join();
    };
    try {
        const auto enqueue = [&](bool header_only) {
            return [&jobs, header_only](imap::FetchedMessage&& fetched) {
                if (!jobs.push({std::move(fetched), header_only})) throw Error(ErrorKind::database, "recording stopped");
            };
        };
        session.fetch(wanted, imap::Session::Part::whole, enqueue(false));
        session.fetch(too_large, imap::Session::Part::header, enqueue(true));
    } catch (...) {
        // Record what arrived before the failure, then let the caller retry.
        finish();
        if (writer_error) std::rethrow_exception(writer_error);
        throw;
    }
    finish();
    if (writer_error) std::rethrow_exception(writer_error);

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
                if (!transient(e) || attempt >= settings.retries) {
                    try {
                        refresh_respondents(store, "sync");  // for what was recorded
                    } catch (...) {
                        // The sync's own error is the one to report.
                    }
                    throw;
                }
                ++report.reconnects;
                std::this_thread::sleep_for(delay);
                delay *= 2;
            }
        }
    }
    if (session) session->logout();
    refresh_respondents(store, "sync");
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
