#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace chorus {

// The time left of one stage of long work, from its progress so far: the rate since the stage
// began, applied to what remains. Stages are timed apart (reading a file and indexing it do not
// go at the same pace), so restart() at each new stage. Used by the command line's progress
// line and the workbench's task bar alike.
class TimeLeft
{
public:
    using Clock = std::chrono::steady_clock;

    void restart(Clock::time_point now = Clock::now());
    // Seconds left at done/total; nothing while too little is known (under 2 s or 1% of the
    // stage, or no total).
    std::optional<double> estimate(std::int64_t done, std::int64_t total,
                                   Clock::time_point now = Clock::now());

private:
    Clock::time_point m_start = Clock::now();
    std::int64_t m_startDone = -1; // progress when the stage's first report came
};

// "about 45 s left", "about 3 min left", "about 1 h 20 min left": rounded, it is an estimate.
std::string describeTimeLeft(double seconds);

} // namespace chorus
