#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace chorus {

enum class PostKind { Post, Reply, Repost, Quote };

const char *postKindName(PostKind kind);

// An account as an importer read it. Empty strings and empty optionals mean "not in the
// file"; the store keeps what it already knew in that case.
struct AccountRecord
{
    std::string platform;
    std::string platformId;
    std::string handle;
    std::string displayName;
    std::string location;
    std::string bio;
    std::string language;
    std::optional<std::int64_t> createdAt; // UTC epoch seconds
    std::optional<std::int64_t> followers;
    std::optional<std::int64_t> following;
    std::optional<std::int64_t> postCount;
    // The account's number within one import (AccountKeys), -1 until it is given one.
    std::int64_t importKey = -1;
};

// A post as an importer read it, with its author inlined. All text is valid UTF-8 (NFC)
// once it reaches the store: importers pass raw field bytes through TextCleaner.
struct PostRecord
{
    std::string platform;
    std::string platformId;
    AccountRecord author;
    std::int64_t createdAt = 0; // UTC epoch seconds
    std::string text;
    std::string language;
    PostKind kind = PostKind::Post;
    std::string replyTo;  // platform id of the post replied to
    std::string repostOf; // platform id of the post reposted
    std::string quoteOf;  // platform id of the post quoted
    std::optional<double> latitude;
    std::optional<double> longitude;
    std::vector<std::string> urls;
    std::vector<std::string> hashtags; // without '#'
    std::vector<std::string> mentions; // without '@'
    // A named place without coordinates (an X place: "Kirkland Lake, Ontario" and "CA").
    std::string place;
    std::string placeCountry; // ISO 3166-1 alpha-2 when the platform gives it
    // The ids of every version of an edited post, oldest first (the X API's
    // edit_history_tweet_ids); empty when the post was never edited.
    std::vector<std::string> editHistory;
    // A post the file holds because a collected post refers to it (an original that was
    // reposted, quoted or replied to), not because the collection matched it. The case
    // period and the timeline count collected posts only.
    bool context = false;
    std::int64_t line = 0; // line or record number in the source file
};

} // namespace chorus
