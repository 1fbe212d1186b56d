#include "store/PostFacets.h"

#include "store/PostKeys.h"

namespace chorus {

void PostFacetCounts::add(std::string_view kind, std::string_view language, bool context,
                          std::int64_t delta)
{
    const KeyView key{kind, language, context};
    if (const auto it = m_counts.find(key); it != m_counts.end())
        it->second += delta;
    else
        m_counts.emplace(Key{kind, language, context}, delta);
}

void PostFacetCounts::flush(const Database &db)
{
    if (m_counts.empty())
        return;
    Statement upsert = db.prepare("INSERT INTO post_facets (kind, language, context, n) "
                                  "VALUES (?, ?, ?, ?) ON CONFLICT (kind, language, context) "
                                  "DO UPDATE SET n = n + excluded.n");
    for (const auto &[key, count] : m_counts)
        upsert.bind(1, std::get<0>(key))
            .bind(2, std::get<1>(key))
            .bind(3, std::int64_t(std::get<2>(key)))
            .bind(4, count)
            .exec();
    db.execScript("DELETE FROM post_facets WHERE n <= 0;");
    m_counts.clear();
}

std::int64_t facetCount(const Database &db, std::string_view kind, std::string_view language,
                        bool collectedOnly)
{
    Statement query = db.prepare("SELECT coalesce(sum(n), 0) FROM post_facets "
                                 "WHERE (?1 = '' OR kind = ?1) AND (?2 = '' OR language = ?2) "
                                 "AND (?3 = 0 OR context = 0)");
    query.bind(1, kind).bind(2, language).bind(3, std::int64_t(collectedOnly));
    query.step();
    return query.int64(0);
}

PostsState postsState(const Database &db)
{
    return {facetCount(db, "", "", false), lastPostId(db)};
}

} // namespace chorus
