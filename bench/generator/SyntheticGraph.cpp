#include "SyntheticGraph.h"

#include "network/NetworkTypes.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <string>

namespace chorus::bench {

GraphScene syntheticGraphScene(std::size_t nodes, std::size_t edges, std::uint64_t seed)
{
    std::mt19937_64 random(seed);
    std::normal_distribution<double> spread(0, 1);
    const std::size_t communities = std::max<std::size_t>(1, nodes / 400);
    GraphScene scene;
    scene.title = "Synthetic network";
    scene.subtitle = std::to_string(nodes) + " accounts, " + std::to_string(edges) + " links";
    scene.nodes.resize(nodes);
    for (std::size_t v = 0; v < nodes; ++v) {
        const std::size_t c = v % communities;
        const double angle = 2 * std::numbers::pi * double(c) / double(communities);
        GraphSceneNode &n = scene.nodes[v];
        n.accountId = std::int64_t(v);
        n.label = "account" + std::to_string(v);
        n.community = int(c);
        n.x = 40 * std::cos(angle) * (1 + double(c % 7)) + spread(random);
        n.y = 40 * std::sin(angle) * (1 + double(c % 7)) + spread(random);
    }
    if (nodes < 2)
        return scene;
    for (std::size_t e = 0; e < edges; ++e) {
        const auto a = std::uint32_t(random() % nodes);
        auto b =
            std::uint32_t(random() % 10 == 0 ? random() % nodes
                                             : (a + communities * (1 + random() % 20)) % nodes);
        if (a == b)
            b = (b + 1) % std::uint32_t(nodes);
        scene.edges.push_back(
            {a, b, std::int64_t(1 + random() % 5), std::uint8_t(CoActionType::CoRepost)});
    }
    for (const GraphSceneEdge &e : scene.edges) {
        scene.nodes[e.a].weight += double(e.weight);
        scene.nodes[e.b].weight += double(e.weight);
    }
    return scene;
}

} // namespace chorus::bench
