#include "common/TimeLeft.h"

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

std::string describeTimeLeft(double seconds)
{
    if (seconds < 60) // in steps of 5 s, never "0 s" while work remains
        return "about " + std::to_string(std::max(5, int(std::ceil(seconds / 5)) * 5)) + " s left";
    const int minutes = int(std::lround(seconds / 60));
    if (minutes < 60)
        return "about " + std::to_string(minutes) + " min left";
    return "about " + std::to_string(minutes / 60) + " h " + std::to_string(minutes % 60) +
           " min left";
}

} // namespace chorus
