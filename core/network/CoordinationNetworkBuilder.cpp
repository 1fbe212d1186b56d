#include "network/CoordinationNetworkBuilder.h"

#include "common/ParallelSlices.h"
#include "network/PairHash.h"
#include "network/RepeatedPairFilter.h"

#include <algorithm>
#include <array>
#include <tuple>

namespace chorus {

using namespace pairhash;

// One account pair in the table of a pass: 32 bytes.
struct CoordinationNetworkBuilder::Slot
{
    std::uint64_t key = 0; // low account << 32 | high account; 0 = empty
    double gapSum = 0;
    std::uint32_t lastObject = 0; // with lastType: counts each object once per pair
    std::uint32_t weight = 0;
    std::uint32_t actions = 0;
    std::uint8_t types = 0;
    std::uint8_t lastType = 0; // 1 + index of the type lastObject belongs to; 0 = none
};
static_assert(sizeof(CoordinationNetworkBuilder::Slot) <= 32);

void sortEvents(std::vector<CoEvent> &events)
{
    const auto before = [](const CoEvent &a, const CoEvent &b) {
        return std::tie(a.object, a.time, a.account, a.post) <
               std::tie(b.object, b.time, b.account, b.post);
    };
    // Callers that needed the order earlier (the interval estimate) already sorted: skip.
    if (!std::is_sorted(events.begin(), events.end(), before))
        std::sort(events.begin(), events.end(), before);
}

std::vector<std::size_t> splitCoActions(const std::vector<CoEvent> &events, std::int64_t window,
                                        std::size_t parts)
{
    // The co-actions of each later event are the events in its window before it: counted
    // by sliding the window once, without visiting them.
    const auto forEachWindow = [&](auto &&take) {
        std::size_t groupStart = 0;
        std::size_t windowStart = 0;
        for (std::size_t i = 0; i < events.size(); ++i) {
            if (events[i].object != events[groupStart].object)
                groupStart = windowStart = i;
            while (events[i].time - events[windowStart].time > window)
                ++windowStart;
            if (!take(i, i - windowStart))
                return;
        }
    };
    std::uint64_t total = 0;
    forEachWindow([&](std::size_t, std::size_t here) {
        total += here;
        return true;
    });
    parts = std::max<std::size_t>(parts, 1);
    std::vector<std::size_t> bounds{0};
    std::uint64_t sum = 0;
    forEachWindow([&](std::size_t i, std::size_t here) {
        // Event i starts part k once the parts before it hold k / parts of the co-actions.
        while (bounds.size() < parts && sum >= total * bounds.size() / parts && i > bounds.back())
            bounds.push_back(i);
        sum += here;
        return bounds.size() < parts;
    });
    while (bounds.size() <= parts)
        bounds.push_back(events.size());
    return bounds;
}

CoordinationNetworkBuilder::CoordinationNetworkBuilder(std::int64_t windowSeconds,
                                                       std::size_t pairMemoryBytes)
    : m_window(windowSeconds), m_pairMemory(pairMemoryBytes)
{}

CoordinationNetworkBuilder::~CoordinationNetworkBuilder() = default;

void CoordinationNetworkBuilder::add(CoActionType type, std::vector<CoEvent> events)
{
    sortEvents(events);
    // A counting pass: how many co-actions fall in each bucket sizes the passes of edges().
    forEachCoAction(events, m_window, [&](const CoEvent &a, const CoEvent &b) {
        if (a.account == b.account)
            return;
        ++m_bucketCoActions[std::size_t(bucketOf(mix(pairKey(a, b))))];
        ++m_coActions;
    });
    static_assert(Buckets == 1 << 10, "the bucket is the hash's top 10 bits");
    m_types.push_back({type, std::move(events)});
}

// The pair table of one pass: open addressing, linear probing, a power-of-two size.
class CoordinationNetworkBuilder::PairTable
{
public:
    void reset(std::size_t slots)
    {
        if (m_slots.size() < slots)
            m_slots.resize(slots);
        std::fill(m_slots.begin(), m_slots.begin() + std::ptrdiff_t(slots), Slot{});
        m_size = slots;
        m_used = 0;
    }
    Slot &find(std::uint64_t hash, std::uint64_t key)
    {
        // Only if the buckets' counts were far off (never with a fair hash): grow past the
        // budget rather than loop.
        if ((m_used + 1) * 10 > m_size * 7)
            grow();
        const std::size_t mask = m_size - 1;
        std::size_t index = hash & mask;
        while (m_slots[index].key != 0 && m_slots[index].key != key)
            index = (index + 1) & mask;
        if (m_slots[index].key == 0) {
            m_slots[index].key = key;
            ++m_used;
        }
        return m_slots[index];
    }
    void prefetch(std::uint64_t hash) const
    {
        __builtin_prefetch(&m_slots[hash & (m_size - 1)], 1);
    }
    template <typename Visit> void forEachUsed(Visit &&visit) const
    {
        for (std::size_t i = 0; i < m_size; ++i)
            if (m_slots[i].key != 0)
                visit(m_slots[i]);
    }

private:
    void grow()
    {
        std::vector<Slot> old(m_slots.begin(), m_slots.begin() + std::ptrdiff_t(m_size));
        reset(m_size * 2);
        for (const Slot &s : old)
            if (s.key != 0) {
                Slot &moved = find(mix(s.key), s.key);
                moved = s;
            }
    }

