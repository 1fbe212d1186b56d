#pragma once

#include "clustering/ClusterScorer.h"

#include <cstdint>
#include <vector>

namespace chorus {

// The evidence for one link between two clusters of a campaign.
struct CampaignLink
{
    int campaign = 0;
    int clusterA = 0; // cluster numbers, clusterA < clusterB
    int clusterB = 0;
    std::int64_t sharedAccounts = 0;
    std::int64_t smallerAccounts = 0; // accounts of the smaller cluster
    double overlap = 0;               // sharedAccounts / smallerAccounts
    double expected = 0;              // shared accounts expected by chance
};

// Links the clusters of one run into campaigns (connected groups of linked clusters, at least
// two clusters each), numbers the campaigns 1.. in the order of their best cluster (the
// campaign holding cluster #1 first) and sets each cluster's `campaign` (0: none). Returns
// the links. `posts` is the clustering input the clusters index into; `inputAccounts` the
// number of distinct accounts in it. Deterministic; cost grows with the accounts' cluster
// memberships, not with the square of the clusters.
std::vector<CampaignLink> linkCampaigns(const std::vector<ClusterInputPost> &posts,
                                        std::int64_t inputAccounts,
                                        std::vector<ScoredCluster> &clusters,
                                        const CampaignParameters &parameters);

} // namespace chorus
