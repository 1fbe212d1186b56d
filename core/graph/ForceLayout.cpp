#include "graph/ForceLayout.h"

#include "graph/BarnesHutTree.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>
#include <boost/random/linear_congruential.hpp>

#include <cmath>
#include <random>

namespace chorus {

namespace {

using Topology = boost::square_topology<boost::minstd_rand>;
using BoostPoint = Topology::point_type;
using LayoutGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

// Boost's FR loop runs while the cooling schedule returns a positive temperature: ending
// the schedule early is how progress is reported and a cancel honoured.
struct ReportingCooling
{
    ProgressSink *progress;
    int iterations;
    double initial;
    int step = 0;
    bool *cancelled;

    double operator()()
    {
        if (progress->isCancelled()) {
            *cancelled = true;
            return 0;
        }
        if (step >= iterations)
            return 0;
        progress->progress(step, iterations);
        const double t = initial * (1.0 - double(step) / iterations);
        ++step;
        return t;
    }
};

Result<std::vector<LayoutPoint>> boostLayout(const CompactGraph &graph,
                                             const LayoutOptions &options, ProgressSink &progress)
{
    const std::size_t n = graph.nodeCount();
    LayoutGraph g(n);
    for (std::size_t u = 0; u < n; ++u)
        for (std::size_t i = graph.offsets[u]; i < graph.offsets[u + 1]; ++i)
            if (u < graph.neighbors[i])
                boost::add_edge(u, graph.neighbors[i], g);
    boost::minstd_rand random(std::uint32_t(options.seed % 2147483646u) + 1);
    const double side = 10.0 * std::sqrt(double(std::max<std::size_t>(n, 1)));
    Topology topology(random, side);
    std::vector<BoostPoint> positions(n);
    auto positionMap =
        boost::make_iterator_property_map(positions.begin(), boost::get(boost::vertex_index, g));
    boost::random_graph_layout(g, positionMap, topology);
    bool cancelled = false;
    boost::fruchterman_reingold_force_directed_layout(
        g, positionMap, topology,
        boost::cooling(ReportingCooling{&progress, options.iterations, side / 10, 0, &cancelled}));
    if (cancelled)
        return Error::cancel();
    std::vector<LayoutPoint> result(n);
    for (std::size_t v = 0; v < n; ++v)
        result[v] = {positions[v][0], positions[v][1]};
    return result;
}

} // namespace

Result<std::vector<LayoutPoint>> forceLayout(const CompactGraph &graph,
                                             const LayoutOptions &options, ProgressSink &progress)
{
    if (graph.nodeCount() <= options.boostLimit)
        return boostLayout(graph, options, progress);
    return barnesHutLayout(graph, options, progress);
}

// Fruchterman-Reingold forces (repulsion k^2/d, attraction d^2/k) with the repulsion
// approximated by a quadtree, a weak pull to the centre that keeps components in view,
// and a linearly cooling step limit.
Result<std::vector<LayoutPoint>>
barnesHutLayout(const CompactGraph &graph, const LayoutOptions &options, ProgressSink &progress)
{
    const std::size_t n = graph.nodeCount();
    const double k = 1.0; // ideal edge length
    const double side = std::sqrt(double(std::max<std::size_t>(n, 1))) * k * 2;
    std::mt19937_64 random(options.seed);
    std::uniform_real_distribution<double> uniform(-side / 2, side / 2);
    std::vector<LayoutPoint> pos(n);
    for (LayoutPoint &p : pos)
        p = {uniform(random), uniform(random)};
    std::vector<LayoutPoint> force(n);
    BarnesHutTree tree;
    const double gravity = 0.01;
    for (int step = 0; step < options.iterations; ++step) {
        if (progress.isCancelled())
            return Error::cancel();
        progress.progress(step, options.iterations);
        tree.build(pos);
        for (std::size_t v = 0; v < n; ++v) {
            const LayoutPoint r = tree.repulsion(pos, v, k * k, options.theta);
            force[v] = {r.x - gravity * pos[v].x, r.y - gravity * pos[v].y};
        }
        for (std::size_t u = 0; u < n; ++u)
            for (std::size_t i = graph.offsets[u]; i < graph.offsets[u + 1]; ++i) {
                const std::uint32_t v = graph.neighbors[i];
                const double dx = pos[u].x - pos[v].x, dy = pos[u].y - pos[v].y;
                const double d = std::sqrt(dx * dx + dy * dy);
                // d^2/k along the edge, pulling u towards v (v gets its share from its own list).
                force[u].x -= dx * d / k;
                force[u].y -= dy * d / k;
            }
        const double temperature = side / 10 * (1.0 - double(step) / options.iterations) + k / 100;
        for (std::size_t v = 0; v < n; ++v) {
            const double length = std::sqrt(force[v].x * force[v].x + force[v].y * force[v].y);
            if (length <= 0)
                continue;
            const double move = std::min(length, temperature);
            pos[v].x += force[v].x / length * move;
            pos[v].y += force[v].y / length * move;
        }
    }
    progress.progress(options.iterations, options.iterations);
    return pos;
}

} // namespace chorus
