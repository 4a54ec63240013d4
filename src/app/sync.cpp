#include <set>

#include "rsvp/app/sync.hpp"
#include "rsvp/app/pipeline.hpp"

namespace rsvp::app {

namespace {

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

    std::vector<std::uint32_t> wanted;
    std::set<std::uint32_t> outstanding;  // listed but not yet recorded
    std::uint32_t highest = state.last_uid;
    for (const imap::MessageInfo& info : session.list(state.last_uid + 1)) {
        ++report.counts.seen;
        highest = std::max(highest, info.uid);
        if (store.has_source(mailbox, status.uidvalidity, info.uid)) {
            ++report.counts.already;
        } else if (info.size > settings.max_message_bytes) {
            ++report.counts.skipped;
        } else {
            wanted.push_back(info.uid);
            outstanding.insert(info.uid);
        }
    }
    // Everything up to the lowest UID still outstanding is done.
    auto done_up_to = [&] { return outstanding.empty() ? highest : *outstanding.begin() - 1; };
    if (wanted.empty()) {
        state.last_uid = highest;
        store.in_transaction([&] { store.set_mailbox_state(mailbox, state); });
        return;
    }

    session.fetch(wanted, [&](imap::FetchedMessage&& fetched) {
        store::Source source;
        source.mailbox = mailbox;
        source.uidvalidity = status.uidvalidity;
        source.uid = fetched.uid;
        store::MessageRecord record = process(std::move(fetched.raw));
        auto arrived = internal_date_utc(fetched.internal_date);
        if (!arrived) arrived = received_utc(record.raw);
        source.arrived_utc = arrived.value_or(0);
        if (!record.problems.empty()) ++report.counts.with_problems;
        outstanding.erase(fetched.uid);
        state.last_uid = std::max(state.last_uid, done_up_to());
        store.in_transaction([&] {
            switch (store.add(record, source)) {
                case store::Added::new_message: ++report.counts.new_messages; break;
                case store::Added::known_message: ++report.counts.duplicates; break;
                case store::Added::known_source: ++report.counts.already; break;
            }
            store.set_mailbox_state(mailbox, state);
        });
    });
}

}  // namespace

std::vector<MailboxReport> sync(store::Store& store, const SyncSettings& settings) {
    imap::Session session(settings.connection);
    std::vector<MailboxReport> reports;
    for (const std::string& mailbox : settings.mailboxes) {
        reports.push_back({mailbox, false, {}});
        sync_mailbox(session, store, mailbox, settings, reports.back());
    }
    session.logout();
    return reports;
}

}  // namespace rsvp::app
