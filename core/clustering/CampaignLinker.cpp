#include "clustering/CampaignLinker.h"

#include "clustering/UnionFind.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <utility>

namespace chorus {

namespace {

// Each cluster's distinct accounts, sorted.
std::vector<std::vector<std::int64_t>> accountsOf(const std::vector<ClusterInputPost> &posts,
                                                  const std::vector<ScoredCluster> &clusters)
{
    std::vector<std::vector<std::int64_t>> accounts(clusters.size());
    for (std::size_t c = 0; c < clusters.size(); ++c) {
        for (std::uint32_t post : clusters[c].group.posts)
            accounts[c].push_back(posts[post].accountId);
        std::sort(accounts[c].begin(), accounts[c].end());
        accounts[c].erase(std::unique(accounts[c].begin(), accounts[c].end()), accounts[c].end());
    }
    return accounts;
}

} // namespace

std::vector<CampaignLink> linkCampaigns(const std::vector<ClusterInputPost> &posts,
                                        std::int64_t inputAccounts,
                                        std::vector<ScoredCluster> &clusters,
                                        const CampaignParameters &parameters)
{
    for (ScoredCluster &c : clusters)
        c.campaign = 0;
    const auto accounts = accountsOf(posts, clusters);
    // Shared accounts per pair of clusters, counted through each account's clusters: only
    // pairs that share someone are ever visited.
    std::unordered_map<std::int64_t, std::vector<std::uint32_t>> clustersOfAccount;
    for (std::size_t c = 0; c < clusters.size(); ++c)
        for (std::int64_t account : accounts[c])
            clustersOfAccount[account].push_back(std::uint32_t(c));
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::int64_t> shared;
    for (const auto &[account, list] : clustersOfAccount)
        for (std::size_t i = 0; i < list.size(); ++i)
            for (std::size_t j = i + 1; j < list.size(); ++j)
                ++shared[{std::min(list[i], list[j]), std::max(list[i], list[j])}];

    const double population = double(std::max<std::int64_t>(inputAccounts, 1));
    std::vector<CampaignLink> links;
    UnionFind groups(clusters.size());
    for (const auto &[pair, count] : shared) {
        const auto sizeA = std::int64_t(accounts[pair.first].size());
        const auto sizeB = std::int64_t(accounts[pair.second].size());
        const std::int64_t smaller = std::min(sizeA, sizeB);
        const double overlap = double(count) / double(smaller);
        const double expected = double(sizeA) * double(sizeB) / population;
        if (count < parameters.minSharedAccounts || overlap < parameters.minOverlap ||
            double(count) < parameters.minLift * expected)
            continue;
        groups.unite(pair.first, pair.second);
        CampaignLink link;
        link.clusterA = std::min(clusters[pair.first].number, clusters[pair.second].number);
        link.clusterB = std::max(clusters[pair.first].number, clusters[pair.second].number);
        link.sharedAccounts = count;
        link.smallerAccounts = smaller;
        link.overlap = overlap;
        link.expected = expected;
        links.push_back(link);
    }

    // Groups of two or more clusters, numbered in the order of their best cluster, so that
    // the campaign list reads in the order of the cluster list.
    std::map<std::uint32_t, std::vector<std::uint32_t>> members;
    for (std::size_t c = 0; c < clusters.size(); ++c)
        members[groups.find(std::uint32_t(c))].push_back(std::uint32_t(c));
    struct Group
    {
        int lowestNumber = 0;
        std::vector<std::uint32_t> clusters;
    };
    std::vector<Group> ranked;
    for (auto &[root, list] : members) {
        if (list.size() < 2)
            continue;
        Group g;
        g.clusters = std::move(list);
        g.lowestNumber = clusters[g.clusters.front()].number;
        for (std::uint32_t c : g.clusters)
            g.lowestNumber = std::min(g.lowestNumber, clusters[c].number);
        ranked.push_back(std::move(g));
    }
    std::sort(ranked.begin(), ranked.end(),
              [](const Group &a, const Group &b) { return a.lowestNumber < b.lowestNumber; });
    std::unordered_map<int, int> campaignOfNumber;
    for (std::size_t i = 0; i < ranked.size(); ++i)
        for (std::uint32_t c : ranked[i].clusters) {
            clusters[c].campaign = int(i + 1);
            campaignOfNumber[clusters[c].number] = int(i + 1);
        }
    for (CampaignLink &link : links)
        link.campaign = campaignOfNumber.at(link.clusterA);
    std::sort(links.begin(), links.end(), [](const CampaignLink &a, const CampaignLink &b) {
        return std::tie(a.campaign, a.clusterA, a.clusterB) <
               std::tie(b.campaign, b.clusterA, b.clusterB);
    });
    return links;
}

} // namespace chorus
