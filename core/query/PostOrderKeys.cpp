#include "query/PostOrderKeys.h"

#include "common/MemoryBudget.h"

#include <limits>

namespace chorus {

namespace {

constexpr std::uint64_t BytesAPost = sizeof(std::int64_t) + sizeof(std::uint32_t);

struct PostKey
{
    std::int64_t id, time, account;
};

// Stores the slice's keys, growing the columns to the largest id; false when an account id
// does not fit, or the columns would take more than their share of memory.
bool store(PostOrderKeys &keys, const std::vector<PostKey> &slice, std::int64_t lastId)
{
    if (std::uint64_t(lastId) + 1 > keys.maxBytes / BytesAPost)
        return false;
    if (std::size_t(lastId) + 1 > keys.time.size()) {
        // Posts added later grow the columns by an eighth more than they need, not twice
        // their size; the first reading takes what it needs.
        if (!keys.time.empty() && std::size_t(lastId) + 1 > keys.time.capacity()) {
            const std::size_t room = std::size_t(lastId) + 1 + std::size_t(lastId) / 8;
            keys.time.reserve(room);
            keys.account.reserve(room);
        }
        keys.time.resize(std::size_t(lastId) + 1);
        keys.account.resize(std::size_t(lastId) + 1);
    }
    for (const PostKey &key : slice) {
        if (key.account < 0 || key.account > std::numeric_limits<std::uint32_t>::max())
            return false;
        keys.time[std::size_t(key.id)] = key.time;
        keys.account[std::size_t(key.id)] = std::uint32_t(key.account);
    }
    return true;
}

void giveUp(PostOrderKeys &keys)
{
    const std::uint64_t maxBytes = keys.maxBytes;
    keys = PostOrderKeys{};
    keys.maxBytes = maxBytes;
    keys.unusable = true;
}

} // namespace

std::uint64_t PostOrderKeys::defaultMaxBytes()
{
    return MemoryBudget::standard().bytes / 8;
}

bool extendPostOrderKeys(const Database &db, PostOrderKeys &keys, std::int64_t rows)
{
    if (keys.unusable)
        return true;
    // The slice reads into its own list first: an interrupted read leaves the keys as they were.
    std::vector<PostKey> slice;
    slice.reserve(std::size_t(std::min<std::int64_t>(rows, 1 << 20)));
    if (!keys.walked) {
        const std::int64_t through =
            keys.started ? keys.through : db.queryInt64("SELECT coalesce(max(id), 0) FROM posts");
        Statement walk = db.prepare(
            "SELECT account_id, created_at, id FROM posts INDEXED BY posts_account_time WHERE "
            "(account_id, created_at, id) > (?, ?, ?) ORDER BY account_id, created_at, id "
            "LIMIT ?");
        const auto &from =
            keys.started
                ? keys.last
                : std::array<std::int64_t, 3>{std::numeric_limits<std::int64_t>::min(), 0, 0};
        walk.bind(1, from[0]).bind(2, from[1]).bind(3, from[2]).bind(4, rows);
        std::array<std::int64_t, 3> last = from;
        std::int64_t read = 0;
        while (walk.step()) {
            last = {walk.int64(0), walk.int64(1), walk.int64(2)};
            ++read;
            if (last[2] <= through) // later posts are read by id below
                slice.push_back({last[2], last[1], last[0]});
        }
        if (!store(keys, slice, through)) {
            giveUp(keys);
            return true;
        }
        keys.started = true;
        keys.through = through;
        keys.last = last;
        keys.walked = read < rows;
        if (!keys.walked)
            return false;
        slice.clear();
    }
    // Posts added since: ids only grow, so they are the ids after `through`.
    Statement added = db.prepare("SELECT id, created_at, account_id FROM posts WHERE id > ? "
                                 "ORDER BY id LIMIT ?");
    added.bind(1, keys.through).bind(2, rows);
    std::int64_t lastId = keys.through;
    while (added.step()) {
        slice.push_back({added.int64(0), added.int64(1), added.int64(2)});
        lastId = slice.back().id;
    }
    if (!store(keys, slice, lastId)) {
        giveUp(keys);
        return true;
    }
    keys.through = lastId;
    return std::int64_t(slice.size()) < rows;
}

} // namespace chorus
