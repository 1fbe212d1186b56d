#include "store/StoredPostKeys.h"

#include "store/CancelWatch.h"
#include "store/SqlGuard.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace chorus {

namespace {

// The chunks are the arrays' bytes as they lie in memory.
constexpr bool LittleEndian = std::endian::native == std::endian::little;

std::int64_t lastPostId(const Database &db)
{
    return db.queryInt64("SELECT coalesce(max(id), 0) FROM posts");
}

// Copies `posts` values of a chunk's column into `to` from `first`; false when the blob is
// too short for them.
template <typename T>
bool copyColumn(const Statement &chunk, int column, std::vector<T> &to, std::int64_t first,
                std::int64_t posts)
{
    const std::span<const std::uint8_t> bytes = chunk.blobView(column);
    const std::size_t size = std::size_t(posts) * sizeof(T);
    if (bytes.size() < size || to.size() < std::size_t(first + posts))
        return false;
    std::memcpy(to.data() + first, bytes.data(), size);
    return true;
}

template <typename T>
void bindColumn(Statement &insert, int index, const std::vector<T> &from, std::int64_t first,
                std::int64_t posts)
{
    insert.bindBlob(index, reinterpret_cast<const std::uint8_t *>(from.data() + first),
                    std::size_t(posts) * sizeof(T));
}

// Writes the chunks from the one holding post `fromId` on, the languages and the state.
void writeKeys(const Database &db, const PostKeys &keys, std::int64_t fromId,
               std::int64_t contextPosts, ProgressSink &progress)
{
    const std::int64_t firstChunk = fromId / StoredKeyChunkPosts * StoredKeyChunkPosts;
    Statement drop = db.prepare("DELETE FROM post_key_chunks WHERE first_id >= ?");
    drop.bind(1, keys.unusable ? 0 : firstChunk).exec();
    db.prepare("DELETE FROM post_key_languages").exec();
    if (!keys.unusable) {
        Statement insert =
            db.prepare("INSERT INTO post_key_chunks (first_id, time, account, facets, language) "
                       "VALUES (?, ?, ?, ?, ?)");
        const std::int64_t chunks = keys.through / StoredKeyChunkPosts + 1;
        progress.progress(0, chunks - firstChunk / StoredKeyChunkPosts);
        for (std::int64_t first = firstChunk; first <= keys.through; first += StoredKeyChunkPosts) {
            const std::int64_t posts = std::min(StoredKeyChunkPosts, keys.through + 1 - first);
            insert.bind(1, first);
            bindColumn(insert, 2, keys.time, first, posts);
            bindColumn(insert, 3, keys.account, first, posts);
            bindColumn(insert, 4, keys.facets, first, posts);
            bindColumn(insert, 5, keys.language, first, posts);
            insert.exec();
            progress.progress((first - firstChunk) / StoredKeyChunkPosts + 1,
                              chunks - firstChunk / StoredKeyChunkPosts);
        }
        Statement language =
            db.prepare("INSERT INTO post_key_languages (code, name) VALUES (?, ?)");
        for (std::size_t i = 0; i < keys.languages.size(); ++i)
            language.bind(1, std::int64_t(i) + 1).bind(2, keys.languages[i]).exec();
    }
    Statement made = db.prepare("INSERT OR REPLACE INTO post_keys_made (id, through, "
                                "context_posts, kept) VALUES (1, ?, ?, ?)");
    made.bind(1, keys.unusable ? lastPostId(db) : keys.through)
        .bind(2, contextPosts)
        .bind(3, std::int64_t(keys.unusable ? 0 : 1))
        .exec();
}

} // namespace

std::optional<StoredPostKeysState> storedPostKeysState(const Database &db)
{
    if (!LittleEndian)
        return std::nullopt;
    Statement query = db.prepare("SELECT through, context_posts, kept FROM post_keys_made");
    if (!query.step())
        return std::nullopt;
    return StoredPostKeysState{query.int64(0), query.int64(1), query.int64(2) != 0};
}

