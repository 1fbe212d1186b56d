#include "graph/CompactGraph.h"

#include <algorithm>

namespace chorus {

CompactGraph CompactGraph::fromLinks(std::size_t nodes, const std::vector<Link> &links)
{
    CompactGraph g;
    g.accounts.resize(nodes);
    for (std::size_t i = 0; i < nodes; ++i)
        g.accounts[i] = std::int64_t(i);
    g.offsets.assign(nodes + 1, 0);
    for (const Link &l : links) {
        if (l.a == l.b)
            continue;
        ++g.offsets[l.a + 1];
        ++g.offsets[l.b + 1];
    }
    for (std::size_t i = 0; i < nodes; ++i)
        g.offsets[i + 1] += g.offsets[i];
    g.neighbors.resize(g.offsets[nodes]);
    g.weights.resize(g.offsets[nodes]);
    std::vector<std::size_t> fill(g.offsets.begin(), g.offsets.end() - 1);
    for (const Link &l : links) {
        if (l.a == l.b)
            continue;
        g.neighbors[fill[l.a]] = l.b;
        g.weights[fill[l.a]++] = l.weight;
        g.neighbors[fill[l.b]] = l.a;
        g.weights[fill[l.b]++] = l.weight;
    }
    return g;
}

int renumberBySize(std::vector<int> &labels)
{
    int count = 0;
    for (int label : labels)
        count = std::max(count, label + 1);
    const auto groups = static_cast<std::size_t>(count);
    std::vector<std::size_t> size(groups, 0);
    std::vector<std::size_t> first(groups, labels.size());
    for (std::size_t v = 0; v < labels.size(); ++v) {
        const auto label = static_cast<std::size_t>(labels[v]);
        ++size[label];
        first[label] = std::min(first[label], v);
    }
    std::vector<std::size_t> order;
    for (std::size_t c = 0; c < groups; ++c)
        if (size[c] > 0)
            order.push_back(c);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return size[a] != size[b] ? size[a] > size[b] : first[a] < first[b];
    });
    std::vector<int> rank(groups, 0);
    for (std::size_t r = 0; r < order.size(); ++r)
        rank[order[r]] = int(r);
    for (int &label : labels)
        label = rank[static_cast<std::size_t>(label)];
    return int(order.size());
}

} // namespace chorus
