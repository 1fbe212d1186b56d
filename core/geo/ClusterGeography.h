#pragma once

#include "geo/LocationResolver.h"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace chorus {

// A place a post's text names ("Kirkland Lake" -> Kirkland Lake, Ontario, CA).
struct TextPlace
{
    std::string name;    // the city or region's common name
    std::string country; // alpha-2
    std::string admin1;  // region name, when known
    double lat = 0, lon = 0;
};

// The places a text names: capitalised place names of the gazetteer, several words long
// ("Kirkland Lake") or of a large city ("Toronto"); ordinary capitalised words that happen to
// be small towns ("Pierre", "Hope") are not places. Deduplicated, in order of appearance.
std::vector<TextPlace> placesNamedIn(const Gazetteer &gazetteer, std::string_view text);

// Where a cluster's accounts say they are, against the places its text names. The tell of a
// manufactured crowd: "I was at the rally in Kirkland Lake" from accounts in Nigeria, the
// Philippines and New Zealand.
struct ClusterGeography
{
    std::int64_t located = 0;          // member accounts with a resolved country
    std::int64_t claimedCountries = 0; // distinct countries they claim
    std::vector<std::pair<std::string, std::int64_t>> topCountries; // most claimed first
    std::vector<std::pair<std::string, std::int64_t>> continents;   // AF, AS, EU, NA, OC, SA
    std::vector<TextPlace> textPlaces;
    std::int64_t farAccounts = 0; // located accounts far from every place the text names
    double farShare = 0;          // farAccounts / located
    bool placeMismatch = false;

    std::string toJson() const;
    static std::optional<ClusterGeography> fromJson(const std::string &json);
    // "text names Kirkland Lake, Ontario, CA; 247 of 281 located accounts claim places far
    // from it: NG 31, PH 29, NZ 24"
    std::string summary() const;
};

// An account is far from a place when it claims another country, or a city or region more
// than this far away.
constexpr double FarKilometres = 500;
// The mismatch is flagged when at least this many accounts are located and more than this
// share of them are far.
constexpr std::int64_t MismatchMinimumLocated = 5;
constexpr double MismatchShare = 0.5;

// Whether an account's claimed place is far from every place a text names: another country, or
// a city or region more than FarKilometres away. A country-level claim of the same country is
// not far.
bool isFarFrom(const ResolvedLocation &claimed, const std::vector<TextPlace> &places);

// texts: the cluster's distinct texts (the representative first); locations: one per member
// account that has a resolved location.
ClusterGeography describeClusterGeography(const Gazetteer &gazetteer,
                                          const std::vector<std::string> &texts,
                                          const std::vector<const ResolvedLocation *> &locations);

} // namespace chorus
