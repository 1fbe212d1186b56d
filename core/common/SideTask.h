#pragma once

#include "common/Progress.h"

#include <atomic>
#include <chrono>
#include <exception>
#include <optional>
#include <thread>
#include <utility>

namespace chorus {

// Work that runs on a thread of its own while the calling thread does something else (the
// network's layout while the account facts are read). The work reports to a relay; wait()
// forwards that progress, and the user's Cancel the other way, on the calling thread: a
// job's ProgressSink is still only called from the job's thread. Leaving the scope before
// wait() (an exception on the calling thread) stops the work and joins its thread.
template <typename T> class SideTask
{
public:
    template <typename Work>
    explicit SideTask(Work work)
        : m_thread([this, work = std::move(work)]() mutable {
              try {
                  m_result.emplace(work(m_relay));
              } catch (...) {
                  m_failure = std::current_exception();
              }
              m_done.store(true);
          })
    {}
    ~SideTask()
    {
        m_relay.stop();
        if (m_thread.joinable())
            m_thread.join();
    }
    SideTask(const SideTask &) = delete;
    SideTask &operator=(const SideTask &) = delete;

    // Forwards the work's progress, and a Cancel to it, until it ends; then its result, or
    // the exception it threw.
    T wait(ProgressSink &progress)
    {
        while (!m_done.load()) {
            progress.progress(m_relay.done(), m_relay.total());
            if (progress.isCancelled())
                m_relay.stop();
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        m_thread.join();
        progress.progress(m_relay.done(), m_relay.total());
        if (m_failure)
            std::rethrow_exception(m_failure);
        return std::move(*m_result);
    }

private:
    class Relay final : public ProgressSink
    {
    public:
        void progress(std::int64_t done, std::int64_t total) override
        {
            m_total.store(total, std::memory_order_relaxed);
            m_done.store(done, std::memory_order_relaxed);
        }
        bool isCancelled() const override { return m_stop.load(std::memory_order_relaxed); }
        void stop() { m_stop.store(true, std::memory_order_relaxed); }
        std::int64_t done() const { return m_done.load(std::memory_order_relaxed); }
        std::int64_t total() const { return m_total.load(std::memory_order_relaxed); }

    private:
        std::atomic<std::int64_t> m_done{0};
        std::atomic<std::int64_t> m_total{0};
        std::atomic<bool> m_stop{false};
    };

    Relay m_relay;
    std::optional<T> m_result;
    std::exception_ptr m_failure;
    std::atomic<bool> m_done{false};
    std::thread m_thread; // last: starts after the members it uses exist
};

} // namespace chorus
