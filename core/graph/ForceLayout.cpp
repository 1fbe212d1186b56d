#include "graph/ForceLayout.h"

#include "graph/BarnesHutTree.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>
#include <boost/random/linear_congruential.hpp>

#include <algorithm>
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

namespace {

Result<std::vector<LayoutPoint>>
connectedLayout(const CompactGraph &graph, const LayoutOptions &options, ProgressSink &progress)
{
    if (graph.nodeCount() <= options.boostLimit)
        return boostLayout(graph, options, progress);
    return barnesHutLayout(graph, options, progress);
}

// Passes a cancel request through and keeps the steps of one layout to itself.
class CancelOnly final : public ProgressSink
{
public:
    explicit CancelOnly(const ProgressSink &outer) : m_outer(outer) {}
    void progress(std::int64_t, std::int64_t) override {}
    bool isCancelled() const override { return m_outer.isCancelled(); }

private:
    const ProgressSink &m_outer;
};

// Connected components by breadth-first search: label per node, nodes per component
// (largest first, ties by lowest node).
std::vector<std::vector<std::uint32_t>> componentsOf(const CompactGraph &graph)
{
    const std::size_t n = graph.nodeCount();
    std::vector<int> label(n, -1);
    std::vector<std::vector<std::uint32_t>> components;
    for (std::size_t start = 0; start < n; ++start) {
        if (label[start] >= 0)
            continue;
        std::vector<std::uint32_t> members{std::uint32_t(start)};
        label[start] = int(components.size());
        for (std::size_t i = 0; i < members.size(); ++i)
            for (std::size_t e = graph.offsets[members[i]]; e < graph.offsets[members[i] + 1]; ++e)
                if (const std::uint32_t w = graph.neighbors[e]; label[w] < 0) {
                    label[w] = label[start];
                    members.push_back(w);
                }
        components.push_back(std::move(members));
    }
    std::stable_sort(components.begin(), components.end(),
                     [](const auto &a, const auto &b) { return a.size() > b.size(); });
    return components;
}

} // namespace

// A network with several components: each is laid out on its own, scaled to the square root
// of its size, and the results are packed in rows, largest first. One layout of the whole
// would push the small components to the edges of the drawing and leave the middle empty.
Result<std::vector<LayoutPoint>> forceLayout(const CompactGraph &graph,
                                             const LayoutOptions &options, ProgressSink &progress)
{
    const auto components = componentsOf(graph);
    if (components.size() <= 1)
        return connectedLayout(graph, options, progress);
    std::vector<LayoutPoint> result(graph.nodeCount());
    double totalArea = 0;
    for (const auto &c : components)
        totalArea += double(c.size()) + 1;
    const double rowWidth = 1.6 * std::sqrt(totalArea) * 2;
    double x = 0, y = 0, rowHeight = 0;
    std::vector<std::uint32_t> local(graph.nodeCount());
    for (std::size_t index = 0; index < components.size(); ++index) {
        if (progress.isCancelled())
            return Error::cancel();
        const auto &members = components[index];
        // The component as a graph of its own.
        for (std::size_t i = 0; i < members.size(); ++i)
            local[members[i]] = std::uint32_t(i);
        std::vector<CompactGraph::Link> links;
        for (std::uint32_t u : members)
            for (std::size_t e = graph.offsets[u]; e < graph.offsets[u + 1]; ++e)
                if (u < graph.neighbors[e])
                    links.push_back({local[u], local[graph.neighbors[e]], graph.weights[e]});
        std::vector<LayoutPoint> points(members.size());
        if (members.size() <= 3) {
            // A pair, a path or a triangle: nothing for a force layout to find, and most
            // components of a real network are this small.
            const LayoutPoint corners[] = {{0, 0}, {1, 0}, {0.5, 0.87}};
            for (std::size_t i = 0; i < members.size(); ++i)
                points[i] = corners[i];
        } else {
            LayoutOptions own = options;
            own.seed = options.seed + index;
            // Boost's exact repulsion is quadratic; per component it only pays off when small.
            own.boostLimit = std::min<std::size_t>(options.boostLimit, 200);
            // Progress is counted per component below; a cancel still reaches each layout.
            CancelOnly quiet(progress);
            auto laid = connectedLayout(CompactGraph::fromLinks(members.size(), links), own, quiet);
            if (!laid)
                return laid.error();
            points = std::move(laid.value());
        }
        // Scale into a square of side 2 sqrt(size), then place it on the current row.
        double minX = points[0].x, maxX = minX, minY = points[0].y, maxY = minY;
        for (const LayoutPoint &p : points) {
            minX = std::min(minX, p.x), maxX = std::max(maxX, p.x);
            minY = std::min(minY, p.y), maxY = std::max(maxY, p.y);
        }
        const double side = 2 * std::sqrt(double(members.size()));
        const double scale = side / std::max({maxX - minX, maxY - minY, 1e-9});
        const double width = (maxX - minX) * scale, height = (maxY - minY) * scale;
        if (x > 0 && x + width > rowWidth) {
            x = 0;
            y += rowHeight + 1.5;
            rowHeight = 0;
        }
        for (std::size_t i = 0; i < members.size(); ++i)
            result[members[i]] = {x + (points[i].x - minX) * scale,
                                  y + (points[i].y - minY) * scale};
        x += width + 1.5;
        rowHeight = std::max(rowHeight, height);
        progress.progress(std::int64_t(index + 1), std::int64_t(components.size()));
    }
    return result;
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
