#include "clustering/LshIndex.h"

#include "common/ParallelSlices.h"

#include <algorithm>
#include <utility>

namespace chorus {

namespace {

// Stable LSD radix sort of (key << 32 | item) entries by key, in two 16-bit passes: the items
// of one bucket keep their ascending order, and a million entries sort in milliseconds.
void sortByKey(std::vector<std::uint64_t> &entries, std::vector<std::uint64_t> &scratch)
{
    scratch.resize(entries.size());
    for (const int shift : {32, 48}) {
        std::vector<std::size_t> counts(65537, 0);
        for (const std::uint64_t e : entries)
            ++counts[((e >> shift) & 0xFFFF) + 1];
        for (std::size_t i = 1; i < counts.size(); ++i)
            counts[i] += counts[i - 1];
        for (const std::uint64_t e : entries)
            scratch[counts[(e >> shift) & 0xFFFF]++] = e;
        entries.swap(scratch);
    }
}

using Edge = std::pair<std::uint32_t, std::uint32_t>;

// One band's work: bucket the items by band key and verify candidates against a read-only
// view of the sets as they were when the round started. Confirmed pairs are returned as
// edges for the calling thread to join, so the outcome does not depend on thread timing.
class BandJoiner
{
public:
    BandJoiner(const TextItems &items, const ClusterParameters &parameters, const UnionFind &sets)
        : m_items(items), m_threshold(parameters.threshold),
          m_maxComparisons(std::size_t(std::max(parameters.maxBucketComparisons, 1))), m_sets(sets)
    {}

    // Stops early (leaving partial edges, which the caller drops) once `stop` is raised.
    void run(const std::vector<std::uint32_t> &comparable, int band, const std::atomic<bool> &stop)
    {
        m_edges.clear();
        m_candidates = 0;
        m_entries.clear();
        m_entries.reserve(comparable.size());
        for (const std::uint32_t item : comparable)
            m_entries.push_back(std::uint64_t(m_items.bandKey(item, band)) << 32 | item);
        sortByKey(m_entries, m_scratch);
        std::size_t start = 0;
        std::size_t buckets = 0;
        while (start < m_entries.size()) {
            if ((++buckets & 1023) == 0 && stop.load(std::memory_order_relaxed))
                return;
            std::size_t end = start + 1;
            while (end < m_entries.size() && (m_entries[end] >> 32) == (m_entries[start] >> 32))
                ++end;
            if (end - start > 1)
                joinBucket(m_entries.data() + start, m_entries.data() + end);
            start = end;
        }
    }

    const std::vector<Edge> &edges() const { return m_edges; }
    std::int64_t candidates() const { return m_candidates; }

private:
    // Items in ascending order, all sharing one band key. Each is compared with at most
    // m_maxComparisons earlier items ("representatives") it is not already connected to.
    void joinBucket(const std::uint64_t *begin, const std::uint64_t *end)
    {
        m_representatives.clear();
        for (const std::uint64_t *e = begin; e != end; ++e) {
            const auto item = std::uint32_t(*e);
            const std::uint32_t root = m_sets.root(item);
            bool connected = false;
            for (const std::uint32_t other : m_representatives) {
                if (m_sets.root(other) == root) {
                    connected = true;
                    continue;
                }
                ++m_candidates;
                if (m_items.sketchesMayReach(item, other) &&
                    m_items.similarAtLeast(item, other, m_threshold)) {
                    m_edges.emplace_back(other, item);
                    connected = true;
                }
            }
            if (!connected && m_representatives.size() < m_maxComparisons)
                m_representatives.push_back(item);
        }
    }

    const TextItems &m_items;
    double m_threshold;
    std::size_t m_maxComparisons;
    const UnionFind &m_sets;
    std::vector<std::uint64_t> m_entries, m_scratch;
    std::vector<std::uint32_t> m_representatives;
    std::vector<Edge> m_edges;
    std::int64_t m_candidates = 0;
};

} // namespace

bool joinNearDuplicates(const TextItems &items, const ClusterParameters &parameters, int bands,
                        UnionFind &sets, ProgressSink &progress, ClusteringStats &stats)
{
    std::vector<std::uint32_t> comparable;
    for (std::uint32_t item = 0; item < items.size(); ++item)
        if (items.comparable(item))
            comparable.push_back(item);
    // Bands are processed in rounds of one band per worker. Within a round the workers only
    // read the sets; between rounds the calling thread joins their edges in band order.
    const int workers = std::max(parameters.threads, 1);
    std::vector<BandJoiner> joiners;
    for (int w = 0; w < workers; ++w)
        joiners.emplace_back(items, parameters, sets);
    // The round's own progress is not shown (the bands done are); its Cancel is.
    CancelOnly roundProgress(progress);
    for (int first = 0; first < bands; first += workers) {
        if (progress.isCancelled())
            return false;
        progress.progress(first, bands);
        sets.flatten();
        const int round = std::min(workers, bands - first);
        // One band per worker; the calling thread polls Cancel, which stops a round within
        // about a thousand buckets instead of at its end (seconds at ten million posts).
        const bool done =
            runSlices(std::size_t(round), round, roundProgress,
                      [&](std::size_t, std::size_t begin, std::size_t end, SliceControl &control) {
                          for (std::size_t w = begin; w < end; ++w)
                              joiners[w].run(comparable, first + int(w), control.stop);
                      });
        if (!done)
            return false;
        for (int w = 0; w < round; ++w) {
            const BandJoiner &joiner = joiners[std::size_t(w)];
            stats.candidatePairs += joiner.candidates();
            stats.confirmedPairs += std::int64_t(joiner.edges().size());
            for (const Edge &edge : joiner.edges())
                sets.unite(edge.first, edge.second);
        }
    }
    progress.progress(bands, bands);
    return true;
}

} // namespace chorus
