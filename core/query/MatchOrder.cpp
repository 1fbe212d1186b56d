#include "query/MatchOrder.h"

#include <algorithm>
#include <bit>
#include <limits>
#include <utility>

namespace chorus::detail {

namespace {

// About this many matches a slice: sorting one for a page takes some 50 us, and the scatter
// into slices writes to a few thousand places at once (to 65,536, it took twice as long).
constexpr std::size_t MatchesASlice = 1024;
// At most 2^16 slices (256 KB of slice starts).
constexpr int MostSliceBits = 16;
// A slice of this many matches or more is sorted by radix, smaller ones by comparison.
constexpr std::size_t RadixFrom = 4096;

// A match as the order sorts it: its time (less the earliest, for the radix sort), its
// account, its id. Read once from the keys, so that sorting reads no key again (the keys of a
// slice's matches lie far apart in memory).
struct SortedMatch
{
    std::uint64_t time;
    std::uint32_t account;
    std::uint32_t id;
};

// Sorts `matches` by key(match), stably, 11 bits a pass (least significant first) over the
// `bits` the keys take: a few ms for a million matches, where std::sort of their keys took
// 60 ms.
template <typename Key>
void radixSort(std::vector<SortedMatch> &matches, std::vector<SortedMatch> &spare, Key key,
               int bits, const InterruptWatch &watch)
{
    constexpr int Digit = 11;
    std::vector<std::size_t> starts(std::size_t(1) << Digit);
    for (int shift = 0; shift < bits; shift += Digit) {
        watch.check();
        std::fill(starts.begin(), starts.end(), 0);
        for (const SortedMatch &m : matches)
            ++starts[(key(m) >> shift) & ((1u << Digit) - 1)];
        std::size_t at = 0;
        for (std::size_t &start : starts)
            at += std::exchange(start, at);
        spare.resize(matches.size());
        for (const SortedMatch &m : matches)
            spare[starts[(key(m) >> shift) & ((1u << Digit) - 1)]++] = m;
        matches.swap(spare);
    }
}

// Puts the ids [begin, end) in `order`. Matches that tie on (time) or (account, time) keep
// the order they come in, which is ascending by id: the slices are filled from a list by id.
// The ids are written back only once sorted: stopped by `watch`, they stay as they were.
void sortIds(const PostOrderKeys &keys, HitOrder order, std::uint32_t *begin, std::uint32_t *end,
             const InterruptWatch &watch)
{
    const auto n = std::size_t(end - begin);
    if (n < 2)
        return;
    watch.check();
    std::vector<SortedMatch> sorted;
    sorted.reserve(n);
    std::int64_t earliest = std::numeric_limits<std::int64_t>::max();
    std::int64_t latest = std::numeric_limits<std::int64_t>::min();
    std::uint32_t lastAccount = 0;
    for (const std::uint32_t *at = begin; at != end; ++at) {
        const std::int64_t time = keys.time[*at];
        earliest = std::min(earliest, time);
        latest = std::max(latest, time);
        lastAccount = std::max(lastAccount, keys.account[*at]);
        sorted.push_back({std::uint64_t(time), keys.account[*at], *at});
    }
    for (SortedMatch &m : sorted)
        m.time -= std::uint64_t(earliest);
    if (n < RadixFrom) {
        const bool byAccount = order == HitOrder::Account;
        std::stable_sort(sorted.begin(), sorted.end(),
                         [byAccount](const SortedMatch &a, const SortedMatch &b) {
                             if (byAccount && a.account != b.account)
                                 return a.account < b.account;
                             return a.time < b.time;
                         });
    } else {
        std::vector<SortedMatch> spare;
        radixSort(
            sorted, spare, [](const SortedMatch &m) { return m.time; },
            std::bit_width(std::uint64_t(latest) - std::uint64_t(earliest)), watch);
        if (order == HitOrder::Account)
            radixSort(
                sorted, spare, [](const SortedMatch &m) { return std::uint64_t(m.account); },
                std::bit_width(lastAccount), watch);
    }
    for (std::size_t i = 0; i < n; ++i)
        begin[i] = sorted[i].id;
}

} // namespace

HitKey hitKey(const PostOrderKeys &keys, HitOrder order, std::size_t at)
{
    const auto id = std::int64_t(at);
    return order == HitOrder::Account ? HitKey{keys.account[at], keys.time[at], id}
                                      : HitKey{keys.time[at], id, 0};
}

MatchSlices::MatchSlices(std::int64_t lowest, std::int64_t highest, std::size_t matches)
    : m_lowest(lowest)
{
    const int bits = std::min(MostSliceBits, int(std::bit_width(matches / MatchesASlice)));
    const std::uint64_t range = std::uint64_t(highest) - std::uint64_t(lowest);
    // At most 63: a range of 2^64 - 1 (times at both ends of int64) with one slice would
    // shift by 64, which C++ leaves undefined; two slices then.
    m_shift = std::min(63, std::max(0, int(std::bit_width(range)) - bits));
    m_count = std::size_t(range >> m_shift) + 1;
}

std::span<const std::uint32_t> settle(const PostOrderKeys &keys, HitOrder order,
                                      ListedMatches::Ordered &ordered, std::size_t first,
                                      std::size_t last, const InterruptWatch &watch)
{
    std::vector<std::uint32_t> &ids = ordered.ids;
    last = std::min(last, ids.size());
    first = std::min(first, last);
    const std::vector<std::uint32_t> &starts = ordered.sliceStarts;
    std::vector<std::uint8_t> &settled = ordered.sliceSettled;
    if (!starts.empty() && first == 0 && last == ids.size() && !ids.empty()) {
        // Every slice: one sort of them all, reading each match's keys in the order of the
        // ids, not slice by slice; nothing when a view asks for every match again.
        if (!std::all_of(settled.begin(), settled.end(), [](std::uint8_t s) { return s != 0; })) {
            sortIds(keys, order, ids.data(), ids.data() + ids.size(), watch);
            std::fill(settled.begin(), settled.end(), 1);
        }
    } else if (!starts.empty() && first < last) {
        // From the slice holding `first`: the last one that starts at or before it.
        auto s =
            std::size_t(std::upper_bound(starts.begin(), starts.end(), first) - starts.begin()) - 1;
        for (; s < settled.size() && starts[s] < last; ++s)
            if (!settled[s]) {
                sortIds(keys, order, ids.data() + starts[s], ids.data() + starts[s + 1], watch);
                settled[s] = 1;
            }
    }
    return {ids.data() + first, last - first};
}

} // namespace chorus::detail
