#include "query/PostOrderKeys.h"

#include "common/MemoryBudget.h"

#include <limits>

namespace chorus {

namespace {

constexpr std::uint64_t BytesAPost = sizeof(std::int64_t) + sizeof(std::uint32_t);

// Grows the columns to hold ids up to `lastId`; false when they would take more than their
// share of memory. Posts added later grow them by an eighth more than they need, not twice
// their size; the first reading takes what it needs.
bool makeRoom(PostOrderKeys &keys, std::int64_t lastId)
{
    const auto size = std::size_t(lastId) + 1;
    if (size <= keys.time.size())
        return true;
    if (std::uint64_t(size) > keys.maxBytes / BytesAPost)
        return false;
    if (!keys.time.empty() && size > keys.time.capacity()) {
        const std::size_t room =
            std::min<std::size_t>(size + size / 8, std::size_t(keys.maxBytes / BytesAPost));
        keys.time.reserve(room);
        keys.account.reserve(room);
    }
    keys.time.resize(size);
    keys.account.resize(size);
    return true;
}

// Stores one post's keys; false when its account id does not fit or the columns would take
// more than their share. Written in place as they are read: a slice that ends by an error
// leaves keys that are true (posts never change), only not yet counted as read.
bool put(PostOrderKeys &keys, std::int64_t id, std::int64_t time, std::int64_t account)
{
    if (id < 0 || account < 0 || account > std::numeric_limits<std::uint32_t>::max() ||
        !makeRoom(keys, id))
        return false;
    keys.time[std::size_t(id)] = time;
    keys.account[std::size_t(id)] = std::uint32_t(account);
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
    if (!keys.walked) {
        const std::int64_t through =
            keys.started ? keys.through : db.queryInt64("SELECT coalesce(max(id), 0) FROM posts");
        if (!makeRoom(keys, through)) {
            giveUp(keys);
            return true;
        }
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
            // Later posts are read by id below.
            if (last[2] <= through && !put(keys, last[2], last[1], last[0])) {
                giveUp(keys);
                return true;
            }
        }
        keys.started = true;
        keys.through = through;
        keys.last = last;
        keys.walked = read < rows;
        if (!keys.walked)
            return false;
    }
    // Posts added since: ids only grow, so they are the ids after `through`.
    Statement added = db.prepare("SELECT id, created_at, account_id FROM posts WHERE id > ? "
                                 "ORDER BY id LIMIT ?");
    added.bind(1, keys.through).bind(2, rows);
    std::int64_t lastId = keys.through, read = 0;
    while (added.step()) {
        lastId = added.int64(0);
        ++read;
        if (!put(keys, lastId, added.int64(1), added.int64(2))) {
            giveUp(keys);
            return true;
        }
    }
    keys.through = lastId;
    return read < rows;
}

} // namespace chorus
