#pragma once

#include "store/Database.h"

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <utility>

namespace chorus {

// The collected posts of a case counted per minute (schema v9, table post_minutes), so that
// the case period and the whole-case timeline of ten million posts are read from tens of
// thousands of rows instead of a scan of the posts. Every timeline bin is a whole number of
// minutes, so the counts give exact bins. The import keeps the table in its own transaction
// (import/PostWriter); posts are never deleted, only added or promoted from context.

// floor(seconds / 60), also before 1970.
std::int64_t minuteOf(std::int64_t epochSeconds);

// Collected posts per minute, gathered while writing and added to the table in one go.
class PostMinuteCounts
{
public:
    void add(std::int64_t epochSeconds) { ++m_counts[minuteOf(epochSeconds)]; }
    // Adds the counts to post_minutes (inside the caller's transaction) and clears them.
    void flush(const Database &db);

private:
    std::unordered_map<std::int64_t, std::int64_t> m_counts;
};

// The exact first and last created_at of the collected posts; nothing when there are none.
// Reads two minutes of posts through posts_time, whatever the case size.
std::optional<std::pair<std::int64_t, std::int64_t>> collectedPostSpan(const Database &db);

} // namespace chorus
