#include "clustering/CampaignLinker.h"

#include "clustering/UnionFind.h"

#include <algorithm>
#include <cmath>
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

double logChoose(double n, double k)
{
    return std::lgamma(n + 1) - std::lgamma(k + 1) - std::lgamma(n - k + 1);
}

} // namespace

double chanceOfSharing(std::int64_t shared, std::int64_t sizeA, std::int64_t sizeB,
                       std::int64_t population)
{
    population = std::max({population, sizeA, sizeB});
    const std::int64_t most = std::min(sizeA, sizeB);
    if (shared > most)
        return 0;
    if (shared <= std::max<std::int64_t>(0, sizeA + sizeB - population))
        return 1;
    // log P(X = x) = log C(A, x) + log C(N - A, B - x) - log C(N, B), summed in log space.
    const double denominator = logChoose(double(population), double(sizeB));
    double largest = -1e300;
    std::vector<double> terms;
    for (std::int64_t x = shared; x <= most; ++x) {
        if (sizeB - x > population - sizeA)
            continue;
        terms.push_back(logChoose(double(sizeA), double(x)) +
                        logChoose(double(population - sizeA), double(sizeB - x)) - denominator);
        largest = std::max(largest, terms.back());
    }
    double sum = 0;
    for (double t : terms)
        sum += std::exp(t - largest);
    return std::min(1.0, std::exp(largest) * sum);
}

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
    // Key: the two cluster indexes in one 64-bit number, lower first. The cost is the sum over
    // accounts of their clusters squared; sorted afterwards so that the links come out in a
    // fixed order.
    std::unordered_map<std::uint64_t, std::int64_t> counts;
    for (const auto &[account, list] : clustersOfAccount)
        for (std::size_t i = 0; i < list.size(); ++i)
            for (std::size_t j = i + 1; j < list.size(); ++j)
                ++counts[(std::uint64_t(std::min(list[i], list[j])) << 32) |
                         std::max(list[i], list[j])];
    std::vector<std::pair<std::pair<std::uint32_t, std::uint32_t>, std::int64_t>> shared;
    shared.reserve(counts.size());
    for (const auto &[key, count] : counts)
        shared.push_back({{std::uint32_t(key >> 32), std::uint32_t(key & 0xffffffffu)}, count});
    std::sort(shared.begin(), shared.end());

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
            chanceOfSharing(count, sizeA, sizeB, inputAccounts) > parameters.maxChanceProbability)
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
