#pragma once

#include "clustering/ClusteringTypes.h"
#include "clustering/TextItems.h"
#include "clustering/UnionFind.h"
#include "common/Progress.h"

namespace chorus {

// Locality-sensitive hashing over the band keys of TextItems: items sharing a key in any band
// are candidates, and a candidate pair joins the union-find only when its exact Jaccard
// similarity reaches the threshold. Inside a bucket an item is checked against at most
// maxBucketComparisons earlier items that are not yet connected to it: a bucket of 100,000
// variants of one campaign costs 100,000 root look-ups, not 5 billion comparisons.
//
// Bands run on `threads` workers, one band each per round, against the sets as they stood at
// the start of the round; the calling thread joins the confirmed pairs in band order. So the
// result depends on the thread count (a little: which pairs get checked) but never on timing.
// Returns false when cancelled.
bool joinNearDuplicates(const TextItems &items, const ClusterParameters &parameters, int bands,
                        UnionFind &sets, ProgressSink &progress, ClusteringStats &stats);

} // namespace chorus
