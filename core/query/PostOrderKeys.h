#pragma once

#include "store/Database.h"

#include <array>
#include <cstdint>
#include <vector>

namespace chorus {

// Every post's time and account by post id, held in memory (12 bytes a post: 120 MB at ten
// million), so that a search's matches are put in the posts table's order without reading
// each match's row: reading the times of 100,000 matches from their rows took 0.1 s at ten
// million posts, a lookup here takes nanoseconds. Read in slices by extendPostOrderKeys, so
// that page reads can run in between. Posts are only ever appended and never change their
// time or account, so keys once read stay true; posts added later are read by a later slice.
struct PostOrderKeys
{
    std::vector<std::int64_t> time;     // time[id]: the post's created_at; index 0 unused
    std::vector<std::uint32_t> account; // account[id]: the post's account_id
    // Every post with id <= through has its keys here (once `walked`).
    std::int64_t through = 0;
    // The first reading walks posts_account_time, a narrow index, from this key on
    // (account_id, created_at, id), taking the posts with id <= through.
    std::array<std::int64_t, 3> last{};
    bool started = false;
    bool walked = false;
    // An account id past 2^32 - 1, or more posts than `maxBytes` holds: the keys are not
    // kept, and searches read the rows.
    bool unusable = false;
    // The memory the keys may take: an eighth of the memory budget (common/MemoryBudget),
    // 1.5 GB (125 million posts) with the default budget on a 24 GB machine.
    std::uint64_t maxBytes = defaultMaxBytes();
    static std::uint64_t defaultMaxBytes();

    // Whether every post with id <= lastPost has its keys here.
    bool covers(std::int64_t lastPost) const { return walked && !unusable && lastPost <= through; }
};

// Reads the keys of up to `rows` more posts of the case. Returns whether the reading is done:
// `keys` hold every post of the case as it is now, or are not kept (`unusable`). A slice that
// ends by an error leaves them as usable as before, and the next slice reads it again.
bool extendPostOrderKeys(const Database &db, PostOrderKeys &keys, std::int64_t rows);

} // namespace chorus
