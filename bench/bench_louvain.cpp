// Louvain and graph metrics on a seeded planted-partition graph.
// Usage: bench_louvain [--nodes N] [--edges M] [--samples K] [--seed S]
#include "graph/GraphAnalytics.h"
#include "graph/LouvainCommunities.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>

using namespace chorus;
using Clock = std::chrono::steady_clock;

int main(int argc, char **argv)
{
    std::uint64_t nodes = 100000, edges = 1000000, seed = 1, samples = 64;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--nodes"))
            nodes = std::stoull(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--edges"))
            edges = std::stoull(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--samples"))
            samples = std::stoull(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--seed"))
            seed = std::stoull(argv[i + 1]);
    }
    // Groups of 100 nodes; 80% of edges inside a group, 20% anywhere.
    std::mt19937_64 random(seed);
    std::vector<CompactGraph::Link> links;
    links.reserve(edges);
    while (links.size() < edges) {
        const auto a = std::uint32_t(random() % nodes);
        std::uint32_t b;
        if (random() % 5)
            b = std::uint32_t((a / 100) * 100 + random() % 100) % std::uint32_t(nodes);
        else
            b = std::uint32_t(random() % nodes);
        if (a != b)
            links.push_back({a, b, double(1 + random() % 3)});
    }
    const CompactGraph graph = CompactGraph::fromLinks(nodes, links);
    NullProgress progress;
    auto start = Clock::now();
    const LouvainResult r = louvainCommunities(graph, {1.0, seed, 20}, progress);
    const double louvain = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf(
        "louvain: %llu nodes, %zu edges: %d communities, modularity %.3f, %d levels: %.2f s\n",
        (unsigned long long)nodes, links.size(), r.communities, r.modularity, r.levels, louvain);
    start = Clock::now();
    GraphMetricsOptions options;
    options.betweennessSamples = std::size_t(samples);
    options.seed = seed;
    const GraphMetrics m = computeGraphMetrics(graph, options);
    const double metrics = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf(
        "metrics (components, k-core, weighted degree, betweenness %s): %d components: %.2f s\n",
        m.betweennessSampled ? "sampled from 64 sources" : "exact", m.components, metrics);
    return 0;
}
