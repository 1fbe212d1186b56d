#include "query/SqlFilter.h"

#include "query/SearchHits.h"

namespace chorus::detail {

std::string idArrayJson(const std::vector<std::int64_t> &ids)
{
    std::string json = "[";
    for (std::int64_t id : ids) {
        if (json.size() > 1)
            json += ',';
        json += std::to_string(id);
    }
    json += ']';
    return json;
}

SqlFilter::SqlFilter(const PostFilter &filter, TextMatch text)
{
    std::vector<std::string> terms;
    const std::string match = ftsMatchExpression(filter.text);
    if (!match.empty()) {
        terms.push_back(text == TextMatch::List
                            ? "p.id IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH ?)"
                            : "EXISTS (SELECT 1 FROM posts_fts f WHERE f.posts_fts MATCH ? AND "
                              "f.rowid = p.id)");
        values.emplace_back(match);
    }
    if (filter.accountId != 0) {
        terms.push_back("p.account_id = ?");
        values.emplace_back(filter.accountId);
    }
    if (!filter.accountIds.empty()) {
        // One bound JSON array however large the group: no SQL text grows with it.
        terms.push_back("p.account_id IN (SELECT value FROM json_each(?))");
        values.emplace_back(idArrayJson(filter.accountIds));
    }
    if (filter.clusterId != 0) {
        terms.push_back("p.id IN (SELECT post_id FROM cluster_members WHERE cluster_id = ?)");
        values.emplace_back(filter.clusterId);
    }
    if (filter.from) {
        terms.push_back("p.created_at >= ?");
        values.emplace_back(*filter.from);
    }
    if (filter.to) {
        terms.push_back("p.created_at < ?");
        values.emplace_back(*filter.to);
    }
    if (!filter.language.empty()) {
        terms.push_back("p.language = ?");
        values.emplace_back(filter.language);
    }
    if (!filter.kind.empty()) {
        terms.push_back("p.kind = ?");
        values.emplace_back(filter.kind);
    }
    if (filter.collectedOnly)
        terms.push_back("p.context = 0");
    if (!filter.tag.empty()) {
        // Annotations are written by evidence/Annotations; tags are a JSON array.
        terms.push_back(
            "(p.id IN (SELECT a.target_id FROM annotations a, json_each(a.tags) t "
            "WHERE a.target_kind = 'post' AND t.value = ?) "
            "OR p.account_id IN (SELECT a.target_id FROM annotations a, json_each(a.tags) t "
            "WHERE a.target_kind = 'account' AND t.value = ?) "
            "OR p.id IN (SELECT m.member_id FROM annotations a JOIN annotation_members m ON "
            "m.annotation_id = a.id, json_each(a.tags) t WHERE a.target_kind IN ('cluster', "
            "'campaign') AND t.value = ?) "
            "OR p.account_id IN (SELECT m.member_id FROM annotations a JOIN annotation_members m "
            "ON m.annotation_id = a.id, json_each(a.tags) t WHERE a.target_kind = 'community' "
            "AND t.value = ?))");
        for (int i = 0; i < 4; ++i)
            values.emplace_back(filter.tag);
    }
    for (std::size_t i = 0; i < terms.size(); ++i) {
        where += (i == 0 ? " WHERE " : " AND ") + terms[i];
        andClause += " AND " + terms[i];
    }
}

std::optional<std::int64_t> textOnlyMatchCount(const Database &db, const PostFilter &filter)
{
    PostFilter rest = filter;
    rest.text.clear();
    if (ftsMatchExpression(filter.text).empty() || !rest.isEmpty())
        return std::nullopt;
    return searchMatchCount(db, filter);
}

int SqlFilter::bind(Statement &statement, int first) const
{
    int index = first;
    for (const auto &value : values) {
        if (const auto *number = std::get_if<std::int64_t>(&value))
            statement.bind(index++, *number);
        else
            statement.bind(index++, std::get<std::string>(value));
    }
    return index;
}

} // namespace chorus::detail
