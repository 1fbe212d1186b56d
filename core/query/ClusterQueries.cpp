#include "query/ClusterQueries.h"

#include "store/SqlGuard.h"

#include <string_view>
#include <utility>

namespace chorus {

namespace {

constexpr const char *ClusterColumns =
    "SELECT c.id, c.run_id, c.number, c.size, c.accounts, c.first_at, c.last_at, "
    "c.busiest_share, coalesce(c.languages, ''), coalesce(c.medoid_post_id, 0), "
    "coalesce(p.text, ''), c.score, coalesce(c.score_components, '[]') "
    "FROM clusters c LEFT JOIN posts p ON p.id = c.medoid_post_id ";

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
    return c;
}

template <typename Bind>
Result<std::vector<ClusterInfo>> queryClusters(const Database &db, const std::string &sql,
                                               Bind bind)
{
    return queryRows(db, sql, "cannot read clusters", bind, readCluster);
}

} // namespace

Result<std::vector<AnalysisRunInfo>> clusterRuns(const Database &db)
{
    return guardSql("cannot read analysis runs", [&]() -> Result<std::vector<AnalysisRunInfo>> {
        return AnalysisRuns(db).runs(RunKind::TextClusters);
    });
}

Result<std::optional<std::int64_t>> latestClusterRun(const Database &db)
{
    return guardSql("cannot read analysis runs", [&]() -> Result<std::optional<std::int64_t>> {
        return AnalysisRuns(db).latest(RunKind::TextClusters);
    });
}

Result<std::vector<ClusterInfo>> clustersOfRun(const Database &db, std::int64_t runId, int limit)
{
    return queryClusters(
        db, std::string(ClusterColumns) + "WHERE c.run_id = ?1 ORDER BY c.number LIMIT ?2",
        [&](Statement &s) { s.bind(1, runId).bind(2, limit < 0 ? -1 : limit); });
}

Result<ClusterInfo> clusterById(const Database &db, std::int64_t clusterId)
{
    auto clusters = queryClusters(db, std::string(ClusterColumns) + "WHERE c.id = ?1",
                                  [&](Statement &s) { s.bind(1, clusterId); });
    if (!clusters)
        return clusters.error();
    if (clusters->empty())
        return Error{"no cluster " + std::to_string(clusterId)};
    return clusters->front();
}

Result<std::vector<ClusterMemberInfo>> clusterMembers(const Database &db, std::int64_t clusterId)
{
    return queryRows(
        db,
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

Result<std::vector<ClusterAccountInfo>> clusterAccounts(const Database &db, std::int64_t clusterId)
{
    return queryRows(
        db,
        "SELECT p.account_id, coalesce(a.handle, ''), count(*) AS n FROM cluster_members m "
        "JOIN posts p ON p.id = m.post_id JOIN accounts a ON a.id = p.account_id "
        "WHERE m.cluster_id = ?1 GROUP BY p.account_id ORDER BY n DESC, p.account_id",
        "cannot read cluster accounts", [&](Statement &s) { s.bind(1, clusterId); },
        [](const Statement &s) {
            return ClusterAccountInfo{s.int64(0), s.text(1), s.int64(2)};
        });
}

Result<std::vector<ClusterInfo>> clustersOfPost(const Database &db, std::int64_t runId,
                                                std::int64_t postId)
{
    return queryClusters(
        db,
        std::string(ClusterColumns) +
            "WHERE c.run_id = ?1 AND c.id IN (SELECT cluster_id FROM cluster_members "
            "WHERE post_id = ?2) ORDER BY c.number",
        [&](Statement &s) { s.bind(1, runId).bind(2, postId); });
}

Result<std::vector<ClusterInfo>> clustersOfAccount(const Database &db, std::int64_t runId,
                                                   std::int64_t accountId)
{
    return queryClusters(db,
                         std::string(ClusterColumns) +
                             "WHERE c.run_id = ?1 AND c.id IN (SELECT m.cluster_id FROM posts q "
                             "JOIN cluster_members m ON m.post_id = q.id WHERE q.account_id = ?2) "
                             "ORDER BY c.number",
                         [&](Statement &s) { s.bind(1, runId).bind(2, accountId); });
}

Status deleteClusterRun(const Database &db, std::int64_t runId)
{
    return guardSql("cannot delete the run", [&]() -> Status {
        AnalysisRuns(db).remove(runId);
        return {};
    });
}

} // namespace chorus
