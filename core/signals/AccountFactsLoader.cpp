#include "signals/AccountFactsLoader.h"

#include "geo/ClusterGeography.h"
#include "store/AnalysisRuns.h"

#include <climits>
#include <cmath>
#include <cstdint>
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
    // Account ids are rowids, nearly always dense: then an array finds an account by its id
    // in one step where the hash map took several cache misses, once per post below (half
    // of this function's time on a million posts).
    std::vector<std::uint32_t> byId; // accounts index + 1; 0 = no such account
    const std::int64_t maxId = accounts.empty() ? 0 : accounts.back().id;
    if (!accounts.empty() && accounts.front().id >= 0 &&
        maxId <= std::int64_t(accounts.size()) * 4 + 1024 && accounts.size() < UINT32_MAX) {
        byId.assign(std::size_t(maxId) + 1, 0);
        for (std::size_t i = 0; i < accounts.size(); ++i)
            byId[std::size_t(accounts[i].id)] = std::uint32_t(i + 1);
    }
    auto find = [&](std::int64_t id) -> AccountFacts * {
        if (!byId.empty()) {
            if (id < 0 || id > maxId || byId[std::size_t(id)] == 0)
                return nullptr;
            return &accounts[byId[std::size_t(id)] - 1];
        }
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
            "SELECT m.account_id, count(*) FROM cluster_accounts m "
            "JOIN (SELECT id FROM clusters WHERE run_id = ?1 ORDER BY score DESC, number LIMIT ?2) "
            "c ON c.id = m.cluster_id GROUP BY m.account_id");
        clusters.bind(1, *clustersRun).bind(2, topClusters);
        while (clusters.step())
            if (AccountFacts *a = find(clusters.int64(0)))
                a->topClusters = int(clusters.int64(1));
        // Accounts that claim to be far from the place a flagged cluster's text names.
        Statement flagged = db.prepare("SELECT id, number, geography FROM clusters WHERE run_id = "
                                       "?1 AND geography IS NOT NULL ORDER BY number");
        flagged.bind(1, *clustersRun);
        Statement members = db.prepare(
            "SELECT m.account_id, coalesce(r.country, ''), coalesce(r.admin1, ''), "
            "coalesce(r.city, ''), r.lat, r.lon, r.granularity, a.location "
            "FROM cluster_accounts m JOIN accounts a ON a.id = m.account_id "
            "JOIN location_resolutions r ON r.text = a.location WHERE m.cluster_id = ?1");
        while (flagged.step()) {
            const auto geography = ClusterGeography::fromJson(flagged.text(2));
            if (!geography || !geography->placeMismatch || geography->textPlaces.empty())
                continue;
            const TextPlace &named = geography->textPlaces.front();
            members.bind(1, flagged.int64(0));
            while (members.step()) {
                ResolvedLocation claimed;
                claimed.country = members.text(1);
                claimed.admin1 = members.text(2);
                claimed.city = members.text(3);
                claimed.lat = members.optionalReal(4);
                claimed.lon = members.optionalReal(5);
                claimed.granularity = granularityFromName(members.text(6));
                AccountFacts *a = find(members.int64(0));
                if (!a || !isFarFrom(claimed, geography->textPlaces))
                    continue;
                if (++a->farFromTopicClusters == 1) {
                    std::string distance;
                    if (claimed.lat && claimed.lon)
                        distance = ", " +
                                   std::to_string(std::lround(Gazetteer::distanceKm(
                                       *claimed.lat, *claimed.lon, named.lat, named.lon))) +
                                   " km away";
                    a->farFromTopic = "claims \"" + members.text(7) + "\" (" +
                                      (claimed.city.empty() ? claimed.admin1 : claimed.city) +
                                      (claimed.city.empty() && claimed.admin1.empty() ? "" : ", ") +
                                      claimed.country + ") and posted in cluster #" +
                                      std::to_string(flagged.int64(1)) + ", whose text names " +
                                      named.name + ", " + named.country + distance;
                }
            }
            members.reset();
        }
    }
    return accounts;
}

} // namespace chorus
