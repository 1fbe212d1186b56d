#include "graph/BarnesHutTree.h"

#include <algorithm>
#include <cmath>

namespace chorus {

namespace {
constexpr int MaxDepth = 48; // coincident points stop splitting here and share a leaf
}

void BarnesHutTree::build(const std::vector<LayoutPoint> &points)
{
    m_cells.clear();
    if (points.empty())
        return;
    double minX = points[0].x, maxX = minX, minY = points[0].y, maxY = minY;
    for (const LayoutPoint &p : points) {
        minX = std::min(minX, p.x);
        maxX = std::max(maxX, p.x);
        minY = std::min(minY, p.y);
        maxY = std::max(maxY, p.y);
    }
    Cell root;
    root.cx = (minX + maxX) / 2;
    root.cy = (minY + maxY) / 2;
    root.half = std::max(maxX - minX, maxY - minY) / 2 + 1e-9;
    m_cells.reserve(points.size() * 2);
    m_cells.push_back(root);
    for (std::size_t i = 0; i < points.size(); ++i)
        insert(0, std::int32_t(i), points, 0);
    for (Cell &c : m_cells)
        if (c.mass > 0) {
            c.mx /= c.mass;
            c.my /= c.mass;
        }
}

std::int32_t BarnesHutTree::childFor(std::int32_t cell, const LayoutPoint &p)
{
    const int quadrant = (p.x >= m_cells[std::size_t(cell)].cx ? 1 : 0) +
                         (p.y >= m_cells[std::size_t(cell)].cy ? 2 : 0);
    std::int32_t child = m_cells[std::size_t(cell)].child[quadrant];
    if (child < 0) {
        const Cell &parent = m_cells[std::size_t(cell)];
        Cell c;
        c.half = parent.half / 2;
        c.cx = parent.cx + ((quadrant & 1) ? c.half : -c.half);
        c.cy = parent.cy + ((quadrant & 2) ? c.half : -c.half);
        child = std::int32_t(m_cells.size());
        m_cells.push_back(c); // may reallocate: parent is not used after this
        m_cells[std::size_t(cell)].child[quadrant] = child;
    }
    return child;
}

void BarnesHutTree::insert(std::int32_t cell, std::int32_t body,
                           const std::vector<LayoutPoint> &points, int depth)
{
    for (;;) {
        Cell &c = m_cells[std::size_t(cell)];
        const LayoutPoint &p = points[std::size_t(body)];
        const bool emptyLeaf = c.mass == 0;
        const bool innerCell = c.body < 0 && !emptyLeaf;
        c.mass += 1;
        c.mx += p.x;
        c.my += p.y;
        if (emptyLeaf) {
            c.body = body;
            return;
        }
        if (depth >= MaxDepth)
            return; // mass counted; the leaf keeps its first body
        if (!innerCell) {
            // A leaf with one body: push that body down, then go on with the new one.
            const std::int32_t old = c.body;
            m_cells[std::size_t(cell)].body = -1;
            const std::int32_t child = childFor(cell, points[std::size_t(old)]);
            Cell &oldChild = m_cells[std::size_t(child)];
            oldChild.mass = 1;
            oldChild.mx = points[std::size_t(old)].x;
            oldChild.my = points[std::size_t(old)].y;
            oldChild.body = old;
        }
        cell = childFor(cell, points[std::size_t(body)]);
        ++depth;
    }
}

LayoutPoint BarnesHutTree::repulsion(const std::vector<LayoutPoint> &points, std::size_t self,
                                     double k2, double theta)
{
    LayoutPoint force;
    if (m_cells.empty())
        return force;
    const LayoutPoint p = points[self];
    std::vector<std::int32_t> &stack = m_stack;
    stack.clear();
    stack.push_back(0);
    while (!stack.empty()) {
        const Cell &c = m_cells[std::size_t(stack.back())];
        stack.pop_back();
        if (c.mass == 0 || c.body == std::int32_t(self))
            continue;
        double dx = p.x - c.mx, dy = p.y - c.my;
        double d2 = dx * dx + dy * dy;
        const bool leaf = c.child[0] < 0 && c.child[1] < 0 && c.child[2] < 0 && c.child[3] < 0;
        if (leaf || (2 * c.half) * (2 * c.half) < theta * theta * d2) {
            const double mass = c.mass;
            if (d2 < 1e-12) {
                // Same place: push apart in a direction fixed by the index, deterministic.
                dx = 1e-3 * double(int(self % 7) - 3);
                dy = 1e-3 * double(int(self % 5) - 2);
                d2 = dx * dx + dy * dy + 1e-12;
            }
            // k^2/d along the unit vector: k^2 * dx / d^2.
            force.x += mass * k2 * dx / d2;
            force.y += mass * k2 * dy / d2;
            continue;
        }
        for (std::int32_t child : c.child)
            if (child >= 0)
                stack.push_back(child);
    }
    return force;
}

} // namespace chorus
