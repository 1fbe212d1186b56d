#include "query/TimelineQueries.h"
#include "store/SqlGuard.h"

#include "query/SqlFilter.h"
#include "store/CaseStore.h"

namespace chorus {

using detail::SqlFilter;

std::int64_t chooseBinSeconds(std::int64_t spanSeconds, int maxBins)
{
    static constexpr std::int64_t Ladder[] = {60,    300,       900,        1800,
                                              3600,  3 * 3600,  6 * 3600,   12 * 3600,
                                              86400, 7 * 86400, 30 * 86400, 365 * 86400};
    for (std::int64_t bin : Ladder) {
        if (spanSeconds / bin < maxBins)
            return bin;
    }
    return Ladder[std::size(Ladder) - 1];
}

Result<std::pair<std::int64_t, std::int64_t>> TimelineQueries::span(const PostFilter &filter) const
{
    return guardSql(
        "reading the time span", [&]() -> Result<std::pair<std::int64_t, std::int64_t>> {
            const SqlFilter sql(filter);
            Statement query = m_store.db().prepare("SELECT coalesce(min(p.created_at), 0), "
                                                   "coalesce(max(p.created_at), 0) FROM posts p" +
                                                   sql.where);
            sql.bind(query);
            query.step();
            return std::make_pair(query.int64(0), query.int64(1));
        });
}

namespace {

std::vector<TimeBin> readBins(Statement &query)
{
    std::vector<TimeBin> bins;
    while (query.step())
        bins.push_back({query.int64(0), query.int64(1)});
    return bins;
}

// Floor division by the bin size ?1, so that bins before 1970 line up too. A bare "?" after
// "?1" is numbered 2, 3, ...: the filter's values follow the bin size.
std::string binOf(const char *column)
{
    return std::string(column) + " - (((" + column + " % ?1) + ?1) % ?1)";
}

} // namespace

Result<std::vector<TimeBin>> TimelineQueries::postsPerBin(const PostFilter &filter,
                                                          std::int64_t binSeconds) const
{
    return guardSql("counting posts per time bin", [&]() -> Result<std::vector<TimeBin>> {
        const SqlFilter sql(filter);
        Statement query = m_store.db().prepare("SELECT " + binOf("p.created_at") +
                                               " AS bin, count(*) FROM posts p" + sql.where +
                                               " GROUP BY bin ORDER BY bin");
        query.bind(1, binSeconds);
        sql.bind(query, 2);
        return readBins(query);
    });
}

Result<std::vector<TimeBin>> TimelineQueries::accountCreation(const PostFilter &filter,
                                                              std::int64_t binSeconds) const
{
    return guardSql("counting account creation dates", [&]() -> Result<std::vector<TimeBin>> {
        const SqlFilter sql(filter);
        std::string restrict;
        if (!filter.isEmpty())
            restrict = " AND a.id IN (SELECT p.account_id FROM posts p" + sql.where + ")";
        Statement query = m_store.db().prepare(
            "SELECT " + binOf("a.created_at") +
            " AS bin, count(*) FROM accounts a WHERE a.created_at IS NOT NULL" + restrict +
            " GROUP BY bin ORDER BY bin");
        query.bind(1, binSeconds);
        sql.bind(query, 2);
        return readBins(query);
    });
}

Result<HourWeekdayCounts> TimelineQueries::hourWeekday(const PostFilter &filter) const
{
    return guardSql("counting posts by hour and weekday", [&]() -> Result<HourWeekdayCounts> {
        const SqlFilter sql(filter);
        // 1970-01-01 was a Thursday: day index + 3 modulo 7 gives Monday = 0.
        Statement query = m_store.db().prepare(
            "SELECT ((p.created_at / 86400 + 3) % 7 + 7) % 7 AS weekday, "
            "((p.created_at % 86400 + 86400) % 86400) / 3600 AS hour, count(*) FROM posts p" +
            sql.where + " GROUP BY weekday, hour");
        sql.bind(query);
        HourWeekdayCounts counts{};
        while (query.step())
            counts.at(std::size_t(query.int64(0))).at(std::size_t(query.int64(1))) = query.int64(2);
        return counts;
    });
}

} // namespace chorus
