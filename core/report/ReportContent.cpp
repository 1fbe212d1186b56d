#include "report/ReportContent.h"

#include "common/ParallelSlices.h"

#include "query/AccountQueries.h"
#include "query/NetworkQueries.h"
#include "signals/AccountSignals.h"
#include "store/AnalysisRuns.h"
#include "store/CancelWatch.h"
#include "store/CaseStore.h"
#include "store/SqlGuard.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <atomic>
#include <map>
#include <numeric>
#include <set>
#include <thread>

namespace chorus {

namespace {

// A run's stored JSON object as name = value lines, keys in order, numbers as written
// ("0.55"), nested values as compact JSON.
std::vector<ReportParameter> parametersOf(const std::string &json)
{
    std::vector<ReportParameter> parameters;
    const QJsonObject object = QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonValue value = it.value();
        QString text;
        if (value.isDouble())
            text = QString::number(value.toDouble(), 'g', 12);
        else if (value.isBool())
            text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        else if (value.isString())
            text = value.toString();
        else if (value.isNull())
            text = QStringLiteral("null");
        else
            text = QString::fromUtf8(
                value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        parameters.push_back({it.key().toStdString(), text.toStdString()});
    }
    return parameters;
}

std::optional<ReportRun> latestRun(const CaseStore &store, RunKind kind)
{
    const auto runs = AnalysisRuns(store.db()).runs(kind);
    if (runs.empty())
        return std::nullopt;
    const AnalysisRunInfo &info = runs.front();
    return ReportRun{info, AnalysisRuns::storedName(kind), parametersOf(info.parameters),
                     parametersOf(info.summary)};
}

// Distinct texts other than the representative one, the least similar first: they show how
// far the copies stray.
std::vector<ClusterMemberInfo> variantsOf(std::vector<ClusterMemberInfo> members,
                                          const std::string &representative)
{
    std::stable_sort(members.begin(), members.end(), [](const auto &a, const auto &b) {
        return a.similarity != b.similarity ? a.similarity < b.similarity : a.postId < b.postId;
    });
    std::set<std::string> seen{representative};
    std::vector<ClusterMemberInfo> variants;
    for (ClusterMemberInfo &member : members) {
        if (!seen.insert(member.text).second)
            continue;
        variants.push_back(std::move(member));
        if (int(variants.size()) == VariantsPerCluster)
            break;
    }
    return variants;
}

std::vector<ReportParameter> signalThresholds()
{
    const SignalThresholds t;
    const auto number = [](double value) { return QString::number(value, 'g', 12).toStdString(); };
    return {{"burst_day_min", number(t.burstDayMin)},
            {"burst_week_min", number(t.burstWeekMin)},
            {"burst_factor", number(t.burstFactor)},
            {"handle_digits", number(t.handleDigits)},
            {"handle_consonants", number(t.handleConsonants)},
            {"shared_name_min", number(t.sharedNameMin)},
            {"shared_bio_min", number(t.sharedBioMin)},
            {"bio_min_length", number(t.bioMinLength)},
            {"shared_factor", number(t.sharedFactor)},
            {"posts_per_day", number(t.postsPerDay)},
            {"repost_share", number(t.repostShare)},
            {"repost_min_posts", number(t.repostMinPosts)},
            {"hour_distance", number(t.hourDistance)},
            {"hour_min_posts", number(t.hourMinPosts)},
            {"top_communities", number(t.topCommunities)},
            {"community_min_size", number(t.communityMinSize)}};
}

class Assembler
{
public:
    Assembler(const CaseStore &store, std::optional<std::int64_t> networkRun)
        : m_store(store), m_networkRun(networkRun)
    {}

