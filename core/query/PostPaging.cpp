// PostQueries::page and PostQueries::extendAnchors: the posts table's pages, in an indexed
// order, straight from the start or from the nearest page anchor.
#include "query/PostQueries.h"

#include "query/ClusterOrder.h"
#include "query/KeyFilter.h"
#include "query/PostViewParts.h"
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

using detail::andWhere;
using detail::fromKeyCondition;
using detail::hitOrder;
using detail::PageStart;
using detail::prepareWithRun;
using detail::readHits;
using detail::readPart;
using detail::SqlFilter;
using detail::TextMatches;
using detail::textMatches;
using detail::ViewPart;
using detail::viewParts;
using detail::whereOf;

namespace {

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

// Whether a deep page of a one-part view of a search of the text alone (a common word) is read
// by position from its matches in the view's order, kept with the posts' keys (readHits): the
// page's own rows, read by id, where walking the order's index from the page's first row asks
// the text index about each row it meets (40 us a row: 0.3 s for a page where the word is
// rare, 60,000 rows down `the` at ten million posts). Once the order is kept (the anchors job
// makes it after the first page), or when making it now costs less than the walk to the page.
bool pagedFromKeptOrder(const Database &db, const PostFilter &filter, const TextMatches &text,
                        const std::vector<ViewPart> &parts, std::int64_t offset,
                        const PostOrderKeys *keys)
{
    if (!keys || parts.size() != 1 || text.matches == 0 || offset <= 0)
        return false;
    const detail::HitOrder order = hitOrder(parts.front());
    return detail::orderKept(db, filter, order, *keys) ||
           (text.seekFromKeysPays(offset) && detail::orderedMatches(db, filter, order, *keys));
}

// A one-part view of a search of the text alone needs no anchors with the posts' keys in
// memory: a deep page is read by position from the matches in the view's order
// (pagedFromKeptOrder). Those are put in order by slices now, in the background after the
// first page (60 ms for 4.9 million matches at ten million posts), where anchors every
// `spacing` rows needed every match sorted and listed with its key (0.8-1.4 s in the
// workbench, with no way to interrupt it for the user's next search). False, leaving the
// anchors as they are, for other views or without the keys.
bool anchorsFromKeys(const Database &db, const PostFilter &filter, const TextMatches &text,
                     const std::vector<ViewPart> &parts, const PostOrderKeys *keys,
                     PageAnchors &anchors)
{
    if (!keys || parts.size() != 1 || text.matches == 0 ||
        !detail::orderedMatches(db, filter, hitOrder(parts.front()), *keys))
        return false;
    PageAnchors::Part &part = anchors.parts.front();
    part = {};
    part.scanned = text.matches;
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
    const std::string &from = part.countFrom.empty() ? part.from : part.countFrom;
    auto [query, next] = prepareWithRun(
        db, all ? part.countAll : "SELECT count(*)" + from + whereOf(part, sql), run, sql);
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
        if (parts.size() > 1 && m_orderKeys &&
            detail::pageInClusterOrder(m_store.db(), filter, run, *m_orderKeys, descending, offset,
                                       limit, rows))
            return rows;
        if (pagedFromHits(filter, text, parts) ||
            pagedFromKeptOrder(m_store.db(), filter, text, parts, offset, m_orderKeys)) {
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
            // Not the last part: skip it whole when the page starts after it. Its rows are
            // counted only for a page past the first row: one from the first row starts in it,
            // or in the next if it has none (a count under a filter takes seconds at ten
            // million posts).
            std::optional<std::int64_t> knownRows;
            if (!stored.empty())
                knownRows = stored[i].second;
            else if (partAnchors && partAnchors->complete)
                knownRows = partAnchors->scanned;
            if (i + 1 < parts.size() && (offset > 0 || knownRows)) {
                const std::int64_t partRows =
                    knownRows ? *knownRows : countPart(m_store.db(), parts[i], run, sql);
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
        if (parts.size() > 1 && m_orderKeys) {
            // Paged from the members and the keys in memory (pageInClusterOrder): no anchors
            // needed. The unclustered part is put in time order now, for the pages after the
            // first.
            if (const auto partRows =
                    detail::prepareClusterOrder(m_store.db(), filter, run, *m_orderKeys)) {
                anchors.parts[0].scanned = partRows->first;
                anchors.parts[1].scanned = partRows->second;
                for (PageAnchors::Part &part : anchors.parts)
                    part.complete = true;
                anchors.complete = true;
                return std::move(anchors);
            }
        }
        const TextMatches text = textMatches(m_store.db(), filter);
        if (pagedFromHits(filter, text, parts)) {
            // Paged by position in the search's matches: no anchors needed. With the keys, the
            // matches are put in the view's order now, after the first pages were picked from
            // them (readHits): the pages after those are then read from that order.
            if (m_orderKeys)
                detail::orderedMatches(m_store.db(), filter, hitOrder(parts.front()), *m_orderKeys);
            for (PageAnchors::Part &part : anchors.parts)
                part.complete = true;
            anchors.complete = true;
            return std::move(anchors);
        }
        if (anchorsFromKeys(m_store.db(), filter, text, parts, m_orderKeys, anchors))
            return std::move(anchors);
        const ViewPart &part = parts[std::size_t(open - anchors.parts.begin())];
        PageAnchors::Part &scan = *open;
        const SqlFilter sql(filter);
        const bool goOn = scan.scanned > 0;
        std::string where = whereOf(part, sql);
        if (goOn)
            where = andWhere(where, fromKeyCondition(part, descending, false));
        auto [query, next] = prepareWithRun(m_store.db(),
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
