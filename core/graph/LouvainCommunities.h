#pragma once

#include "common/Progress.h"
#include "graph/CompactGraph.h"

#include <cstdint>
#include <vector>

namespace chorus {

struct LouvainOptions
{
    double resolution = 1.0; // > 1 gives more, smaller communities
    std::uint64_t seed = 1;  // node visiting order; the same seed gives the same result
    int maxLevels = 20;
};

struct LouvainResult
{
    std::vector<int> community; // per node; 0 = the largest community
    int communities = 0;
    double modularity = 0; // with the resolution used
    int levels = 0;
};

// Communities by modularity with the Louvain method (Blondel et al. 2008): local moves in a
// seeded random node order, then aggregation, until no move improves modularity. Written
// here on compact adjacency because Boost.Graph has no Louvain. Deterministic for a seed;
// checks progress.isCancelled() between passes (then returns what it has). Any thread.
LouvainResult louvainCommunities(const CompactGraph &graph, const LouvainOptions &options,
                                 ProgressSink &progress);

} // namespace chorus
