#pragma once

#include <cstdint>
#include <string>

namespace chorus::bench {

// JSON Lines of Mastodon API statuses as a collector of public timelines writes them: one
// full Status (Mastodon 4 key order, account inlined) per line; about 70% posts, 15%
// replies and 15% boosts (each with its original inlined, originals boosted more than once
// now and then), by 100,000 accounts spread over eight servers (local accounts without a
// domain in `acct`); HTML content with hashtag and mention links, shortened links with
// invisible spans, <br> and escaped characters. Same seed, same bytes.
bool writeMastodonSample(const std::string &path, std::int64_t records, std::uint64_t seed);

} // namespace chorus::bench
