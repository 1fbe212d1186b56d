#pragma once

#include "store/CaseStore.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace chorus::test {

// Writes hand-made accounts, posts, URLs, hashtags and clusters straight into a case, for
// tests that need exact, known co-actions.
class CaseBuilder
{
public:
    explicit CaseBuilder(const CaseStore &store) : m_db(store.db()) {}

    struct Profile
    {
        std::string handle;
        std::string displayName;
        std::string bio;
        std::optional<std::int64_t> createdAt;
    };
    std::int64_t account(const std::string &platformId, const Profile &profile = {});

    struct Post
    {
        std::int64_t account = 0;
        std::int64_t time = 0;
        std::string kind = "post";
        std::string repostOf;
        std::string replyTo;
        std::vector<std::string> urls;
        std::vector<std::string> hashtags;
        std::string text;
    };
    std::int64_t post(const Post &post);
    std::int64_t repost(std::int64_t account, std::int64_t time, const std::string &object);

    // A 'clusters' analysis run with one cluster per list of posts (numbered from 1).
    std::int64_t clustersRun(const std::vector<std::vector<std::int64_t>> &clusters);

private:
    const Database &m_db;
};

} // namespace chorus::test
