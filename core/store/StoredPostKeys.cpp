#include "store/StoredPostKeys.h"

#include "store/BlobReader.h"
#include "store/CancelWatch.h"
#include "store/SqlGuard.h"

#include <algorithm>
#include <array>
#include <bit>
#include <optional>
#include <string>
#include <string_view>

namespace chorus {

namespace {

// The chunks are the arrays' bytes as they lie in memory.
constexpr bool LittleEndian = std::endian::native == std::endian::little;

// Reads `posts` values of the chunk starting at post `first` (its rowid) from one of its
// columns into `to`, growing it to hold them (in the room extendPostKeys reserved); false when
// the blob is too short for them. Straight from the file's pages into the keys: read through a
// statement, each chunk's columns were first copied into a megabyte of fresh memory.
template <typename T>
bool readColumn(BlobReader &column, PostKeys::Column<T> &to, std::int64_t first, std::int64_t posts)
{
    const std::size_t size = std::size_t(posts) * sizeof(T);
    if (column.open(first) < std::int64_t(size))
        return false;
    if (to.size() < std::size_t(first + posts))
        to.resize(std::size_t(first + posts));
    column.read(to.data() + first, size);
    return true;
}

template <typename T>
void bindColumn(Statement &insert, int index, const PostKeys::Column<T> &from, std::int64_t first,
                std::int64_t posts)
{
    insert.bindBlob(index, reinterpret_cast<const std::uint8_t *>(from.data() + first),
                    std::size_t(posts) * sizeof(T));
}

// Each reading pass's columns (PostKeys::KeptPass, in its order; eachStoredKeyColumn) in a
// table of their own. One table for all, each chunk's columns one record, put a pass's
// columns of successive chunks a record apart: at ten million posts the kinds' pass read 64 KB
// every 960 KB, 120-160 ms from disk, where 10 MB read whole take 25 ms.
constexpr std::array<const char *, 3> KeptTables = {
    "post_key_facet_chunks", "post_key_language_chunks", "post_key_order_chunks"};
static_assert(KeptTables.size() == PostKeys::KeptDone);
static_assert(storedKeyPassBytes(PostKeys::KindsPass) +
                  storedKeyPassBytes(PostKeys::LanguagesPass) +
                  storedKeyPassBytes(PostKeys::OrdersPass) ==
              std::int64_t(PostKeys::BytesAPost));

// Each column's name of a pass's table put in `pattern` at '%', joined by `separator`.
std::string eachColumn(int pass, std::string_view pattern, std::string_view separator)
{
    std::string list;
    eachStoredKeyColumn(pass, [&](int index, const char *column, auto) {
        if (index > 0)
            list += separator;
        for (const char c : pattern)
            c == '%' ? list += column : list += c;
    });
    return list;
}

// Writes one pass's table from the chunk starting at `firstChunk` on, counting each chunk in
// `written` of `steps`.
void writeKeptTable(const Database &db, const PostKeys &keys, int pass, std::int64_t firstChunk,
                    ProgressSink &progress, std::int64_t &written, std::int64_t steps)
{
    const char *const table = KeptTables[std::size_t(pass)];
    Statement insert = db.prepare(std::string("INSERT INTO ") + table + " (first_id, " +
                                  eachColumn(pass, "%", ", ") + ") VALUES (?, " +
                                  eachColumn(pass, "?", ", ") + ")");
    for (std::int64_t first = firstChunk; first <= keys.through; first += StoredKeyChunkPosts) {
        const std::int64_t posts = std::min(StoredKeyChunkPosts, keys.through + 1 - first);
        insert.bind(1, first);
        eachStoredKeyColumn(pass, [&](int index, const char *, auto column) {
            bindColumn(insert, index + 2, keys.*column, first, posts);
        });
        insert.exec();
        progress.progress(++written, steps);
    }
}

// Writes the chunks from the one holding post `fromId` on, the languages and the state. A
// pass's table whole before the next one's, the last pass's first: the pages freed by the
// text index's merges (a few MB at a million posts) are taken again before the file grows,
// wherever they lie, and the times and accounts (12 bytes a post) take them, so that the
// kinds, read first, lie together at the file's end.
void writeKeys(const Database &db, const PostKeys &keys, std::int64_t fromId,
               std::int64_t contextPosts, ProgressSink &progress)
{
    const std::int64_t firstChunk =
        keys.unusable ? 0 : fromId / StoredKeyChunkPosts * StoredKeyChunkPosts;
    for (const char *table : KeptTables)
        db.prepare(std::string("DELETE FROM ") + table + " WHERE first_id >= ?")
            .bind(1, firstChunk)
            .exec();
    db.prepare("DELETE FROM post_key_languages").exec();
    if (!keys.unusable) {
        const std::int64_t chunks =
            keys.through / StoredKeyChunkPosts + 1 - firstChunk / StoredKeyChunkPosts;
        const std::int64_t steps = chunks * std::int64_t(KeptTables.size());
        std::int64_t written = 0;
        progress.progress(0, steps);
        for (int pass = int(KeptTables.size()) - 1; pass >= 0; --pass)
            writeKeptTable(db, keys, pass, firstChunk, progress, written, steps);
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

namespace {

// The kept language codes' names; nothing when the codes are not 1, 2, ... in order (not what
// this code wrote).
std::optional<std::vector<std::string>> keptLanguages(const Database &db)
{
    Statement query = db.prepare("SELECT code, name FROM post_key_languages ORDER BY code");
    std::vector<std::string> languages;
    while (query.step()) {
        if (query.int64(0) != std::int64_t(languages.size()) + 1)
            return std::nullopt;
        languages.push_back(query.text(1));
    }
    return languages;
}

// Whether the kept keys can still be read on from where a reading got: a later index step that
// only added posts keeps the chunks' values and the language codes (new ones come after), but
// one that wrote them all again after refusing them may have numbered the languages in
// another order. (One that wrote them again for a context post collected since changed that
// post's flag only: the reading's count of context posts then differs from the case's at its
// end, and it reads the flags again.)
bool stillTheKeysStartedFrom(const Database &db, const PostKeys &keys)
{
    const auto stored = storedPostKeysState(db);
    if (!stored || !stored->kept)
        return false;
    const auto languages = keptLanguages(db);
    return languages && languages->size() >= keys.languages.size() &&
           std::equal(keys.languages.begin(), keys.languages.end(), languages->begin());
}

// Whether the kept chunks are all there, each of its size, in each pass's table: from their
// lengths alone (SQLite reads none of the blobs for them), so that an index step makes damaged
// ones again instead of every reading refusing them and walking.
bool chunksInPlace(const Database &db, std::int64_t through)
{
    const std::int64_t chunks = through / StoredKeyChunkPosts + 1, posts = through + 1;
    for (int pass = 0; pass < int(KeptTables.size()); ++pass) {
        Statement sizes = db.prepare("SELECT count(*), coalesce(sum(first_id), 0), " +
                                     eachColumn(pass, "coalesce(sum(length(%)), 0)", ", ") +
                                     " FROM " + KeptTables[std::size_t(pass)]);
        sizes.step();
        if (sizes.int64(0) != chunks ||
            sizes.int64(1) != StoredKeyChunkPosts * chunks * (chunks - 1) / 2)
            return false;
        bool sized = true;
        eachStoredKeyColumn(pass, [&](int index, const char *, auto column) {
            sized = sized && sizes.int64(index + 2) == posts * storedKeyBytes(column);
        });
        if (!sized)
            return false;
    }
    return true;
}

} // namespace

bool startFromStoredPostKeys(const Database &db, PostKeys &keys, std::int64_t lastPost)
{
    const auto stored = storedPostKeysState(db);
    if (!stored || !stored->kept || stored->through <= 0 || stored->through > lastPost)
        return false;
    auto languages = keptLanguages(db);
    if (!languages)
        return false;
    keys.languages = std::move(*languages);
    keys.through = stored->through;
    keys.storedThrough = stored->through;
    keys.contextPosts = stored->contextPosts;
    keys.keptPass = PostKeys::KindsPass;
    keys.keptLast = {-1, -1, -1};
    return true;
}

std::int64_t readStoredPostKeyChunks(const Database &db, PostKeys &keys, std::int64_t chunks)
{
    const ReadSnapshot snapshot(db);
    if (keys.keptPass >= PostKeys::KeptDone || !stillTheKeysStartedFrom(db, keys))
        return -1;
    const PageCacheLimit passingThrough(db, 1024);
    const int pass = keys.keptPass;
    std::int64_t &last = keys.keptLast[std::size_t(pass)];
    const char *const table = KeptTables[std::size_t(pass)];
    // Whether each column holds a blob, from the record alone: another tool may have put a
    // number there, which a blob handle cannot open (the chunk is refused like a short one).
    Statement read =
        db.prepare("SELECT first_id, " + eachColumn(pass, "typeof(%) = 'blob'", " AND ") +
                   " FROM " + table + " WHERE first_id > ? ORDER BY first_id LIMIT ?");
    std::array<std::optional<BlobReader>, 2> columns; // the orders' pass reads two
    eachStoredKeyColumn(pass, [&](int index, const char *column, auto) {
        columns[std::size_t(index)].emplace(db, table, column);
    });
    read.bind(1, last).bind(2, chunks);
    std::int64_t n = 0;
    while (read.step()) {
        const std::int64_t first = read.int64(0);
        const std::int64_t expected = last < 0 ? 0 : last + StoredKeyChunkPosts;
        // Chunks past `through` were written after the reading began: the posts added since
        // are read by id.
        if (first > keys.through)
            break;
        if (first != expected || read.int64(1) == 0)
            return -1;
        const std::int64_t posts = std::min(StoredKeyChunkPosts, keys.through + 1 - first);
        bool whole = true;
        eachStoredKeyColumn(pass, [&](int index, const char *, auto column) {
            whole = whole && readColumn(*columns[std::size_t(index)], keys.*column, first, posts);
        });
        if (!whole)
            return -1;
        const auto languages = std::uint16_t(keys.languages.size());
        if (pass == PostKeys::LanguagesPass &&
            std::any_of(keys.language.begin() + first, keys.language.begin() + first + posts,
                        [&](std::uint16_t code) { return code > languages; }))
            return -1;
        last = first;
        ++n;
    }
    // The last chunk must reach `through` (with none read, the first must be there).
    const std::int64_t next = last < 0 ? 0 : last + StoredKeyChunkPosts;
    if (n < chunks && next <= keys.through)
        return -1;
    return n;
}

Result<bool> storedPostKeysStale(const Database &db)
{
    return guardSql("could not read the posts' kept keys", [&]() -> Result<bool> {
        if (!LittleEndian)
            return false;
        // The state and the tables of one commit: an index step may write them meanwhile.
        const ReadSnapshot snapshot(db);
        const std::int64_t lastPost = lastPostId(db);
        const auto stored = storedPostKeysState(db);
        if (!stored)
            return lastPost > 0;
        if (stored->through != lastPost || stored->contextPosts != caseContextPosts(db))
            return true;
        return stored->kept && !chunksInPlace(db, stored->through);
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
    // Read as the workbench reads them, from the kept keys and then the posts added since, in
    // one snapshot: the count of context posts they are kept with is the one they were read
    // at, whatever another connection collects meanwhile.
    PostKeys keys;
    std::int64_t contextPosts = 0;
    const auto read = guardSql(what, [&]() -> Result<bool> {
        const ReadSnapshot snapshot(db);
        contextPosts = caseContextPosts(db);
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
                            [&] { writeKeys(db, keys, fromId, contextPosts, progress); });
}

} // namespace chorus
