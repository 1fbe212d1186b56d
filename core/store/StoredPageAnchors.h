#pragma once

#include "common/Error.h"
#include "common/Progress.h"
#include "store/Database.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace chorus {

// Page anchors of the posts table's unfiltered views, kept in the case (schema v13): every
// 1,024th row's sort key in each indexed order of all the posts, so that a page deep in the
// view seeks to the nearest one and skips fewer than 1,024 rows from the first moment the
// case is open. Anchors read by the view itself (query/PostPaging, PageAnchors) take seconds
// at ten million posts (29 s for the cluster order), and a page asked for before then walks
// every row it skips. The views and their keys, in ascending order (query/PostPaging's
// viewParts gives the same orders; tst_post_paging compares their pages):
struct AnchoredView
{
    enum Order {
        Time,        // all posts by (created_at, id)
        Account,     // all posts by (account_id, created_at, id)
        Clustered,   // the latest clustering run's members by (cluster number, created_at, post id)
        Unclustered, // the posts in none of its clusters, by (created_at, id)
        Kind,        // the posts of one kind by (created_at, id), through posts_kind_time
        Language,    // the posts of one language by (created_at, id), through posts_language_time
    };
    Order order = Time;
    std::string value = {}; // the kind or language (Kind, Language)

    // Kinds and languages with at least this many posts per anchor spacing have views: the
    // posts table reads no anchors for shorter views (and OFFSET over a few thousand rows
    // costs a few milliseconds).
    static constexpr std::int64_t FacetViewSpacings = 8;

    bool ofRun() const { return order == Clustered || order == Unclustered; }
    std::string name() const; // "time", "kind:reply", "language:fr", ...
};

// Anchors are of the case as it was when they were made: the number of posts and the largest
// post id (posts are never deleted and never change time, account, kind or language), and
// for the cluster views the run. Anchors of another state are not used, and made again by the next
// updateStoredPageAnchors().
struct StoredAnchor
{
    std::int64_t position = 0; // the row's position in the view, ascending, from 0
    std::array<std::int64_t, 3> key{};
};

// The view's rows when its anchors are of the case as it is and of `run` (the cluster
// views; 0 for the others), else nullopt. A few lookups.
std::optional<std::int64_t> storedAnchorRows(const Database &db, const AnchoredView &view,
                                             std::int64_t run);
// The same for the parts of a view at once (the case's state read once): each one's rows when
// all are kept of the case as it is, `run` for those of a clustering run, else nullopt.
std::optional<std::vector<std::int64_t>>
storedAnchorRowsOfParts(const Database &db, const std::vector<AnchoredView> &views,
                        std::int64_t run);
// The anchor at the largest position <= `position` (for ascending pages), or at the smallest
// position >= `position` (descending pages). Only for a view storedAnchorRows() accepts.
enum class AnchorSide { AtOrBefore, AtOrAfter };
std::optional<StoredAnchor> nearestStoredAnchor(const Database &db, const AnchoredView &view,
                                                std::int64_t position, AnchorSide side);

// Whether any view's anchors are not of the case as it is (the index step then runs).
Result<bool> storedPageAnchorsStale(const Database &db);

// Makes the anchors of every view whose anchors are not of the case as it is, or of another
// spacing: the time and account orders, each kind and language with enough posts, and the
// cluster views of the latest clustering run (none when there is no run). A walk of each order's
// index; each view in a transaction of its own unless the caller's is open. Cancel stops within
// 65,536 rows and leaves the view's anchors as they were.
Status updateStoredPageAnchors(const Database &db, ProgressSink &progress,
                               std::int64_t spacing = 1024);
// Makes the cluster views' anchors of `run`, a run just written (clustering/ClusterStore).
Status storeClusterPageAnchors(const Database &db, std::int64_t run, ProgressSink &progress,
                               std::int64_t spacing = 1024);

} // namespace chorus
