#pragma once

#include "import/JsonSupport.h"
#include "import/Records.h"

#include <optional>
#include <string>
#include <unordered_map>

namespace chorus {

// Accounts of one twarc2 response page (includes.users), by user id.
using V2Users = std::unordered_map<std::string, AccountRecord>;
// Places of one page (includes.places), by place id.
using V2Places = std::unordered_map<std::string, JsonObject>;
V2Places readV2Places(const JsonArray &places, const JsonFields &fields);

// The X API escapes '&', '<' and '>' in tweet texts (and only those); stored texts are plain.
std::string unescapeApiHtml(std::string text);

// An X API v2 user object (includes.users[], or a flattened tweet's `author`).
AccountRecord readV2User(const JsonObject &user, const JsonFields &fields);

// One X API v2 tweet. Its author is the inlined `author` object (twarc2 flatten), else the
// page's user with its author_id, else an account known only by id.
struct V2TweetResult
{
    std::optional<PostRecord> post;
    std::string field;   // when `post` is empty: the field that made the tweet unusable
    std::string problem; // ... and why
};
V2TweetResult readV2Tweet(const JsonObject &tweet, const JsonFields &fields, const V2Users &users,
                          std::int64_t line, const V2Places &places = {});

} // namespace chorus
