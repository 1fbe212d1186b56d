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

namespace {

// The component as a graph of its own; local[] maps the whole graph's nodes to its numbering.
CompactGraph subgraph(const CompactGraph &graph, const std::vector<std::uint32_t> &members,
                      std::vector<std::uint32_t> &local)
{
    for (std::size_t i = 0; i < members.size(); ++i)
        local[members[i]] = std::uint32_t(i);
    std::vector<CompactGraph::Link> links;
    for (std::uint32_t u : members)
        for (std::size_t e = graph.offsets[u]; e < graph.offsets[u + 1]; ++e)
            if (u < graph.neighbors[e])
                links.push_back({local[u], local[graph.neighbors[e]], graph.weights[e]});
    return CompactGraph::fromLinks(members.size(), links);
}

struct Bounds
{
    double minX = 0, maxX = 0, minY = 0, maxY = 0;
};

Bounds boundsOf(const std::vector<LayoutPoint> &points)
{
    Bounds b{points[0].x, points[0].x, points[0].y, points[0].y};
    for (const LayoutPoint &p : points) {
        b.minX = std::min(b.minX, p.x), b.maxX = std::max(b.maxX, p.x);
        b.minY = std::min(b.minY, p.y), b.maxY = std::max(b.maxY, p.y);
    }
    return b;
}

// Fruchterman-Reingold forces (repulsion k^2/d, attraction d^2/k) with the repulsion
// approximated by a quadtree, a weak pull to `centre` that keeps components in view, and a
// linearly cooling step limit. Fixed nodes push and pull the others but do not move.
Status relax(const CompactGraph &graph, std::vector<LayoutPoint> &pos,
             const std::vector<char> &fixed, LayoutPoint centre, double startTemperature,
             const LayoutOptions &options, ProgressSink &progress)
{
    const std::size_t n = graph.nodeCount();
    const double k = 1.0; // ideal edge length
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
            force[v] = {r.x - gravity * (pos[v].x - centre.x),
                        r.y - gravity * (pos[v].y - centre.y)};
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
        const double temperature =
            startTemperature * (1.0 - double(step) / options.iterations) + k / 100;
        for (std::size_t v = 0; v < n; ++v) {
            if (!fixed.empty() && fixed[v])
                continue;
            const double length = std::sqrt(force[v].x * force[v].x + force[v].y * force[v].y);
            if (length <= 0)
                continue;
            const double move = std::min(length, temperature);
            pos[v].x += force[v].x / length * move;
            pos[v].y += force[v].y / length * move;
        }
    }
    progress.progress(options.iterations, options.iterations);
    return {};
}

// A component holding pinned nodes: the pins stay, every other node starts next to a
// neighbour already placed (breadth first from the pins) and the forces settle them.
Result<std::vector<LayoutPoint>> anchoredLayout(const CompactGraph &graph,
                                                const std::vector<std::optional<LayoutPoint>> &pins,
                                                const LayoutOptions &options,
                                                ProgressSink &progress)
{
    const std::size_t n = graph.nodeCount();
    std::vector<LayoutPoint> pos(n);
    std::vector<char> fixed(n, 0);
    std::vector<std::uint32_t> queue;
    LayoutPoint centre;
    for (std::size_t v = 0; v < n; ++v)
        if (pins[v]) {
            pos[v] = *pins[v];
            fixed[v] = 1;
            queue.push_back(std::uint32_t(v));
            centre.x += pos[v].x, centre.y += pos[v].y;
        }
    centre.x /= double(queue.size()), centre.y /= double(queue.size());
    std::vector<char> placed = fixed;
    std::mt19937_64 random(options.seed);
    std::uniform_real_distribution<double> jitter(-1.0, 1.0);
    for (std::size_t i = 0; i < queue.size(); ++i)
        for (std::size_t e = graph.offsets[queue[i]]; e < graph.offsets[queue[i] + 1]; ++e)
            if (const std::uint32_t w = graph.neighbors[e]; !placed[w]) {
                pos[w] = {pos[queue[i]].x + jitter(random), pos[queue[i]].y + jitter(random)};
                placed[w] = 1;
                queue.push_back(w);
            }
    // Settling, not unfolding: the pins already say where the component lies.
    const double temperature = std::sqrt(double(n)) / 5;
    if (Status settled = relax(graph, pos, fixed, centre, temperature, options, progress); !settled)
        return settled.error();
    return pos;
}

} // namespace

