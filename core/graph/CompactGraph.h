#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace chorus {

// An undirected weighted graph in compressed sparse row form: node i's neighbours are
// neighbors[offsets[i] .. offsets[i+1]) with the same-index weights. Nodes are numbered
// 0..n-1 in ascending account id, so every algorithm on it is deterministic.
struct CompactGraph
{
    std::vector<std::int64_t> accounts; // node -> accounts.id
    std::vector<std::size_t> offsets;   // size n + 1
    std::vector<std::uint32_t> neighbors;
    std::vector<double> weights;

    std::size_t nodeCount() const { return accounts.size(); }
    std::size_t edgeCount() const { return neighbors.size() / 2; }
    std::size_t degree(std::size_t node) const { return offsets[node + 1] - offsets[node]; }

    // The nodes are the accounts that have at least one edge. `Edge` has the accounts.id
    // fields `source` and `target` and a numeric `weight` (network's CoEdge, for one): the
    // graph algorithms know nothing of how edges were found.
    template <typename Edge> static CompactGraph fromEdges(const std::vector<Edge> &edges);
    // For synthetic graphs (benchmarks, tests): node ids 0..nodes-1, pairs as given.
    struct Link
    {
        std::uint32_t a, b;
        double weight;
    };
    static CompactGraph fromLinks(std::size_t nodes, const std::vector<Link> &links);
};

template <typename Edge> CompactGraph CompactGraph::fromEdges(const std::vector<Edge> &edges)
{
    std::vector<std::int64_t> ids;
    ids.reserve(edges.size() * 2);
    for (const Edge &e : edges) {
        ids.push_back(e.source);
        ids.push_back(e.target);
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    auto node = [&](std::int64_t account) {
        return std::uint32_t(std::lower_bound(ids.begin(), ids.end(), account) - ids.begin());
    };
    std::vector<Link> links;
    links.reserve(edges.size());
    for (const Edge &e : edges)
        links.push_back({node(e.source), node(e.target), double(e.weight)});
    CompactGraph g = fromLinks(ids.size(), links);
    g.accounts = std::move(ids);
    return g;
}

// Relabels groups 0..k-1 by size, largest first (ties: the group of the lowest node first),
// so that "component 0" or "community 0" means the same thing in every run. Returns k.
int renumberBySize(std::vector<int> &labels);

} // namespace chorus
