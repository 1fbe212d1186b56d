#include "signals/AccountFactsLoader.h"

#include "store/AnalysisRuns.h"

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
    // One sequential pass over the posts table: far cheaper than GROUP BY queries, which
    // sort or jump through the index for every post.
    Statement posts = db.prepare("SELECT account_id, created_at, kind = 'repost' FROM posts");
    AccountFacts *last = nullptr;
    std::int64_t lastId = -1;
    while (posts.step()) {
        const std::int64_t id = posts.int64(0);
        if (id != lastId) {
            last = find(id);
            lastId = id;
        }
        if (!last)
            continue;
        const std::int64_t t = posts.int64(1);
        if (last->posts == 0 || t < last->firstPostAt)
            last->firstPostAt = t;
        if (last->posts == 0 || t > last->lastPostAt)
            last->lastPostAt = t;
        ++last->posts;
        last->reposts += posts.int64(2);
        ++last->hours[std::size_t(((t % 86400) + 86400) % 86400 / 3600)];
    }
    if (const auto clustersRun = AnalysisRuns(db).latest(RunKind::TextClusters)) {
        Statement clusters = db.prepare(
            "SELECT p.account_id, count(DISTINCT m.cluster_id) FROM cluster_members m "
            "JOIN (SELECT id FROM clusters WHERE run_id = ?1 ORDER BY score DESC, number LIMIT ?2) "
            "c "
            "ON c.id = m.cluster_id JOIN posts p ON p.id = m.post_id GROUP BY p.account_id");
        clusters.bind(1, *clustersRun).bind(2, topClusters);
        while (clusters.step())
            if (AccountFacts *a = find(clusters.int64(0)))
                a->topClusters = int(clusters.int64(1));
    }
    return accounts;
}

} // namespace chorus
