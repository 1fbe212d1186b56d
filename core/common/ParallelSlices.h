#pragma once

#include "common/Progress.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace chorus {

// Shared by the workers of one parallel step: items done (for progress) and the stop flag
// that the calling thread raises when the user cancels.
struct SliceControl
{
    std::atomic<std::int64_t> done{0};
    std::atomic<bool> stop{false};
};

// What a worker hands to work of its own that takes a ProgressSink (a figure's layout inside
// a slice): its progress is kept to itself, and it is cancelled once the slices are stopped.
// Not CancelOnly over the job's sink: a worker thread must not call the outer sink, which
// runSlices polls from the calling thread alone and turns into `stop`.
class SliceStop final : public ProgressSink
{
public:
    explicit SliceStop(const SliceControl &control) : m_control(control) {}
    void progress(std::int64_t, std::int64_t) override {}
    bool isCancelled() const override { return m_control.stop.load(std::memory_order_relaxed); }

private:
    const SliceControl &m_control;
};

// The cores to use for parallel work: all the machine has, at most `most`.
inline int hardwareThreads(int most)
{
    return std::clamp(int(std::thread::hardware_concurrency()), 1, std::max(most, 1));
}

inline std::size_t sliceCount(int threads)
{
    return std::size_t(std::max(threads, 1));
}

// Where slice `slice` of runSlices() begins (slice == sliceCount() gives `count`).
inline std::size_t sliceBegin(std::size_t slice, std::size_t count, int threads)
{
    return count * slice / sliceCount(threads);
}

// Runs work(slice, begin, end, control) over [0, count) cut into `threads` contiguous slices,
// one std::thread each. The calling thread only watches: it forwards progress and polls
// cancellation, so a ProgressSink is never called from a worker. Workers add to control.done
// now and then and return early once control.stop is set. Returns false when cancelled.
template <typename Work>
bool runSlices(std::size_t count, int threads, ProgressSink &progress, Work work)
{
    const std::size_t slices = sliceCount(threads);
    SliceControl control;
    std::atomic<std::size_t> finished{0};
    std::mutex failureMutex;
    std::exception_ptr failure;
    // A worker that throws (out of memory, most likely) stops the others; its exception is
    // rethrown here once all have ended, rather than ending the program.
    const auto runSlice = [&](std::size_t s) {
        try {
            work(s, sliceBegin(s, count, threads), sliceBegin(s + 1, count, threads), control);
        } catch (...) {
            const std::lock_guard lock(failureMutex);
            if (!failure)
                failure = std::current_exception();
            control.stop.store(true);
        }
        finished.fetch_add(1);
    };
    std::vector<std::thread> workers;
    for (std::size_t s = 0; s < slices; ++s) {
        try {
            workers.emplace_back(runSlice, s);
        } catch (const std::system_error &) {
            runSlice(s); // no thread to be had: the calling thread does this slice
        }
    }
    while (finished.load() < slices) {
        progress.progress(control.done.load(), std::int64_t(count));
        if (progress.isCancelled())
            control.stop.store(true);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    for (std::thread &worker : workers)
        worker.join();
    if (failure)
        std::rethrow_exception(failure);
    progress.progress(control.done.load(), std::int64_t(count));
    return !control.stop.load() && !progress.isCancelled();
}

} // namespace chorus
