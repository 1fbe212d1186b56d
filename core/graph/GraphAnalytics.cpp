#include "graph/GraphAnalytics.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/core_numbers.hpp>

#include <algorithm>
#include <numeric>
#include <random>

namespace chorus {

namespace {

using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

BoostGraph toBoost(const CompactGraph &graph)
{
    BoostGraph g(graph.nodeCount());
    for (std::size_t u = 0; u < graph.nodeCount(); ++u)
        for (std::size_t i = graph.offsets[u]; i < graph.offsets[u + 1]; ++i)
            if (u < graph.neighbors[i])
                boost::add_edge(u, graph.neighbors[i], g);
    return g;
}

int components(const BoostGraph &g, std::vector<int> &component)
{
    component.assign(boost::num_vertices(g), 0);
    const int count = boost::connected_components(g, component.data());
    renumberBySize(component);
    return count;
}

// Brandes' dependency accumulation from a set of sources (hop distances).
std::vector<double> sampledBetweenness(const CompactGraph &g,
                                       const std::vector<std::uint32_t> &sources)
{
    const std::size_t n = g.nodeCount();
    std::vector<double> centrality(n, 0), sigma(n), delta(n);
    std::vector<int> distance(n);
    std::vector<std::uint32_t> order;
    order.reserve(n);
    for (std::uint32_t s : sources) {
        std::fill(sigma.begin(), sigma.end(), 0.0);
        std::fill(delta.begin(), delta.end(), 0.0);
        std::fill(distance.begin(), distance.end(), -1);
        order.clear();
        sigma[s] = 1;
        distance[s] = 0;
        order.push_back(s);
        for (std::size_t head = 0; head < order.size(); ++head) {
            const std::uint32_t v = order[head];
            for (std::size_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) {
                const std::uint32_t w = g.neighbors[i];
                if (distance[w] < 0) {
                    distance[w] = distance[v] + 1;
                    order.push_back(w);
                }
                if (distance[w] == distance[v] + 1)
                    sigma[w] += sigma[v];
            }
        }
        for (std::size_t k = order.size(); k-- > 1;) {
            const std::uint32_t w = order[k];
            for (std::size_t i = g.offsets[w]; i < g.offsets[w + 1]; ++i) {
                const std::uint32_t v = g.neighbors[i];
                if (distance[v] == distance[w] - 1)
                    delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
            }
            centrality[w] += delta[w];
        }
    }
    return centrality;
}

} // namespace

GraphMetrics computeGraphMetrics(const CompactGraph &graph, const GraphMetricsOptions &options)
{
    const std::size_t n = graph.nodeCount();
    GraphMetrics m;
    const BoostGraph g = toBoost(graph);
    m.components = components(g, m.component);

    m.kcore.assign(n, 0);
    if (n > 0)
        boost::core_numbers(g, m.kcore.data());

    m.weightedDegree.assign(n, 0);
    for (std::size_t u = 0; u < n; ++u)
        for (std::size_t i = graph.offsets[u]; i < graph.offsets[u + 1]; ++i)
            m.weightedDegree[u] += graph.weights[i];

    // Boost already halves for undirected graphs; the pivot sum counts each pair from both
    // ends, so it is halved below.
    if (n <= options.exactBetweennessLimit) {
        m.betweenness.assign(n, 0);
        if (n > 0)
            boost::brandes_betweenness_centrality(
                g, boost::centrality_map(boost::make_iterator_property_map(
                       m.betweenness.begin(), boost::get(boost::vertex_index, g))));
    } else {
        std::vector<std::uint32_t> sources(n);
        std::iota(sources.begin(), sources.end(), 0u);
        std::mt19937_64 random(options.seed);
        std::shuffle(sources.begin(), sources.end(), random);
        sources.resize(std::min(n, options.betweennessSamples));
        m.betweenness = sampledBetweenness(graph, sources);
        const double scale = double(n) / double(sources.size()) / 2;
        for (double &b : m.betweenness)
            b *= scale;
        m.betweennessSampled = true;
    }
    return m;
}

} // namespace chorus
