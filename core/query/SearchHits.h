#pragma once

#include "query/KeyFilter.h"
#include "query/PostOrderKeys.h"
#include "query/PostQueries.h"
#include "store/Database.h"

#include <array>
#include <bit>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace chorus::detail {

// A search's matches in one order of the posts table, numbered 1, 2, ... in that order in
// a temporary table of the reading connection: a page is then a range of those numbers, read
// in a few milliseconds, where SQLite's own plan reads and sorts every match again for every
// page (0.1-0.5 s for tens of thousands of matches at ten million posts). Made on first use
// for (search, order, posts indexed so far): posts indexed later make a new table, so a table
// never misses a match. The last few tables are kept (a user going back and forth between
// searches and orders), older ones dropped.
struct SearchHits
{
    std::string table; // "temp.search_hits_N", with columns pos and post
    std::int64_t rows = 0;
};

// The orders a table of matches is made in, ascending: by (created_at, id) or by
// (account_id, created_at, id).
enum class HitOrder { Time, Account };

// A match's sort key in a HitOrder: (created_at, id, 0) or (account_id, created_at, id).
using HitKey = std::array<std::int64_t, 3>;

// A search here is a filter with words to find, alone or narrowed by terms the posts' keys
// answer (query/KeyFilter: accounts, time, kind, language, collected only); its matches are
// the posts the text index finds that pass those terms.

// The keys of every match of `search`, ascending in `order`, from the keys held in memory;
// nothing when those do not hold every indexed post, or the filter is not such a search.
std::optional<std::vector<HitKey>> matchesInOrder(const Database &db, const PostFilter &search,
                                                  HitOrder order, const PostOrderKeys &keys);

// A search's matches in a view's order, kept with the posts' keys (4 bytes a match) so that a
// page is a slice of them: ordered by slices of the leading key once, each slice sorted when a
// page first reaches it (query/MatchOrder). Valid until the next search with these keys.
class OrderedMatches
{
public:
    // Sorting for ids() stops (throws) when the connection is interrupted (InterruptWatch).
    OrderedMatches(const Database &db, const PostOrderKeys &keys, HitOrder order,
                   ListedMatches::Ordered &kept)
        : m_keys(&keys), m_order(order), m_kept(&kept), m_watch(db)
    {}
    std::size_t size() const { return m_kept->ids.size(); }
    // The ids at positions [first, last) from 0 (clamped to the matches), ascending in the order.
    std::span<const std::uint32_t> ids(std::size_t first, std::size_t last) const;

private:
    const PostOrderKeys *m_keys;
    HitOrder m_order;
    ListedMatches::Ordered *m_kept;
    InterruptWatch m_watch;
};

// What a search's kept count, table or list of matches is known by: the words' match
// expression, the other terms, and how far the text index had got (SearchHits.cpp says more).
struct SearchKey
{
    std::string match, terms;
    std::int64_t through = 0;
};

// A search the posts' keys answer: its terms are among theirs, they hold every indexed post and
// their context flags are current. What it is known by takes a few small reads, made once for
// all that a page asks of it. Refers to the connection, filter and keys it was made from.
struct KeyedSearch
{
    const Database *db;
    const PostFilter *search;
    const PostOrderKeys *keys;
    SearchKey key;
};

// Nothing when the keys cannot answer `search` (see KeyedSearch).
std::optional<KeyedSearch> keyedSearch(const Database &db, const PostFilter &search,
                                       const PostOrderKeys &keys);
// A search whose matches the keys can tell, though maybe not put in order: keyedSearch(), or a
// search narrowed only by kinds, languages or collected posts once the keys hold the facets
// of every indexed post (PostKeys::facetsCover), their times and accounts still to read. For
// its count and keyedMatches() only.
std::optional<KeyedSearch> termsKeyedSearch(const Database &db, const PostFilter &search,
                                            const PostOrderKeys &keys);

// A search's matches from the keys in memory: the words' matches the text index listed, and
// the other terms over the keys.
struct KeyedMatches
{
    const ListedMatches::Matches *listed = nullptr;
    std::optional<KeyFilter::Bound> passes; // nothing: words alone

    // Calls f(id) for every match, ascending by id.
    template <typename F> void forEach(F &&f) const
    {
        if (!passes) {
            ListedMatches::forEach(*listed, f);
            return;
        }
        ListedMatches::forEach(*listed, f, [this](std::size_t w) { return passes->passes(w); });
    }

    // Whether post `id` is one of them.
    bool contains(std::int64_t id) const
    {
        if (id < 0)
            return false;
        const auto word = std::size_t(id) / 64;
        const std::uint64_t bit = std::uint64_t(1) << (std::size_t(id) % 64);
        if (word >= listed->bits.size() || (listed->bits[word] & bit) == 0)
            return false;
        return !passes || (passes->passes(word) & bit) != 0;
    }

    // Their number, without listing them.
    std::int64_t count() const
    {
        if (!passes)
            return listed->count;
        std::int64_t n = 0;
        for (std::size_t w = 0; w < listed->bits.size(); ++w)
            if (listed->bits[w] != 0)
                n += std::popcount(listed->bits[w] & passes->passes(w));
        return n;
    }
};

// The search's matches from the keys (a keyedSearch() or a termsKeyedSearch()); nothing when
// they cannot list its words.
std::optional<KeyedMatches> keyedMatches(const KeyedSearch &search);

// The search's matches in `order`; nothing when the keys cannot list its words.
std::optional<OrderedMatches> orderedMatches(const KeyedSearch &search, HitOrder order);
// The same for a filter; nothing as for matchesInOrder.
std::optional<OrderedMatches> orderedMatches(const Database &db, const PostFilter &search,
                                             HitOrder order, const PostOrderKeys &keys);

struct MatchHead;
// The `k` matches of `search` nearest the start of `order` (or, `last`, its end), picked in one
// walk over them (query/MatchHead), and their number; nothing as for orderedMatches. For the
// first pages of a view: it holds 64 bytes for each of `k` (readHits asks for at most 1,024).
std::optional<MatchHead> searchHead(const KeyedSearch &search, HitOrder order, std::size_t k,
                                    bool last);
std::optional<MatchHead> searchHead(const Database &db, const PostFilter &search, HitOrder order,
                                    const PostOrderKeys &keys, std::size_t k, bool last);

// Whether the search's matches are kept in `order` with the keys: a match at any position is
// then found by sorting one slice of about a thousand (some 50 us).
bool orderKept(const KeyedSearch &search, HitOrder order);
bool orderKept(const Database &db, const PostFilter &search, HitOrder order,
               const PostOrderKeys &keys);

// With `keys` that hold every indexed post, the matches are narrowed and put in order from
// them; otherwise SQLite reads each match's row.
SearchHits searchHits(const Database &db, const PostFilter &search, HitOrder order,
                      const PostOrderKeys *keys = nullptr);

// The number of matches of `search`, counted once per (search, posts indexed so far) on this
// connection and then remembered: counting a word in half of ten million posts reads its whole
// list of matches (about 0.1 s), and the posts table asks for the count of its search for
// every page it reads. Words alone are counted by the text index, narrowed searches from the
// keys when given (or from a kept table of their matches), else by reading the rows.
std::int64_t searchMatchCount(const Database &db, const PostFilter &search,
                              const PostOrderKeys *keys = nullptr);

} // namespace chorus::detail
