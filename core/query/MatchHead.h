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
// and counts them all: the same matches, in the same order, as the whole order's first (or
// last) k, ties being broken by id in both. Candidates are gathered up to 2k, then the k
// nearest kept (nth_element) and the farthest of them made the bound a match must beat: a
// walk in which nearly every match is nearer than the last (ids rising with time, read
// newest first) trims once every k matches, where a heap was rebuilt for each of them.
// `forEach(f)` calls f(id) for each match. Stops (throws) when `watch` sees the connection
// interrupted.
template <typename ForEach>
MatchHead matchHead(const PostOrderKeys &keys, HitOrder order, std::size_t k, bool last,
                    const ForEach &forEachMatch, const InterruptWatch &watch)
{
    struct Entry
    {
        HitKey key;
        std::uint32_t id;
    };
    const auto nearer = [last](const HitKey &a, const HitKey &b) { return last ? b < a : a < b; };
    const auto nearerEntry = [&nearer](const Entry &a, const Entry &b) {
        return nearer(a.key, b.key);
    };
    std::vector<Entry> kept;
    kept.reserve(2 * k);
    bool bounded = false;
    HitKey bound{};
    const auto trim = [&] {
        std::nth_element(kept.begin(), kept.begin() + std::ptrdiff_t(k - 1), kept.end(),
                         nearerEntry);
        kept.resize(k);
        bound = kept.back().key;
        bounded = true;
    };
    MatchHead head;
    watch.check();
    forEachMatch([&](std::size_t at) {
        if ((++head.matches & 0xFFFF) == 0)
            watch.check();
        if (k == 0)
            return;
        const HitKey key = hitKey(keys, order, at);
        if (bounded && !nearer(key, bound))
            return;
        kept.push_back({key, std::uint32_t(at)});
        if (kept.size() == 2 * k)
            trim();
    });
    if (kept.size() > k)
        trim();
    std::sort(kept.begin(), kept.end(),
              [](const Entry &a, const Entry &b) { return a.key < b.key; });
    head.ids.reserve(kept.size());
    for (const Entry &entry : kept)
        head.ids.push_back(entry.id);
    return head;
}

} // namespace chorus::detail
