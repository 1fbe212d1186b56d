#pragma once

#include "network/NetworkTypes.h"

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace chorus {

class RepeatedPairFilter;

// Sorts events by object, then time, then account, then post: the order the sliding window
// needs, and a deterministic one.
void sortEvents(std::vector<CoEvent> &events);

// Calls visit(earlier, later) for every pair of events on the same object whose times are at
// most `window` seconds apart (inclusive), with earlier.time <= later.time, and the later
// one among events[begin, end). `events` must be sorted by sortEvents(). Cost is O(events +
// pairs visited): a window slides over each object, so a large object with spread-out
// actions never costs all its pairs. Ranges from splitCoActions() can be walked by several
// threads at once.
template <typename Visit>
void forEachCoActionIn(const std::vector<CoEvent> &events, std::int64_t window, std::size_t begin,
                       std::size_t end, Visit &&visit)
{
    if (begin >= end)
        return;
    std::size_t groupStart = begin; // the first event on the object of events[begin]
    while (groupStart > 0 && events[groupStart - 1].object == events[begin].object)
        --groupStart;
    std::size_t windowStart = groupStart;
    for (std::size_t i = begin; i < end; ++i) {
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
template <typename Visit>
void forEachCoAction(const std::vector<CoEvent> &events, std::int64_t window, Visit &&visit)
{
    forEachCoActionIn(events, window, 0, events.size(), std::forward<Visit>(visit));
}
// Cuts sorted events into `parts` ranges [bounds[k], bounds[k + 1]) for forEachCoActionIn
// that hold about as many co-actions each (one viral object can hold most of them).
std::vector<std::size_t> splitCoActions(const std::vector<CoEvent> &events, std::int64_t window,
                                        std::size_t parts);

// Turns co-action events into weighted account pairs. Pure (no database): feed it the
// events of each co-action type, then take the edges. Weight = distinct objects the pair
// co-acted on; actions = co-actions; mean gap = mean time between them. Self-pairs (one
// account acting twice) are never edges. Used from one thread; edges() shares its passes
// among the cores.
//
// Memory is bounded: the pairs are counted in a hash table of at most `pairMemoryBytes`,
// in as many passes over the events as that takes, each pass counting the pairs of one
// range of pair hashes and keeping only its edges of the asked weight. A viral object
// reposted half a million times in a week makes tens of millions of pairs that co-act
// once; they no longer have to be held all at once (issue "Scale", docs/performance.md).
// With a minimum weight of 2 or more and pairs that would take more than one pass, a filter
// of the pairs that co-acted more than once (RepeatedPairFilter, network/RepeatedPairs.cpp)
// sets the others aside first; the co-actions that pass it are counted from memory when
// they fit, in passes otherwise. The edges are the same in every case, to the bit.
class CoordinationNetworkBuilder
{
public:
    static constexpr std::size_t DefaultPairMemory = std::size_t(256) << 20;

    explicit CoordinationNetworkBuilder(std::int64_t windowSeconds,
                                        std::size_t pairMemoryBytes = DefaultPairMemory);
    ~CoordinationNetworkBuilder();
    CoordinationNetworkBuilder(const CoordinationNetworkBuilder &) = delete;
    CoordinationNetworkBuilder &operator=(const CoordinationNetworkBuilder &) = delete;

    // Adds the events of one co-action type (sorted here; object keys are per call).
    void add(CoActionType type, std::vector<CoEvent> events);
    // Edges with weight >= minWeight, ordered by (source, target).
    std::vector<CoEdge> edges(std::int64_t minWeight) const;
    std::int64_t coActions() const { return m_coActions; }
    // Passes over the events the last edges() took (1 when every pair fitted at once).
    int passes() const { return m_passes; }
    // Whether the last edges() counted only the pairs that co-acted more than once (when all
    // pairs would take more than one pass and the minimum weight is 2 or more).
    bool filtered() const { return m_filtered; }
    // Whether those pairs' co-actions fitted in memory and were counted from there, without
    // passes over the events.
    bool countedKept() const { return m_countedKept; }

    struct Slot;     // one account pair being counted (defined in the .cpp)
    class PairTable; // the pairs of one pass

private:
    struct TypeEvents
    {
        CoActionType type;
        std::vector<CoEvent> events;
    };
    // Pairs are spread over this many buckets by hash; a pass counts a run of buckets.
    static constexpr int Buckets = 1024;

    // What the passes of one edges() count: the co-actions per bucket they plan with, the
    // pairs a table holds, and the filter of repeated pairs when there is one.
    struct Plan
    {
        std::vector<std::int64_t> bucketPairs;
        std::int64_t pairsPerPass = 0;
        std::unique_ptr<RepeatedPairFilter> repeats;
        Plan();
        ~Plan();
    };
    static std::vector<std::pair<int, int>> planPasses(const std::vector<std::int64_t> &bucketPairs,
                                                       std::size_t memoryBytes);
    // Runs of buckets with about the same co-actions each, for `parts` cores.
    static std::vector<std::pair<int, int>> evenPasses(const std::vector<std::int64_t> &bucketPairs,
                                                       std::size_t parts);
    static std::int64_t passPairs(std::size_t memoryBytes);
    // A co-action of a pair that passed the repeat filter, kept for counting: 16 bytes.
    struct KeptCoAction
    {
        std::uint64_t key = 0;
        std::uint32_t object = 0;
        std::uint32_t gapAndType = 0; // gap << TypeBits | index of the type in m_types
    };
    static constexpr unsigned TypeBits = 3;
    // What the walks of the repeat filter found (network/RepeatedPairs.cpp).
    struct RepeatScan
    {
        std::unique_ptr<RepeatedPairFilter> filter;
        std::vector<std::int64_t> bucketPairs; // co-actions per bucket that pass the filter
        // Those co-actions themselves, [slice][part of the buckets], when they fitted their
        // share of the memory (`kept` false otherwise).
        std::vector<std::vector<std::vector<KeptCoAction>>> coActions;
        bool kept = false;
        RepeatScan();
        RepeatScan(RepeatScan &&) noexcept;
        RepeatScan &operator=(RepeatScan &&) noexcept;
        ~RepeatScan();
    };
    // Two walks over the co-actions, shared by the cores: the filter, then the co-actions
    // that pass it, counted per bucket and kept while they fit.
    RepeatScan scanRepeats() const;
    // The edges of the kept co-actions, each part of the buckets on a core of its own.
    std::vector<CoEdge> countKept(RepeatScan &scan, std::int64_t minWeight) const;
    static std::vector<CoEdge> sortedEdges(std::vector<CoEdge> edges); // by (source, target)
    // Counts the pairs whose hash falls in buckets [low, high) (and pass the plan's filter)
    // and adds those of at least minWeight to `result`.
    void countPass(PairTable &table, int low, int high, const Plan &plan, std::int64_t minWeight,
                   std::vector<CoEdge> &result) const;

    std::int64_t m_window;
    std::size_t m_pairMemory;
    std::vector<TypeEvents> m_types;
    std::vector<std::int64_t> m_bucketCoActions = std::vector<std::int64_t>(Buckets);
    std::int64_t m_coActions = 0;
    mutable int m_passes = 0;
    mutable bool m_filtered = false;
    mutable bool m_countedKept = false;
};

} // namespace chorus
