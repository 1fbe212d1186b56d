#pragma once

#include "common/Error.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace chorus {

struct GeoCountry
{
    std::string code;      // ISO 3166-1 alpha-2
    std::string alpha3;    // ISO 3166-1 alpha-3
    std::string numeric;   // ISO 3166-1 numeric, as written ("004"): the world map's key
    std::string continent; // AF, AN, AS, EU, NA, OC, SA
    std::string flag;      // the flag emoji
    std::string english;
    std::string french;
    double lat = 0, lon = 0; // where a country-level place is drawn (its capital)
};

struct GeoRegion
{
    std::string key;     // GeoNames admin1 key: "CA.08"
    std::string iso;     // ISO 3166-2 code when known: "CA-ON"
    std::string name;    // English: "Ontario"
    std::string country; // alpha-2
    double lat = 0, lon = 0;
};

struct GeoCity
{
    std::int64_t id = 0; // GeoNames id
    std::string name;
    std::string country;
    std::int32_t region = -1; // index into regions(), -1 when unknown
    double lat = 0, lon = 0;
    std::int64_t population = 0;
};

// A name of the gazetteer points at one of these.
enum class PlaceKind : std::uint8_t {
    Country,
    Region,
    District, // a second-level division ("Waikato District"): counts as its region
    City,
};

struct PlaceRef
{
    PlaceKind kind = PlaceKind::City;
    std::uint32_t index = 0; // into countries(), regions(), cities(); a district's region
    // Named so by hand (our alias table) or by an official abbreviation, not by one of the
    // many alternate names GeoNames collects: trusted on its own ("NOLA", "CABA", "TX").
    bool curated = false;
};

// The offline gazetteer: countries, first-level regions and cities of at least 1,000 people,
// each with the names people write (local forms, other scripts, abbreviations, demonyms,
// nicknames). Read from the file the build derives (resources/geo); immutable once loaded, so
// one instance serves every thread.
class Gazetteer
{
public:
    static Result<std::shared_ptr<const Gazetteer>> load(const std::string &path);
    // The gazetteer built with Chorus (findDataFile("geo/gazetteer.tsv")), loaded once per
    // process.
    static Result<std::shared_ptr<const Gazetteer>> standard();

    // Names are compared folded: case, accents, width and punctuation do not matter.
    static std::string fold(std::string_view name);

    const std::string &version() const { return m_version; }
    const std::vector<GeoCountry> &countries() const { return m_countries; }
    const std::vector<GeoRegion> &regions() const { return m_regions; }
    const std::vector<GeoCity> &cities() const { return m_cities; }
    const GeoCountry *country(std::string_view code) const;

    // Places called by a folded name; nullptr when none.
    const std::vector<PlaceRef> *lookup(const std::string &folded) const;
    // The most words any folded name has (the longest phrase worth looking up).
    std::size_t longestName() const { return m_longestName; }
    // The city a point is "in" as people would say it: of the cities of at least
    // minPopulation within maxKm, the one that is large and near (a metropolis 12 km away
    // before a suburb 3 km away); nullptr when there is none.
    const GeoCity *cityNear(double lat, double lon, double maxKm,
                            std::int64_t minPopulation = 0) const;

    // Great-circle distance in kilometres.
    static double distanceKm(double lat1, double lon1, double lat2, double lon2);

private:
    void addName(std::string_view name, PlaceRef ref);

    std::string m_version;
    std::vector<GeoCountry> m_countries;
    std::vector<GeoRegion> m_regions;
    std::vector<GeoCity> m_cities;
    std::unordered_map<std::string, std::uint32_t> m_countryIndex;
    std::unordered_map<std::string, std::vector<PlaceRef>> m_names;
    std::size_t m_longestName = 1;
    // Cities by one-degree cell (lat + 90) * 360 + (lon + 180), for nearestCity.
    std::unordered_map<int, std::vector<std::uint32_t>> m_cells;
};

} // namespace chorus
