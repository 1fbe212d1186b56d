// The parts of the posts table's views, and reading a page of rows of one.
#include "query/PostViewParts.h"

#include "query/KeyFilter.h"
#include "query/MatchHead.h"
#include "query/TermsHead.h"
#include "store/PostFacets.h"

#include <algorithm>
#include <span>

namespace chorus::detail {

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

} // namespace

TextMatches textMatches(const Database &db, const PostFilter &filter)
{
    const auto matches = textOnlyMatchCount(db, filter);
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
                 AnchoredView{AnchoredView::Clustered},
                 // Counted under a filter, SQLite put the run's clusters between a post and
                 // its memberships (1,285 seeks a reply at ten million posts: minutes). A
                 // membership's cluster is looked up after it, by its id.
                 " FROM posts p JOIN cluster_members m ON m.post_id = p.id CROSS JOIN clusters c "
                 "ON c.id = m.cluster_id AND c.run_id = ?1"},
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

std::string whereOf(const ViewPart &part, const SqlFilter &sql)
{
    return part.condition.empty() ? sql.where : " WHERE " + part.condition + sql.andClause;
}

std::string fromKeyCondition(const ViewPart &part, bool descending, bool inclusive)
{
    std::string marks;
    for (int i = 0; i < part.keyCount; ++i)
        marks += i ? ", ?" : "?";
    return "(" + part.keyColumns + ") " + (descending ? "<" : ">") + (inclusive ? "=" : "") + " (" +
           marks + ")";
}

std::pair<Statement, int> prepareWithRun(const Database &db, const std::string &text,
                                         std::int64_t run, const SqlFilter &sql)
{
    Statement query = db.prepare(text);
    const bool namesRun = text.find("?1") != std::string::npos;
    if (namesRun)
        query.bind(1, run);
    const int next = sql.bind(query, namesRun ? 2 : 1);
    return {std::move(query), next};
}

HitOrder hitOrder(const ViewPart &part)
{
    return part.stored.order == AnchoredView::Account ? HitOrder::Account : HitOrder::Time;
}

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
    auto [query, next] = prepareWithRun(
        db,
        OuterColumns + InnerColumns + part.clusterNumber + " AS cluster_number" + source + where +
            " ORDER BY " + part.order + " LIMIT ? OFFSET ?" + OuterJoin + part.outerOrder,
        run, sql);
    for (int i = 0; start.key && i < part.keyCount; ++i)
        query.bind(next++, (*start.key)[std::size_t(i)]);
    query.bind(next, limit).bind(next + 1, start.skip);
    readRows(query, rows);
}

void readHits(const Database &db, const ViewPart &part, bool descending, std::int64_t run,
              const PostFilter &filter, std::int64_t offset, std::int64_t limit,
              const PostOrderKeys *keys, std::vector<PostRow> &rows)
{
    // Positions 1..rows in ascending order; a descending view counts from the end.
    const auto positions = [&](std::int64_t rows) {
        return std::pair(descending ? rows - offset - limit + 1 : offset + 1,
                         descending ? rows - offset : offset + limit);
    };
    SearchHits hits;
    std::int64_t first = 0, last = 0;
    // With the keys: the page's own rows, numbered by their positions, into a table of their
    // own (where a table of every match took 70 ms to fill for 858,716 matches). `ids` holds
    // the matches at positions from `at` on, in order.
    const auto pageTable = [&](std::int64_t matches, std::int64_t at,
                               std::span<const std::uint32_t> ids) {
        std::tie(first, last) = positions(matches);
        db.execScript("CREATE TEMP TABLE IF NOT EXISTS search_page (pos INTEGER PRIMARY KEY, "
                      "post INTEGER NOT NULL); DELETE FROM temp.search_page;");
        Statement add = db.prepare("INSERT INTO temp.search_page (pos, post) VALUES (?, ?)");
        // A page past either end has none.
        const std::int64_t from = std::max(first, at);
        const std::int64_t to = std::min(last, at + std::int64_t(ids.size()) - 1);
        for (std::int64_t pos = from; pos <= to; ++pos)
            add.bind(1, pos).bind(2, std::int64_t(ids[std::size_t(pos - at)])).exec();
        hits = {"temp.search_page", matches};
    };
    const HitOrder order = hitOrder(part);
    const auto nearEnd = std::size_t(offset + limit);
    const auto keyed = keys ? keyedSearch(db, filter, *keys) : std::nullopt;
    // A page near the view's start whose order is not kept yet: from the matches nearest that
    // end (searchHead), the whole order being left to the anchors' job after the first page.
    const bool nearStart = offset >= 0 && nearEnd <= HeadRows;
    auto head = keyed && nearStart && !orderKept(*keyed, order)
                    ? searchHead(*keyed, order, nearEnd, descending)
                    : std::nullopt;
    // Keys without their times and accounts yet (read as the case opened): the head from the
    // facets (termsHead).
    if (!keyed && keys && nearStart)
        head = termsHead(db, part, filter, *keys, nearEnd, descending);
    const auto kept = keyed && !head ? orderedMatches(*keyed, order) : std::nullopt;
    if (head) {
        const auto matches = std::int64_t(head->matches);
        pageTable(matches, descending ? matches - std::int64_t(head->ids.size()) + 1 : 1,
                  head->ids);
    } else if (kept) {
        const auto matches = std::int64_t(kept->size());
        const auto [from, to] = positions(matches);
        const std::int64_t at = std::clamp<std::int64_t>(from, 1, matches + 1);
        pageTable(
            matches, at,
            kept->ids(std::size_t(at - 1), std::size_t(std::clamp<std::int64_t>(to, 0, matches))));
    } else {
        hits = searchHits(db, filter, order, keys);
        std::tie(first, last) = positions(hits.rows);
    }
    const SqlFilter none{PostFilter{}};
    auto [query, next] = prepareWithRun(
        db,
        OuterColumns + InnerColumns + part.clusterNumber + " AS cluster_number FROM " + hits.table +
            " h CROSS JOIN posts p ON p.id = h.post WHERE h.pos "
            "BETWEEN ? AND ? ORDER BY h.pos" +
            (descending ? " DESC" : "") + OuterJoin + part.outerOrder,
        run, none);
    query.bind(next, std::max<std::int64_t>(first, 1)).bind(next + 1, last);
    readRows(query, rows);
}

void readPostsAt(const Database &db,
                 const std::vector<std::pair<std::int64_t, std::int64_t>> &posts,
                 std::vector<PostRow> &rows)
{
    if (posts.empty())
        return;
    db.execScript("CREATE TEMP TABLE IF NOT EXISTS posts_at (pos INTEGER PRIMARY KEY, post "
                  "INTEGER NOT NULL, cluster_number INTEGER NOT NULL); DELETE FROM temp.posts_at;");
    Statement add =
        db.prepare("INSERT INTO temp.posts_at (pos, post, cluster_number) VALUES (?, ?, ?)");
    for (std::size_t i = 0; i < posts.size(); ++i)
        add.bind(1, std::int64_t(i)).bind(2, posts[i].first).bind(3, posts[i].second).exec();
    Statement query = db.prepare(OuterColumns + InnerColumns +
                                 "h.cluster_number, h.pos FROM temp.posts_at h CROSS JOIN posts p "
                                 "ON p.id = h.post" +
                                 OuterJoin + "p.pos");
    readRows(query, rows);
}

} // namespace chorus::detail
