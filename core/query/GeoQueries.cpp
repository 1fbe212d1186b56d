#include "query/GeoQueries.h"

#include "query/ClusterQueries.h"
#include "query/SqlFilter.h"
#include "store/AnalysisRuns.h"
#include "store/CaseStore.h"
#include "store/SqlGuard.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace chorus {

namespace {

std::string placeName(const std::string &city, const std::string &admin1,
                      const std::string &country)
{
    std::string name;
    for (const std::string *part : {&city, &admin1, &country})
        if (!part->empty() && (name.empty() || *part != city))
            name += (name.empty() ? "" : ", ") + *part;
    return name;
}

} // namespace

Result<MapScene> GeoQueries::scene(const MapSceneOptions &options) const
{
    // The highlighted accounts, from the cluster, campaign or group chosen.
    std::set<std::int64_t> highlight(options.accountIds.begin(), options.accountIds.end());
    std::string what;       // "cluster #7", "campaign 2", "the selected accounts"
    bool bySignals = false; // the accounts with signals fired
    if (options.clusterId > 0 || options.cluster > 0 || options.campaign > 0) {
        const ClusterQueries clusters(m_store);
        auto picked = clusters.chosen(options.clusterId, options.cluster, options.campaign);
        if (!picked)
            return picked.error();
        std::vector<std::int64_t> chosen;
        for (const ClusterInfo &c : picked.value())
            chosen.push_back(c.id);
        what = options.campaign > 0 && options.clusterId == 0
                   ? "campaign " + std::to_string(options.campaign)
                   : "cluster #" + std::to_string(picked->front().number);
        for (std::int64_t id : chosen) {
            auto accounts = clusters.accounts(id);
            if (!accounts)
                return accounts.error();
            for (const ClusterAccountInfo &a : accounts.value())
                highlight.insert(a.accountId);
        }
    } else if (options.signalled) {
        auto signalled = guardSql("reading signalled accounts", [&]() -> Result<bool> {
            const auto run = AnalysisRuns(m_store.db()).latest(RunKind::Network);
            if (!run)
                return Error{"the case has no network run yet (run 'chorus-cli network')"};
            Statement s = m_store.db().prepare(
                "SELECT DISTINCT account_id FROM account_signals WHERE run_id = ?1");
            s.bind(1, *run);
            while (s.step())
                highlight.insert(s.int64(0));
            return true;
        });
        if (!signalled)
            return signalled.error();
        bySignals = true;
    } else if (!highlight.empty()) {
        what = "the selected accounts";
    }

    return guardSql("reading account places", [&]() -> Result<MapScene> {
        MapScene scene;
        scene.highlightSet = std::int64_t(highlight.size());
        using Key = std::tuple<int, std::string, std::string, std::string>;
        std::map<Key, MapBubble> bubbles;
        Statement s = m_store.db().prepare(
            "SELECT a.id, coalesce(a.location, ''), r.text IS NOT NULL, coalesce(r.granularity, "
            "''), "
            "coalesce(r.country, ''), coalesce(r.admin1, ''), coalesce(r.city, ''), r.lat, r.lon, "
            "(SELECT count(*) FROM posts p WHERE p.account_id = a.id) "
            "FROM accounts a LEFT JOIN location_resolutions r ON r.text = a.location");
        while (s.step()) {
            ++scene.accounts;
            const std::int64_t account = s.int64(0);
            if (s.text(1).empty()) {
                ++scene.noLocation;
                continue;
            }
            if (s.int64(2) == 0) {
                ++scene.notYetResolved;
                continue;
            }
            const Granularity granularity = granularityFromName(s.text(3));
            const auto lat = s.optionalReal(7), lon = s.optionalReal(8);
            if (granularity == Granularity::None || !lat || !lon) {
                ++scene.unresolved;
                continue;
            }
            ++scene.located;
            MapBubble &b = bubbles[Key{int(granularity), s.text(4), s.text(5), s.text(6)}];
            if (b.accounts.empty()) {
                b.country = s.text(4);
                b.granularity = granularity;
                b.place = placeName(s.text(6), s.text(5), s.text(4));
                b.lat = *lat;
                b.lon = *lon;
            }
            b.accounts.push_back(account);
            b.posts += s.int64(9);
            if (highlight.count(account)) {
                ++b.highlighted;
                ++scene.highlighted;
            }
        }
        for (auto &[key, bubble] : bubbles)
            scene.bubbles.push_back(std::move(bubble));
        std::stable_sort(scene.bubbles.begin(), scene.bubbles.end(),
                         [](const MapBubble &a, const MapBubble &b) {
                             return a.accounts.size() > b.accounts.size();
                         });
        scene.title = bySignals      ? "Where the accounts with signals fired say they are"
                      : what.empty() ? "Where the accounts say they are"
                                     : "Where the accounts of " + what + " say they are";
        scene.subtitle = std::to_string(scene.located) + " of " + std::to_string(scene.accounts) +
                         " accounts placed; " + std::to_string(scene.unresolved) +
                         " with a location no place could be read from, " +
                         std::to_string(scene.noLocation) + " with none";
        if (scene.highlightSet > 0)
            scene.subtitle += "; " + std::to_string(scene.highlighted) + " of the " +
                              std::to_string(scene.highlightSet) + " accounts" +
                              (bySignals ? " with signals fired" : " of " + what) + " placed";
        return scene;
    });
}

Result<std::unordered_map<std::int64_t, std::string>>
GeoQueries::claimedCountries(const std::vector<std::int64_t> &accounts) const
{
    return guardSql("reading claimed countries",
                    [&]() -> Result<std::unordered_map<std::int64_t, std::string>> {
                        // Only the accounts asked for are read.
                        std::unordered_map<std::int64_t, std::string> countries;
                        Statement s = m_store.db().prepare(
                            "SELECT a.id, r.country FROM accounts a JOIN location_resolutions r "
                            "ON r.text = a.location WHERE r.country IS NOT NULL AND a.id IN "
                            "(SELECT value FROM json_each(?1))");
                        s.bind(1, detail::idArrayJson(accounts));
                        while (s.step())
                            countries.emplace(s.int64(0), s.text(1));
                        return countries;
                    });
}

} // namespace chorus
