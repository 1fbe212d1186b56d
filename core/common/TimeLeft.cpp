#include "common/TimeLeft.h"

#include <algorithm>
#include <cmath>

namespace chorus {

void TimeLeft::restart(Clock::time_point now)
{
    m_start = now;
    m_startDone = -1;
}

std::optional<double> TimeLeft::estimate(std::int64_t done, std::int64_t total,
                                         Clock::time_point now)
{
    if (m_startDone < 0 || done < m_startDone) { // first report, or a count that began again
        m_start = now;
        m_startDone = done;
    }
    if (total <= 0)
        return std::nullopt;
    if (done >= total)
        return 0.0;
    const double elapsed = std::chrono::duration<double>(now - m_start).count();
    const double progressed = double(done - m_startDone);
    if (elapsed < 2.0 || progressed < double(total) / 100.0)
        return std::nullopt;
    return double(total - done) * elapsed / progressed;
}

SaidTimeLeft sayTimeLeft(double seconds)
{
    if (seconds < 60)
        return {0, 0, std::max(5, int(std::ceil(seconds / 5)) * 5)};
    const int minutes = int(std::lround(seconds / 60));
    return {minutes / 60, minutes % 60, 0};
}

std::string describeTimeLeft(double seconds)
{
    const SaidTimeLeft said = sayTimeLeft(seconds);
    if (said.hours > 0)
        return "about " + std::to_string(said.hours) + " h " + std::to_string(said.minutes) +
               " min left";
    if (said.minutes > 0)
        return "about " + std::to_string(said.minutes) + " min left";
    return "about " + std::to_string(said.seconds) + " s left";
}

} // namespace chorus
