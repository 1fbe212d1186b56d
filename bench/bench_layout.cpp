// Force layout speed on a seeded graph (Barnes-Hut above 1,000 nodes, Boost FR below).
// Usage: bench_layout [--nodes N] [--edges M] [--iterations I] [--seed S]
#include "graph/ForceLayout.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>

using namespace chorus;
using Clock = std::chrono::steady_clock;

int main(int argc, char **argv)
{
    std::uint64_t nodes = 20000, edges = 100000, seed = 1;
    int iterations = 100;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--nodes"))
            nodes = std::stoull(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--edges"))
            edges = std::stoull(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--iterations"))
            iterations = std::stoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--seed"))
            seed = std::stoull(argv[i + 1]);
    }
    std::mt19937_64 random(seed);
    std::vector<CompactGraph::Link> links;
    while (links.size() < edges) {
        const auto a = std::uint32_t(random() % nodes);
        const auto b = random() % 4
                           ? std::uint32_t((a / 50) * 50 + random() % 50) % std::uint32_t(nodes)
                           : std::uint32_t(random() % nodes);
        if (a != b)
            links.push_back({a, b, 1});
    }
    const CompactGraph graph = CompactGraph::fromLinks(nodes, links);
    NullProgress progress;
    LayoutOptions options;
    options.seed = seed;
    options.iterations = iterations;
    const auto start = Clock::now();
    const auto layout = forceLayout(graph, options, progress);
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("layout (%s): %llu nodes, %zu edges, %d iterations: %.2f s\n",
                nodes > options.boostLimit ? "Barnes-Hut" : "Boost Fruchterman-Reingold",
                (unsigned long long)nodes, links.size(), iterations, elapsed);
    return layout.ok() ? 0 : 1;
}
