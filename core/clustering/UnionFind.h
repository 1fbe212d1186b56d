#pragma once

#include <cstdint>
#include <numeric>
#include <vector>

namespace chorus {

// Disjoint sets over 0..n-1 with path halving. The smaller index always becomes the root, so
// the result depends only on which pairs were joined, never on the order: clusters stay
// deterministic. Not thread-safe.
class UnionFind
{
public:
    explicit UnionFind(std::size_t size) : m_parent(size)
    {
        std::iota(m_parent.begin(), m_parent.end(), std::uint32_t(0));
    }

    std::uint32_t find(std::uint32_t x)
    {
        while (m_parent[x] != x) {
            m_parent[x] = m_parent[m_parent[x]];
            x = m_parent[x];
        }
        return x;
    }

    // True when the two were in different sets.
    bool unite(std::uint32_t a, std::uint32_t b)
    {
        a = find(a);
        b = find(b);
        if (a == b)
            return false;
        if (b < a)
            std::swap(a, b);
        m_parent[b] = a;
        return true;
    }

    // Points every element straight at its root, so that root() answers in one step until the
    // next unite(). Lets worker threads read the sets while nobody writes them.
    void flatten()
    {
        for (std::uint32_t x = 0; x < m_parent.size(); ++x)
            m_parent[x] = find(x);
    }
    // The root without path compression: safe to call from several threads at once.
    std::uint32_t root(std::uint32_t x) const
    {
        while (m_parent[x] != x)
            x = m_parent[x];
        return x;
    }

    std::size_t size() const { return m_parent.size(); }

private:
    std::vector<std::uint32_t> m_parent;
};

} // namespace chorus