    Result<ReportAccount> account(std::int64_t accountId, std::int64_t postsInCluster) const
    {
        const auto profile = AccountQueries(m_store).profile(accountId);
        if (!profile)
            return profile.error();
        ReportAccount account{accountId,
                              profile->platformId,
                              profile->handle,
                              profile->createdAt,
                              profile->location,
                              postsInCluster,
                              {}};
        if (m_networkRun) {
            const auto signalRows =
                NetworkQueries(m_store).accountSignals(*m_networkRun, accountId);
            if (!signalRows)
                return signalRows.error();
            for (const AccountSignalRow &row : signalRows.value())
                account.firedSignals.push_back(row.signal);
        }
        return account;
    }

    // `stop` cancels the co-text network's layout, the longest part.
    Result<ReportCluster> cluster(const ClusterInfo &info, ProgressSink &stop) const
    {
        ReportCluster cluster{info, {}, {}, 0, 0, {}, {}, std::nullopt};
        const ClusterQueries clusters(m_store);
        const auto members = clusters.members(info.id);
        if (!members)
            return members.error();
        cluster.variants = variantsOf(members.value(), info.representativeText);
        const auto accounts = clusters.accounts(info.id);
        if (!accounts)
            return accounts.error();
        for (const ClusterAccountInfo &row : accounts.value()) {
            if (int(cluster.accounts.size()) == AccountsPerCluster) {
                ++cluster.accountsLeftOut;
                continue;
            }
            auto account = this->account(row.accountId, row.posts);
            if (!account)
                return account.error();
            cluster.accounts.push_back(std::move(account.value()));
        }
        PostFilter filter;
        filter.clusterId = info.id;
        cluster.binSeconds = chooseBinSeconds(info.span(), 60);
        auto bins = TimelineQueries(m_store).postsPerBin(filter, cluster.binSeconds);
        if (!bins)
            return bins.error();
        cluster.timeline = std::move(bins.value());
        MapSceneOptions mapOptions;
        mapOptions.clusterId = info.id;
        auto map = GeoQueries(m_store).scene(mapOptions);
        if (!map)
            return map.error();
        cluster.map = std::move(map.value());
        if (m_networkRun) {
            GraphSceneOptions graphOptions;
            graphOptions.clusterId = info.id;
            graphOptions.minWeight = 1;
            auto graph = GraphQueries(m_store).scene(graphOptions, stop);
            if (!graph && graph.error().cancelled)
                return graph.error();
            // Otherwise a network too large to draw is left out (the section says so).
            if (graph && !graph->nodes.empty())
                cluster.graph = std::move(graph.value());
        }
        return cluster;
    }

private:
    const CaseStore &m_store;
    std::optional<std::int64_t> m_networkRun;
};

// The top clusters' sections, each on a worker thread with its own connection (a cluster's
// co-text network is laid out when it is read: the bulk of the time on a large case). Workers
// take the next cluster as they finish one, the most accounts first, so that no large one is
// left to the end; the results keep the clusters' order. The calling thread counts the
// clusters done to `progress` and passes its Cancel on, to the layouts and to the SQL reads.
Result<std::vector<ReportCluster>> topClusters(const CaseStore &store,
                                               const std::vector<ClusterInfo> &clusters,
                                               std::optional<std::int64_t> networkRun,
                                               ProgressSink &progress)
{
    if (clusters.empty())
        return std::vector<ReportCluster>{};
    std::vector<std::size_t> largestFirst(clusters.size());
    std::iota(largestFirst.begin(), largestFirst.end(), std::size_t(0));
    std::stable_sort(largestFirst.begin(), largestFirst.end(), [&](std::size_t a, std::size_t b) {
        return clusters[a].accounts > clusters[b].accounts;
    });
    std::vector<std::optional<Result<ReportCluster>>> results(clusters.size());
    std::atomic<std::size_t> next{0};
    const auto work = [&](std::size_t, std::size_t, std::size_t, SliceControl &control) {
        auto connection = CaseStore::open(store.path());
        SliceStop stop(control);
        std::optional<CancelWatch> watch;
        if (connection)
            watch.emplace(connection.value()->db(), stop);
        for (std::size_t n = next++; n < clusters.size() && !stop.isCancelled(); n = next++) {
            const std::size_t i = largestFirst[n];
            if (!connection)
                results[i] = Result<ReportCluster>(connection.error());
            else
                results[i] = interruptedByCancel(
                    Assembler(*connection.value(), networkRun).cluster(clusters[i], stop), stop);
            control.done.fetch_add(1);
        }
    };
    // Each slice of runSlices is one worker here, taking clusters from `next`.
    if (!runSlices(clusters.size(), hardwareThreads(int(clusters.size())), progress, work))
        return Error::cancel();
    std::vector<ReportCluster> reported;
    for (auto &result : results) {
        if (!*result)
            return result->error();
        reported.push_back(std::move(result->value()));
    }
    return reported;
}

} // namespace

Result<ReportContent> assembleReport(const CaseStore &store, const ReportOptions &options,
                                     std::int64_t generatedAt, ProgressSink &progress)
{
    progress.stage(Stage::AssemblingReport);
    // A read that Cancel interrupted (a worker's CancelWatch) is the cancel, not a failure.
    return interruptedByCancel(
        guardSql(
            "assembling the report",
            [&]() -> Result<ReportContent> {
                ReportContent content;
                content.options = options;
                content.analyst =
                    options.analyst.empty() ? AuditTrail::defaultAnalyst() : options.analyst;
                content.generatedAt = generatedAt;
                content.chorusVersion = CHORUS_VERSION;
                const AuditTrail trail(store.db());
                content.fingerprint = trail.headHash();
                content.audit = trail.entries();
                auto summary = store.summary();
                if (!summary)
                    return summary.error();
                content.summary = std::move(summary.value());

                const auto clusterRun = latestRun(store, RunKind::TextClusters);
                const auto networkRun = latestRun(store, RunKind::Network);
                for (const auto &run : {clusterRun, networkRun})
                    if (run)
                        content.runs.push_back(*run);
                if (networkRun)
                    content.signalThresholds = signalThresholds();

                const ClusterQueries clusters(store);
                if (progress.isCancelled())
                    return Error::cancel();
                if (clusterRun) {
                    auto all = clusters.clusters(clusterRun->info.id);
                    if (!all)
                        return all.error();
                    content.clustersInRun = std::int64_t(all->size());
                    all->resize(std::min(all->size(), std::size_t(std::max(options.clusters, 0))));
                    auto top = topClusters(
                        store, all.value(),
                        networkRun ? std::optional(networkRun->info.id) : std::nullopt, progress);
                    if (!top)
                        return top.error();
                    content.clusters = std::move(top.value());
                    auto campaigns = clusters.campaigns(clusterRun->info.id);
                    if (!campaigns)
                        return campaigns.error();
                    content.campaigns = std::move(campaigns.value());
                }
                if (networkRun) {
                    // Usually drawn at the network run's stored positions: quick, so not counted.
                    CancelOnly onlyCancel(progress);
                    GraphSceneOptions networkOptions;
                    networkOptions.maxNodes = NetworkFigureNodes;
                    auto network = GraphQueries(store).scene(networkOptions, onlyCancel);
                    if (!network && network.error().cancelled)
                        return network.error();
                    if (network && !network->nodes.empty())
                        content.network = std::move(network.value());
                }
                auto annotations = Annotations(store).list();
                if (!annotations)
                    return annotations.error();
                content.annotations = std::move(annotations.value());

                std::map<std::pair<std::string, std::int64_t>, ReportAccount> byHandle;
                for (const ReportCluster &cluster : content.clusters)
                    for (const ReportAccount &account : cluster.accounts) {
                        auto [it, added] =
                            byHandle.try_emplace({account.handle, account.id}, account);
                        if (!added)
                            it->second.postsInCluster += account.postsInCluster;
                    }
                for (auto &entry : byHandle)
                    content.accounts.push_back(std::move(entry.second));
                return content;
            }),
        progress);
}

} // namespace chorus
