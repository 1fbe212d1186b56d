#pragma once

#include "clustering/CampaignLinker.h"
#include "clustering/ClusterScorer.h"
#include "clustering/ClusteringTypes.h"
#include "common/Error.h"
#include "common/Progress.h"
#include "common/TextArena.h"
#include "store/Database.h"

#include <cstdint>
#include <string>
#include <vector>

namespace chorus {

// Moves text clustering data between the case and memory: reads the posts to cluster in one
// streaming statement, and writes a finished run (analysis_runs row, clusters, members) in
// one transaction, so a failure or a cancel leaves the case exactly as it was.
// One thread per Database connection.
class ClusterStore
{
public:
    explicit ClusterStore(const Database &db) : m_db(db) {}

    struct Input
    {
        std::vector<ClusterInputPost> posts; // ordered by post id
        TextArena texts;                     // the posts' texts and languages
        std::int64_t accounts = 0;           // distinct accounts among them
    };
    // Posts in id order; reposts only when includeReposts. Error::cancel() when cancelled.
    Result<Input> readPosts(bool includeReposts, ProgressSink &progress) const;

    struct RunRecord
    {
        ClusterParameters parameters;
        ClusteringStats stats;
        std::int64_t startedAt = 0;
        std::int64_t inputAccounts = 0;
    };
    // Writes the run and its clusters; returns the new analysis_runs id.
    Result<std::int64_t> writeRun(const RunRecord &run, const std::vector<ClusterInputPost> &posts,
                                  const std::vector<ScoredCluster> &clusters,
                                  const std::vector<CampaignLink> &campaignLinks,
                                  ProgressSink &progress) const;

    // The parameters as stored in analysis_runs.parameters.
    static std::string parametersJson(const ClusterParameters &parameters,
                                      const ClusteringStats &stats);

private:
    const Database &m_db;
};

} // namespace chorus
