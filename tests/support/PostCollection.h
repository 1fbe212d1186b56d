#pragma once

#include "store/CaseStore.h"

#include <QTemporaryDir>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace chorus::test {

// A small hand-made collection of posts with exact times, links and hashtags, written as a
// generic CSV file and imported through the importer, the way a user brings data in. Tests
// of the analyses build their cases with it (then run the analyses themselves), so that no
// test writes another component's rows into a case by hand.
class PostCollection
{
public:
    struct Profile
    {
        std::string handle;
        std::optional<std::int64_t> createdAt;
    };
    // Sets the profile fields of an account (platform id); an account exists in the case
    // only once it has a post.
    void account(const std::string &platformId, const Profile &profile);

    struct Post
    {
        std::string account; // platform id of the author
        std::int64_t time = 0;
        std::string repostOf;
        std::string replyTo;
        std::vector<std::string> urls;
        std::vector<std::string> hashtags;
        std::string text;
        std::string language = {}; // ISO code, empty when unknown
    };
    // Returns the post's platform id: "p1", "p2", ... in the order added.
    std::string post(const Post &post);
    std::string repost(const std::string &account, std::int64_t time, const std::string &object,
                       const std::string &text = {});

    // The ids the case gave to what was imported.
    class Ids
    {
    public:
        std::int64_t account(const std::string &platformId) const;
        std::int64_t post(const std::string &platformId) const;

    private:
        friend class PostCollection;
        std::map<std::string, std::int64_t> m_accounts, m_posts;
    };
    // Writes the collection to `dir` as CSV and imports it into the case; fails the test
    // when the import fails or rejects a row.
    Ids importInto(const CaseStore &store, const QTemporaryDir &dir) const;

private:
    std::map<std::string, Profile> m_profiles;
    std::vector<Post> m_posts;
};

} // namespace chorus::test
