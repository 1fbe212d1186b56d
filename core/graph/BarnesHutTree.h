#pragma once

#include "graph/ForceLayout.h"

#include <cstdint>
#include <vector>

namespace chorus {

// A point quadtree with the mass and centre of mass of every cell, rebuilt each layout
// iteration. repulsion() sums k^2/d pushes from all other points, treating a cell as one
// body when it looks small from the point (size / distance < theta). One thread.
class BarnesHutTree
{
public:
    void build(const std::vector<LayoutPoint> &points);
    LayoutPoint repulsion(const std::vector<LayoutPoint> &points, std::size_t self, double k2,
                          double theta);

private:
    struct Cell
    {
        double cx = 0, cy = 0, half = 0; // square bounds
        double mx = 0, my = 0, mass = 0; // centre of mass (sum of positions until finished)
        std::int32_t child[4] = {-1, -1, -1, -1};
        std::int32_t body = -1; // the single point of a leaf, -1 for inner or empty cells
    };
    void insert(std::int32_t cell, std::int32_t body, const std::vector<LayoutPoint> &points,
                int depth);
    std::int32_t childFor(std::int32_t cell, const LayoutPoint &p);

    std::vector<Cell> m_cells;
    std::vector<std::int32_t> m_stack; // reused by repulsion()
};

} // namespace chorus
