#pragma once

#include "import/JsonSupport.h"
#include "import/Records.h"

#include <optional>
#include <string>

namespace chorus {

// The chat a message belongs to, from the members written before its `messages` array.
struct TelegramChat
{
    std::string id;   // the bare chat id as written ("4321", "-100123" in migrated groups)
    std::string name; // empty for saved messages
    bool isChannel = false;
};

// What one element of a chat's `messages` array turned out to be.
struct TelegramMessageResult
{
    enum class Kind { Post, Service, Unsupported, Rejected };
    Kind kind = Kind::Rejected;
    std::optional<PostRecord> post;
    std::string field;      // when rejected: the field that made the message unusable
    std::string problem;    // ... and why
    bool localTime = false; // the time came from `date` (exporting machine's local time)
};

// Reads one Telegram Desktop message (result.json) as a post of platform "telegram":
//  - platformId "<chat id>/<message id>" (message ids are unique only within a chat); a reply
//    points into the same chat, or into the chat named by reply_to_peer_id;
//  - the author is from_id ("user<N>", "channel<N>", "chat<N>"; the integer of old exports is
//    a user id and becomes "user<N>"); without from_id, a channel's own post is the channel's;
//  - the time is date_unixtime, else the zone-less `date` read as UTC (flagged in localTime);
//  - text is the plain text of the string or array of parts; hashtags, mentions and urls come
//    from text_entities, or from the parts of old exports that have no text_entities.
// `forwarded_from` is only a display name, with no id of the message or its author: the
// forward stays a Post of the account that forwarded it (its text is the forwarded text).
// `edited` is not kept: a post has no edit time ("1970-01-01T..." there means never edited).
TelegramMessageResult readTelegramMessage(const JsonObject &message, const TelegramChat &chat,
                                          RecordSink &sink, std::int64_t line);

} // namespace chorus
