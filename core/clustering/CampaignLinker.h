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

// The probability that two random sets of sizeA and sizeB drawn from `population` accounts
// share at least `shared` of them (the upper tail of the hypergeometric distribution).
double chanceOfSharing(std::int64_t shared, std::int64_t sizeA, std::int64_t sizeB,
                       std::int64_t population);

// Links the clusters of one run into campaigns (connected groups of linked clusters, at least
// two clusters each), numbers the campaigns 1.. in the order of their best cluster (the
// campaign holding cluster #1 first) and sets each cluster's `campaign` (0: none). Returns
// the links. `posts` is the clustering input the clusters index into; `inputAccounts` the
// number of distinct accounts in it. Deterministic; the cost is the sum over accounts of the
// square of their cluster memberships (only pairs of clusters that share someone are seen).
std::vector<CampaignLink> linkCampaigns(const std::vector<ClusterInputPost> &posts,
                                        std::int64_t inputAccounts,
                                        std::vector<ScoredCluster> &clusters,
                                        const CampaignParameters &parameters);

} // namespace chorus
