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
    std::int64_t line = 0;             // line or record number in the source file
};

} // namespace chorus
