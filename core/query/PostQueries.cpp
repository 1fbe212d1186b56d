#include "query/PostQueries.h"

#include "query/ClusterOrder.h"
#include "query/KeyFilter.h"
#include "query/PostViewParts.h"
#include "query/SearchHits.h"
#include "query/SqlFilter.h"
#include "query/TermsHead.h"
#include "store/AnalysisRuns.h"
#include "store/CaseStore.h"
#include "store/PostFacets.h"
#include "store/SqlGuard.h"
#include "store/TextIndex.h"

#include <cctype>
#include <tuple>

#include <QJsonArray>
#include <QJsonDocument>

namespace chorus {

using detail::SqlFilter;

bool PostFilter::isEmpty() const
{
    return *this == PostFilter{};
}

std::string ftsMatchExpression(std::string_view userText)
{
    // Split on ASCII white space only: the unicode61 tokenizer splits the quoted strings
    // further, so "état-major" still finds both words in order.
    std::string result;
    std::size_t i = 0;
    while (i < userText.size()) {
        while (i < userText.size() && std::isspace(static_cast<unsigned char>(userText[i])))
            ++i;
        std::size_t end = i;
        while (end < userText.size() && !std::isspace(static_cast<unsigned char>(userText[end])))
            ++end;
        if (end > i) {
            if (!result.empty())
                result += ' ';
            result += '"';
            for (char c : userText.substr(i, end - i)) {
                result += c;
                if (c == '"')
                    result += '"'; // an FTS5 string escapes a quote by doubling it
            }
            result += '"';
        }
        i = end;
    }
    return result;
}

namespace {

// A filter of kind, language and collected or all only: counted from post_facets.
bool isFacetFilter(const PostFilter &filter)
{
    PostFilter rest = filter;
    rest.kind.clear();
    rest.language.clear();
    rest.collectedOnly = false;
    return rest.isEmpty();
}

} // namespace

Result<std::int64_t> PostQueries::count(const PostFilter &filter) const
{
    return guardSql("counting posts", [&]() -> Result<std::int64_t> {
        if (isFacetFilter(filter))
            return facetCount(m_store.db(), filter.kind, filter.language, filter.collectedOnly);
        if (const auto matches = detail::textOnlyMatchCount(m_store.db(), filter))
            return *matches;
        if (detail::isNarrowedSearch(filter))
            return detail::searchMatchCount(m_store.db(), filter, m_orderKeys);
        const SqlFilter sql(filter);
        Statement query = m_store.db().prepare("SELECT count(*) FROM posts p" + sql.where);
        sql.bind(query);
        query.step();
        return query.int64(0);
    });
}

Result<bool> PostQueries::extendOrderKeys(PostOrderKeys &keys, std::int64_t rows) const
{
    return guardSql("reading the posts' times and accounts", [&]() -> Result<bool> {
        // Then the latest run's members, for narrowed views in cluster order.
        return extendPostOrderKeys(m_store.db(), keys, rows) &&
               detail::extendClusterMembers(m_store.db(), keys, rows);
    });
}

namespace {

// Whether a search's count or first page costs less after reading the rest of the posts' keys
// (postKeysLeftToReadUs). Without them SQLite reads each of the words' matches' rows: for a
// count narrowed by a kind, 1.4 us a match for `the` (4.9 million matches) and 4.8 us for
// `rally` (0.1 million) at ten million posts, taken as 5 us; for a first page, sorting the
// matches by their rows, 36-46 us a match for `rally` and `Kirkland` (3.5 s and 1.4 s), taken
// as 40 us. Not for: words alone counted (the index counts them), a first page that walks the
// view's order (a word that common, walkMayPay), an account's posts (SQLite reads that
// account's few posts from its index), a view of two parts (the cluster order's pages come
// from the keys and the run's members once the keys are read in the background, which reads
// the members after them: query/ClusterOrder). keysMayPayFor() is what the filter alone rules
// out.
bool keysMayPayFor(const PostFilter &filter, PostQueries::KeysUse use)
{
    return !ftsMatchExpression(filter.text).empty() && filter.accountId == 0 &&
           filter.accountIds.empty() &&
           (use != PostQueries::KeysUse::Count || detail::isNarrowedSearch(filter));
}

bool keysPayFor(const Database &db, const PostFilter &filter, const detail::KeyFilter &terms,
                PostQueries::KeysUse use, std::size_t viewPartCount, const PostKeys &keys)
{
    const bool narrowed = detail::isNarrowedSearch(filter);
    if (use == PostQueries::KeysUse::Page && viewPartCount != 1)
        return false;
    PostFilter words;
    words.text = filter.text;
    const detail::TextMatches text = detail::textMatches(db, words);
    if (text.matches == 0 || (!narrowed && text.walkMayPay()))
        return false;
    // A count narrowed by kinds, languages or collected posts only needs the facets' pass.
    const bool facetsDo = use == PostQueries::KeysUse::Count && !terms.needsOrderKeys();
    const double perMatch = use == PostQueries::KeysUse::Count ? 5.0 : 40.0;
    return double(text.matches) * perMatch >
           (facetsDo ? postFacetsLeftToReadUs(db, keys, terms.needsLanguages())
                     : postKeysLeftToReadUs(db, keys));
}

} // namespace

Result<bool> PostQueries::readOrderKeysFor(const PostFilter &filter, KeysUse use, PostSort sort,
                                           PostOrderKeys &keys, KeysPage page) const
{
    return guardSql("reading the posts' times and accounts", [&]() -> Result<bool> {
        const Database &db = m_store.db();
        const std::int64_t indexed = textIndexedThrough(db);
        if (keys.unusable || keys.covers(indexed))
            return !keys.unusable;
        const auto terms = detail::KeyFilter::of(filter);
        if (!terms || !keysMayPayFor(filter, use))
            return false;
        // The view's parts, for a page: its first rows can come from the keys for one part only.
        std::vector<detail::ViewPart> parts;
        if (use == KeysUse::Page) {
            const std::int64_t run = AnalysisRuns(db).latest(RunKind::TextClusters).value_or(0);
            parts = detail::viewParts(sort, page.descending, run);
        }
        if (!keysPayFor(db, filter, *terms, use, parts.size(), keys))
            return false;
        const InterruptWatch watch(db);
        // A million posts' keys at a time (16-240 of the kept chunks, by pass), each slice
        // read from a snapshot of its own.
        const auto readUntil = [&](const auto &enough) {
            for (bool whole = false; !whole && !enough();) {
                watch.check();
                whole = extendPostOrderKeys(db, keys, std::int64_t(1) << 20);
            }
        };
        const bool nearAnEnd = page.end > 0 && std::size_t(page.end) <= detail::HeadRows;
        if (!terms->empty() && !terms->needsOrderKeys() && (use == KeysUse::Count || nearAnEnd)) {
            readUntil([&] {
                return keys.unusable || keys.facetsCover(indexed, terms->needsLanguages());
            });
            if (keys.unusable || use == KeysUse::Count || keys.covers(indexed))
                return !keys.unusable;
            if (detail::termsHead(db, parts.front(), filter, keys, std::size_t(page.end),
                                  page.descending))
                return true;
        }
        readUntil([] { return false; });
        return !keys.unusable;
    });
}

Result<std::vector<std::pair<std::string, std::int64_t>>> PostQueries::languages() const
{
    return guardSql(
        "reading languages", [&]() -> Result<std::vector<std::pair<std::string, std::int64_t>>> {
            std::vector<std::pair<std::string, std::int64_t>> result;
            // From the per-facet counts: a grouping of ten million posts took 1.1 s.
            Statement query = m_store.db().prepare(
                "SELECT language, sum(n) AS total FROM post_facets WHERE language <> '' "
                "GROUP BY language ORDER BY total DESC, language");
            while (query.step())
                result.emplace_back(query.text(0), query.int64(1));
            return result;
        });
}

Result<PostDetail> PostQueries::detail(std::int64_t postId) const
{
    return guardSql("reading a post", [&]() -> Result<PostDetail> {
        const Database &db = m_store.db();
        const auto run = AnalysisRuns(db).latest(RunKind::TextClusters).value_or(0);
        Statement query = db.prepare(
            "SELECT p.id, p.platform, p.platform_id, p.created_at, p.kind, "
            "coalesce(p.language, ''), p.text, coalesce(p.reply_to, ''), "
            "coalesce(p.repost_of, ''), coalesce(p.quote_of, ''), a.id, a.platform_id, "
            "coalesce(a.handle, ''), coalesce(a.display_name, ''), coalesce(s.file_name, ''), "
            "coalesce(s.sha256, ''), coalesce(p.source_line, 0), "
            "coalesce((SELECT c.number FROM cluster_members cm CROSS JOIN clusters c ON "
            "c.id = cm.cluster_id WHERE cm.post_id = p.id AND c.run_id = ?2 LIMIT 1), 0), "
            "p.context, coalesce(p.place, ''), coalesce(p.place_country, ''), "
            "coalesce(p.edit_history, '[]') "
            "FROM posts p JOIN accounts a ON a.id = p.account_id "
            "LEFT JOIN sources s ON s.id = p.source_id WHERE p.id = ?1");
        query.bind(1, postId).bind(2, run);
        if (!query.step())
            return Error{"no post " + std::to_string(postId)};
        PostDetail d;
        d.id = query.int64(0);
        d.platform = query.text(1);
        d.platformId = query.text(2);
        d.createdAt = query.int64(3);
        d.kind = query.text(4);
        d.language = query.text(5);
        d.text = query.text(6);
        d.replyTo = query.text(7);
        d.repostOf = query.text(8);
        d.quoteOf = query.text(9);
        d.accountId = query.int64(10);
        d.accountPlatformId = query.text(11);
        d.handle = query.text(12);
        d.displayName = query.text(13);
        d.sourceFile = query.text(14);
        d.sourceSha256 = query.text(15);
        d.sourceLine = query.int64(16);
        d.clusterNumber = query.int64(17);
        d.context = query.int64(18) != 0;
        d.place = query.text(19);
        d.placeCountry = query.text(20);
        for (const QJsonValue id :
             QJsonDocument::fromJson(QByteArray::fromStdString(query.text(21))).array())
            d.editHistory.push_back(id.toString().toStdString());
        for (auto [table, column, list] : {std::tuple{"post_urls", "url", &d.urls},
                                           std::tuple{"post_hashtags", "tag", &d.hashtags},
                                           std::tuple{"post_mentions", "handle", &d.mentions}}) {
            Statement items = db.prepare(std::string("SELECT ") + column + " FROM " + table +
                                         " WHERE post_id = ?1");
            items.bind(1, postId);
            while (items.step())
                list->push_back(items.text(0));
        }
        return d;
    });
}

} // namespace chorus
