#pragma once

#include "network/NetworkTypes.h"

#include <cstdint>
#include <vector>

namespace chorus {

// Sorts events by object, then time, then account, then post: the order the sliding window
// needs, and a deterministic one.
void sortEvents(std::vector<CoEvent> &events);

// Calls visit(earlier, later) for every pair of events on the same object whose times are at
// most `window` seconds apart (inclusive), with earlier.time <= later.time. `events` must be
// sorted by sortEvents(). Cost is O(events + pairs visited): a window slides over each
// object, so a large object with spread-out actions never costs all its pairs.
template <typename Visit>
void forEachCoAction(const std::vector<CoEvent> &events, std::int64_t window, Visit &&visit)
{
    std::size_t groupStart = 0;
    std::size_t windowStart = 0;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const CoEvent &later = events[i];
        if (later.object != events[groupStart].object) {
            groupStart = i;
            windowStart = i;
        }
        while (later.time - events[windowStart].time > window)
            ++windowStart;
        for (std::size_t j = windowStart; j < i; ++j)
            visit(events[j], later);
    }
}

// Turns co-action events into weighted account pairs. Pure (no database): feed it the
// events of each co-action type, then take the edges. Weight = distinct objects the pair
// co-acted on; actions = co-actions; mean gap = mean time between them. Self-pairs (one
// account acting twice) are never edges. One thread.
class CoordinationNetworkBuilder
{
public:
    explicit CoordinationNetworkBuilder(std::int64_t windowSeconds);
    ~CoordinationNetworkBuilder();
    CoordinationNetworkBuilder(const CoordinationNetworkBuilder &) = delete;
    CoordinationNetworkBuilder &operator=(const CoordinationNetworkBuilder &) = delete;

    // Adds the events of one co-action type (sorted here; object keys are per call).
    void add(CoActionType type, std::vector<CoEvent> events);
    // Edges with weight >= minWeight, ordered by (source, target).
    std::vector<CoEdge> edges(std::int64_t minWeight) const;
    std::int64_t coActions() const { return m_coActions; }

private:
    struct Slot;
    Slot &slot(std::uint64_t key);
    void grow();

    std::int64_t m_window;
    std::vector<Slot> m_slots; // open addressing, linear probing; key 0 = empty
    std::size_t m_used = 0;
    std::uint64_t m_objectBase = 1; // makes object keys distinct across add() calls
    std::int64_t m_coActions = 0;
};

} // namespace chorus
