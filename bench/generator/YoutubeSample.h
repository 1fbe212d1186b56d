#pragma once

#include <cstdint>
#include <string>

namespace chorus::bench {

// YouTube Data API commentThreads.list responses, one per line (JSONL), holding `records`
// comments: pages of 20 threads on 200 videos, each thread a top-level comment with 0 to 5
// listed replies (some threads count more replies than they list, as the API does), both
// textOriginal and the HTML textDisplay, about 100k commenting channels.
bool writeYoutubeSample(const std::string &path, std::int64_t records, std::uint64_t seed);

} // namespace chorus::bench
