// A blocking queue of bounded size between the threads of a sync: the
// network reader, the workers that decode and classify, the store writer.
// The bound keeps memory at a small multiple of the largest message.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace rsvp::app {

template <typename T>
class BoundedQueue {
public:
    explicit BoundedQueue(std::size_t capacity) : m_capacity(capacity) {}

    // Blocks while full. Returns false (dropping the item) once closed.
    bool push(T item) {
        std::unique_lock lock(m_mutex);
        m_not_full.wait(lock, [&] { return m_items.size() < m_capacity || m_closed; });
        if (m_closed) return false;
        m_items.push_back(std::move(item));
        m_not_empty.notify_one();
        return true;
    }

    // Blocks until an item arrives; nullopt once closed and drained.
    std::optional<T> pop() {
        std::unique_lock lock(m_mutex);
        m_not_empty.wait(lock, [&] { return !m_items.empty() || m_closed; });
        return take(lock);
    }

    // An item if one is ready now.
    std::optional<T> try_pop() {
        std::unique_lock lock(m_mutex);
        return take(lock);
    }

    // No more pushes; pops drain what is left. With `discard`, what is left
    // is dropped (the consumer has failed).
    void close(bool discard = false) {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        if (discard) m_items.clear();
        m_not_empty.notify_all();
        m_not_full.notify_all();
    }

private:
    std::optional<T> take(std::unique_lock<std::mutex>&) {
        if (m_items.empty()) return std::nullopt;
        T item = std::move(m_items.front());
        m_items.pop_front();
        m_not_full.notify_one();
        return item;
    }

    std::size_t m_capacity;
    std::mutex m_mutex;
    std::condition_variable m_not_empty, m_not_full;
    std::deque<T> m_items;
    bool m_closed = false;
};

}  // namespace rsvp::app
