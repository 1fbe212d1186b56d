#pragma once

#include <cstdint>
#include <string>

namespace chorus::bench {

// A seeded Zeeschuimer NDJSON export (format 4cat): TikTok videos and comments, Instagram
// posts and X tweets (posts, retweets embedding their original, replies) by about 100,000
// accounts, one captured item per line as Zeeschuimer writes them. Streams with stdio.
bool writeFourCatSample(const std::string &path, std::int64_t records, std::uint64_t seed);

} // namespace chorus::bench
