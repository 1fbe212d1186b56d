#pragma once

#include "common/Error.h"
#include "common/Progress.h"
#include "store/Database.h"
#include "store/PostKeys.h"

#include <cstdint>
#include <optional>

namespace chorus {

// The posts' keys (store/PostKeys) kept in the case (schema v17; since v20 each reading
// pass's columns in a table of their own), made by the index step (store/TextIndex): a reader
// takes them from a few hundred blobs in a fraction of a second, where walking the posts'
// indexes took 2.8 s at ten million posts, during which a narrowed search of a common word
// read the rows (2.6 s). Tables post_key_facet_chunks (the kinds' pass), post_key_language_chunks
// and post_key_order_chunks (times and accounts) hold the posts first_id .. first_id +
// StoredKeyChunkPosts - 1 of each chunk as arrays of each key, in little-endian order;
// post_key_languages the language codes; post_keys_made how far they go and the case's count
// of context posts they are of. A later index step rewrites the chunks from the first that
// changed: the last one and the new ones after an import, all of them when a context post was
// collected since. A machine that is not little-endian neither writes nor reads them, and
// walks.

constexpr std::int64_t StoredKeyChunkPosts = 65536;

// Which of PostKeys' columns each reading pass (PostKeys::KeptPass) keeps in its table, in the
// table's order: calls f(index, column's name, member) for each. The one place that says it:
// the writing, the size check, the reading and a pass's bytes a post follow it.
template <typename F> constexpr void eachStoredKeyColumn(int pass, F &&f)
{
    if (pass == PostKeys::KindsPass) {
        f(0, "facets", &PostKeys::facets);
    } else if (pass == PostKeys::LanguagesPass) {
        f(0, "language", &PostKeys::language);
    } else if (pass == PostKeys::OrdersPass) {
        f(0, "time", &PostKeys::time);
        f(1, "account", &PostKeys::account);
    }
}

// A post's bytes in one of PostKeys' columns.
template <typename T> constexpr std::int64_t storedKeyBytes(PostKeys::Column<T> PostKeys::*)
{
    return sizeof(T);
}

// A post's bytes in a pass's table: 1, 2 and 12.
constexpr std::int64_t storedKeyPassBytes(int pass)
{
    std::int64_t bytes = 0;
    eachStoredKeyColumn(
        pass, [&bytes](int, const char *, auto column) { bytes += storedKeyBytes(column); });
    return bytes;
}

struct StoredPostKeysState
{
    std::int64_t through = 0;      // the chunks hold every post with id <= through
    std::int64_t contextPosts = 0; // the case's context posts when they were made
    bool kept = false;             // false: the keys could not be held (PostKeys::unusable)
};

// How far the kept keys go; nothing when none were made (or not on this machine's byte order).
std::optional<StoredPostKeysState> storedPostKeysState(const Database &db);

// For PostKeys: starts from the kept keys when there are some of the case's posts, up to
// `lastPost`; false when there are none to start from. Reads the language codes.
bool startFromStoredPostKeys(const Database &db, PostKeys &keys, std::int64_t lastPost);
// For PostKeys: reads the columns of the reading's pass (PostKeys::keptPass) of up to `chunks`
// more chunks, after the pass's last (keptLast). Returns the chunks read, or -1 when they are
// not what they should be (the reading then walks instead).
std::int64_t readStoredPostKeyChunks(const Database &db, PostKeys &keys, std::int64_t chunks);

// Whether the kept keys are not of the case as it is.
Result<bool> storedPostKeysStale(const Database &db);

// Makes them again when they are not of the case as it is, in a transaction; Cancel stops it
// and leaves them as they were.
Status updateStoredPostKeys(const Database &db, ProgressSink &progress);

} // namespace chorus
