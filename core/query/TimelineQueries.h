#pragma once

#include "common/Error.h"
#include "query/PostQueries.h"

#include <array>
#include <cstdint>
#include <vector>

namespace chorus {

class CaseStore;

// How many posts (or accounts) fall in each time bin. Bins without any are left out.
struct TimeBin
{
    std::int64_t start = 0; // UTC epoch seconds, a multiple of the bin size
    std::int64_t count = 0;
};

// Counts by weekday (0 = Monday .. 6 = Sunday) and UTC hour (0..23).
using HourWeekdayCounts = std::array<std::array<std::int64_t, 24>, 7>;

// A bin size from a fixed ladder (1 minute .. 30 days) that cuts a span into at most
// maxBins bins: fine enough to show a burst, coarse enough to stay readable.
std::int64_t chooseBinSeconds(std::int64_t spanSeconds, int maxBins = 240);

// The aggregate questions the timeline asks. Caller's connection and thread.
class TimelineQueries
{
public:
    explicit TimelineQueries(const CaseStore &store) : m_store(store) {}

    // Earliest and latest post time under the filter; {0, 0} when there is no post.
    Result<std::pair<std::int64_t, std::int64_t>> span(const PostFilter &filter) const;
    Result<std::vector<TimeBin>> postsPerBin(const PostFilter &filter,
                                             std::int64_t binSeconds) const;
    // Accounts by creation date (those whose creation date is known); with a non-empty
    // filter, only the accounts that posted under it.
    Result<std::vector<TimeBin>> accountCreation(const PostFilter &filter,
                                                 std::int64_t binSeconds) const;
    Result<HourWeekdayCounts> hourWeekday(const PostFilter &filter) const;

private:
    const CaseStore &m_store;
};

} // namespace chorus
