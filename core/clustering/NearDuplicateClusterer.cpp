#include "clustering/NearDuplicateClusterer.h"

#include "clustering/LshIndex.h"
#include "clustering/TextItems.h"
#include "clustering/UnionFind.h"

#include <algorithm>
#include <unordered_map>

namespace chorus {

namespace {

// Medoid search looks at the most copied texts only: a group of 20,000 slightly different
// texts would otherwise cost 400 million comparisons for one label.
constexpr std::size_t MedoidCandidates = 16;
constexpr std::size_t MedoidReferences = 32;

struct ItemWeight
{
    std::uint32_t item;
    std::uint32_t posts;
};

// The text with the highest copy-weighted similarity to the group's most copied texts.
std::uint32_t medoidItem(const TextItems &items, std::vector<ItemWeight> weights)
{
    if (weights.size() == 1)
        return weights.front().item;
    std::stable_sort(weights.begin(), weights.end(),
                     [](const ItemWeight &a, const ItemWeight &b) { return a.posts > b.posts; });
    const std::size_t references = std::min(weights.size(), MedoidReferences);
    const std::size_t candidates = std::min(weights.size(), MedoidCandidates);
    std::uint32_t best = weights.front().item;
    double bestScore = -1.0;
    for (std::size_t c = 0; c < candidates; ++c) {
        double score = 0.0;
        for (std::size_t r = 0; r < references; ++r)
            score += weights[r].posts * items.similarity(weights[c].item, weights[r].item);
        if (score > bestScore || (score == bestScore && weights[c].item < best)) {
            bestScore = score;
            best = weights[c].item;
        }
    }
    return best;
}

} // namespace

NearDuplicateClusterer::NearDuplicateClusterer(ClusterParameters parameters)
    : m_parameters(std::move(parameters))
{}

Result<std::vector<TextGroup>>
NearDuplicateClusterer::run(const std::vector<ClusterInputPost> &posts, ProgressSink &progress)
{
    m_stats = {};
    m_stats.posts = std::int64_t(posts.size());
    if (posts.size() >= TextItems::None)
        return Error{"too many posts to cluster at once (at most 4 billion)"};
    const Banding banding = chooseBanding(m_parameters.threshold, m_parameters.signatureValues,
                                          m_parameters.bandingRecall);
    m_stats.bands = banding.bands;
    m_stats.rows = banding.rows;

    TextItems items;
    if (!items.build(posts, m_parameters, banding, progress, m_stats))
        return Error::cancel();
    for (std::uint32_t item = 0; item < items.size(); ++item)
        if (!items.comparable(item))
            ++m_stats.shortTexts;

    progress.stage(Stage::FindingPairs);
    UnionFind sets(items.size());
    if (!joinNearDuplicates(items, m_parameters, banding.bands, sets, progress, m_stats))
        return Error::cancel();

    progress.stage(Stage::Grouping);
    // Posts per set, then groups numbered in order of their first post.
    std::vector<std::uint32_t> postsPerRoot(items.size(), 0);
    for (std::size_t p = 0; p < posts.size(); ++p) {
        const std::uint32_t item = items.itemOfPost(p);
        if (item == TextItems::None)
            ++m_stats.ignoredPosts;
        else
            ++postsPerRoot[sets.find(item)];
    }
    const std::size_t minSize = std::size_t(std::max(m_parameters.minClusterSize, 2));
    std::vector<std::uint32_t> groupOfRoot(items.size(), TextItems::None);
    std::vector<TextGroup> groups;
    for (std::size_t p = 0; p < posts.size(); ++p) {
        const std::uint32_t item = items.itemOfPost(p);
        if (item == TextItems::None)
            continue;
        const std::uint32_t root = sets.find(item);
        if (postsPerRoot[root] < minSize)
            continue;
        if (groupOfRoot[root] == TextItems::None) {
            groupOfRoot[root] = std::uint32_t(groups.size());
            groups.emplace_back().posts.reserve(postsPerRoot[root]);
        }
        groups[groupOfRoot[root]].posts.push_back(std::uint32_t(p));
    }
    if (progress.isCancelled())
        return Error::cancel();

    // Medoid and each post's similarity to it.
    std::unordered_map<std::uint32_t, std::uint32_t> postsOfItem;
    std::unordered_map<std::uint32_t, double> similarityOfItem;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        TextGroup &group = groups[g];
        postsOfItem.clear();
        for (const std::uint32_t p : group.posts)
            ++postsOfItem[items.itemOfPost(p)];
        std::vector<ItemWeight> weights;
        for (const auto &[item, count] : postsOfItem)
            weights.push_back({item, count});
        std::sort(weights.begin(), weights.end(),
                  [](const ItemWeight &a, const ItemWeight &b) { return a.item < b.item; });
        const std::uint32_t medoid = medoidItem(items, weights);
        group.medoid = items.firstPost(medoid);
        group.distinctTexts = std::uint32_t(weights.size());
        similarityOfItem.clear();
        for (const ItemWeight &w : weights)
            similarityOfItem[w.item] = items.similarity(w.item, medoid);
        group.similarity.reserve(group.posts.size());
        for (const std::uint32_t p : group.posts)
            group.similarity.push_back(similarityOfItem[items.itemOfPost(p)]);
        if ((g & 255) == 0) {
            progress.progress(std::int64_t(g), std::int64_t(groups.size()));
            if (progress.isCancelled())
                return Error::cancel();
        }
    }
    return groups;
}

} // namespace chorus
