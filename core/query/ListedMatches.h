#pragma once

#include "common/HugePageAllocator.h"
#include "store/Database.h"

#include <array>
#include <bit>
#include <cstdint>
#include <string>
#include <vector>

namespace chorus {

// The last searches the text index listed, each kept as one bit a post id: 1.25 MB at ten
// million posts, whatever the number of matches. Listing a word in half of those posts takes
// the index 0.1-0.2 s; a narrowed search's count, its first page and every change of its other
// terms (a kind, then a language, then a day) would each list it again. Walking the bits takes
// a few milliseconds. Kept per reading connection: not for use from two threads at once.
// (The most frequent words' matches are kept in the case as well, by the index step: read
// from there in 2-5 ms, not listed in 0.1-0.2 s.)
class ListedMatches
{
public:
    struct Matches
    {
        std::string match;                  // the text index's match expression
        std::int64_t through = -1;          // posts indexed when listed
        HugePageVector<std::uint64_t> bits; // bit id % 64 of word id / 64: post `id` matches
        std::int64_t count = 0;
        std::uint64_t used = 0;
    };

    // The matches of a search of `words` (PostFilter::text) among the posts indexed through
    // `through` (ids below `posts`): kept here, else the index step's for a frequent word
    // (store/FrequentTerms), else listed now. nullptr when the index lists an id of `posts` or
    // more.
    const Matches *of(const Database &db, const std::string &words, std::int64_t through,
                      std::size_t posts);

    // A search's matches (the words' narrowed by other terms) as post ids, 4 bytes a match:
    // ascending by id as the narrowing found them (ByIdOrder), or put in a view's order once
    // and paged from there.
    static constexpr int ByIdOrder = -2;
    struct Ordered
    {
        std::string match, terms; // the words' match expression, the other terms' signature
        int order = -1;           // ByIdOrder, a view's order, or -1 for none
        std::int64_t through = -1;
        std::vector<std::uint32_t> ids;
        // When put in a view's order by slices (query/MatchOrder): slice s holds
        // ids[sliceStarts[s], sliceStarts[s + 1]), in order once sliceSettled[s]. Empty: the
        // ids are in their order throughout.
        std::vector<std::uint32_t> sliceStarts;
        std::vector<std::uint8_t> sliceSettled;
        std::uint64_t used = 0;
    };
    // The kept ones for these, or nullptr.
    Ordered *ordered(const std::string &match, const std::string &terms, int order,
                     std::int64_t through);
    // The least recently used place to keep another, emptied (its `through` -1 until filled).
    Ordered &orderedSlot();

    // Calls f(id) for each matching id, ascending.
    template <typename F> static void forEach(const Matches &matches, F &&f)
    {
        forEach(matches, f, [](std::size_t) { return ~std::uint64_t(0); });
    }
    // Calls f(id) for each matching id that `mask(word)` keeps (bit i: id 64 * word + i),
    // ascending; the mask is asked only for words with a match.
    template <typename F, typename Mask>
    static void forEach(const Matches &matches, F &&f, Mask &&mask)
    {
        for (std::size_t w = 0; w < matches.bits.size(); ++w) {
            if (matches.bits[w] == 0)
                continue;
            for (std::uint64_t word = matches.bits[w] & mask(w); word != 0; word &= word - 1)
                f(w * 64 + std::size_t(std::countr_zero(word)));
        }
    }

private:
    static constexpr std::size_t Kept = 2; // a search, and the one before it
    std::array<Matches, Kept> m_kept;
    // A search's matches by id and in both of the views' orders (a user switching the sort).
    // At least two: an order is sorted from the list by id (the most recently used) into the
    // least recently used slot.
    std::array<Ordered, 3> m_ordered;
    static_assert(std::tuple_size_v<decltype(m_ordered)> >= 2);
    std::uint64_t m_uses = 0;
};

} // namespace chorus
