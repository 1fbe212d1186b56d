#pragma once

#include "clustering/ClusteringTypes.h"
#include "common/Error.h"
#include "common/Progress.h"

#include <vector>

namespace chorus {

// Finds groups of posts whose texts are exact or near copies: pure computation on memory, no
// SQL, so it is unit-tested directly and benchmarked without a case file.
//
// 1. Exact copies are merged first (as imported, then after normalisation): a campaign's
//    thousand identical texts are one item from then on.
// 2. Per distinct text, on `threads` workers: character shingles, a MinHash signature and
//    its LSH band keys. Each worker fills its own slice, so the result never depends on
//    scheduling.
// 3. Texts that share a band key are candidates; a candidate pair whose 8-bit MinHash sketches
//    already rule it out is dropped, the others are confirmed by the exact Jaccard similarity
//    of their shingle sets and joined in a union-find. Bands and buckets are walked in a fixed
//    order and joins happen in band order, so the same input and parameters always give the
//    same groups.
// 4. Groups are the connected components with at least minClusterSize posts; the medoid is
//    the text most similar to the rest (weighted by copies).
//
// Called on one thread (it starts its own workers); reports stages and progress to
// `progress` from the calling thread only; returns Error::cancel() when cancelled.
class NearDuplicateClusterer
{
public:
    explicit NearDuplicateClusterer(ClusterParameters parameters);

    Result<std::vector<TextGroup>> run(const std::vector<ClusterInputPost> &posts,
                                       ProgressSink &progress);
    const ClusteringStats &stats() const { return m_stats; }

private:
    ClusterParameters m_parameters;
    ClusteringStats m_stats;
};

} // namespace chorus
