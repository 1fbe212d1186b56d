#pragma once

#include "common/Error.h"
#include "common/Progress.h"
#include "geo/LocationResolver.h"
#include "store/Database.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace chorus {

struct AccountLocationSummary
{
    std::int64_t accounts = 0;        // in the case
    std::int64_t withLocation = 0;    // whose profile gives a location
    std::int64_t distinctStrings = 0; // distinct location strings
    std::int64_t resolvedNow = 0;     // strings resolved by this call (the rest were cached)
    std::map<Granularity, std::int64_t> accountsBy; // accounts with a location, by granularity
};

struct AccountLocation
{
    std::int64_t accountId = 0;
    std::string handle;   // untrusted text
    std::string location; // as written in the profile (untrusted)
    ResolvedLocation resolved;
};

// The resolved locations of a case's accounts, kept in the case (location_resolutions): each
// distinct string is resolved once per gazetteer version. Uses the caller's connection.
class AccountLocations
{
public:
    AccountLocations(const Database &db, const LocationResolver &resolver)
        : m_db(db), m_resolver(resolver)
    {}

    // Resolves the strings not yet resolved with this gazetteer (on the machine's cores) and
    // stores them in one transaction; a cancel stores nothing.
    Result<AccountLocationSummary> resolveAll(ProgressSink &progress) const;
    // Every account with a location string and what it resolved to (resolveAll first).
    Result<std::vector<AccountLocation>> accounts() const;

private:
    const Database &m_db;
    const LocationResolver &m_resolver;
};

} // namespace chorus
