#include "query/AccountQueries.h"
#include "store/SqlGuard.h"

#include "query/PostQueries.h"
#include "store/AnalysisRuns.h"
#include "store/CaseStore.h"

namespace chorus {

Result<AccountProfile> AccountQueries::profile(std::int64_t accountId) const
{
    return guardSql("reading an account", [&]() -> Result<AccountProfile> {
        Statement query = m_store.db().prepare(
            "SELECT id, platform, platform_id, coalesce(handle, ''), coalesce(display_name, ''), "
            "coalesce(location, ''), coalesce(bio, ''), coalesce(language, ''), created_at, "
            "followers, following, post_count FROM accounts WHERE id = ?");
        query.bind(1, accountId);
        if (!query.step())
            return Error{"no account with id " + std::to_string(accountId)};
        AccountProfile a;
        a.id = query.int64(0);
        a.platform = query.text(1);
        a.platformId = query.text(2);
        a.handle = query.text(3);
        a.displayName = query.text(4);
        a.location = query.text(5);
        a.bio = query.text(6);
        a.language = query.text(7);
        a.createdAt = query.optionalInt64(8);
        a.followers = query.optionalInt64(9);
        a.following = query.optionalInt64(10);
        a.postCount = query.optionalInt64(11);
        Statement activity = m_store.db().prepare(
            "SELECT count(*), coalesce(min(created_at), 0), coalesce(max(created_at), 0) "
            "FROM posts WHERE account_id = ?");
        activity.bind(1, accountId);
        activity.step();
        a.postsInCase = activity.int64(0);
        a.firstPostAt = activity.int64(1);
        a.lastPostAt = activity.int64(2);
        return a;
    });
}

Result<std::int64_t> AccountQueries::find(const std::string &handleOrId) const
{
    return guardSql("finding an account", [&]() -> Result<std::int64_t> {
        Statement query = m_store.db().prepare(
            "SELECT id FROM accounts WHERE handle = ?1 OR platform_id = ?1 ORDER BY id LIMIT 1");
        query.bind(1, handleOrId);
        return query.step() ? query.int64(0) : std::int64_t(0);
    });
}

Result<std::vector<AccountCluster>> AccountQueries::clusters(std::int64_t accountId) const
{
    return guardSql("reading an account's clusters", [&]() -> Result<std::vector<AccountCluster>> {
        Statement query = m_store.db().prepare(
            "SELECT c.id, c.number, c.score, count(*) FROM posts p "
            "JOIN cluster_members m ON m.post_id = p.id JOIN clusters c ON c.id = m.cluster_id "
            "WHERE p.account_id = ? AND c.run_id = ? GROUP BY c.id ORDER BY c.score DESC");
        query.bind(1, accountId)
            .bind(2, AnalysisRuns(m_store.db()).latest(RunKind::TextClusters).value_or(0));
        std::vector<AccountCluster> result;
        while (query.step())
            result.push_back({query.int64(0), query.int64(1), query.real(2), query.int64(3)});
        return result;
    });
}

} // namespace chorus
