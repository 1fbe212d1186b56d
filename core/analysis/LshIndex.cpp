#include "analysis/LshIndex.h"

#include <algorithm>
#include <array>

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

class BucketJoiner
{
public:
    BucketJoiner(const TextItems &items, const ClusterParameters &parameters, UnionFind &sets,
                 ClusteringStats &stats)
        : m_items(items), m_threshold(parameters.threshold),
          m_maxComparisons(std::size_t(std::max(parameters.maxBucketComparisons, 1))), m_sets(sets),
          m_stats(stats)
    {}

    // One bucket: items in ascending order, all sharing one band key.
    void join(const std::uint64_t *begin, const std::uint64_t *end)
    {
        m_representatives.clear();
        for (const std::uint64_t *e = begin; e != end; ++e) {
            const auto item = std::uint32_t(*e);
            bool connected = false;
            for (const std::uint32_t other : m_representatives) {
                if (m_sets.find(other) == m_sets.find(item)) {
                    connected = true;
                    continue;
                }
                ++m_stats.candidatePairs;
                if (m_items.similarAtLeast(item, other, m_threshold)) {
                    m_sets.unite(item, other);
                    ++m_stats.confirmedPairs;
                    connected = true;
                }
            }
            if (!connected && m_representatives.size() < m_maxComparisons)
                m_representatives.push_back(item);
        }
    }

private:
    const TextItems &m_items;
    double m_threshold;
    std::size_t m_maxComparisons;
    UnionFind &m_sets;
    ClusteringStats &m_stats;
    std::vector<std::uint32_t> m_representatives;
};

} // namespace

bool joinNearDuplicates(const TextItems &items, const ClusterParameters &parameters, int bands,
                        UnionFind &sets, ProgressSink &progress, ClusteringStats &stats)
{
    std::vector<std::uint32_t> comparable;
    for (std::uint32_t item = 0; item < items.size(); ++item)
        if (items.comparable(item))
            comparable.push_back(item);
    BucketJoiner joiner(items, parameters, sets, stats);
    std::vector<std::uint64_t> entries, scratch;
    entries.reserve(comparable.size());
    for (int band = 0; band < bands; ++band) {
        if (progress.isCancelled())
            return false;
        progress.progress(band, bands);
        entries.clear();
        for (const std::uint32_t item : comparable)
            entries.push_back(std::uint64_t(items.bandKeys(item)[band]) << 32 | item);
        sortByKey(entries, scratch);
        std::size_t start = 0;
        while (start < entries.size()) {
            std::size_t stop = start + 1;
            while (stop < entries.size() && (entries[stop] >> 32) == (entries[start] >> 32))
                ++stop;
            if (stop - start > 1)
                joiner.join(entries.data() + start, entries.data() + stop);
            start = stop;
        }
    }
    progress.progress(bands, bands);
    return true;
}

} // namespace chorus
