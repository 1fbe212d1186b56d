#include "network/CoordinationIntervalEstimator.h"

#include <algorithm>
#include <cmath>

namespace chorus {

namespace {

struct ObjectTiming
{
    std::int64_t secondDelay;
    std::int64_t toShareP;
};

} // namespace

IntervalSuggestion estimateCoordinationInterval(const std::vector<CoEvent> &events, double q,
                                                double p)
{
    std::vector<ObjectTiming> timings;
    for (std::size_t start = 0; start < events.size();) {
        std::size_t end = start;
        while (end < events.size() && events[end].object == events[start].object)
            ++end;
        const std::size_t count = end - start;
        if (count >= 2) {
            // rank ceil(p * count) (1-based) is the action by which p of the actions happened.
            const auto rank = std::max<std::size_t>(2, std::size_t(std::ceil(p * double(count))));
            timings.push_back({events[start + 1].time - events[start].time,
                               events[start + rank - 1].time - events[start].time});
        }
        start = end;
    }
    IntervalSuggestion s;
    s.sharedObjects = std::int64_t(timings.size());
    if (timings.empty()) {
        s.explanation = "no object was acted on twice: no interval to suggest";
        return s;
    }
    std::sort(timings.begin(), timings.end(), [](const ObjectTiming &a, const ObjectTiming &b) {
        return a.secondDelay != b.secondDelay ? a.secondDelay < b.secondDelay
                                              : a.toShareP < b.toShareP;
    });
    // The q quantile of second-action delays; every object at or below it counts.
    const std::size_t cut = std::size_t(std::floor(q * double(timings.size() - 1)));
    const std::int64_t limit = timings[cut].secondDelay;
    std::vector<std::int64_t> fast;
    for (const ObjectTiming &t : timings)
        if (t.secondDelay <= limit)
            fast.push_back(t.toShareP);
    std::sort(fast.begin(), fast.end());
    const std::size_t middle = fast.size() / 2;
    const double median =
        fast.size() % 2 ? double(fast[middle]) : (fast[middle - 1] + fast[middle]) / 2.0;
    s.fastObjects = std::int64_t(fast.size());
    s.seconds = std::max<std::int64_t>(1, std::llround(median));
    s.explanation = std::to_string(s.sharedObjects) + " objects acted on twice or more; the " +
                    std::to_string(s.fastObjects) + " quickest (second action within " +
                    std::to_string(limit) + " s, the " + std::to_string(int(std::lround(q * 100))) +
                    "% quantile) reached " + std::to_string(int(std::lround(p * 100))) +
                    "% of their actions in a median of " + std::to_string(s.seconds) + " s";
    return s;
}

} // namespace chorus
