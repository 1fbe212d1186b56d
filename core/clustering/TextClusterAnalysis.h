#pragma once

#include "clustering/ClusterScorer.h"
#include "clustering/ClusteringTypes.h"
#include "common/Error.h"
#include "common/Progress.h"
#include "store/Database.h"

#include <cstdint>
#include <vector>

namespace chorus {

// Near-duplicate text clustering, start to end. Meant to run on a worker thread with its own
// connection to the case (CaseStore::open on the same path). Stages reported: reading posts,
// normalizing texts, computing signatures, finding and verifying candidate pairs, grouping,
// scoring, storing clusters. Cancelling (ProgressSink::isCancelled) at any point returns
// Error::cancel() and leaves the case unchanged: nothing is written before the final
// transaction, which rolls back when cancelled.

struct TextClusterRunResult
{
    std::int64_t runId = 0;
    std::int64_t clusters = 0;
    std::int64_t clusteredPosts = 0;
    ClusteringStats stats;
};

Result<TextClusterRunResult> runTextClusterAnalysis(const Database &db,
                                                    const ClusterParameters &parameters,
                                                    ProgressSink &progress);

// The in-memory part (clustering and scoring) without the case file: for tests, benchmarks
// and callers with their own posts. `stats` (optional) receives what the clusterer did.
Result<std::vector<ScoredCluster>> clusterTexts(const std::vector<ClusterInputPost> &posts,
                                                const ClusterParameters &parameters,
                                                ProgressSink &progress,
                                                ClusteringStats *stats = nullptr,
                                                const GeographyOf &geographyOf = {});

} // namespace chorus
