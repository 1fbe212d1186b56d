#pragma once

#include <cstdint>
#include <string>

namespace chorus::bench {

// A Pushshift-style NDJSON dump: about 85% comments and 15% submissions in one file (as a
// subreddit dump mixes them), with the fields Pushshift keeps (alphabetical order, flair
// and award fields included), by 100,000 authors plus [deleted]; created_utc written as an
// integer, a float or a string as real dumps do; comments reply to recent submissions and
// comments; bodies with u/ mentions, links and &gt; quotes; no newline after the last line.
// Same seed, same bytes.
bool writeRedditSample(const std::string &path, std::int64_t records, std::uint64_t seed);

} // namespace chorus::bench
