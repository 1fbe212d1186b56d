#include "graph/LouvainCommunities.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <tuple>

namespace chorus {

namespace {

// One level's graph: symmetric adjacency without self-loops, plus the weight inside each
// node (edges folded into it by aggregation, each counted once).
struct LevelGraph
{
    std::vector<std::size_t> offsets;
    std::vector<std::uint32_t> neighbors;
    std::vector<double> weights;
    std::vector<double> inside;

    std::size_t size() const { return inside.size(); }
};

LevelGraph fromCompact(const CompactGraph &g)
{
    return LevelGraph{g.offsets, g.neighbors, g.weights, std::vector<double>(g.nodeCount(), 0.0)};
}

struct Level
{
    const LevelGraph &g;
    double resolution;
    double totalWeight2 = 0; // 2m
    std::vector<double> degree, tot;
    std::vector<int> community;

    explicit Level(const LevelGraph &graph, double gamma) : g(graph), resolution(gamma)
    {
        const std::size_t n = g.size();
        degree.assign(n, 0);
        for (std::size_t u = 0; u < n; ++u) {
            degree[u] = 2 * g.inside[u];
            for (std::size_t i = g.offsets[u]; i < g.offsets[u + 1]; ++i)
                degree[u] += g.weights[i];
            totalWeight2 += degree[u];
        }
        tot = degree;
        community.resize(n);
        std::iota(community.begin(), community.end(), 0);
    }

    // Moves nodes to the neighbouring community with the best modularity gain until a pass
    // moves nothing. Returns whether anything moved at all.
    bool moveNodes(const std::vector<std::uint32_t> &order, ProgressSink &progress)
    {
        const std::size_t n = g.size();
        std::vector<double> linkTo(n, -1);
        std::vector<int> touched;
        bool movedAny = false;
        for (int pass = 0; pass < 100; ++pass) {
            std::size_t moves = 0;
            for (std::uint32_t u : order) {
                const int own = community[u];
                touched.clear();
                linkTo[std::size_t(own)] = 0;
                touched.push_back(own);
                for (std::size_t i = g.offsets[u]; i < g.offsets[u + 1]; ++i) {
                    const int c = community[g.neighbors[i]];
                    if (linkTo[std::size_t(c)] < 0) {
                        linkTo[std::size_t(c)] = 0;
                        touched.push_back(c);
                    }
                    linkTo[std::size_t(c)] += g.weights[i];
                }
                tot[std::size_t(own)] -= degree[u];
                const double k = degree[u] / totalWeight2 * resolution;
                int best = own;
                double bestGain = linkTo[std::size_t(own)] - tot[std::size_t(own)] * k;
                for (int c : touched) {
                    const double gain = linkTo[std::size_t(c)] - tot[std::size_t(c)] * k;
                    // Strictly better only: ties keep the current community, then the first
                    // neighbour seen, so the result depends on the seed alone.
                    if (gain > bestGain + 1e-12) {
                        best = c;
                        bestGain = gain;
                    }
                }
                tot[std::size_t(best)] += degree[u];
                community[u] = best;
                if (best != own)
                    ++moves;
                for (int c : touched)
                    linkTo[std::size_t(c)] = -1;
            }
            if (moves == 0 || progress.isCancelled())
                break;
            movedAny = true;
        }
        return movedAny;
    }
};

// Folds each community into one node. Labels are made dense first (order of first node).
LevelGraph aggregate(const LevelGraph &g, std::vector<int> &community)
{
    std::vector<int> dense(g.size(), -1);
    int count = 0;
    for (int &c : community) {
        if (dense[std::size_t(c)] < 0)
            dense[std::size_t(c)] = count++;
        c = dense[std::size_t(c)];
    }
    LevelGraph next;
    next.inside.assign(std::size_t(count), 0);
    std::vector<std::tuple<std::uint32_t, std::uint32_t, double>> links;
    for (std::size_t u = 0; u < g.size(); ++u) {
        const auto cu = std::uint32_t(community[u]);
        next.inside[cu] += g.inside[u];
        for (std::size_t i = g.offsets[u]; i < g.offsets[u + 1]; ++i) {
            const auto cv = std::uint32_t(community[g.neighbors[i]]);
            if (cu == cv)
                next.inside[cu] += g.weights[i] / 2; // seen from both ends
            else
                links.emplace_back(cu, cv, g.weights[i]);
        }
    }
    std::sort(links.begin(), links.end());
    next.offsets.assign(std::size_t(count) + 1, 0);
    for (std::size_t i = 0; i < links.size();) {
        const std::uint32_t a = std::get<0>(links[i]);
        const std::uint32_t b = std::get<1>(links[i]);
        double sum = 0;
        for (; i < links.size() && std::get<0>(links[i]) == a && std::get<1>(links[i]) == b; ++i)
            sum += std::get<2>(links[i]);
        next.neighbors.push_back(b);
        next.weights.push_back(sum);
        ++next.offsets[a + 1];
    }
    for (std::size_t c = 0; c < std::size_t(count); ++c)
        next.offsets[c + 1] += next.offsets[c];
    return next;
}

double modularity(const CompactGraph &g, const std::vector<int> &community, int count,
                  double resolution)
{
    std::vector<double> inside(std::size_t(count), 0), tot(std::size_t(count), 0);
    double total2 = 0;
    for (std::size_t u = 0; u < g.nodeCount(); ++u)
        for (std::size_t i = g.offsets[u]; i < g.offsets[u + 1]; ++i) {
            tot[std::size_t(community[u])] += g.weights[i];
            total2 += g.weights[i];
            if (community[u] == community[g.neighbors[i]])
                inside[std::size_t(community[u])] += g.weights[i];
        }
    if (total2 == 0)
        return 0;
    double q = 0;
    for (std::size_t c = 0; c < std::size_t(count); ++c)
        q += inside[c] / total2 - resolution * (tot[c] / total2) * (tot[c] / total2);
    return q;
}

} // namespace

LouvainResult louvainCommunities(const CompactGraph &graph, const LouvainOptions &options,
                                 ProgressSink &progress)
{
    LouvainResult result;
    const std::size_t n = graph.nodeCount();
    result.community.resize(n);
    std::iota(result.community.begin(), result.community.end(), 0);
    std::mt19937_64 random(options.seed);
    LevelGraph level = fromCompact(graph);
    for (int depth = 0; depth < options.maxLevels && !progress.isCancelled(); ++depth) {
        Level moving(level, options.resolution);
        if (moving.totalWeight2 == 0)
            break;
        std::vector<std::uint32_t> order(level.size());
        std::iota(order.begin(), order.end(), 0u);
        std::shuffle(order.begin(), order.end(), random);
        progress.progress(depth, 0);
        if (!moving.moveNodes(order, progress))
            break;
        LevelGraph next = aggregate(level, moving.community);
        for (int &c : result.community)
            c = moving.community[std::size_t(c)];
        ++result.levels;
        if (next.size() == level.size())
            break;
        level = std::move(next);
    }
    result.communities = renumberBySize(result.community);
    result.modularity = modularity(graph, result.community, result.communities, options.resolution);
    return result;
}

} // namespace chorus
