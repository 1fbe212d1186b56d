#include "analysis/AccountFactsLoader.h"

#include "analysis/CoActionExtractor.h"

#include <algorithm>
#include <unordered_map>

namespace chorus {

std::vector<AccountFacts> loadAccountFacts(const Database &db, int topClusters)
{
    std::vector<AccountFacts> accounts;
    std::unordered_map<std::int64_t, std::size_t> index;
    Statement profile =
        db.prepare("SELECT id, platform_id, coalesce(handle, ''), coalesce(display_name, ''), "
                   "coalesce(bio, ''), created_at FROM accounts ORDER BY id");
    while (profile.step()) {
        AccountFacts a;
        a.id = profile.int64(0);
        a.platformId = profile.text(1);
        a.handle = profile.text(2);
        a.displayName = profile.text(3);
        a.bio = profile.text(4);
        a.hasCreatedAt = !profile.isNull(5);
        a.createdAt = a.hasCreatedAt ? profile.int64(5) : 0;
        index.emplace(a.id, accounts.size());
        accounts.push_back(std::move(a));
    }
    auto find = [&](std::int64_t id) -> AccountFacts * {
        const auto it = index.find(id);
        return it == index.end() ? nullptr : &accounts[it->second];
    };
    Statement posts =
        db.prepare("SELECT account_id, count(*), sum(kind = 'repost'), min(created_at), "
                   "max(created_at) FROM posts GROUP BY account_id");
    while (posts.step())
        if (AccountFacts *a = find(posts.int64(0))) {
            a->posts = posts.int64(1);
            a->reposts = posts.int64(2);
            a->firstPostAt = posts.int64(3);
            a->lastPostAt = posts.int64(4);
        }
    Statement hours =
        db.prepare("SELECT account_id, ((created_at % 86400) + 86400) % 86400 / 3600, count(*) "
                   "FROM posts GROUP BY 1, 2");
    while (hours.step())
        if (AccountFacts *a = find(hours.int64(0)))
            a->hours[std::size_t(std::clamp<std::int64_t>(hours.int64(1), 0, 23))] =
                std::uint32_t(hours.int64(2));
    const std::int64_t clustersRun = CoActionExtractor::latestClustersRun(db);
    if (clustersRun > 0) {
        Statement clusters = db.prepare(
            "SELECT p.account_id, count(DISTINCT m.cluster_id) FROM cluster_members m "
            "JOIN (SELECT id FROM clusters WHERE run_id = ?1 ORDER BY score DESC, number LIMIT ?2) "
            "c "
            "ON c.id = m.cluster_id JOIN posts p ON p.id = m.post_id GROUP BY p.account_id");
        clusters.bind(1, clustersRun).bind(2, topClusters);
        while (clusters.step())
            if (AccountFacts *a = find(clusters.int64(0)))
                a->topClusters = int(clusters.int64(1));
    }
    return accounts;
}

} // namespace chorus
