#pragma once

// The parts of the posts table's views and the reading of their rows, for PostPaging.cpp (an
// internal header of query/, not part of its API).
#include "query/PostQueries.h"
#include "query/SearchHits.h"
#include "query/SqlFilter.h"
#include "store/StoredPageAnchors.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace chorus::detail {

// Rows from a view's start or end read from the matches nearest it, while the whole order of
// the matches is not kept (readHits): the first pages a user scrolls through.
constexpr std::size_t HeadRows = 1024;

// One part of a view: its rows (beyond the filter), the cluster number it shows, and its
// order, made total by the post id so that a key names exactly one row. SQL may name ?1, the
// latest clustering run; the filter's bare "?" then number from 2.
struct ViewPart
{
    std::string from;
    std::string condition; // "" or a condition on top of the filter
    std::string clusterNumber;
    std::string order;      // for the inner select
    std::string outerOrder; // the same order over the inner select's columns
    std::string keyColumns; // the order's columns, for row values
    int keyCount = 0;
    // Counts the part's rows when no filter applies, without reading the posts ("" = count
    // from `from`).
    std::string countAll = {};
    // The index of posts that gives the order, when `from` is posts alone: a page may walk it
    // (TextMatches).
    std::string orderIndex = {};
    // The part's anchors kept in the case, for the view of all posts (StoredPageAnchors).
    AnchoredView stored = {};
    // Counts the part's rows under a filter, when `from`'s joins suit its order but not a
    // count ("" = count from `from`).
    std::string countFrom = {};
};

// A text search with very many matches (a common word) pages best by walking the order's
// index and keeping the matches: SQLite's own choice reads every match to sort it, about 3 us a
// match for every page, where the walk costs about 0.3 us an index entry. But the walk's cost
// depends on where the matches lie: a campaign's phrase posted in its last days, paged from
// the first, walks nearly the whole index (3 s at ten million posts). So the walk is taken only
// when even that worst case costs at most twice SQLite's plan (matches >= posts / 20), and the
// page's own estimate (posts / matches entries a row, from its anchor) is cheaper. Only for a
// search of the text alone: kind, language, account, cluster or time filters change how many
// rows the walk finds, and most have an index of their own.
struct TextMatches
{
    std::int64_t matches = 0; // 0: no such filter, or nothing matches
    std::int64_t posts = 0;

    // Whether the walk may be taken at all: even a walk of the whole index costs at most
    // twice SQLite's plan.
    bool walkMayPay() const
    {
        return matches > 0 && double(posts) * 0.3 <= 2.0 * double(matches) * 3.0;
    }
    // Whether a page that walks `rows` rows of the order costs less by the walk.
    bool walkIsCheaper(std::int64_t rows) const
    {
        const double sorting = double(matches) * 3.0;
        const double expectedWalk = double(rows) * double(posts) / double(matches) * 0.3;
        return walkMayPay() && expectedWalk < sorting;
    }
    // A walk keeps the matches it meets by a list of all of them the text index makes first
    // (about 0.15 us a match: 0.75 s for a word in half of ten million posts, for every page),
    // or by asking the index about each row it meets (about 40 us a row). The second is
    // cheaper for a page that walks `rows` rows of the order when the matches are very many.
    bool askPerRow(std::int64_t rows) const
    {
        const double perRow = double(rows) * double(posts) / double(matches) * 40.0;
        return matches > 0 && perRow < double(matches) * 0.15;
    }
    // Whether a page that walks `rows` rows of the order from its start costs more than
    // putting the matches in the view's order from the keys in memory and reading the page by
    // position: about 0.04 us a match (0.2 s for 4.9 million at ten million posts, less since),
    // where the walk took about 1.3 us an entry of the order's index (6.4 s to the middle of
    // `the`).
    bool seekFromKeysPays(std::int64_t rows) const
    {
        return matches > 0 &&
               double(rows) * double(posts) / double(matches) * 1.3 > double(matches) * 0.04;
    }
    // The searches the walk never pays for are paged from a table of their matches in the
    // view's order (SearchHits), made once per search and order: its cost is about that of
    // one page by SQLite's plan, every later page a few milliseconds. Only views of one part
    // (the time and account orders): the cluster order's parts would each need their own.
    bool pagedFromHits(std::size_t parts) const
    {
        return matches > 0 && !walkMayPay() && parts == 1;
    }
};

TextMatches textMatches(const Database &db, const PostFilter &filter);

// The parts of a view in `sort` order: one, or the clustered and the other posts in the
// cluster order of run `run`.
std::vector<ViewPart> viewParts(PostSort sort, bool descending, std::int64_t run);

// `where` (" WHERE ..." or "") and `condition`.
std::string andWhere(const std::string &where, const std::string &condition);
// The part's rows under the filter: " WHERE ...".
std::string whereOf(const ViewPart &part, const SqlFilter &sql);
// The rows from a key on, in the view's direction: "(columns) >= (?, ?)". SQLite seeks to it
// through the index that gives the order.
std::string fromKeyCondition(const ViewPart &part, bool descending, bool inclusive);
// Prepares `text` and binds ?1 = run when the text names it, then the filter's values;
// returns the statement and the next free parameter.
std::pair<Statement, int> prepareWithRun(const Database &db, const std::string &text,
                                         std::int64_t run, const SqlFilter &sql);

// Where a page of a part starts: after `skip` rows from the row of `key` (from the part's
// first row when there is no key).
struct PageStart
{
    std::optional<PageAnchors::Key> key;
    std::int64_t skip = 0;
};

// The order of the search's matches a part shows.
HitOrder hitOrder(const ViewPart &part);

// Reads up to `limit` rows of a part from `start`.
void readPart(const Database &db, const ViewPart &part, bool descending, std::int64_t run,
              const PostFilter &filter, const TextMatches &text, const PageStart &start,
              std::int64_t limit, std::vector<PostRow> &rows);

// Reads up to `limit` rows of a one-part view from `offset`, from the search's table of matches
// in the part's order.
void readHits(const Database &db, const ViewPart &part, bool descending, std::int64_t run,
              const PostFilter &filter, std::int64_t offset, std::int64_t limit,
              const PostOrderKeys *keys, std::vector<PostRow> &rows);

// Reads the rows of `posts` (post id, the cluster number it is shown with), in that order.
void readPostsAt(const Database &db,
                 const std::vector<std::pair<std::int64_t, std::int64_t>> &posts,
                 std::vector<PostRow> &rows);

} // namespace chorus::detail
