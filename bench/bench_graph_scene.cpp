// What the graph and map panels read when a case opens, on an existing case (a 10M case made by
// bench/scale_10m.sh): the latest network run's accounts, its whole drawing as the graph panel
// asks for it, and the map's scene. Each is timed three times; the first run of a cold file
// includes reading it from disk.
// Usage: bench_graph_scene CASE [--runs N]
#include "query/GeoQueries.h"
#include "query/GraphQueries.h"
#include "query/NetworkQueries.h"
#include "store/CaseStore.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>

using namespace chorus;
using Clock = std::chrono::steady_clock;

namespace {

// Runs `read` `runs` times and prints each time, or the error that stopped it.
void timeEach(const char *what, int runs, const std::function<std::string()> &read)
{
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        const std::string result = read();
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        std::printf("%-36s %9.1f ms  %s\n", what, ms, result.c_str());
    }
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_graph_scene CASE [--runs N]\n");
        return 2;
    }
    int runs = 3;
    for (int i = 2; i + 1 < argc; i += 2)
        if (!std::strcmp(argv[i], "--runs"))
            runs = std::max(1, std::stoi(argv[i + 1]));
    auto store = CaseStore::open(argv[1]);
    if (!store) {
        std::fprintf(stderr, "%s\n", store.error().message.c_str());
        return 1;
    }
    const NetworkQueries network(*store.value());
    auto run = network.latestRun();
    if (!run || !run.value()) {
        std::fprintf(stderr, "no network run in %s\n", argv[1]);
        return 1;
    }
    const std::int64_t runId = run.value()->id;
    timeEach("network accounts (NetworkQueries::nodes)", runs, [&] {
        auto nodes = network.nodes(runId);
        return nodes ? std::to_string(nodes->size()) + " accounts" : nodes.error().message;
    });
    timeEach("graph panel drawing (GraphQueries::scene)", runs, [&] {
        GraphSceneOptions options;
        options.maxNodes = 30000; // as the graph panel asks
        NullProgress progress;
        auto scene = GraphQueries(*store.value()).scene(options, progress);
        return scene ? std::to_string(scene->nodes.size()) + " accounts, " +
                           std::to_string(scene->edges.size()) + " links"
                     : scene.error().message;
    });
    timeEach("map (GeoQueries::scene)", runs, [&] {
        auto scene = GeoQueries(*store.value()).scene({});
        return scene ? std::to_string(scene->bubbles.size()) + " places" : scene.error().message;
    });
    return 0;
}
