#pragma once

#include <cstdint>
#include <string>

namespace chorus::bench {

// A Telegram Desktop full export (result.json) of `records` messages spread over a few
// chats (channels and groups, one of them under left_chats), pretty-printed as tdesktop
// writes it: plain and entity-rich texts (hashtags, links, mentions, hidden links),
// replies within a chat and across chats, forwards, edits, locations, and some service
// messages on top of the `records` messages. About 100k posting accounts.
bool writeTelegramSample(const std::string &path, std::int64_t records, std::uint64_t seed);

} // namespace chorus::bench
