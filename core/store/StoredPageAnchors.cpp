#include "store/StoredPageAnchors.h"

#include "store/AnalysisRuns.h"
#include "store/PostFacets.h"
#include "store/SqlGuard.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace chorus {

namespace {

std::int64_t latestClusterRun(const Database &db)
{
    return AnalysisRuns(db).latest(RunKind::TextClusters).value_or(0);
}

// The view's rows when its anchors are of `state`, `run` and (when given) `spacing`.
std::optional<std::int64_t> currentRows(const Database &db, const AnchoredView &view,
                                        const PostsState &state, std::int64_t run,
                                        std::optional<std::int64_t> spacing)
{
    Statement made = db.prepare("SELECT run_id, posts, last_post, rows, spacing FROM "
                                "page_anchor_views WHERE view = ?");
    made.bind(1, view.name());
    if (!made.step() || made.int64(0) != run || made.int64(1) != state.posts ||
        made.int64(2) != state.lastPost || (spacing && made.int64(4) != *spacing))
        return std::nullopt;
    return made.int64(3);
}

// Writes every `spacing`th key of the rows it is given as the view's anchors, in place of the
// view's old ones; the caller's transaction makes the swap whole.
class AnchorWriter
{
public:
    AnchorWriter(const Database &db, const AnchoredView &view, std::int64_t spacing,
                 ProgressSink &progress)
        : m_db(db), m_name(view.name()), m_spacing(spacing), m_progress(progress),
          m_insert(db.prepare("INSERT INTO page_anchors (view, position, k1, k2, k3) "
                              "VALUES (?, ?, ?, ?, ?)"))
    {
        Statement clear = db.prepare("DELETE FROM page_anchors WHERE view = ?");
        clear.bind(1, m_name).exec();
        Statement forget = db.prepare("DELETE FROM page_anchor_views WHERE view = ?");
        forget.bind(1, m_name).exec();
    }

    // False when the job was cancelled (checked every 65,536 rows).
    bool add(std::int64_t k1, std::int64_t k2, std::int64_t k3)
    {
        if (m_rows % m_spacing == 0)
            m_insert.bind(1, m_name).bind(2, m_rows).bind(3, k1).bind(4, k2).bind(5, k3).exec();
        ++m_rows;
        ++m_walked;
        return (m_walked & 65535) != 0 || !m_progress.isCancelled();
    }
    // Counts a row walked past that is not the view's (for Cancel).
    bool skip()
    {
        ++m_walked;
        return (m_walked & 65535) != 0 || !m_progress.isCancelled();
    }

