#include "query/ClusterQueries.h"

#include "store/CaseStore.h"
#include "store/SqlGuard.h"

#include <map>
#include <string_view>
#include <utility>

namespace chorus {

namespace {

constexpr const char *ClusterColumns =
    "SELECT c.id, c.run_id, c.number, c.size, c.accounts, c.first_at, c.last_at, "
    "c.busiest_share, coalesce(c.languages, ''), coalesce(c.medoid_post_id, 0), "
    "coalesce(p.text, ''), c.score, coalesce(c.score_components, '[]'), coalesce(c.campaign, 0), "
    "coalesce(c.geography, '') FROM clusters c LEFT JOIN posts p ON p.id = c.medoid_post_id ";

ClusterInfo readCluster(const Statement &s)
{
    ClusterInfo c;
    c.id = s.int64(0);
    c.runId = s.int64(1);
    c.number = int(s.int64(2));
    c.size = s.int64(3);
    c.accounts = s.int64(4);
    c.firstAt = s.int64(5);
    c.lastAt = s.int64(6);
    c.busiestShare = s.real(7);
    c.languages = s.text(8);
    c.medoidPostId = s.int64(9);
    c.representativeText = s.text(10);
    c.score = s.real(11);
    c.components = componentsFromJson(s.text(12));
    c.campaign = int(s.int64(13));
    if (const std::string geography = s.text(14); !geography.empty())
        c.geography = ClusterGeography::fromJson(geography);
    return c;
}

template <typename Bind>
Result<std::vector<ClusterInfo>> queryClusters(const Database &db, const std::string &sql,
                                               Bind bind)
{
    return queryRows(db, sql, "cannot read clusters", bind, readCluster);
}

} // namespace

Result<std::vector<AnalysisRunInfo>> ClusterQueries::runs() const
{
    return guardSql("cannot read analysis runs", [&]() -> Result<std::vector<AnalysisRunInfo>> {
        return AnalysisRuns(m_store.db()).runs(RunKind::TextClusters);
    });
}

Result<std::optional<std::int64_t>> ClusterQueries::latestRun() const
{
    return guardSql("cannot read analysis runs", [&]() -> Result<std::optional<std::int64_t>> {
        return AnalysisRuns(m_store.db()).latest(RunKind::TextClusters);
    });
}

Result<std::vector<ClusterInfo>> ClusterQueries::clusters(std::int64_t runId, int limit) const
{
    return queryClusters(m_store.db(),
                         std::string(ClusterColumns) +
                             "WHERE c.run_id = ?1 ORDER BY c.number LIMIT ?2",
                         [&](Statement &s) { s.bind(1, runId).bind(2, limit < 0 ? -1 : limit); });
}

Result<ClusterInfo> ClusterQueries::cluster(std::int64_t clusterId) const
{
    auto clusters = queryClusters(m_store.db(), std::string(ClusterColumns) + "WHERE c.id = ?1",
                                  [&](Statement &s) { s.bind(1, clusterId); });
    if (!clusters)
        return clusters.error();
    if (clusters->empty())
        return Error{"no cluster " + std::to_string(clusterId)};
    return clusters->front();
}

Result<std::vector<ClusterMemberInfo>> ClusterQueries::members(std::int64_t clusterId) const
{
    return queryRows(
        m_store.db(),
        "SELECT p.id, p.platform_id, p.account_id, coalesce(a.handle, ''), p.created_at, "
        "coalesce(m.similarity, 0), p.text FROM cluster_members m "
        "JOIN posts p ON p.id = m.post_id JOIN accounts a ON a.id = p.account_id "
        "WHERE m.cluster_id = ?1 ORDER BY p.created_at, p.id",
        "cannot read cluster members", [&](Statement &s) { s.bind(1, clusterId); },
        [](const Statement &s) {
            return ClusterMemberInfo{s.int64(0), s.text(1), s.int64(2), s.text(3),
                                     s.int64(4), s.real(5), s.text(6)};
        });
}

Result<std::vector<ClusterAccountInfo>> ClusterQueries::accounts(std::int64_t clusterId) const
{
    return queryRows(
        m_store.db(),
        "SELECT m.account_id, coalesce(a.handle, ''), m.posts FROM cluster_accounts m "
        "JOIN accounts a ON a.id = m.account_id "
        "WHERE m.cluster_id = ?1 ORDER BY m.posts DESC, m.account_id",
        "cannot read cluster accounts", [&](Statement &s) { s.bind(1, clusterId); },
        [](const Statement &s) {
            return ClusterAccountInfo{s.int64(0), s.text(1), s.int64(2)};
        });
}

Result<std::vector<ClusterInfo>> ClusterQueries::ofPost(std::int64_t runId,
                                                        std::int64_t postId) const
{
    return queryClusters(
        m_store.db(),
        std::string(ClusterColumns) +
            "WHERE c.run_id = ?1 AND c.id IN (SELECT cluster_id FROM cluster_members "
            "WHERE post_id = ?2) ORDER BY c.number",
        [&](Statement &s) { s.bind(1, runId).bind(2, postId); });
}

Result<std::vector<ClusterInfo>> ClusterQueries::ofAccount(std::int64_t runId,
                                                           std::int64_t accountId) const
{
    return queryClusters(m_store.db(),
                         std::string(ClusterColumns) +
                             "WHERE c.run_id = ?1 AND c.id IN (SELECT m.cluster_id FROM posts q "
                             "JOIN cluster_members m ON m.post_id = q.id WHERE q.account_id = ?2) "
                             "ORDER BY c.number",
                         [&](Statement &s) { s.bind(1, runId).bind(2, accountId); });
}

Result<std::vector<CampaignInfo>> ClusterQueries::campaigns(std::int64_t runId) const
{
    return guardSql("cannot read campaigns", [&]() -> Result<std::vector<CampaignInfo>> {
        const Database &db = m_store.db();
        std::vector<CampaignInfo> campaigns;
        Statement totals = db.prepare(
            "SELECT c.campaign, count(*), count(DISTINCT p.account_id), min(p.created_at), "
            "max(p.created_at) FROM clusters c JOIN cluster_members m ON m.cluster_id = c.id "
            "JOIN posts p ON p.id = m.post_id WHERE c.run_id = ?1 AND c.campaign IS NOT NULL "
            "GROUP BY c.campaign ORDER BY c.campaign");
        totals.bind(1, runId);
        std::map<int, std::size_t> index;
        while (totals.step()) {
            CampaignInfo campaign;
            campaign.id = int(totals.int64(0));
            campaign.posts = totals.int64(1);
            campaign.accounts = totals.int64(2);
            campaign.firstAt = totals.int64(3);
            campaign.lastAt = totals.int64(4);
            index[campaign.id] = campaigns.size();
            campaigns.push_back(std::move(campaign));
        }
        Statement clusters = db.prepare(
            "SELECT campaign, number, score FROM clusters WHERE run_id = ?1 AND campaign IS NOT "
            "NULL ORDER BY campaign, number");
        clusters.bind(1, runId);
        while (clusters.step())
            if (const auto it = index.find(int(clusters.int64(0))); it != index.end()) {
                campaigns[it->second].clusters.push_back(int(clusters.int64(1)));
                campaigns[it->second].score += clusters.real(2);
            }
        Statement languages = db.prepare(
            "SELECT c.campaign, coalesce(nullif(p.language, ''), 'und') AS lang, count(*) AS n "
            "FROM clusters c JOIN cluster_members m ON m.cluster_id = c.id "
            "JOIN posts p ON p.id = m.post_id WHERE c.run_id = ?1 AND c.campaign IS NOT NULL "
            "GROUP BY c.campaign, lang ORDER BY c.campaign, n DESC, lang");
        languages.bind(1, runId);
        while (languages.step())
            if (const auto it = index.find(int(languages.int64(0))); it != index.end())
                campaigns[it->second].languages.emplace_back(languages.text(1), languages.int64(2));
        Statement links = db.prepare(
            "SELECT campaign, cluster_a, cluster_b, shared_accounts, smaller_accounts, overlap, "
            "expected FROM campaign_links WHERE run_id = ?1 ORDER BY campaign, cluster_a, "
            "cluster_b");
        links.bind(1, runId);
        while (links.step())
            if (const auto it = index.find(int(links.int64(0))); it != index.end())
                campaigns[it->second].links.push_back(
                    {int(links.int64(0)), int(links.int64(1)), int(links.int64(2)), links.int64(3),
                     links.int64(4), links.real(5), links.real(6)});
        return campaigns;
    });
}

Status ClusterQueries::deleteRun(std::int64_t runId) const
{
    return guardSql("cannot delete the run", [&]() -> Status {
        AnalysisRuns(m_store.db()).remove(runId);
        return {};
    });
}

Result<std::vector<ClusterInfo>> ClusterQueries::chosen(std::int64_t clusterId, int number,
                                                        int campaign) const
{
    if (clusterId > 0) {
        // By id, in whatever run it belongs to (the GUI's selection may predate a re-run).
        auto c = cluster(clusterId);
        if (!c)
            return c.error();
        return std::vector<ClusterInfo>{c.value()};
    }
    auto latest = latestRun();
    if (!latest)
        return latest.error();
    if (!latest.value())
        return Error{"the case has no clustering run yet (run 'chorus-cli analyze')"};
    auto all = clusters(*latest.value());
    if (!all)
        return all.error();
    std::vector<ClusterInfo> picked;
    for (ClusterInfo &c : all.value())
        if ((number > 0 && c.number == number) || (campaign > 0 && c.campaign == campaign))
            picked.push_back(std::move(c));
    if (picked.empty())
        return Error{number > 0 ? "no cluster " + std::to_string(number) + " in the latest run"
                                : "no campaign " + std::to_string(campaign) + " in the latest run"};
    return picked;
}

} // namespace chorus
