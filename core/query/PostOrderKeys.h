#pragma once

#include "query/ListedMatches.h"
#include "store/PostKeys.h"

namespace chorus {

// The posts' keys (store/PostKeys) as the posts table's reader holds them, with the matches
// of the last searches listed against them.
struct PostOrderKeys : PostKeys
{
    // The last searches' matches listed against these keys (on the reading thread that holds
    // them, as the keys themselves): a cache, hence mutable.
    mutable ListedMatches listed;
};

// Reads the keys of up to `rows` more posts of the case (extendPostKeys).
inline bool extendPostOrderKeys(const Database &db, PostOrderKeys &keys, std::int64_t rows)
{
    return extendPostKeys(db, keys, rows);
}

} // namespace chorus
