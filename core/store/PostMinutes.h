#pragma once

#include "store/Database.h"

#include <array>
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
    void add(std::int64_t epochSeconds)
    {
        const std::int64_t minute = minuteOf(epochSeconds);
        // floor division: minutes before 1970 fall in the block below
        const std::int64_t block =
            minute >= 0 ? minute / BlockMinutes : (minute - BlockMinutes + 1) / BlockMinutes;
        ++m_blocks[block][std::size_t(minute - block * BlockMinutes)];
    }
    // Adds the counts to post_minutes (inside the caller's transaction) and clears them.
    void flush(const Database &db);
    // Blocks held: times scattered over decades make a block per post (512 bytes each), so
    // the writer flushes past a few thousand.
    std::size_t blocks() const { return m_blocks.size(); }

private:
    // Counted in blocks of 64 minutes: a campaign's week is a few hundred map entries that
    // stay in the cache, where a map entry per minute cost a cache miss on most posts written
    // (4% of a 1M-repost import).
    static constexpr std::int64_t BlockMinutes = 64;
    std::unordered_map<std::int64_t, std::array<std::int64_t, BlockMinutes>> m_blocks;
};

// The exact first and last created_at of the collected posts; nothing when there are none.
// Reads two minutes of posts through posts_time, whatever the case size.
std::optional<std::pair<std::int64_t, std::int64_t>> collectedPostSpan(const Database &db);

} // namespace chorus
