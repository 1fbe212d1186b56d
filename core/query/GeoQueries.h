#pragma once

#include "common/Error.h"
#include "geo/LocationResolver.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace chorus {

class CaseStore;

// The accounts that claim one place, drawn as one bubble.
struct MapBubble
{
    std::string place;   // "Kirkland Lake, Ontario, CA", "Ontario, CA", "CA" (untrusted-free:
                         // names come from the gazetteer)
    std::string country; // alpha-2
    Granularity granularity = Granularity::None;
    double lat = 0, lon = 0;
    std::vector<std::int64_t> accounts;
    std::int64_t posts = 0;
    std::int64_t highlighted = 0; // of its accounts, those of the cluster, campaign or group
};

struct MapSceneOptions
{
    std::int64_t clusterId = 0;           // highlight this cluster's accounts
    int cluster = 0;                      // ... or this cluster of the latest run (by number)
    int campaign = 0;                     // ... or this campaign's accounts
    std::vector<std::int64_t> accountIds; // ... or these accounts
    bool signalled = false; // ... or the accounts with a signal fired in the latest network run
};

// Where a case's accounts say they are: bubbles by resolved place, and the counts of accounts
// that cannot be placed. Plain data for the render library (the map panel and chorus-cli map).
struct MapScene
{
    std::vector<MapBubble> bubbles;  // largest first
    std::int64_t accounts = 0;       // in the case
    std::int64_t located = 0;        // in a bubble
    std::int64_t unresolved = 0;     // a location no place could be read from
    std::int64_t noLocation = 0;     // no location in the profile
    std::int64_t notYetResolved = 0; // locations the case has not resolved yet (run analyze)
    std::int64_t highlighted = 0;    // highlighted accounts that are located
    std::int64_t highlightSet = 0;   // highlighted accounts in all (0: nothing highlighted)
    std::string title;
    std::string subtitle;
};

class GeoQueries
{
public:
    explicit GeoQueries(const CaseStore &store) : m_store(store) {}

    Result<MapScene> scene(const MapSceneOptions &options) const;
    // The country each of these accounts claims (resolved), by accounts.id; accounts without
    // one are left out.
    Result<std::unordered_map<std::int64_t, std::string>>
    claimedCountries(const std::vector<std::int64_t> &accounts) const;

private:
    const CaseStore &m_store;
};

} // namespace chorus