    void finish(const PostsState &state, std::int64_t run)
    {
        Statement made = m_db.prepare("INSERT INTO page_anchor_views (view, run_id, posts, "
                                      "last_post, rows, spacing) VALUES (?, ?, ?, ?, ?, ?)");
        made.bind(1, m_name)
            .bind(2, run)
            .bind(3, state.posts)
            .bind(4, state.lastPost)
            .bind(5, m_rows)
            .bind(6, m_spacing)
            .exec();
    }

private:
    const Database &m_db;
    std::string m_name;
    std::int64_t m_spacing;
    ProgressSink &m_progress;
    Statement m_insert;
    std::int64_t m_rows = 0;
    std::int64_t m_walked = 0;
};

// Walks a query of three key columns into the view's anchors; false when cancelled.
bool walk(AnchorWriter &anchors, Statement &keys)
{
    while (keys.step())
        if (!anchors.add(keys.int64(0), keys.int64(1), keys.int64(2)))
            return false;
    return true;
}

// The orders of posts_time, posts_account_time, posts_kind_time and posts_language_time (an
// index holds its row's id).
bool storeOfPosts(const Database &db, const AnchoredView &view, const PostsState &state,
                  std::int64_t spacing, ProgressSink &progress)
{
    AnchorWriter anchors(db, view, spacing, progress);
    const char *sql =
        "SELECT created_at, id, 0 FROM posts INDEXED BY posts_time ORDER BY created_at, id";
    if (view.order == AnchoredView::Account)
        sql = "SELECT account_id, created_at, id FROM posts INDEXED BY posts_account_time "
              "ORDER BY account_id, created_at, id";
    else if (view.order == AnchoredView::Kind)
        sql = "SELECT created_at, id, 0 FROM posts INDEXED BY posts_kind_time WHERE kind = ? "
              "ORDER BY created_at, id";
    else if (view.order == AnchoredView::Language)
        sql = "SELECT created_at, id, 0 FROM posts INDEXED BY posts_language_time WHERE "
              "language = ? ORDER BY created_at, id";
    Statement keys = db.prepare(sql);
    if (view.order == AnchoredView::Kind || view.order == AnchoredView::Language)
        keys.bind(1, view.value);
    if (!walk(anchors, keys))
        return false;
    anchors.finish(state, 0);
    return true;
}

bool storeClustered(const Database &db, std::int64_t run, const PostsState &state,
                    std::int64_t spacing, ProgressSink &progress)
{
    AnchorWriter anchors(db, {AnchoredView::Clustered}, spacing, progress);
    // The clusters in number order, each one's members by time through cluster_members_time
    // (every member is a post: posts are never deleted).
    Statement keys = db.prepare(
        "SELECT c.number, m.created_at, m.post_id FROM clusters c JOIN cluster_members m ON "
        "m.cluster_id = c.id WHERE c.run_id = ? ORDER BY c.number, m.created_at, m.post_id");
    keys.bind(1, run);
    if (!walk(anchors, keys))
        return false;
    anchors.finish(state, run);
    return true;
}

// The posts in no cluster of the run: posts_time walked past the run's members, which are
// marked in a bit per post id (a probe of cluster_members_post for each of ten million posts
// took 29 s; the marks take a bit per post).
bool storeUnclustered(const Database &db, std::int64_t run, const PostsState &state,
                      std::int64_t spacing, ProgressSink &progress)
{
    std::vector<std::uint64_t> member(std::size_t(state.lastPost / 64 + 1), 0);
    Statement members = db.prepare("SELECT m.post_id FROM clusters c JOIN cluster_members m ON "
                                   "m.cluster_id = c.id WHERE c.run_id = ?");
    members.bind(1, run);
    while (members.step()) {
        const std::int64_t id = members.int64(0);
        if (id >= 0 && id <= state.lastPost)
            member[std::size_t(id / 64)] |= std::uint64_t(1) << (id % 64);
    }
    AnchorWriter anchors(db, {AnchoredView::Unclustered}, spacing, progress);
    Statement keys = db.prepare(
        "SELECT created_at, id FROM posts INDEXED BY posts_time ORDER BY created_at, id");
    while (keys.step()) {
        const std::int64_t id = keys.int64(1);
        const bool clustered =
            id >= 0 && id <= state.lastPost && (member[std::size_t(id / 64)] >> (id % 64)) & 1;
        if (!(clustered ? anchors.skip() : anchors.add(keys.int64(0), id, 0)))
            return false;
    }
    anchors.finish(state, run);
    return true;
}

// Makes one view's anchors in a transaction of its own, unless the caller has one open.
bool storeView(const Database &db, const AnchoredView &view, std::int64_t run,
               const PostsState &state, std::int64_t spacing, ProgressSink &progress)
{
    std::optional<Transaction> own;
    if (!db.inTransaction())
        own.emplace(db);
    bool made = false;
    if (view.order == AnchoredView::Clustered)
        made = storeClustered(db, run, state, spacing, progress);
    else if (view.order == AnchoredView::Unclustered)
        made = storeUnclustered(db, run, state, spacing, progress);
    else
        made = storeOfPosts(db, view, state, spacing, progress);
    if (made && own)
        own->commit();
    return made; // a cancelled view's own transaction rolls back
}

// Every view the case should keep anchors of: all posts by time and by account, the cluster
// views when there is a run, and each kind and language with enough posts.
std::vector<AnchoredView> viewsToKeep(const Database &db, std::int64_t run, std::int64_t spacing)
{
    std::vector<AnchoredView> views = {{AnchoredView::Time}, {AnchoredView::Account}};
    if (run != 0) {
        views.push_back({AnchoredView::Clustered});
        views.push_back({AnchoredView::Unclustered});
    }
    Statement facets = db.prepare(
        "SELECT 'kind', kind, sum(n) FROM post_facets GROUP BY kind HAVING sum(n) >= ?1 UNION "
        "ALL SELECT 'language', language, sum(n) FROM post_facets WHERE language <> '' GROUP BY "
        "language HAVING sum(n) >= ?1");
    facets.bind(1, spacing * AnchoredView::FacetViewSpacings);
    while (facets.step())
        views.push_back({facets.text(0) == "kind" ? AnchoredView::Kind : AnchoredView::Language,
                         facets.text(1)});
    return views;
}

// Drops the views of kinds and languages no longer kept (after anchors of a larger spacing).
void dropOtherFacetViews(const Database &db, const std::vector<AnchoredView> &kept)
{
    std::vector<std::string> names;
    Statement facetViews = db.prepare("SELECT view FROM page_anchor_views WHERE view LIKE "
                                      "'kind:%' OR view LIKE 'language:%'");
    while (facetViews.step())
        names.push_back(facetViews.text(0));
    for (const std::string &name : names) {
        if (std::any_of(kept.begin(), kept.end(),
                        [&](const AnchoredView &view) { return view.name() == name; }))
            continue;
        for (const char *sql : {"DELETE FROM page_anchors WHERE view = ?",
                                "DELETE FROM page_anchor_views WHERE view = ?"}) {
            Statement drop = db.prepare(sql);
            drop.bind(1, name).exec();
        }
    }
}

} // namespace

