#pragma once

#include "common/Error.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace chorus {

struct MapPoint
{
    double x = 0, y = 0;
};

// The Equal Earth projection (Šavrič, Patterson, Jenny 2018): equal-area, so a country's
// drawn size is its real size, with straight parallels. Longitude and latitude in degrees;
// x in [-2.71, 2.71], y in [-1.32, 1.32], y up (north positive).
MapPoint equalEarth(double lon, double lat);

struct CountryOutline
{
    std::string numeric; // ISO 3166-1 numeric ("124"), "-" when Natural Earth gives none
    std::string name;    // Natural Earth's short English name
    std::vector<std::vector<MapPoint>> rings; // projected (equalEarth)
};

// The world's country outlines (Natural Earth 1:50m, derived at build time by
// resources/geo/build_world.py), projected once when read. Immutable; one instance serves all.
class WorldMap
{
public:
    static Result<std::shared_ptr<const WorldMap>> load(const std::string &path);
    // findDataFile("geo/world.tsv"), loaded once per process.
    static Result<std::shared_ptr<const WorldMap>> standard();

    const std::vector<CountryOutline> &countries() const { return m_countries; }

private:
    std::vector<CountryOutline> m_countries;
};

} // namespace chorus
