#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace chorus::bench {

struct GeneratorOptions
{
    std::uint64_t posts = 10000;
    // Accounts in all (organic + campaign); 0 = posts / 20 (at least 200).
    std::uint64_t accounts = 0;
    std::uint64_t seed = 1;
    std::int64_t start = 1600128000; // 2020-09-15 00:00:00 UTC
    int days = 30;
    double campaignShare = 0.10; // share of posts that belong to a planted campaign
};

enum class AccountGroup { Organic, News, Rally, Flood, Ring };

// One account, computed from (seed, index) on demand so that nothing grows with the
// collection: the same index always gives the same account.
struct SyntheticAccount
{
    std::uint64_t index = 0;
    AccountGroup group = AccountGroup::Organic;
    std::string id; // numeric string
    std::string handle;
    std::string name;
    std::string location;
    std::string bio;
    std::string language; // "en" or "fr"
    std::int64_t createdAt = 0;
    std::int64_t followers = 0;
    std::int64_t following = 0;
    std::int64_t postCount = 0;
};

enum class SyntheticKind { Post, Reply, Repost };

// One post. `family` is the planted text family ("rally-2", "flood-5", "ring-1") or empty
// for organic posts; posts of one family are variants of one text and belong in one
// cluster. `style` says how the post was made:
//  - organic: "organic" (original), "reply", "retweet" (text "RT @handle: <original>", so
//    a near-duplicate of its original by construction), "target" (news posts the flood
//    replies to);
//  - rally and flood: the perturbation of the family template: "exact", "typo", "emoji",
//    "hashtag", "rt-prefix", "agree-prefix", "link", "reorder", "slot", "case", "accents";
//  - ring: "origin", "copy-link" (same story, link with other utm_* parameters),
//    "retweet" (of the round's origin, seconds later).
struct SyntheticPost
{
    std::uint64_t index = 0; // position in the stream
    std::string id;
    std::uint64_t author = 0; // account index
    std::int64_t createdAt = 0;
    SyntheticKind kind = SyntheticKind::Post;
    std::string text;
    std::string language;
    std::string replyToId;
    std::uint64_t replyToAuthor = 0;
    std::string repostOfId;
    std::uint64_t repostOfAuthor = 0;
    std::vector<std::string> hashtags; // without '#'
    std::vector<std::string> urls;
    std::vector<std::string> mentions; // handles without '@'
    bool hasCoordinates = false;
    double latitude = 0;
    double longitude = 0;
    std::int64_t likes = 0;
    std::int64_t reposts = 0;
    std::int64_t replies = 0;
    std::string client;
    std::string family;
    std::string style;
};

// A seeded synthetic social-media collection with planted coordinated campaigns:
//  - organic background posts, replies and retweets (English and French, North American day);
//  - "rally": a few hundred worldwide accounts posting variants of rally templates within
//    an hour of each other (families rally-1..);
//  - "flood": bilingual comment flood replying to a few target posts, from accounts created
//    in bursts, posting in UTC+8 working hours (families flood-1..);
//  - "ring": a few dozen accounts sharing the same links (utm-varied) and hashtag sets within
//    seconds, and co-retweeting each other (families ring-1..).
// Posts are generated one by one from the seed (forEachPost), so collections of any size
// stream to files in constant memory. Output is identical for identical options everywhere.
class SyntheticCollection
{
public:
    explicit SyntheticCollection(const GeneratorOptions &options);

    const GeneratorOptions &options() const { return m_options; }
    std::uint64_t accountCount() const { return m_accountCount; }
    SyntheticAccount account(std::uint64_t index) const;

    // Calls `visit` for every post in stream order; stops early if it returns false.
    void forEachPost(const std::function<bool(const SyntheticPost &)> &visit) const;

    // Each writes the whole collection; false (with errorString()) if the file fails.
    bool writeXArchive(const std::string &path) const;
    bool writeTwarc2(const std::string &path) const;
    bool writeTruth(const std::string &path) const;
    // All three in one pass; an empty path skips that output.
    bool writeFiles(const std::string &xArchivePath, const std::string &twarc2Path,
                    const std::string &truthPath) const;
    const std::string &errorString() const { return m_error; }

    // Account index ranges by group: [begin, end).
    struct Range
    {
        std::uint64_t begin = 0, end = 0;
        std::uint64_t size() const { return end - begin; }
    };
    Range organicAccounts() const { return m_organic; }
    Range newsAccounts() const { return m_news; }
    Range rallyAccounts() const { return m_rally; }
    Range floodAccounts() const { return m_flood; }
    Range ringAccounts() const { return m_ring; }

private:
    GeneratorOptions m_options;
    std::uint64_t m_accountCount = 0;
    Range m_organic, m_news, m_rally, m_flood, m_ring;
    mutable std::string m_error;
};

} // namespace chorus::bench
