#include "clustering/TextClusterAnalysis.h"

#include "clustering/CampaignLinker.h"
#include "clustering/ClusterStore.h"
#include "clustering/NearDuplicateClusterer.h"
#include "common/MemoryBudget.h"
#include "geo/AccountLocations.h"
#include "store/CancelWatch.h"
#include "store/PostFacets.h"
#include "store/SqlGuard.h"

#include <future>
#include <set>
#include <system_error>
#include <unordered_map>

#include <ctime>

namespace chorus {

Result<std::vector<ScoredCluster>> clusterTexts(const std::vector<ClusterInputPost> &posts,
                                                const ClusterParameters &parameters,
                                                ProgressSink &progress, ClusteringStats *stats,
                                                const GeographyOf &geographyOf)
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
    auto scored = scoreClusters(posts, std::move(groups).value(), geographyOf);
    if (progress.isCancelled())
        return Error::cancel();
    return scored;
}

namespace {

// Memory of a clustering run, measured (docs/performance.md): about 800 bytes per post to
// cluster (texts, signatures, candidate pairs: 676 MB for 828,548 posts, 6.1 GB for 8.3M)
// above a base of 128 MiB (the program, the gazetteer).
constexpr std::uint64_t BytesPerPost = 800;
constexpr std::uint64_t BaseBytes = std::uint64_t(128) << 20;

// An Error when the run would need more than its memory budget; checked before anything large
// is allocated, so the run stops with a message and the case as it was.
Result<bool> checkMemory(const Database &db, const ClusterParameters &parameters)
{
    return guardSql("estimating the memory needed", [&]() -> Result<bool> {
        std::int64_t posts = db.queryInt64("SELECT count(*) FROM posts");
        if (!parameters.includeReposts)
            posts -= facetCount(db, "repost", "", false); // no index on kind needed
        const std::uint64_t needed =
            BaseBytes + std::uint64_t(std::max<std::int64_t>(posts, 0)) * BytesPerPost;
        const MemoryBudget budget = MemoryBudget::orStandard(parameters.memoryBudgetMegabytes);
        if (needed <= budget.bytes)
            return true;
        return Error{"clustering " + std::to_string(posts) + " posts needs about " +
                     formatMemory(needed) + " of memory, more than the budget of " +
                     formatMemory(budget.bytes) +
                     " (half of this machine's memory unless CHORUS_MEMORY_BUDGET or "
                     "--memory-budget, in MiB, says otherwise); nothing was changed"};
    });
}

} // namespace

Result<TextClusterRunResult> runTextClusterAnalysis(const Database &db,
                                                    const ClusterParameters &parameters,
                                                    ProgressSink &progress)
{
    const std::int64_t startedAt = std::int64_t(std::time(nullptr));
    if (auto fits = checkMemory(db, parameters); !fits)
        return fits.error();
    const ClusterStore store(db);
    // The gazetteer loads (about a second) on the other core while the posts are read.
    std::future<Result<std::shared_ptr<const Gazetteer>>> gazetteerLoad;
    try {
        gazetteerLoad = std::async(std::launch::async, [] { return Gazetteer::standard(); });
    } catch (const std::system_error &) {
        gazetteerLoad = std::async(std::launch::deferred, [] { return Gazetteer::standard(); });
    }
    auto input = store.readPosts(parameters.includeReposts, progress);
    if (!input)
        return input.error();
    TextClusterRunResult result;
    // Where the accounts say they are, for each cluster's geography (resolved once per case
    // and gazetteer version). Without an installed gazetteer clusters get no geography.
    std::unordered_map<std::int64_t, ResolvedLocation> locations;
    std::shared_ptr<const Gazetteer> gazetteer;
    if (auto standard = gazetteerLoad.get()) {
        gazetteer = standard.value();
        const LocationResolver resolver(gazetteer);
        const AccountLocations accounts(db, resolver);
        if (auto resolved = accounts.resolveAll(progress); !resolved)
            return resolved.error();
        // Half a million accounts' places at ten million posts: about 1.5 s, which Cancel stops.
        auto all = [&] {
            const CancelWatch watch(db, progress);
            return accounts.accounts();
        }();
        if (!all)
            return interruptedByCancel(std::move(all), progress).error();
        for (AccountLocation &a : all.value())
            if (a.resolved.granularity != Granularity::None)
                locations.emplace(a.accountId, std::move(a.resolved));
    }
    const std::vector<ClusterInputPost> &posts = input->posts;
    GeographyOf geographyOf;
    if (gazetteer)
        geographyOf = [&](const TextGroup &group) -> std::optional<ClusterGeography> {
            // The representative text first, then up to 20 other distinct texts.
            std::vector<std::string> texts{std::string(posts[group.medoid].text)};
            std::set<std::string> seenTexts{texts.front()};
            std::set<std::int64_t> seenAccounts;
            std::vector<const ResolvedLocation *> located;
            for (std::uint32_t i : group.posts) {
                if (texts.size() < 21 && seenTexts.emplace(posts[i].text).second)
                    texts.emplace_back(posts[i].text);
                if (seenAccounts.insert(posts[i].accountId).second)
                    if (const auto it = locations.find(posts[i].accountId); it != locations.end())
                        located.push_back(&it->second);
            }
            return describeClusterGeography(*gazetteer, texts, located);
        };
    auto clusters = clusterTexts(input->posts, parameters, progress, &result.stats, geographyOf);
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
