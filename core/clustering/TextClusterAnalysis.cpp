#include "clustering/TextClusterAnalysis.h"

#include "clustering/CampaignLinker.h"
#include "clustering/ClusterStore.h"
#include "clustering/NearDuplicateClusterer.h"

#include <ctime>

namespace chorus {

Result<std::vector<ScoredCluster>> clusterTexts(const std::vector<ClusterInputPost> &posts,
                                                const ClusterParameters &parameters,
                                                ProgressSink &progress, ClusteringStats *stats)
{
    if (parameters.threshold <= 0.0 || parameters.threshold > 1.0)
        return Error{"the similarity threshold must be in (0, 1]"};
    if (parameters.shingleSize < 1 || parameters.shingleSize > 64)
        return Error{"the shingle size must be between 1 and 64 characters"};
    if (parameters.signatureValues < 1 || parameters.signatureValues > 1024)
        return Error{"the signature length must be between 1 and 1024"};
    NearDuplicateClusterer clusterer(parameters);
    auto groups = clusterer.run(posts, progress);
    if (stats)
        *stats = clusterer.stats();
    if (!groups)
        return groups.error();
    progress.stage(Stage::ScoringClusters);
    auto scored = scoreClusters(posts, std::move(groups).value());
    if (progress.isCancelled())
        return Error::cancel();
    return scored;
}

Result<TextClusterRunResult> runTextClusterAnalysis(const Database &db,
                                                    const ClusterParameters &parameters,
                                                    ProgressSink &progress)
{
    const std::int64_t startedAt = std::int64_t(std::time(nullptr));
    const ClusterStore store(db);
    auto input = store.readPosts(parameters.includeReposts, progress);
    if (!input)
        return input.error();
    TextClusterRunResult result;
    auto clusters = clusterTexts(input->posts, parameters, progress, &result.stats);
    if (!clusters)
        return clusters.error();
    const std::vector<CampaignLink> links =
        linkCampaigns(input->posts, input->accounts, clusters.value(), parameters.campaigns);
    const ClusterStore::RunRecord record{parameters, result.stats, startedAt, input->accounts};
    auto runId = store.writeRun(record, input->posts, clusters.value(), links, progress);
    if (!runId)
        return runId.error();
    result.runId = runId.value();
    result.clusters = std::int64_t(clusters->size());
    for (const ScoredCluster &c : clusters.value())
        result.clusteredPosts += std::int64_t(c.group.posts.size());
    return result;
}

} // namespace chorus