bool startFromStoredPostKeys(const Database &db, PostKeys &keys, std::int64_t lastPost)
{
    const auto stored = storedPostKeysState(db);
    if (!stored || !stored->kept || stored->through <= 0 || stored->through > lastPost)
        return false;
    // The codes are 1, 2, ... in order; anything else is not what this code wrote.
    Statement query = db.prepare("SELECT code, name FROM post_key_languages ORDER BY code");
    std::vector<std::string> languages;
    while (query.step()) {
        if (query.int64(0) != std::int64_t(languages.size()) + 1)
            return false;
        languages.push_back(query.text(1));
    }
    keys.languages = std::move(languages);
    keys.through = stored->through;
    keys.storedThrough = stored->through;
    keys.contextPosts = stored->contextPosts;
    keys.last = {-1, 0, 0};
    return true;
}

std::int64_t readStoredPostKeyChunks(const Database &db, PostKeys &keys, std::int64_t chunks)
{
    Statement read = db.prepare("SELECT first_id, time, account, facets, language FROM "
                                "post_key_chunks WHERE first_id > ? ORDER BY first_id LIMIT ?");
    read.bind(1, keys.last[0]).bind(2, chunks);
    std::int64_t n = 0;
    while (read.step()) {
        const std::int64_t first = read.int64(0);
        const std::int64_t expected = keys.last[0] < 0 ? 0 : keys.last[0] + StoredKeyChunkPosts;
        // Chunks past `through` were written after the reading began: the posts added since
        // are read by id.
        if (first > keys.through)
            break;
        if (first != expected)
            return -1;
        const std::int64_t posts = std::min(StoredKeyChunkPosts, keys.through + 1 - first);
        if (!copyColumn(read, 1, keys.time, first, posts) ||
            !copyColumn(read, 2, keys.account, first, posts) ||
            !copyColumn(read, 3, keys.facets, first, posts) ||
            !copyColumn(read, 4, keys.language, first, posts))
            return -1;
        const auto languages = std::uint16_t(keys.languages.size());
        if (std::any_of(keys.language.begin() + first, keys.language.begin() + first + posts,
                        [&](std::uint16_t code) { return code > languages; }))
            return -1;
        keys.last[0] = first;
        ++n;
    }
    // The last chunk must reach `through`.
    if (n < chunks && keys.last[0] + StoredKeyChunkPosts <= keys.through)
        return -1;
    return n;
}

Result<bool> storedPostKeysStale(const Database &db)
{
    return guardSql("could not read the posts' kept keys", [&]() -> Result<bool> {
        if (!LittleEndian)
            return false;
        const std::int64_t lastPost = lastPostId(db);
        const auto stored = storedPostKeysState(db);
        if (!stored)
            return lastPost > 0;
        return stored->through != lastPost || stored->contextPosts != caseContextPosts(db);
    });
}

Status updateStoredPostKeys(const Database &db, ProgressSink &progress)
{
    const char *const what = "could not keep the posts' keys";
    const auto stale = storedPostKeysStale(db);
    if (!stale)
        return stale.error();
    if (!stale.value())
        return {};
    progress.stage(Stage::IndexingViews);
    // Read as the workbench reads them, from the kept keys and then the posts added since.
    PostKeys keys;
    const auto read = guardSql(what, [&]() -> Result<bool> {
        while (!extendPostKeys(db, keys, std::int64_t(1) << 20))
            if (progress.isCancelled())
                return Error::cancel();
        return true;
    });
    if (!read)
        return read.error();
    // The kept chunks stay from the one that held their last post on, unless a context post
    // was collected since (its flag read again in every chunk).
    const bool fromKept = keys.storedThrough > 0 && keys.contextsReadFor < 0;
    const std::int64_t fromId = fromKept ? keys.storedThrough : 0;
    return writeCancellably(db, progress, what,
                            [&] { writeKeys(db, keys, fromId, caseContextPosts(db), progress); });
}

} // namespace chorus
