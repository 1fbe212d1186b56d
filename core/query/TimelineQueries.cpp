#include "query/TimelineQueries.h"
#include "store/SqlGuard.h"

#include "query/SqlFilter.h"
#include "store/AccountCreationDays.h"
#include "store/CaseStore.h"
#include "store/PostMinutes.h"

namespace chorus {

using detail::SqlFilter;

namespace {

// The collected posts of the whole case: the timeline's unfiltered view, answered from the
// per-minute counts (store/PostMinutes) instead of a scan of every post.
bool isWholeCase(const PostFilter &filter)
{
    PostFilter wholeCase;
    wholeCase.collectedOnly = true;
    return filter == wholeCase;
}

// One cluster's posts (collected or all), and nothing else.
bool isOneCluster(const PostFilter &filter)
{
    PostFilter rest = filter;
    rest.clusterId = 0;
    rest.collectedOnly = false;
    return filter.clusterId != 0 && rest.isEmpty();
}

// The per-minute counts as rows (at = the minute's first second, collected).
const char *const PerMinute = " FROM (SELECT minute * 60 AS at, collected FROM post_minutes) m";

} // namespace

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
            if (isWholeCase(filter))
                return collectedPostSpan(m_store.db()).value_or(std::make_pair(0, 0));
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

// "weekday" (0 = Monday; 1970-01-01 was a Thursday) and "hour" (UTC) of a time column, by
// floor division so that times before 1970 fall on the right day too.
std::string weekdayAndHourOf(const std::string &column)
{
    const std::string secondOfDay = "(((" + column + " % 86400) + 86400) % 86400)";
    return "((((" + column + " - " + secondOfDay + ") / 86400 + 3) % 7) + 7) % 7 AS weekday, " +
           secondOfDay + " / 3600 AS hour";
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
        if (isWholeCase(filter) && binSeconds % 60 == 0) {
            Statement query =
                m_store.db().prepare("SELECT " + binOf("m.at") + " AS bin, sum(m.collected)" +
                                     PerMinute + " GROUP BY bin ORDER BY bin");
            query.bind(1, binSeconds);
            return readBins(query);
        }
        if (isOneCluster(filter) &&
            (!filter.collectedOnly ||
             !m_store.db().queryInt64("SELECT EXISTS (SELECT 1 FROM posts WHERE context = 1)"))) {
            // The timeline's cluster lines: from the members' own times (schema v11), when
            // no context post can be among them (one lookup in the partial index
            // posts_context). A cluster of 84,000 posts at ten million posts: 0.02 s instead
            // of 0.7 s reading its posts.
            Statement query = m_store.db().prepare(
                "SELECT " + binOf("m.created_at") +
                " AS bin, count(*) FROM cluster_members m WHERE m.cluster_id = ?2 "
                "GROUP BY bin ORDER BY bin");
            query.bind(1, binSeconds).bind(2, filter.clusterId);
            return readBins(query);
        }
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
        if (isWholeCase(filter) && binSeconds > 0 && binSeconds % 86400 == 0) {
            // Days counted by the index step, when they are of the case as it is.
            if (const auto days = accountCreationDays(m_store.db())) {
                std::vector<TimeBin> bins;
                for (const auto &[day, accounts] : *days) {
                    const std::int64_t start =
                        day - (((day % binSeconds) + binSeconds) % binSeconds);
                    if (bins.empty() || bins.back().start != start)
                        bins.push_back({start, 0});
                    bins.back().count += accounts;
                }
                return bins;
            }
        }
        const SqlFilter sql(filter);
        std::string restrict;
        // The accounts behind the posts shown, never the accounts the case knows only from
        // mentions or user records. For the whole case (or every post) one index seek per
        // account (posts_account_time) instead of a scan of every post; the context test only
        // when the case holds context posts (one lookup in the partial index posts_context).
        if (isWholeCase(filter) &&
            m_store.db().queryInt64("SELECT EXISTS (SELECT 1 FROM posts WHERE context = 1)")) {
            restrict = " AND EXISTS (SELECT 1 FROM posts p WHERE p.account_id = a.id AND "
                       "p.context = 0)";
        } else if (isWholeCase(filter) || filter.isEmpty()) {
            restrict = " AND EXISTS (SELECT 1 FROM posts p WHERE p.account_id = a.id)";
        } else {
            restrict = " AND a.id IN (SELECT p.account_id FROM posts p" + sql.where + ")";
        }
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
        const bool wholeCase = isWholeCase(filter);
        const SqlFilter sql(filter);
        Statement query = m_store.db().prepare(
            wholeCase ? "SELECT " + weekdayAndHourOf("m.at") + ", sum(m.collected)" + PerMinute +
                            " GROUP BY weekday, hour"
                      : "SELECT " + weekdayAndHourOf("p.created_at") + ", count(*) FROM posts p" +
                            sql.where + " GROUP BY weekday, hour");
        if (!wholeCase)
            sql.bind(query);
        HourWeekdayCounts counts{};
        while (query.step())
            counts.at(std::size_t(query.int64(0))).at(std::size_t(query.int64(1))) = query.int64(2);
        return counts;
    });
}

} // namespace chorus
