#pragma once

#include "query/GraphQueries.h"

#include <cstddef>
#include <cstdint>

namespace chorus::bench {

// A positioned network for drawing benchmarks: `nodes` accounts in communities of 400 laid
// out on rings, `edges` links (nine in ten inside a community), weights 1 to 5. Seeded.
GraphScene syntheticGraphScene(std::size_t nodes, std::size_t edges, std::uint64_t seed = 1);

} // namespace chorus::bench
