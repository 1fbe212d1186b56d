#include "clustering/ClusterStore.h"
#include "store/SqlGuard.h"

#include "store/AnalysisRuns.h"
#include "store/StoredPageAnchors.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <unordered_map>

namespace chorus {

namespace {

QJsonObject normalizeJson(const NormalizeOptions &o)
{
    return QJsonObject{{QStringLiteral("nfkc"), o.nfkc},
                       {QStringLiteral("case_fold"), o.caseFold},
                       {QStringLiteral("fold_accents"), o.foldAccents},
                       {QStringLiteral("remove_retweet_prefix"), o.removeRetweetPrefix},
                       {QStringLiteral("urls_to_token"), o.urlsToToken},
                       {QStringLiteral("remove_mentions"), o.removeMentions},
                       {QStringLiteral("remove_hashtags"), o.removeHashtags},
                       {QStringLiteral("remove_emoji"), o.removeEmoji},
                       {QStringLiteral("remove_punctuation"), o.removePunctuation},
                       {QStringLiteral("collapse_whitespace"), o.collapseWhitespace}};
}

std::string summaryJson(const ClusteringStats &stats, const std::vector<ScoredCluster> &clusters)
{
    qint64 clustered = 0;
    int campaigns = 0;
    for (const ScoredCluster &c : clusters) {
        clustered += qint64(c.group.posts.size());
        campaigns = std::max(campaigns, c.campaign);
    }
    const QJsonObject summary{
        {QStringLiteral("clusters"), qint64(clusters.size())},
        {QStringLiteral("campaigns"), campaigns},
        {QStringLiteral("clustered_posts"), clustered},
        {QStringLiteral("distinct_texts"), qint64(stats.rawTexts)},
        {QStringLiteral("distinct_normalized_texts"), qint64(stats.normalizedTexts)},
        {QStringLiteral("ignored_posts"), qint64(stats.ignoredPosts)},
        {QStringLiteral("short_texts"), qint64(stats.shortTexts)},
        {QStringLiteral("candidate_pairs"), qint64(stats.candidatePairs)},
        {QStringLiteral("confirmed_pairs"), qint64(stats.confirmedPairs)}};
    return QJsonDocument(summary).toJson(QJsonDocument::Compact).toStdString();
}

} // namespace

std::string ClusterStore::parametersJson(const ClusterParameters &p, const ClusteringStats &stats)
{
    const QJsonObject object{
        {QStringLiteral("normalize"), normalizeJson(p.normalize)},
        {QStringLiteral("shingle_size"), p.shingleSize},
        {QStringLiteral("threshold"), p.threshold},
        {QStringLiteral("signature_values"), p.signatureValues},
        {QStringLiteral("banding_recall"), p.bandingRecall},
        {QStringLiteral("bands"), stats.bands},
        {QStringLiteral("rows"), stats.rows},
        {QStringLiteral("min_cluster_size"), p.minClusterSize},
        {QStringLiteral("short_text_length"), p.shortTextLength},
        {QStringLiteral("include_reposts"), p.includeReposts},
        {QStringLiteral("max_bucket_comparisons"), p.maxBucketComparisons},
        {QStringLiteral("threads"), p.threads},
        {QStringLiteral("campaigns"),
         QJsonObject{
             {QStringLiteral("min_shared_accounts"), p.campaigns.minSharedAccounts},
             {QStringLiteral("min_overlap"), p.campaigns.minOverlap},
             {QStringLiteral("max_chance_probability"), p.campaigns.maxChanceProbability}}}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

Result<ClusterStore::Input> ClusterStore::readPosts(bool includeReposts,
                                                    ProgressSink &progress) const
{
    progress.stage(Stage::ReadingPosts);
    return guardSql("cannot read posts", [&]() -> Result<ClusterStore::Input> {
        // Account creation dates first: cheaper than a join per post.
        struct AccountState
        {
            std::int64_t createdAt = 0;
            bool seen = false;
        };
        std::unordered_map<std::int64_t, AccountState> accounts;
        accounts.reserve(std::size_t(m_db.queryInt64("SELECT count(*) FROM accounts")));
        Statement accountRows = m_db.prepare("SELECT id, coalesce(created_at, 0) FROM accounts");
        while (accountRows.step())
            accounts[accountRows.int64(0)].createdAt = accountRows.int64(1);

        const std::int64_t total = m_db.queryInt64("SELECT count(*) FROM posts");
        Statement s = m_db.prepare(
            "SELECT id, account_id, created_at, text, coalesce(language, '') FROM posts "
            "WHERE ?1 OR kind <> 'repost' ORDER BY id");
        s.bind(1, includeReposts ? 1 : 0);
        Input input;
        input.posts.reserve(std::size_t(total));
        while (s.step()) {
            AccountState &account = accounts[s.int64(1)];
            if (!account.seen) {
                account.seen = true;
                ++input.accounts;
            }
            input.posts.push_back({s.int64(0), s.int64(1), s.int64(2), account.createdAt,
                                   input.texts.copy(s.textView(3)),
                                   input.texts.copy(s.textView(4))});
            if ((input.posts.size() & 8191) == 0) {
                progress.progress(std::int64_t(input.posts.size()), total);
                if (progress.isCancelled())
                    return Error::cancel();
            }
        }
        return input;
    });
}

Result<std::int64_t> ClusterStore::writeRun(const RunRecord &run,
                                            const std::vector<ClusterInputPost> &posts,
                                            const std::vector<ScoredCluster> &clusters,
                                            const std::vector<CampaignLink> &campaignLinks,
                                            ProgressSink &progress) const
{
    progress.stage(Stage::StoringClusters);
    return guardSql("cannot store the clusters", [&]() -> Result<std::int64_t> {
        Transaction transaction(m_db);
        const AnalysisRuns runs(m_db);
        const std::int64_t runId =
            runs.begin(RunKind::TextClusters, {parametersJson(run.parameters, run.stats),
                                               run.startedAt, run.stats.posts, run.inputAccounts});
        Statement insertCluster =
            m_db.prepare("INSERT INTO clusters (run_id, number, size, accounts, first_at, last_at, "
                         "busiest_share, languages, medoid_post_id, score, score_components, "
                         "campaign, geography) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
        Statement insertMember = m_db.prepare(
            "INSERT INTO cluster_members (cluster_id, post_id, similarity, created_at) "
            "VALUES (?1, ?2, ?3, ?4)");
        Statement insertAccount = m_db.prepare(
            "INSERT INTO cluster_accounts (cluster_id, account_id, posts) VALUES (?1, ?2, ?3)");
        std::int64_t written = 0;
        std::vector<std::int64_t> accounts;
        for (const ScoredCluster &c : clusters) {
            const ClusterMetrics &m = c.metrics;
            insertCluster.bind(1, runId)
                .bind(2, c.number)
                .bind(3, m.size)
                .bind(4, m.accounts)
                .bind(5, m.firstAt)
                .bind(6, m.lastAt)
                .bind(7, m.busiestShare)
                .bind(8, m.languages)
                .bind(9, posts[c.group.medoid].postId)
                .bind(10, c.score)
                .bind(11, componentsToJson(c.components))
                .bind(12, c.campaign > 0 ? std::optional<std::int64_t>(c.campaign) : std::nullopt);
            if (m.geography)
                insertCluster.bind(13, m.geography->toJson());
            else
                insertCluster.bindNull(13);
            insertCluster.exec();
            const std::int64_t clusterId = m_db.lastInsertRowId();
            for (std::size_t i = 0; i < c.group.posts.size(); ++i) {
                const ClusterInputPost &post = posts[c.group.posts[i]];
                insertMember.bind(1, clusterId)
                    .bind(2, post.postId)
                    .bind(3, c.group.similarity[i])
                    .bind(4, post.createdAt)
                    .exec();
                if ((++written & 4095) == 0 && progress.isCancelled())
                    return Error::cancel(); // the transaction rolls back
            }
            // Its accounts with their posts in it (schema v18): a campaign's or cluster's
            // accounts are then read without each member post's row.
            accounts.clear();
            for (const std::size_t member : c.group.posts)
                accounts.push_back(posts[member].accountId);
            std::sort(accounts.begin(), accounts.end());
            for (auto same = accounts.begin(); same != accounts.end();) {
                const auto next = std::upper_bound(same, accounts.end(), *same);
                insertAccount.bind(1, clusterId)
                    .bind(2, *same)
                    .bind(3, std::int64_t(next - same))
                    .exec();
                same = next;
            }
            progress.progress(c.number, std::int64_t(clusters.size()));
        }
        if (progress.isCancelled())
            return Error::cancel();
        Statement insertLink = m_db.prepare(
            "INSERT INTO campaign_links (run_id, campaign, cluster_a, cluster_b, shared_accounts, "
            "smaller_accounts, overlap, expected) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        for (const CampaignLink &link : campaignLinks)
            insertLink.bind(1, runId)
                .bind(2, link.campaign)
                .bind(3, link.clusterA)
                .bind(4, link.clusterB)
                .bind(5, link.sharedAccounts)
                .bind(6, link.smallerAccounts)
                .bind(7, link.overlap)
                .bind(8, link.expected)
                .exec();
        runs.finish(runId, summaryJson(run.stats, clusters));
        transaction.commit();
        // The posts table's cluster order pages from these from the start. After the run's
        // commit and apart from it: a Cancel or a failure here leaves the run, and the anchors
        // to the next index step (textIndexComplete is false until then).
        progress.stage(Stage::IndexingViews);
        (void)storeClusterPageAnchors(m_db, runId, progress);
        return runId;
    });
}

} // namespace chorus
