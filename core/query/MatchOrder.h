#pragma once

#include "query/ListedMatches.h"
#include "query/PostOrderKeys.h"
#include "query/SearchHits.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace chorus::detail {

// A match's key in `order`, from the keys in memory (`at`: its post id).
HitKey hitKey(const PostOrderKeys &keys, HitOrder order, std::size_t at);

// Puts a search's matches (post ids, ascending) in a view's order by slices of its leading key
// (time, or account): up to 65,536 slices of equal width between the matches' lowest and highest
// key, each slice's matches placed together and in slice order (a count and a scatter: a few
// milliseconds for a million matches). A slice is sorted only when a page first needs it
// (settle): the first page of a narrowed search of a common word needs a few slices, where
// sorting all its 858,716 matches took 35-73 ms at ten million posts.
void orderBySlices(const PostOrderKeys &keys, HitOrder order,
                   const std::vector<std::uint32_t> &byId, ListedMatches::Ordered &into);

// The ids at positions [first, last) of `ordered` (clamped to its size), in order: the slices
// they fall in are sorted now, once each. `ordered` was filled by orderBySlices in `order`, or
// is in order throughout (no slices).
std::span<const std::uint32_t> settle(const PostOrderKeys &keys, HitOrder order,
                                      ListedMatches::Ordered &ordered, std::size_t first,
                                      std::size_t last);

} // namespace chorus::detail
