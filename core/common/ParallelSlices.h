#pragma once

#include "common/Progress.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
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
    std::vector<std::thread> workers;
    for (std::size_t s = 0; s < slices; ++s) {
        const std::size_t begin = sliceBegin(s, count, threads);
        const std::size_t end = sliceBegin(s + 1, count, threads);
        workers.emplace_back([&, s, begin, end] {
            work(s, begin, end, control);
            finished.fetch_add(1);
        });
    }
    while (finished.load() < slices) {
        progress.progress(control.done.load(), std::int64_t(count));
        if (progress.isCancelled())
            control.stop.store(true);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    for (std::thread &worker : workers)
        worker.join();
    progress.progress(control.done.load(), std::int64_t(count));
    return !control.stop.load() && !progress.isCancelled();
}

} // namespace chorus
