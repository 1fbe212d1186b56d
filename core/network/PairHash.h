#pragma once

#include "network/NetworkTypes.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace chorus::pairhash {

// What CoordinationNetworkBuilder and its repeat filter key account pairs by.

// A pair of accounts in one number: low account << 32 | high account.
inline std::uint64_t pairKey(const CoEvent &a, const CoEvent &b)
{
    const std::uint64_t low = std::min(a.account, b.account);
    const std::uint64_t high = std::max(a.account, b.account);
    return (low << 32) | high;
}

// The pair key's bits mixed: the top ten pick the pass bucket, the low ones the table slot
// and the filter cell.
inline std::uint64_t mix(std::uint64_t key)
{
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    return key;
}

inline int bucketOf(std::uint64_t hash)
{
    return int(hash >> 54);
}

// A co-action met on a walk, with what counting it takes.
struct MetCoAction
{
    std::uint64_t key = 0;  // pairKey()
    std::uint64_t hash = 0; // mix(key)
    std::uint32_t object = 0;
    std::int64_t gap = 0; // seconds between the two actions
};

// Co-actions are taken this many at a time, their memory fetched ahead together, so that
// the cache misses of a table far larger than the caches overlap.
constexpr std::size_t PrefetchBatch = 16;

} // namespace chorus::pairhash
