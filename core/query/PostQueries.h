#pragma once

#include "common/Error.h"
#include "query/PostOrderKeys.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chorus {

class CaseStore;

// Which posts a view shows. Empty fields do not filter. A value type: views copy it freely
// and compare it to drop stale results.
struct PostFilter
{
    std::string text;                     // the user's words; every word must occur (FTS5, quoted)
    std::int64_t accountId = 0;           // accounts.id
    std::vector<std::int64_t> accountIds; // any of these accounts (a group chosen in a view)
    std::int64_t clusterId = 0;           // clusters.id (of any run)
    std::optional<std::int64_t> from;     // created_at >= from (UTC epoch seconds)
    std::optional<std::int64_t> to;       // created_at < to
    std::string language;
    std::string kind; // post, reply, repost, quote
    // Posts the analyst tagged so: the post itself, its account, a cluster or campaign it is in,
    // or a community its account is in.
    std::string tag;
    // Leave out context posts (originals that collected posts refer to).
    bool collectedOnly = false;

    bool isEmpty() const;
    bool operator==(const PostFilter &) const = default;
};

enum class PostSort {
    Time,    // oldest first (index posts_time)
    Account, // grouped by account in import order, each account's posts by time
    Cluster, // clustered posts first by cluster number, then the rest; by time within
};

// One row of the posts table, as stored (text is untrusted: show it as plain text).
struct PostRow
{
    std::int64_t id = 0;
    std::string platformId;
    std::int64_t createdAt = 0;
    std::int64_t accountId = 0;
    std::string accountHandle;
    std::string text;
    std::string kind;
    std::string language;
    std::int64_t clusterNumber = 0; // in the latest clustering run; 0 = in no cluster
    bool context = false;           // held because a collected post refers to it
};

// Everything about one post for the detail pane: where it came from (source file, its hash,
// the line) and what it links to. Texts are untrusted.
struct PostDetail
{
    std::int64_t id = 0;
    std::string platform;
    std::string platformId;
    std::int64_t createdAt = 0;
    std::string kind;
    std::string language;
    std::string text;
    std::string replyTo, repostOf, quoteOf;
    std::int64_t accountId = 0;
    std::string accountPlatformId, handle, displayName;
    std::string sourceFile, sourceSha256;
    std::int64_t sourceLine = 0;
    std::vector<std::string> urls, hashtags, mentions;
    std::int64_t clusterNumber = 0; // in the latest clustering run; 0 = in no cluster
    bool context = false;           // held because a collected post refers to it
    std::string place, placeCountry;
    std::vector<std::string> editHistory; // ids of every version, oldest first
};

// Turns what the user typed into an FTS5 query in which every word is a quoted string, so
// that FTS5 operators and syntax in the input (AND, NEAR, *, ", :, ^, parentheses) are
// searched for as text and can never make the query fail. Empty when there is no word.
std::string ftsMatchExpression(std::string_view userText);

// Every Nth row's sort key of one view of the posts (a filter, a sort and a direction), so that
// a page deep in ten million posts is a seek to the nearest anchor and a short OFFSET from
// there: LIMIT/OFFSET alone walks every row it skips (0.8 s for the last page of 10M posts).
// A view is one or two parts, each in an indexed order: by time or by account, all posts; by
// cluster, the clustered posts by cluster number and time, then the rest by time. Built in
// slices by PostQueries::extendAnchors, so page reads can run in between.
struct PageAnchors
{
    // A row's sort key in its part: (created_at, id), (account_id, created_at, id) or
    // (cluster number, created_at, id).
    using Key = std::array<std::int64_t, 3>;
    struct Part
    {
        std::vector<Key> keys;    // keys[i] is the key of the part's row i * spacing
        Key last{};               // the key of the last row scanned
        std::int64_t scanned = 0; // rows scanned so far
        bool complete = false;    // the whole part was scanned
    };
    std::int64_t spacing = 1024;
    // The clustering run the parts were read for (0: none; -1: not read yet). The cluster
    // order's parts depend on it: anchors of another run are not used, and read again.
    std::int64_t run = -1;
    std::vector<Part> parts; // in the view's order; empty until the first slice
    bool complete = false;   // every part was scanned
};

// Counts and pages the posts of a case under a filter. Works on the caller's connection
// and thread; the UI calls it from a worker that owns its own CaseStore. Paging is
// LIMIT/OFFSET over an indexed order, so memory stays at one page whatever the case size.
class PostQueries
{
public:
    // `orderKeys`, when given and holding every post, put a search's matches in order
    // without reading their rows (PostOrderKeys).
    explicit PostQueries(const CaseStore &store, const PostOrderKeys *orderKeys = nullptr)
        : m_store(store), m_orderKeys(orderKeys)
    {}

    Result<std::int64_t> count(const PostFilter &filter) const;
    // `anchors`, when given, must be of the same filter, sort and direction, and of the case as
    // it is (the view re-reads them when either changes).
    Result<std::vector<PostRow>> page(const PostFilter &filter, PostSort sort, bool descending,
                                      std::int64_t offset, int limit,
                                      const PageAnchors *anchors = nullptr) const;
    // Scans up to `rows` more rows of the view after `anchors.last` and returns the anchors
    // with those rows' added.
    Result<PageAnchors> extendAnchors(const PostFilter &filter, PostSort sort, bool descending,
                                      PageAnchors anchors, std::int64_t rows) const;
    // Reads up to `rows` more posts' keys into `keys`, then as many of the latest clustering
    // run's members; true when done (extendPostOrderKeys, detail::extendClusterMembers).
    Result<bool> extendOrderKeys(PostOrderKeys &keys, std::int64_t rows) const;
    // Reads the rest of `keys` now when `filter` is a search they answer and its count (Count)
    // or its pages in `sort` (Page) cost more without them: they are read in the background
    // as a view opens, and a search typed in the first second or so after a large case opens
    // would else read every match's row (13 s for `the` and replies at ten million posts, where
    // the rest of the keys take at most 0.15-0.7 s from the copy the case keeps). A search
    // narrowed by kinds or collected posts only needs the kept keys' first pass (PostKeys), one
    // narrowed by languages the second as well, for its count, and for a page near the view's
    // start or end (`page`) when that page is found from them (query/TermsHead); only those
    // passes are read then. Stops when the connection is interrupted (keys read so far stay
    // usable). True when the keys answer it now: they hold every post, or that pass is enough.
    enum class KeysUse { Count, Page };
    struct KeysPage
    {
        bool descending = false;
        std::int64_t end = 0; // the page's last row + 1, from the view's start (or end)
    };
    Result<bool> readOrderKeysFor(const PostFilter &filter, KeysUse use, PostSort sort,
                                  PostOrderKeys &keys, KeysPage page) const;
    Result<bool> readOrderKeysFor(const PostFilter &filter, KeysUse use, PostSort sort,
                                  PostOrderKeys &keys) const
    {
        return readOrderKeysFor(filter, use, sort, keys, KeysPage{});
    }
    Result<std::vector<std::pair<std::string, std::int64_t>>> languages() const;
    // One post by posts.id; an Error when there is no such post.
    Result<PostDetail> detail(std::int64_t postId) const;

private:
    const CaseStore &m_store;
    const PostOrderKeys *m_orderKeys;
};

} // namespace chorus
