// Fills a database with generated replies for scripts/bench-store.sh:
//   gen_store DB COUNT
// Records go through store::Store::add (the path sync and import take after
// decoding) and respondents' history is recorded once at the end, as an
// import would. Deterministic: the same COUNT gives the same database.
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include "rsvp/app/record.hpp"
#include "rsvp/store/store.hpp"

using rsvp::core::Kind;

namespace {

rsvp::store::MessageRecord generate(std::size_t i, std::size_t senders, std::mt19937& random) {
    const std::size_t sender = random() % senders;
    const std::string address = "person" + std::to_string(sender) + "@organisation" + std::to_string(sender % 97) + ".fr";
    const std::string id = "<bench-" + std::to_string(i) + "@example.org>";
    const auto roll = static_cast<unsigned>(random() % 100);
    const Kind kind = roll < 45 ? Kind::confirmed
                      : roll < 65 ? Kind::declined
                      : roll < 70 ? Kind::tentative
                      : roll < 85 ? Kind::auto_reply
                      : roll < 90 ? Kind::bounce
                                  : Kind::other;
    const std::string reply = kind == Kind::confirmed  ? "Bonjour, je serai présent le 16 novembre. Cordialement."
                              : kind == Kind::declined ? "Bonjour, je ne pourrai malheureusement pas venir. Cordialement."
                                                       : "Bonjour, merci pour votre message. Cordialement.";
    rsvp::store::MessageRecord m;
    m.message_id = id;
    m.from_address = address;
    m.from_name = "Personne " + std::to_string(i);
    m.subject = "RE: Invitation au lancement du club régional des acheteurs publics innovants";
    m.date_text = "Tue, 18 Oct 2016 10:02:55 +0200";
    if (roll % 20 != 0) m.date = rsvp::core::Timestamp{1476777775 + static_cast<std::int64_t>(i) * 37, 120};
    m.reply_text = reply;
    m.headers = {{"From", m.from_name + " <" + address + ">"}, {"Subject", m.subject}, {"Date", m.date_text}, {"Message-ID", id}};
    m.raw = "From: " + m.from_name + " <" + address + ">\r\nTo: sgar-club-acheteurs@paca.pref.gouv.fr\r\nSubject: " + m.subject +
            "\r\nDate: " + m.date_text + "\r\nMessage-ID: " + id +
            "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + reply + "\r\n\r\n" +
            std::string(600, '>') + "\r\n";  // the quoted invitation, roughly
    m.content_hash = id;
    m.classification.kind = kind;
    m.classification.party_size = kind == Kind::confirmed ? 1 + static_cast<int>(random() % 3) : 0;
    if (kind == Kind::confirmed && roll % 11 == 0) m.classification.delegate = "Mme Claire Dupont";
    m.classification.confidence = 0.9;
    m.classification.evidence = {"bench", "reply", reply.substr(10, 20), 10, 30};
    return m;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: gen_store DB COUNT\n");
        return 2;
    }
    const auto count = static_cast<std::size_t>(std::strtoull(argv[2], nullptr, 10));
    try {
        auto store = rsvp::store::Store::open(argv[1]);
        std::mt19937 random(20161116);
        const std::size_t senders = 1 + count / 3;  // about three messages per sender
        store.in_transaction([&] {
            for (std::size_t i = 0; i < count; ++i) {
                rsvp::store::Source source;
                source.mailbox = "INBOX";
                source.uidvalidity = 1;
                source.uid = static_cast<std::uint32_t>(i + 1);
                source.arrived_utc = 1476777800 + static_cast<std::int64_t>(i) * 37;
                store.add(generate(i, senders, random), source);
            }
            store.set_mailbox_state("INBOX", {1, static_cast<std::uint32_t>(count)});
        });
        rsvp::app::refresh_respondents(store, "sync");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    return 0;
}