    std::vector<Slot> m_slots;
    std::size_t m_size = 0;
    std::size_t m_used = 0;
};

CoordinationNetworkBuilder::Plan::Plan() = default;
CoordinationNetworkBuilder::Plan::~Plan() = default;

namespace {

std::size_t tableSlots(std::int64_t pairs)
{
    std::size_t slots = 1024;
    while (std::int64_t(slots) * 7 < pairs * 10)
        slots *= 2;
    return slots;
}

} // namespace

std::vector<std::pair<int, int>>
CoordinationNetworkBuilder::planPasses(const std::vector<std::int64_t> &bucketPairs,
                                       std::size_t memoryBytes)
{
    // Runs of buckets whose co-actions (at least their distinct pairs) fit the table.
    const std::int64_t pairsPerPass = passPairs(memoryBytes);
    std::vector<std::pair<int, int>> passes; // [first bucket, end bucket)
    std::int64_t inPass = 0;
    int first = 0;
    for (int bucket = 0; bucket < Buckets; ++bucket) {
        const std::int64_t here = bucketPairs[std::size_t(bucket)];
        if (inPass + here > pairsPerPass && bucket > first) {
            passes.emplace_back(first, bucket);
            first = bucket;
            inPass = 0;
        }
        inPass += here;
    }
    passes.emplace_back(first, Buckets);
    return passes;
}

std::vector<std::pair<int, int>>
CoordinationNetworkBuilder::evenPasses(const std::vector<std::int64_t> &bucketPairs,
                                       std::size_t parts)
{
    std::int64_t total = 0;
    for (std::int64_t here : bucketPairs)
        total += here;
    std::vector<std::pair<int, int>> passes;
    std::int64_t sum = 0;
    int first = 0;
    for (int bucket = 0; bucket < Buckets; ++bucket) {
        sum += bucketPairs[std::size_t(bucket)];
        if (passes.size() + 1 < parts &&
            sum * std::int64_t(parts) >= total * std::int64_t(passes.size() + 1)) {
            passes.emplace_back(first, bucket + 1);
            first = bucket + 1;
        }
    }
    passes.emplace_back(first, Buckets);
    return passes;
}

std::int64_t CoordinationNetworkBuilder::passPairs(std::size_t memoryBytes)
{
    std::size_t slots = 1024;
    while (slots * 2 * sizeof(Slot) <= memoryBytes)
        slots *= 2;
    return std::int64_t(slots) * 7 / 10;
}

void CoordinationNetworkBuilder::countPass(PairTable &table, int low, int high, const Plan &plan,
                                           std::int64_t minWeight,
                                           std::vector<CoEdge> &result) const
{
    const RepeatedPairFilter *repeats = plan.repeats.get();
    const std::int64_t pairsPerPass = plan.pairsPerPass;
    std::int64_t pairs = 0;
    for (int bucket = low; bucket < high; ++bucket)
        pairs += plan.bucketPairs[std::size_t(bucket)];
    table.reset(tableSlots(std::min(pairs, pairsPerPass)));
    for (std::size_t t = 0; t < m_types.size(); ++t) {
        const auto typeBit = std::uint8_t(m_types[t].type);
        const auto typeMark = std::uint8_t(t + 1);
        // The table is far larger than the caches and pairs land at random: the co-actions
        // of a pass are taken a batch at a time, their slots fetched ahead together, so the
        // memory waits overlap instead of coming one after the other.
        std::array<MetCoAction, PrefetchBatch> batch;
        std::size_t pending = 0;
        const auto flush = [&] {
            if (repeats) {
                // The cells were fetched ahead; the pairs that pass have their slots fetched.
                std::size_t kept = 0;
                for (std::size_t i = 0; i < pending; ++i)
                    if (repeats->repeated(batch[i].hash)) {
                        table.prefetch(batch[i].hash);
                        batch[kept++] = batch[i];
                    }
                pending = kept;
            }
            for (std::size_t i = 0; i < pending; ++i) {
                const MetCoAction &p = batch[i];
                Slot &s = table.find(p.hash, p.key);
                if (s.lastObject != p.object || s.lastType != typeMark) {
                    s.lastObject = p.object;
                    s.lastType = typeMark;
                    ++s.weight;
                }
                ++s.actions;
                s.gapSum += double(p.gap);
                s.types |= typeBit;
            }
            pending = 0;
        };
        forEachCoAction(m_types[t].events, m_window, [&](const CoEvent &a, const CoEvent &b) {
            if (a.account == b.account)
                return;
            const std::uint64_t key = pairKey(a, b);
            const std::uint64_t hash = mix(key);
            const int bucket = bucketOf(hash);
            if (bucket < low || bucket >= high)
                return;
            if (repeats)
                repeats->prefetch(hash);
            else
                table.prefetch(hash);
            batch[pending++] = {key, hash, b.object, b.time - a.time};
            if (pending == batch.size())
                flush();
        });
        flush();
    }
    table.forEachUsed([&](const Slot &s) {
        if (std::int64_t(s.weight) < minWeight)
            return;
        CoEdge edge;
        edge.source = std::int64_t(s.key >> 32);
        edge.target = std::int64_t(s.key & 0xffffffffULL);
        edge.weight = s.weight;
        edge.actions = s.actions;
        edge.meanGap = s.actions ? s.gapSum / s.actions : 0;
        edge.types = s.types;
        result.push_back(edge);
    });
}

std::vector<CoEdge> CoordinationNetworkBuilder::edges(std::int64_t minWeight) const
{
    Plan plan;
    plan.bucketPairs = m_bucketCoActions;
    std::size_t memory = m_pairMemory;
    std::vector<std::pair<int, int>> passes = planPasses(plan.bucketPairs, memory);
    // More than one pass of all pairs, and only pairs that co-act twice or more can be
    // edges: count those only.
    // (Not below a few KB of memory: the filter's smallest size would not leave the passes
    // any.)
    m_filtered = passes.size() > 1 && minWeight >= 2 && m_pairMemory >= 64 * 1024;
    m_countedKept = false;
    if (m_filtered) {
        RepeatScan scan = scanRepeats();
        m_countedKept = scan.kept;
        if (scan.kept) {
            // The co-actions that passed fitted in memory: counted from there, no pass.
            m_passes = 1;
            return sortedEdges(countKept(scan, minWeight));
        }
        plan.repeats = std::move(scan.filter);
        plan.bucketPairs = std::move(scan.bucketPairs);
        memory -= plan.repeats->bytes();
        passes = planPasses(plan.bucketPairs, memory);
    }
    // Passes are shared by the cores, each with a table of its share of the memory; a
    // network that fits one table takes one pass on this thread.
    int threads = 1;
    if (passes.size() > 1 || m_filtered) {
        threads = hardwareThreads(4);
        passes = planPasses(plan.bucketPairs, memory / std::size_t(threads));
        // What passes the filter often fits one table: cut it for the cores all the same.
        if (passes.size() < sliceCount(threads))
            passes = evenPasses(plan.bucketPairs, sliceCount(threads));
    }
    m_passes = int(passes.size());
    plan.pairsPerPass = passPairs(memory / std::size_t(threads));

    std::vector<std::vector<CoEdge>> found(static_cast<std::size_t>(threads));
    NullProgress unwatched; // edges() is not cancelled: it ends with the passes
    runSlices(passes.size(), threads, unwatched,
              [&](std::size_t slice, std::size_t begin, std::size_t end, SliceControl &) {
                  PairTable table;
                  for (std::size_t i = begin; i < end; ++i)
                      countPass(table, passes[i].first, passes[i].second, plan, minWeight,
                                found[slice]);
              });

    std::vector<CoEdge> result = std::move(found.front());
    for (std::size_t slice = 1; slice < found.size(); ++slice)
        result.insert(result.end(), found[slice].begin(), found[slice].end());
    return sortedEdges(std::move(result));
}

std::vector<CoEdge> CoordinationNetworkBuilder::sortedEdges(std::vector<CoEdge> edges)
{
    std::sort(edges.begin(), edges.end(), [](const CoEdge &a, const CoEdge &b) {
        return std::tie(a.source, a.target) < std::tie(b.source, b.target);
    });
    return edges;
}

} // namespace chorus
