#include "query/PostQuery.h"

#include "query/SqlFilter.h"
#include "store/CaseStore.h"

#include <cctype>

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

std::int64_t latestClusterRun(const CaseStore &store)
{
    return store.db().queryInt64("SELECT coalesce(max(run_id), 0) FROM clusters");
}

Result<std::int64_t> PostQuery::count(const PostFilter &filter) const
{
    try {
        const SqlFilter sql(filter);
        Statement query = m_store.db().prepare("SELECT count(*) FROM posts p" + sql.where);
        sql.bind(query);
        query.step();
        return query.int64(0);
    } catch (const SqlError &e) {
        return Error{std::string("counting posts: ") + e.what()};
    }
}

Result<std::vector<PostRow>> PostQuery::page(const PostFilter &filter, PostSort sort,
                                             bool descending, std::int64_t offset, int limit) const
{
    try {
        const SqlFilter sql(filter);
        const std::string direction = descending ? " DESC" : "";
        std::string order;
        switch (sort) {
        case PostSort::Time:
            order = "p.created_at" + direction + ", p.id" + direction;
            break;
        case PostSort::Account:
            order = "p.account_id" + direction + ", p.created_at" + direction;
            break;
        case PostSort::Cluster:
            // Posts in no cluster sort last in either direction.
            order = "cluster_number = 0, cluster_number" + direction + ", p.created_at" + direction;
            break;
        }
        // Page over posts alone (indexed order), then join the page's authors.
        const std::string text =
            "SELECT p.id, p.platform_id, p.created_at, p.account_id, "
            "coalesce(a.handle, a.platform_id), p.text, p.kind, p.language, p.cluster_number "
            "FROM (SELECT p.id, p.platform_id, p.created_at, p.account_id, p.text, p.kind, "
            "coalesce(p.language, '') AS language, coalesce((SELECT c.number FROM "
            "cluster_members m JOIN clusters c ON c.id = m.cluster_id WHERE m.post_id = p.id "
            "AND c.run_id = ?), 0) AS cluster_number FROM posts p" +
            sql.where + " ORDER BY " + order +
            " LIMIT ? OFFSET ?) p JOIN accounts a ON a.id = p.account_id ORDER BY " + order;
        Statement query = m_store.db().prepare(text);
        // Anonymous parameters are numbered left to right: the run, the filter, the page.
        query.bind(1, latestClusterRun(m_store));
        const int next = sql.bind(query, 2);
        query.bind(next, std::int64_t(limit)).bind(next + 1, offset);
        std::vector<PostRow> rows;
        rows.reserve(std::size_t(limit));
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
            rows.push_back(std::move(row));
        }
        return rows;
    } catch (const SqlError &e) {
        return Error{std::string("reading posts: ") + e.what()};
    }
}

Result<std::vector<std::pair<std::string, std::int64_t>>> PostQuery::languages() const
{
    try {
        std::vector<std::pair<std::string, std::int64_t>> result;
        Statement query = m_store.db().prepare(
            "SELECT language, count(*) AS n FROM posts WHERE language IS NOT NULL AND "
            "language <> '' GROUP BY language ORDER BY n DESC, language");
        while (query.step())
            result.emplace_back(query.text(0), query.int64(1));
        return result;
    } catch (const SqlError &e) {
        return Error{std::string("reading languages: ") + e.what()};
    }
}

} // namespace chorus