std::string AnchoredView::name() const
{
    switch (order) {
    case Time:
        return "time";
    case Account:
        return "account";
    case Clustered:
        return "clustered";
    case Unclustered:
        return "unclustered";
    case Kind:
        return "kind:" + value;
    case Language:
        return "language:" + value;
    }
    return {};
}

std::optional<std::int64_t> storedAnchorRows(const Database &db, const AnchoredView &view,
                                             std::int64_t run)
{
    return currentRows(db, view, postsState(db), run, std::nullopt);
}

std::optional<std::vector<std::int64_t>>
storedAnchorRowsOfParts(const Database &db, const std::vector<AnchoredView> &views,
                        std::int64_t run)
{
    const PostsState state = postsState(db);
    std::vector<std::int64_t> rows;
    for (const AnchoredView &view : views) {
        const auto kept = currentRows(db, view, state, view.ofRun() ? run : 0, std::nullopt);
        if (!kept)
            return std::nullopt;
        rows.push_back(*kept);
    }
    return rows;
}

std::optional<StoredAnchor> nearestStoredAnchor(const Database &db, const AnchoredView &view,
                                                std::int64_t position, AnchorSide side)
{
    Statement anchor = db.prepare(
        side == AnchorSide::AtOrBefore
            ? "SELECT position, k1, k2, k3 FROM page_anchors WHERE view = ? AND position <= ? "
              "ORDER BY position DESC LIMIT 1"
            : "SELECT position, k1, k2, k3 FROM page_anchors WHERE view = ? AND position >= ? "
              "ORDER BY position LIMIT 1");
    anchor.bind(1, view.name()).bind(2, position);
    if (!anchor.step())
        return std::nullopt;
    return StoredAnchor{anchor.int64(0), {anchor.int64(1), anchor.int64(2), anchor.int64(3)}};
}

Result<bool> storedPageAnchorsStale(const Database &db)
{
    return guardSql("could not read the posts table's page anchors", [&]() -> Result<bool> {
        const PostsState state = postsState(db);
        if (state.posts == 0)
            return false; // a new case: nothing to page (and no index step at its opening)
        const std::int64_t run = latestClusterRun(db);
        // Of the spacing they were made with (a test makes them closer).
        const std::int64_t spacing = db.queryInt64(
            "SELECT coalesce(max(spacing), 1024) FROM page_anchor_views WHERE view = 'time'");
        for (const AnchoredView &view : viewsToKeep(db, run, spacing))
            if (!currentRows(db, view, state, view.ofRun() ? run : 0, std::nullopt))
                return true;
        return false;
    });
}

Status updateStoredPageAnchors(const Database &db, ProgressSink &progress, std::int64_t spacing)
{
    return guardSql("could not index the posts table's pages", [&]() -> Status {
        const PostsState state = postsState(db);
        const std::int64_t run = latestClusterRun(db);
        const std::vector<AnchoredView> kept = viewsToKeep(db, run, spacing);
        std::vector<AnchoredView> stale;
        for (const AnchoredView &view : kept)
            if (!currentRows(db, view, state, view.ofRun() ? run : 0, spacing))
                stale.push_back(view);
        dropOtherFacetViews(db, kept);
        if (stale.empty())
            return {};
        progress.stage(Stage::IndexingViews);
        progress.progress(0, std::int64_t(stale.size()));
        for (std::size_t i = 0; i < stale.size(); ++i) {
            if (progress.isCancelled())
                return Error::cancel();
            const AnchoredView &view = stale[i];
            if (!storeView(db, view, view.ofRun() ? run : 0, state, spacing, progress))
                return Error::cancel();
            progress.progress(std::int64_t(i + 1), std::int64_t(stale.size()));
        }
        return {};
    });
}

Status storeClusterPageAnchors(const Database &db, std::int64_t run, ProgressSink &progress,
                               std::int64_t spacing)
{
    return guardSql("could not index the posts table's pages", [&]() -> Status {
        const PostsState state = postsState(db);
        for (const AnchoredView &view :
             {AnchoredView{AnchoredView::Clustered}, AnchoredView{AnchoredView::Unclustered}})
            if (!storeView(db, view, run, state, spacing, progress))
                return Error::cancel();
        return {};
    });
}

} // namespace chorus
