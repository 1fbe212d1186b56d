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

// The time left as it is said, rounded since it is an estimate: under a minute, seconds in
// steps of 5 (never 0 while work remains); then whole minutes, with hours from an hour on.
struct SaidTimeLeft
{
    int hours = 0;
    int minutes = 0;
    int seconds = 0; // only under a minute
};
SaidTimeLeft sayTimeLeft(double seconds);

// "about 45 s left", "about 3 min left", "about 1 h 20 min left" (the CLI; the workbench
// words sayTimeLeft() in the user's language).
std::string describeTimeLeft(double seconds);

} // namespace chorus
