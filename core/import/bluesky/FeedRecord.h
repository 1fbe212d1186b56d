#pragma once

#include "import/JsonSupport.h"
#include "import/Records.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace chorus {

inline constexpr std::string_view BlueskyPlatform = "bluesky";
inline constexpr std::string_view BlueskyPostCollection = "app.bsky.feed.post";
inline constexpr std::string_view BlueskyRepostCollection = "app.bsky.feed.repost";

// The parts of a record's address, at://<did>/<collection>/<rkey>.
struct AtUri
{
    std::string_view authority; // a DID, or (rarely) a handle
    std::string_view collection;
    std::string_view rkey;
};
std::optional<AtUri> parseAtUri(std::string_view uri);

// Where a record came from: its address and author, and for Jetstream the event's time.
struct FeedRecordSource
{
    std::string uri;     // the record's at:// URI: the post's platform id
    std::string did;     // its author's DID
    bool repost = false; // app.bsky.feed.repost, else app.bsky.feed.post
    std::int64_t line = 0;
    // Jetstream's time_us (in seconds): stands in when createdAt is missing or unreadable.
    std::optional<std::int64_t> eventTime;
};

struct FeedRecordResult
{
    std::optional<PostRecord> post;
    std::string field;   // when `post` is empty: the field that made the record unusable
    std::string problem; // ... and why
};

// Reads an app.bsky.feed.post or app.bsky.feed.repost record (the lexicon's `record` or
// `value` object). Optional fields of the wrong type are warned about through `fields`.
FeedRecordResult readFeedRecord(const JsonObject &record, const FeedRecordSource &source,
                                const JsonFields &fields);

} // namespace chorus