// A network with several components: each is laid out on its own, scaled to the square root
// of its size, and the results are packed in rows, largest first. One layout of the whole
// would push the small components to the edges of the drawing and leave the middle empty.
// Components with pinned nodes are laid out around their pins, in the pins' coordinates, and
// the free components are packed below them.
Result<std::vector<LayoutPoint>> forceLayout(const CompactGraph &graph,
                                             const LayoutOptions &options, ProgressSink &progress)
{
    const bool anyPin = std::any_of(options.pins.begin(), options.pins.end(),
                                    [](const auto &p) { return bool(p); });
    if (anyPin && options.pins.size() != graph.nodeCount())
        return Error{"layout: one pin entry per node expected"};
    const auto components = componentsOf(graph);
    if (components.size() <= 1 && !anyPin)
        return connectedLayout(graph, options, progress);
    std::vector<LayoutPoint> result(graph.nodeCount());
    std::vector<std::uint32_t> local(graph.nodeCount());
    std::vector<char> anchored(components.size(), 0);
    // The pinned components first: where they end up decides where the others go.
    std::optional<Bounds> pinnedArea;
    for (std::size_t index = 0; anyPin && index < components.size(); ++index) {
        const auto &members = components[index];
        std::vector<std::optional<LayoutPoint>> pins(members.size());
        for (std::size_t i = 0; i < members.size(); ++i)
            pins[i] = options.pins[members[i]];
        if (std::none_of(pins.begin(), pins.end(), [](const auto &p) { return bool(p); }))
            continue;
        anchored[index] = 1;
        LayoutOptions own = options;
        own.seed = options.seed + index;
        CancelOnly quiet(progress);
        auto laid = anchoredLayout(subgraph(graph, members, local), pins, own, quiet);
        if (!laid)
            return laid.error();
        const Bounds b = boundsOf(laid.value());
        pinnedArea =
            pinnedArea
                ? Bounds{std::min(pinnedArea->minX, b.minX), std::max(pinnedArea->maxX, b.maxX),
                         std::min(pinnedArea->minY, b.minY), std::max(pinnedArea->maxY, b.maxY)}
                : b;
        for (std::size_t i = 0; i < members.size(); ++i)
            result[members[i]] = laid.value()[i];
    }
    double totalArea = 0;
    for (std::size_t index = 0; index < components.size(); ++index)
        if (!anchored[index])
            totalArea += double(components[index].size()) + 1;
    const double originX = pinnedArea ? pinnedArea->minX : 0;
    const double rowWidth =
        std::max(1.6 * std::sqrt(totalArea) * 2, pinnedArea ? pinnedArea->maxX - originX : 0);
    double x = 0, y = pinnedArea ? pinnedArea->maxY + 3 : 0, rowHeight = 0;
    for (std::size_t index = 0; index < components.size(); ++index) {
        if (progress.isCancelled())
            return Error::cancel();
        if (anchored[index])
            continue;
        const auto &members = components[index];
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
            auto laid = connectedLayout(subgraph(graph, members, local), own, quiet);
            if (!laid)
                return laid.error();
            points = std::move(laid.value());
        }
        // Scale into a square of side 2 sqrt(size), then place it on the current row.
        const Bounds b = boundsOf(points);
        const double side = 2 * std::sqrt(double(members.size()));
        const double scale = side / std::max({b.maxX - b.minX, b.maxY - b.minY, 1e-9});
        const double width = (b.maxX - b.minX) * scale, height = (b.maxY - b.minY) * scale;
        if (x > 0 && x + width > rowWidth) {
            x = 0;
            y += rowHeight + 1.5;
            rowHeight = 0;
        }
        for (std::size_t i = 0; i < members.size(); ++i)
            result[members[i]] = {originX + x + (points[i].x - b.minX) * scale,
                                  y + (points[i].y - b.minY) * scale};
        x += width + 1.5;
        rowHeight = std::max(rowHeight, height);
        progress.progress(std::int64_t(index + 1), std::int64_t(components.size()));
    }
    return result;
}

Result<std::vector<LayoutPoint>>
barnesHutLayout(const CompactGraph &graph, const LayoutOptions &options, ProgressSink &progress)
{
    const std::size_t n = graph.nodeCount();
    const double side = std::sqrt(double(std::max<std::size_t>(n, 1))) * 2;
    std::mt19937_64 random(options.seed);
    std::uniform_real_distribution<double> uniform(-side / 2, side / 2);
    std::vector<LayoutPoint> pos(n);
    for (LayoutPoint &p : pos)
        p = {uniform(random), uniform(random)};
    if (Status laid = relax(graph, pos, {}, {0, 0}, side / 10, options, progress); !laid)
        return laid.error();
    return pos;
}

} // namespace chorus
