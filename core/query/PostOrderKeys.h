#pragma once

#include "query/ClusteredMembers.h"
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

    // The last first page of a narrowed search found from the facets alone, the times and
    // accounts still to read (query/TermsHead): whether it can be found decides whether the
    // page waits for the rest of the keys (PostQueries::readOrderKeysFor), and the page then
    // takes it from here. A cache as `listed` is.
    struct FacetsHead
    {
        // What it was found for: the search (SearchKey), the order, which end, how many rows,
        // and the bounds of its walk and lookups.
        struct Key
        {
            std::string match, terms;
            std::int64_t through = -1;
            int order = -1;
            bool last = false;
            std::size_t k = 0;
            std::int64_t walkedEntries = 0, lookedUpMatches = 0;
            bool operator==(const Key &) const = default;
        };
        Key key;
        bool found = false; // false: the walk gave up
        std::vector<std::uint32_t> ids;
        std::size_t matches = 0;
    };
    mutable FacetsHead facetsHead;

    // The latest clustering run's members in the cluster order, for narrowed views in that
    // order (query/ClusterOrder). A cache as `listed` is.
    mutable ClusteredMembers clusterMembers;
};

// Reads the keys of up to `rows` more posts of the case (extendPostKeys).
inline bool extendPostOrderKeys(const Database &db, PostOrderKeys &keys, std::int64_t rows)
{
    return extendPostKeys(db, keys, rows);
}

} // namespace chorus
