// PostQueries::page and PostQueries::extendAnchors: the posts table's pages, in an indexed
// order, straight from the start or from the nearest page anchor.
#include "query/PostQueries.h"

#include "query/KeyFilter.h"
#include "query/SearchHits.h"
#include "query/SqlFilter.h"
#include "store/AnalysisRuns.h"
#include "store/CaseStore.h"
#include "store/PostFacets.h"
#include "store/SqlGuard.h"
#include "store/StoredPageAnchors.h"

#include <algorithm>
#include <cmath>

namespace chorus {

using detail::SqlFilter;

namespace {

// A page is read in two steps: an inner select pages over posts alone (in an indexed order
// where possible), the outer one joins the authors of that page only.
const std::string InnerColumns =
    "SELECT p.id, p.platform_id, p.created_at, p.account_id, p.text, p.kind, "
    "coalesce(p.language, '') AS language, p.context, ";
const std::string OuterColumns =
    "SELECT p.id, p.platform_id, p.created_at, p.account_id, coalesce(a.handle, a.platform_id), "
    "p.text, p.kind, p.language, p.cluster_number, p.context FROM (";
const std::string OuterJoin = ") p JOIN accounts a ON a.id = p.account_id ORDER BY ";

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
    // finding its first row from the keys in memory: listing the matches and selecting one,
    // about 0.04 us a match (0.2 s for 4.9 million at ten million posts), where the walk took
    // about 1.3 us an entry of the order's index (6.4 s to the middle of `the`).
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

TextMatches textMatches(const Database &db, const PostFilter &filter)
{
    const auto matches = detail::textOnlyMatchCount(db, filter);
    if (!matches)
        return {};
    return {*matches, facetCount(db, "", "", false)};
}

std::vector<ViewPart> viewParts(PostSort sort, bool descending, std::int64_t run)
{
    const std::string dir = descending ? " DESC" : "";
    const std::string byTime = "p.created_at" + dir + ", p.id" + dir;
    const std::string inRun = "JOIN clusters c ON c.id = m.cluster_id AND c.run_id = ?1";
    // A post's membership in the run: its few memberships first, through cluster_members_post.
    // Left to itself SQLite may loop over every cluster of the run instead (1,285 seeks a post
    // at ten million posts): CROSS JOIN keeps the members as the outer loop.
    const std::string ofPostInRun =
        "FROM cluster_members m CROSS JOIN clusters c ON c.id = m.cluster_id AND c.run_id = ?1 "
        "WHERE m.post_id = p.id";
    if (sort == PostSort::Cluster && run != 0) {
        // Clustered posts by cluster number, then the rest. SQLite reads the clusters in
        // number order and each cluster's members in time order from cluster_members_time
        // (members carry their post's time): nothing is sorted.
        const std::string membersByTime = "m.created_at" + dir + ", m.post_id" + dir;
        return {{" FROM posts p JOIN cluster_members m ON m.post_id = p.id " + inRun, "",
                 "c.number", "c.number" + dir + ", " + membersByTime,
                 "p.cluster_number" + dir + ", " + byTime, "c.number, m.created_at, m.post_id", 3,
                 "SELECT count(*) FROM cluster_members m " + inRun, "",
                 AnchoredView{AnchoredView::Clustered}},
                {" FROM posts p", "NOT EXISTS (SELECT 1 " + ofPostInRun + ")", "0", byTime, byTime,
                 "p.created_at, p.id", 2, "", "posts_time",
                 AnchoredView{AnchoredView::Unclustered}}};
    }
    const std::string clusterOf = "coalesce((SELECT c.number " + ofPostInRun + "), 0)";
    if (sort == PostSort::Account) {
        const std::string order = "p.account_id" + dir + ", " + byTime;
        return {{" FROM posts p", "", clusterOf, order, order, "p.account_id, p.created_at, p.id",
                 3, "", "posts_account_time", AnchoredView{AnchoredView::Account}}};
    }
    return {{" FROM posts p", "", clusterOf, byTime, byTime, "p.created_at, p.id", 2, "",
             "posts_time", AnchoredView{AnchoredView::Time}}};
}

std::string andWhere(const std::string &where, const std::string &condition)
{
    return where + (where.empty() ? " WHERE " : " AND ") + condition;
}

// The part's rows under the filter: " WHERE ...".
std::string whereOf(const ViewPart &part, const SqlFilter &sql)
{
    return part.condition.empty() ? sql.where : " WHERE " + part.condition + sql.andClause;
}

// The rows from a key on, in the view's direction: "(columns) >= (?, ?)". SQLite seeks to it
// through the index that gives the order.
std::string fromKeyCondition(const ViewPart &part, bool descending, bool inclusive)
{
    std::string marks;
    for (int i = 0; i < part.keyCount; ++i)
        marks += i ? ", ?" : "?";
    return "(" + part.keyColumns + ") " + (descending ? "<" : ">") + (inclusive ? "=" : "") + " (" +
           marks + ")";
}

// Prepares `text` and binds ?1 = run when the text names it, then the filter's values;
// returns the statement and the next free parameter.
std::pair<Statement, int> prepare(const Database &db, const std::string &text, std::int64_t run,
                                  const SqlFilter &sql)
{
    Statement query = db.prepare(text);
    const bool namesRun = text.find("?1") != std::string::npos;
    if (namesRun)
        query.bind(1, run);
    const int next = sql.bind(query, namesRun ? 2 : 1);
    return {std::move(query), next};
}

void readRows(Statement &query, std::vector<PostRow> &rows)
{
    while (query.step()) {
        PostRow row;
        row.id = query.int64(0);
        row.platformId = query.text(1);
        row.createdAt = query.int64(2);
        row.accountId = query.int64(3);
        row.accountHandle = query.text(4);
        row.text = query.text(5);
        row.kind = query.text(6);
        row.language = query.text(7);
        row.clusterNumber = query.int64(8);
        row.context = query.int64(9) != 0;
        rows.push_back(std::move(row));
    }
}

// Where a page of a part starts: after `skip` rows from the row of `key` (from the part's
// first row when there is no key).
struct PageStart
{
    std::optional<PageAnchors::Key> key;
    std::int64_t skip = 0;
};

// From the nearest anchor the view has read so far.
PageStart startFromAnchors(const PageAnchors::Part *anchors, std::int64_t spacing,
                           std::int64_t offset)
{
    if (anchors && !anchors->keys.empty() && spacing > 0) {
        const auto nearest =
            std::min<std::int64_t>(offset / spacing, std::int64_t(anchors->keys.size()) - 1);
        if (nearest > 0)
            return {anchors->keys[std::size_t(nearest)], offset - nearest * spacing};
    }
    return {std::nullopt, offset};
}

// From the nearest anchor kept in the case, of a part of `rows` rows. They are at ascending
// positions: a descending page takes the first at or after its row's ascending position.
PageStart startFromStored(const Database &db, const AnchoredView &view, std::int64_t rows,
                          bool descending, std::int64_t offset)
{
    if (offset <= 0)
        return {std::nullopt, offset};
    // Past the view's end the page is empty: a seek and a short skip find that out too.
    const std::int64_t ascending = descending ? rows - 1 - offset : offset;
    const auto anchor =
        nearestStoredAnchor(db, view, std::max<std::int64_t>(ascending, 0),
                            descending ? AnchorSide::AtOrAfter : AnchorSide::AtOrBefore);
    if (!anchor)
        return {std::nullopt, offset};
    return {anchor->key, descending ? anchor->position - ascending : ascending - anchor->position};
}

detail::HitOrder hitOrder(const ViewPart &part)
{
    return part.stored.order == AnchoredView::Account ? detail::HitOrder::Account
                                                      : detail::HitOrder::Time;
}

// From the keys in memory, for a deep page of a one-part view of a search of the text alone
// (a common word) whose own anchors have not come yet: the key of its first row, where
// walking the order from the start to it took seconds. Nothing when the keys cannot tell.
std::optional<PageStart> startFromKeys(const Database &db, const PostFilter &filter,
                                       const TextMatches &text, const ViewPart &part,
                                       bool descending, const PostOrderKeys *keys,
                                       const PageStart &start)
{
    if (!keys || start.key || start.skip <= 0 || !text.seekFromKeysPays(start.skip))
        return std::nullopt;
    // The view's rows are the matches; a descending view counts from the last.
    const std::int64_t ascending = descending ? text.matches - 1 - start.skip : start.skip;
    if (ascending < 0 || ascending >= text.matches)
        return std::nullopt;
    const auto key = detail::matchAt(db, filter, hitOrder(part), *keys, ascending);
    if (!key)
        return std::nullopt;
    return PageStart{*key, 0};
}

// Reads up to `limit` rows of a part from `start`.
void readPart(const Database &db, const ViewPart &part, bool descending, std::int64_t run,
              const PostFilter &filter, const TextMatches &text, const PageStart &start,
              std::int64_t limit, std::vector<PostRow> &rows)
{
    const bool walk = !part.orderIndex.empty() && text.walkIsCheaper(start.skip + limit);
    const SqlFilter sql(filter, walk && text.askPerRow(start.skip + limit)
                                    ? SqlFilter::TextMatch::PerRow
                                    : SqlFilter::TextMatch::List);
    std::string where = whereOf(part, sql);
    if (start.key)
        where = andWhere(where, fromKeyCondition(part, descending, true));
    const std::string source = walk ? part.from + " INDEXED BY " + part.orderIndex : part.from;
    auto [query, next] = prepare(db,
                                 OuterColumns + InnerColumns + part.clusterNumber +
                                     " AS cluster_number" + source + where + " ORDER BY " +
                                     part.order + " LIMIT ? OFFSET ?" + OuterJoin + part.outerOrder,
                                 run, sql);
    for (int i = 0; start.key && i < part.keyCount; ++i)
        query.bind(next++, (*start.key)[std::size_t(i)]);
    query.bind(next, limit).bind(next + 1, start.skip);
    readRows(query, rows);
}

// A one-part view of a search of the text alone takes all its anchors at once from the posts'
// keys in memory: a list of the matches and a sort (0.5 s for 4.9 million matches at ten
// million posts), where reading them in the view's order lists the matches for every slice
// (130 s). False, leaving the anchors as they are, for other views or without the keys.
bool anchorsFromKeys(const Database &db, const PostFilter &filter, const TextMatches &text,
                     const std::vector<ViewPart> &parts, bool descending, const PostOrderKeys *keys,
                     PageAnchors &anchors)
{
    if (!keys || parts.size() != 1 || text.matches == 0)
        return false;
    const auto hits = detail::matchesInOrder(db, filter, hitOrder(parts.front()), *keys);
    if (!hits)
        return false;
    PageAnchors::Part &part = anchors.parts.front();
    part = {};
    const auto n = std::int64_t(hits->size());
    for (std::int64_t row = 0; row < n; row += anchors.spacing)
        part.keys.push_back((*hits)[std::size_t(descending ? n - 1 - row : row)]);
    if (n > 0)
        part.last = descending ? hits->front() : hits->back();
    part.scanned = n;
    part.complete = true;
    anchors.complete = true;
    return true;
}

// Whether a view's pages are read from its search's table of matches (SearchHits): a search
// of the text alone that the walk never pays for, or a search narrowed by terms the posts'
// keys answer (their matches are read once, where SQLite's plan reads and sorts every match
// for every page: 0.6-3 s a page for a word and a kind at ten million posts).
bool pagedFromHits(const PostFilter &filter, const TextMatches &text,
                   const std::vector<ViewPart> &parts)
{
    return parts.size() == 1 &&
           (text.pagedFromHits(parts.size()) || detail::isNarrowedSearch(filter));
}

// Reads up to `limit` rows of a one-part view from `offset`, from the search's table of matches
// in the part's order.
void readHits(const Database &db, const ViewPart &part, bool descending, std::int64_t run,
              const PostFilter &filter, std::int64_t offset, std::int64_t limit,
              const PostOrderKeys *keys, std::vector<PostRow> &rows)
{
    // Positions 1..rows in ascending order; a descending view counts from the end.
    const auto positions = [&](std::int64_t rows) {
        return std::pair(descending ? rows - offset - limit + 1 : offset + 1,
                         descending ? rows - offset : offset + limit);
    };
    detail::SearchHits hits;
    std::int64_t first = 0, last = 0;
    // With the keys: the page's slice of the matches kept in order in memory, into a table of
    // its own rows (where a table of every match took 70 ms to fill for 858,716 matches).
    const auto *kept = keys ? detail::orderedMatches(db, filter, hitOrder(part), *keys) : nullptr;
    if (kept) {
        const auto matches = std::int64_t(kept->size());
        std::tie(first, last) = positions(matches);
        db.execScript("CREATE TEMP TABLE IF NOT EXISTS search_page (pos INTEGER PRIMARY KEY, "
                      "post INTEGER NOT NULL); DELETE FROM temp.search_page;");
        Statement add = db.prepare("INSERT INTO temp.search_page (pos, post) VALUES (?, ?)");
        for (std::int64_t pos = std::max<std::int64_t>(first, 1); pos <= std::min(last, matches);
             ++pos)
            add.bind(1, pos).bind(2, std::int64_t((*kept)[std::size_t(pos - 1)])).exec();
        hits = {"temp.search_page", matches};
    } else {
        hits = detail::searchHits(db, filter, hitOrder(part), keys);
        std::tie(first, last) = positions(hits.rows);
    }
    const SqlFilter none{PostFilter{}};
    auto [query, next] = prepare(db,
                                 OuterColumns + InnerColumns + part.clusterNumber +
                                     " AS cluster_number FROM " + hits.table +
                                     " h CROSS JOIN posts p ON p.id = h.post WHERE h.pos "
                                     "BETWEEN ? AND ? ORDER BY h.pos" +
                                     (descending ? " DESC" : "") + OuterJoin + part.outerOrder,
                                 run, none);
    query.bind(next, std::max<std::int64_t>(first, 1)).bind(next + 1, last);
    readRows(query, rows);
}

// Whether the filter leaves every post: the views whose anchors the case keeps. Leaving out
// context posts leaves every post of a case that has none.
bool showsAllPosts(const Database &db, const PostFilter &filter)
{
    if (filter.isEmpty())
        return true;
    PostFilter withContext = filter;
    withContext.collectedOnly = false;
    return filter.collectedOnly && withContext.isEmpty() &&
           facetCount(db, "", "", true) == facetCount(db, "", "", false);
}

// The views whose anchors the case keeps that give a view's parts: every post in each part's
// order, or the posts of one kind or one language by time. Empty for other views.
std::vector<AnchoredView> keptViews(const Database &db, const PostFilter &filter,
                                    const std::vector<ViewPart> &parts)
{
    if (showsAllPosts(db, filter)) {
        std::vector<AnchoredView> views;
        for (const ViewPart &part : parts)
            views.push_back(part.stored);
        return views;
    }
    if (parts.size() != 1 || parts.front().stored.order != AnchoredView::Time ||
        filter.kind.empty() == filter.language.empty())
        return {};
    PostFilter rest = filter;
    rest.kind.clear();
    rest.language.clear();
    if (!showsAllPosts(db, rest))
        return {};
    return {filter.kind.empty() ? AnchoredView{AnchoredView::Language, filter.language}
                                : AnchoredView{AnchoredView::Kind, filter.kind}};
}

// Each part's view and rows when the case keeps anchors of them as the case is, else empty.
std::vector<std::pair<AnchoredView, std::int64_t>> storedRows(const Database &db,
                                                              const PostFilter &filter,
                                                              const std::vector<ViewPart> &parts,
                                                              std::int64_t run)
{
    const std::vector<AnchoredView> views = keptViews(db, filter, parts);
    const auto kept = storedAnchorRowsOfParts(db, views, run);
    if (views.empty() || !kept)
        return {};
    std::vector<std::pair<AnchoredView, std::int64_t>> rows;
    for (std::size_t i = 0; i < views.size(); ++i)
        rows.emplace_back(views[i], (*kept)[i]);
    return rows;
}

std::int64_t countPart(const Database &db, const ViewPart &part, std::int64_t run,
                       const SqlFilter &sql)
{
    const bool all = sql.where.empty() && !part.countAll.empty();
    auto [query, next] = prepare(
        db, all ? part.countAll : "SELECT count(*)" + part.from + whereOf(part, sql), run, sql);
    query.step();
    return query.int64(0);
}

} // namespace

Result<std::vector<PostRow>> PostQueries::page(const PostFilter &filter, PostSort sort,
                                               bool descending, std::int64_t offset, int limit,
                                               const PageAnchors *anchors) const
{
    return guardSql("reading posts", [&]() -> Result<std::vector<PostRow>> {
        // The run, the kept anchors' state and the anchors themselves, of one state of the case.
        const ReadSnapshot snapshot(m_store.db());
        const SqlFilter sql(filter);
        const std::int64_t run =
            AnalysisRuns(m_store.db()).latest(RunKind::TextClusters).value_or(0);
        const std::vector<ViewPart> parts = viewParts(sort, descending, run);
        if (anchors && (anchors->run != run || anchors->parts.size() != parts.size()))
            anchors = nullptr; // read for another run: their keys are of other parts
        const TextMatches text = textMatches(m_store.db(), filter);
        std::vector<PostRow> rows;
        rows.reserve(std::size_t(limit));
        if (pagedFromHits(filter, text, parts)) {
            readHits(m_store.db(), parts.front(), descending, run, filter, offset, limit,
                     m_orderKeys, rows);
            return rows;
        }
        // A search of the text alone has as many rows as matches: past them nothing is read.
        if (text.matches > 0 && offset >= text.matches)
            return rows;
        // Anchors kept in the case first, else those the view has read.
        const auto stored = storedRows(m_store.db(), filter, parts, run);
        for (std::size_t i = 0; i < parts.size() && std::int64_t(rows.size()) < limit; ++i) {
            const PageAnchors::Part *partAnchors =
                anchors && i < anchors->parts.size() ? &anchors->parts[i] : nullptr;
            if (i + 1 < parts.size()) {
                // Not the last part: skip it whole when the page starts after it.
                const std::int64_t partRows = !stored.empty() ? stored[i].second
                                              : partAnchors && partAnchors->complete
                                                  ? partAnchors->scanned
                                                  : countPart(m_store.db(), parts[i], run, sql);
                if (offset >= partRows) {
                    offset -= partRows;
                    continue;
                }
            }
            PageStart start =
                !stored.empty()
                    ? startFromStored(m_store.db(), stored[i].first, stored[i].second, descending,
                                      offset)
                    : startFromAnchors(partAnchors, anchors ? anchors->spacing : 0, offset);
            if (parts.size() == 1 && stored.empty())
                start = startFromKeys(m_store.db(), filter, text, parts[i], descending, m_orderKeys,
                                      start)
                            .value_or(start);
            readPart(m_store.db(), parts[i], descending, run, filter, text, start,
                     limit - std::int64_t(rows.size()), rows);
            offset = 0;
        }
        return rows;
    });
}

Result<PageAnchors> PostQueries::extendAnchors(const PostFilter &filter, PostSort sort,
                                               bool descending, PageAnchors anchors,
                                               std::int64_t rows) const
{
    return guardSql("reading the posts' order for paging", [&]() -> Result<PageAnchors> {
        const ReadSnapshot snapshot(m_store.db());
        const std::int64_t run =
            AnalysisRuns(m_store.db()).latest(RunKind::TextClusters).value_or(0);
        const std::vector<ViewPart> parts = viewParts(sort, descending, run);
        if (anchors.run != run || anchors.parts.size() != parts.size()) {
            anchors.run = run;
            anchors.parts.assign(parts.size(), {});
            anchors.complete = false;
        }
        const auto open =
            std::find_if(anchors.parts.begin(), anchors.parts.end(),
                         [](const PageAnchors::Part &part) { return !part.complete; });
        if (open == anchors.parts.end() || anchors.spacing <= 0) {
            anchors.complete = true;
            return std::move(anchors);
        }
        if (rows <= 0)
            return std::move(anchors);
        if (const auto stored = storedRows(m_store.db(), filter, parts, run); !stored.empty()) {
            // The case keeps this view's anchors: pages seek to those (page()).
            for (std::size_t i = 0; i < parts.size(); ++i) {
                anchors.parts[i].scanned = stored[i].second;
                anchors.parts[i].complete = true;
            }
            anchors.complete = true;
            return std::move(anchors);
        }
        const TextMatches text = textMatches(m_store.db(), filter);
        if (pagedFromHits(filter, text, parts)) {
            // Paged by position in the search's table of matches: no anchors needed.
            for (PageAnchors::Part &part : anchors.parts)
                part.complete = true;
            anchors.complete = true;
            return std::move(anchors);
        }
        if (anchorsFromKeys(m_store.db(), filter, text, parts, descending, m_orderKeys, anchors))
            return std::move(anchors);
        const ViewPart &part = parts[std::size_t(open - anchors.parts.begin())];
        PageAnchors::Part &scan = *open;
        const SqlFilter sql(filter);
        const bool goOn = scan.scanned > 0;
        std::string where = whereOf(part, sql);
        if (goOn)
            where = andWhere(where, fromKeyCondition(part, descending, false));
        auto [query, next] = prepare(m_store.db(),
                                     "SELECT " + part.keyColumns + part.from + where +
                                         " ORDER BY " + part.order + " LIMIT ?",
                                     run, sql);
        for (int i = 0; goOn && i < part.keyCount; ++i)
            query.bind(next++, scan.last[std::size_t(i)]);
        query.bind(next, rows);
        std::int64_t seen = 0;
        while (query.step()) {
            PageAnchors::Key key{};
            for (int i = 0; i < part.keyCount; ++i)
                key[std::size_t(i)] = query.int64(i);
            if (scan.scanned % anchors.spacing == 0)
                scan.keys.push_back(key);
            scan.last = key;
            ++scan.scanned;
            ++seen;
        }
        scan.complete = seen < rows;
        anchors.complete = std::all_of(anchors.parts.begin(), anchors.parts.end(),
                                       [](const PageAnchors::Part &p) { return p.complete; });
        return std::move(anchors);
    });
}

} // namespace chorus
