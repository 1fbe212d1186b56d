#pragma once

#include <cstdint>
#include <string>

namespace chorus::bench {

// A seeded Jetstream capture (JSON Lines) of `records` events: about 70% post creations
// (replies, quotes, mentions, links and tags among them), 15% reposts and 15% likes, by
// ~100k accounts, in both event generations, with mixed createdAt forms and slightly
// unsorted times. Written line by line with stdio; false (errno set) when writing fails.
bool writeBlueskySample(const std::string &path, std::int64_t records, std::uint64_t seed);

} // namespace chorus::bench
