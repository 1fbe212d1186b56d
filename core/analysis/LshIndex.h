#pragma once

#include "analysis/ClusteringTypes.h"
#include "analysis/TextItems.h"
#include "analysis/UnionFind.h"
#include "common/Progress.h"

namespace chorus {

// Locality-sensitive hashing over the band keys of TextItems: items sharing a key in any band
// are candidates, and a candidate pair joins the union-find only when its exact Jaccard
// similarity reaches the threshold. Bands are processed in order and each bucket in item
// order, so the joins are deterministic. Inside a bucket an item is checked against at most
// maxBucketComparisons earlier items that are not yet connected to it: a bucket of 100,000
// copies of one campaign costs 100,000 find() calls, not 5 billion comparisons.
//
// Single-threaded; returns false when cancelled.
bool joinNearDuplicates(const TextItems &items, const ClusterParameters &parameters, int bands,
                        UnionFind &sets, ProgressSink &progress, ClusteringStats &stats);

} // namespace chorus
