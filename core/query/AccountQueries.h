#pragma once

#include "common/Error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace chorus {

class CaseStore;

// An account's profile as stored, with its activity in the case. Text is untrusted.
struct AccountProfile
{
    std::int64_t id = 0;
    std::string platform;
    std::string platformId;
    std::string handle;
    std::string displayName;
    std::string location;
    std::string bio;
    std::string language;
    std::optional<std::int64_t> createdAt;
    std::optional<std::int64_t> followers;
    std::optional<std::int64_t> following;
    std::optional<std::int64_t> postCount; // as the platform reported it
    std::int64_t postsInCase = 0;
    std::int64_t firstPostAt = 0;
    std::int64_t lastPostAt = 0;
};

// A cluster an account posted in, in the latest clustering run.
struct AccountCluster
{
    std::int64_t clusterId = 0;
    std::int64_t number = 0;
    double score = 0;
    std::int64_t postsByAccount = 0;
};

// Account-level reads for the inspector. Caller's connection and thread.
class AccountQueries
{
public:
    explicit AccountQueries(const CaseStore &store) : m_store(store) {}

    // An Error when there is no such account.
    Result<AccountProfile> profile(std::int64_t accountId) const;
    // The account with this handle or platform id (exact match), 0 when none.
    Result<std::int64_t> find(const std::string &handleOrId) const;
    // Its clusters in the latest run, highest score first.
    Result<std::vector<AccountCluster>> clusters(std::int64_t accountId) const;

private:
    const CaseStore &m_store;
};

} // namespace chorus
