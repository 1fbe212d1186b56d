#pragma once

#include "network/NetworkTypes.h"

#include <cstdint>
#include <string>
#include <vector>

namespace chorus {

struct IntervalSuggestion
{
    std::int64_t seconds = 0;       // 0 when the data has no object shared twice
    std::int64_t sharedObjects = 0; // objects acted on at least twice
    std::int64_t fastObjects = 0;   // the quickest q of them, whose timing decides
    std::string explanation;
};

// Suggests the coordination window from the data, after CooRnet's estimate_coord_interval:
// among objects acted on at least twice, keep the share q (0.1) whose second action came
// quickest; for each, the seconds from the first action until p (0.5) of its actions had
// happened; the suggestion is the median of those (at least 1 s). Events must be sorted
// by sortEvents(). Pure; any thread.
IntervalSuggestion estimateCoordinationInterval(const std::vector<CoEvent> &events, double q = 0.1,
                                                double p = 0.5);

} // namespace chorus
