#pragma once

#include "common/Error.h"
#include "common/Progress.h"
#include "graph/CompactGraph.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace chorus {

struct LayoutPoint
{
    double x = 0;
    double y = 0;
};

struct LayoutOptions
{
    std::uint64_t seed = 1;
    int iterations = 100;
    // Up to this many nodes Boost's Fruchterman-Reingold runs; above it the Barnes-Hut
    // layout, whose repulsion costs O(n log n) per iteration instead of O(n^2).
    std::size_t boostLimit = 1000;
    double theta = 0.9; // Barnes-Hut opening angle: larger is faster and coarser
    // Nodes the analyst placed by hand: they keep these positions and the rest of their
    // component is laid out around them. Empty, or one entry per node.
    std::vector<std::optional<LayoutPoint>> pins;
};

// Positions for drawing a coordination network, deterministic for a seed. Each connected
// component is laid out on its own and the components are packed in rows, largest first; the
// components holding pinned nodes stay where their pins are and the others are packed below
// them. Reports
// progress per iteration and stops with Error::cancel() when the sink asks. Any thread.
Result<std::vector<LayoutPoint>> forceLayout(const CompactGraph &graph,
                                             const LayoutOptions &options, ProgressSink &progress);

// The Barnes-Hut layout alone (used above boostLimit; public for tests and benchmarks).
Result<std::vector<LayoutPoint>>
barnesHutLayout(const CompactGraph &graph, const LayoutOptions &options, ProgressSink &progress);

} // namespace chorus
