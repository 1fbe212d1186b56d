#pragma once

#include "query/MatchOrder.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace chorus::detail {

// The matches nearest one end of a view's order, picked without putting every match in order.
struct MatchHead
{
    // Ascending in the order: the `k` first matches, or the `k` last (fewer when there are
    // fewer matches).
    std::vector<std::uint32_t> ids;
    std::size_t matches = 0; // every match walked
};

// The first page of a search is all a user sees before the next keystroke, and putting all
// the matches in order first (orderBySlices: three walks over them and 4 bytes a match of
// fresh memory, 25-35 ms for `the` narrowed to replies at ten million posts) is most of its
// time. Here one walk keeps the `k` matches nearest the start (or, `last`, the end) of `order`
// in a heap and counts them all: the same matches, in the same order, as the whole order's
// first (or last) k, ties being broken by id in both. `forEach(f)` calls f(id) for each match.
// Stops (throws) when `watch` sees the connection interrupted.
template <typename ForEach>
MatchHead matchHead(const PostOrderKeys &keys, HitOrder order, std::size_t k, bool last,
                    const ForEach &forEachMatch, const InterruptWatch &watch)
{
    struct Entry
    {
        HitKey key;
        std::uint32_t id;
    };
    // The heap's top is the kept match farthest from the end: the next to give way.
    const auto fartherFirst = [last](const Entry &a, const Entry &b) {
        return last ? b.key < a.key : a.key < b.key;
    };
    MatchHead head;
    std::vector<Entry> heap;
    heap.reserve(k);
    watch.check();
    forEachMatch([&](std::size_t at) {
        if ((++head.matches & 0xFFFF) == 0)
            watch.check();
        if (k == 0)
            return;
        const Entry entry{hitKey(keys, order, at), std::uint32_t(at)};
        if (heap.size() < k) {
            heap.push_back(entry);
            std::push_heap(heap.begin(), heap.end(), fartherFirst);
        } else if (fartherFirst(entry, heap.front())) {
            std::pop_heap(heap.begin(), heap.end(), fartherFirst);
            heap.back() = entry;
            std::push_heap(heap.begin(), heap.end(), fartherFirst);
        }
    });
    std::sort(heap.begin(), heap.end(),
              [](const Entry &a, const Entry &b) { return a.key < b.key; });
    head.ids.reserve(heap.size());
    for (const Entry &entry : heap)
        head.ids.push_back(entry.id);
    return head;
}

} // namespace chorus::detail
