#pragma once

#include "graph/CompactGraph.h"

#include <cstdint>
#include <vector>

namespace chorus {

// Per-node structure measures of a coordination network, indexed like CompactGraph nodes.
struct GraphMetrics
{
    std::vector<int> component;         // 0 = the largest component
    std::vector<int> kcore;             // core number (unweighted)
    std::vector<double> weightedDegree; // sum of edge weights
    std::vector<double> betweenness;    // undirected, unnormalized, hop distances
    bool betweennessSampled = false;
    int components = 0;
};

struct GraphMetricsOptions
{
    // Above this many nodes betweenness is estimated from `betweennessSamples` sources
    // (Brandes with pivots, scaled by n / samples) instead of computed exactly.
    std::size_t exactBetweennessLimit = 5000;
    std::size_t betweennessSamples = 64;
    std::uint64_t seed = 1;
};

// Connected components, k-core and exact betweenness come from Boost.Graph; the sampled
// betweenness is a Brandes pass per pivot on the compact graph. Pure and deterministic
// for a seed. Any thread.
GraphMetrics computeGraphMetrics(const CompactGraph &graph,
                                 const GraphMetricsOptions &options = {});

} // namespace chorus
