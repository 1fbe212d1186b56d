#pragma once

#include "geo/Gazetteer.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chorus {

enum class Granularity { None, Country, Region, City };

// "none", "country", "region", "city" (the CLI's JSON values, as stored in the case) and back.
const char *granularityName(Granularity granularity);
Granularity granularityFromName(std::string_view name);

// A place the text may mean, when it is not told which.
struct PlaceCandidate
{
    std::string name;
    std::string country; // alpha-2
    std::string admin1;  // region name, when known
    std::int64_t population = 0;
    Granularity granularity = Granularity::None;
};

// What a free-text location says, as far as it can be told. Never a guess dressed up as a
// fact: an ambiguous name gives the country when all its places are in one, otherwise none,
// and lists the candidates.
struct ResolvedLocation
{
    std::string country; // ISO alpha-2, or empty
    std::string admin1;  // English region name, or empty
    std::string city;    // the city's common name, or empty
    std::optional<double> lat, lon;
    Granularity granularity = Granularity::None;
    double confidence = 0; // 0..1, how sure the reading is
    std::string matched;   // the words that named the place (folded), or "coordinates"/"flag"
    std::vector<PlaceCandidate> candidates;
};

// Reads profile locations ("Kirkland Lake, ON", "Toronto 🇨🇦", "somewhere in Canada",
// "39.2,-76.7", "東京") against the gazetteer. Pure and const: one resolver serves every thread.
class LocationResolver
{
public:
    explicit LocationResolver(std::shared_ptr<const Gazetteer> gazetteer);

    ResolvedLocation resolve(std::string_view text) const;
    const Gazetteer &gazetteer() const { return *m_gazetteer; }

private:
    std::shared_ptr<const Gazetteer> m_gazetteer;
};

} // namespace chorus
