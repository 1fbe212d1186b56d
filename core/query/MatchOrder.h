#pragma once

#include "query/ListedMatches.h"
#include "query/PostOrderKeys.h"
#include "query/SearchHits.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace chorus::detail {

// A match's key in `order`, from the keys in memory (`at`: its post id).
HitKey hitKey(const PostOrderKeys &keys, HitOrder order, std::size_t at);

// The leading key of a match in `order` (its time, or its account), and the slices of
// equal width between `lowest` and `highest` that a list of `matches` is put in.
inline std::int64_t leadingKey(const PostOrderKeys &keys, HitOrder order, std::size_t at)
{
    return order == HitOrder::Account ? std::int64_t(keys.account[at]) : keys.time[at];
}
struct MatchSlices
{
    MatchSlices(std::int64_t lowest, std::int64_t highest, std::size_t matches);
    std::size_t of(std::int64_t key) const
    {
        return std::size_t((std::uint64_t(key) - std::uint64_t(m_lowest)) >> m_shift);
    }
    std::size_t count() const { return m_count; }

private:
    std::int64_t m_lowest;
    int m_shift; // slices a power of two wide: a shift, not a division, finds a match's slice
    std::size_t m_count;
};

// Puts a search's matches in a view's order by slices of its leading key (time, or account):
// slices of equal width between the matches' lowest and highest key, about a thousand matches
// each, each slice's matches placed together and in slice order (a count and a scatter: a few
// milliseconds for a million matches). A slice is sorted only when a page first needs it
// (settle): the first page of a narrowed search of a common word needs one or two, where
// sorting all its 858,716 matches took 35-73 ms at ten million posts. `forEach(f)` calls
// f(id) for each of the `count` matches, ascending by id; it is walked three times. Stops
// (throws) when `watch` sees the connection interrupted: the view's next query need not wait
// for the 60-250 ms this takes for the most common word at ten million posts.
template <typename ForEach>
void orderBySlices(const PostOrderKeys &keys, HitOrder order, std::size_t count,
                   const ForEach &forEachMatch, ListedMatches::Ordered &into,
                   const InterruptWatch &watch)
{
    into.ids.clear();
    into.sliceStarts.clear();
    into.sliceSettled.clear();
    if (count == 0)
        return;
    std::size_t walked = 0;
    const auto forEach = [&](const auto &f) {
        watch.check();
        forEachMatch([&](std::size_t at) {
            if ((++walked & 0xFFFF) == 0) // a few hundred checks for the most common word
                watch.check();
            f(at);
        });
    };
    std::int64_t lowest = 0, highest = 0;
    bool first = true;
    forEach([&](std::size_t at) {
        const std::int64_t key = leadingKey(keys, order, at);
        lowest = first ? key : std::min(lowest, key);
        highest = first ? key : std::max(highest, key);
        first = false;
    });
    const MatchSlices slices(lowest, highest, count);
    std::vector<std::uint32_t> starts(slices.count() + 1, 0);
    forEach([&](std::size_t at) { ++starts[slices.of(leadingKey(keys, order, at)) + 1]; });
    for (std::size_t s = 0; s < slices.count(); ++s)
        starts[s + 1] += starts[s];
    std::vector<std::uint32_t> next(starts.begin(), starts.end() - 1);
    into.ids.resize(count);
    forEach([&](std::size_t at) {
        into.ids[next[slices.of(leadingKey(keys, order, at))]++] = std::uint32_t(at);
    });
    into.sliceStarts = std::move(starts);
    into.sliceSettled.assign(slices.count(), 0);
}

// The ids at positions [first, last) of `ordered` (clamped to its size), in order: the slices
// they fall in are sorted now, once each. `ordered` was filled by orderBySlices in `order`, or
// is in order throughout (no slices). A sort stops (throws) when `watch` sees the connection
// interrupted, leaving its slice as it was.
std::span<const std::uint32_t> settle(const PostOrderKeys &keys, HitOrder order,
                                      ListedMatches::Ordered &ordered, std::size_t first,
                                      std::size_t last, const InterruptWatch &watch);

} // namespace chorus::detail
