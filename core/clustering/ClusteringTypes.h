#pragma once

#include "text/TextNormalizer.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chorus {

// One post as the clusterer sees it; read from the case by ClusterStore, or built by tests.
struct ClusterInputPost
{
    std::int64_t postId = 0;
    std::int64_t accountId = 0;
    std::int64_t createdAt = 0;        // UTC epoch seconds
    std::int64_t accountCreatedAt = 0; // 0 when the platform did not say
    // Views into storage that outlives the run (ClusterStore::Input's arena when read from a
    // case): one allocation per post would cost memory and, at ten million posts, most of a
    // second to free.
    std::string_view text;     // UTF-8, as imported
    std::string_view language; // empty when unknown
};

// When two clusters belong to one operation: they share accounts beyond chance. An English
// and a French flood posted by the same burst-created accounts share most of them; two
// organic duplicates ("Good morning everyone") share a few ordinary accounts by chance.
struct CampaignParameters
{
    // At least this many accounts posted in both clusters ...
    int minSharedAccounts = 5;
    // ... that is at least this share of the smaller cluster's accounts (overlap
    // coefficient |A ∩ B| / min(|A|, |B|)) ...
    double minOverlap = 0.5;
    // ... and so many that chance would give as many at most this rarely: the probability of
    // sharing at least that many accounts when |A| and |B| accounts are drawn at random from
    // all the accounts clustered (the hypergeometric tail). Unlike a ratio to the expected
    // count, this still links a campaign that makes up most of a small collection.
    double maxChanceProbability = 1e-6;
};

// Parameters of one near-duplicate clustering run; stored with the run.
struct ClusterParameters
{
    NormalizeOptions normalize;
    // Character shingle length, in code points.
    int shingleSize = 5;
    // Two texts are near copies when the Jaccard similarity of their shingle sets is at least
    // this. 0.55 was chosen by a threshold sweep on the synthetic benchmark (docs/performance.md).
    double threshold = 0.55;
    // MinHash signature length; bands x rows are chosen from it for the threshold.
    int signatureValues = 96;
    // Chance that a pair exactly at the threshold becomes a candidate (see chooseBanding()).
    // Members of a cluster are linked by many pairs, so less than 1 loses little recall and
    // saves many comparisons of unrelated texts on the same topic.
    double bandingRecall = 0.9;
    // Clusters with fewer posts are not reported.
    int minClusterSize = 2;
    // Normalised texts shorter than this (code points) only join exact copies: a few shared
    // characters say nothing about copying.
    int shortTextLength = 16;
    // Reposts are the co-repost network's business; include them only when asked.
    bool includeReposts = false;
    // Worker threads. Results never depend on timing; normalising and signatures do not depend
    // on the count either, but candidate search sees the sets as of the start of each round of
    // `threads` bands, so in huge mixed LSH buckets the count can change which pairs are
    // checked. It is stored with the run.
    int threads = 2;
    // In one LSH bucket, each text is checked against at most this many earlier, still
    // unconnected texts: a huge bucket stays linear instead of quadratic.
    int maxBucketComparisons = 8;
    // How clusters are linked into campaigns after clustering.
    CampaignParameters campaigns;
    // The job's memory budget in MiB (common/MemoryBudget); 0: the standard one. Not stored
    // with the run: it never changes the result, only whether the run can start.
    std::int64_t memoryBudgetMegabytes = 0;
};

// A group of posts whose texts are copies or near copies of each other.
struct TextGroup
{
    std::vector<std::uint32_t> posts; // indexes into the input, ascending
    std::vector<double> similarity;   // per post: Jaccard similarity to the medoid text
    std::uint32_t medoid = 0;         // index into the input of the representative post
    std::uint32_t distinctTexts = 0;  // normalised texts in the group
};

// What the clusterer did, for the run's summary and the benchmark.
struct ClusteringStats
{
    std::int64_t posts = 0;
    std::int64_t rawTexts = 0;        // distinct texts as imported
    std::int64_t normalizedTexts = 0; // distinct texts after normalisation
    std::int64_t ignoredPosts = 0;    // nothing left after normalisation (only links, mentions)
    std::int64_t shortTexts = 0;
    std::int64_t candidatePairs = 0;
    std::int64_t confirmedPairs = 0;
    int bands = 0;
    int rows = 0;
};

} // namespace chorus
