#pragma once

#include "geo/LocationResolver.h"

#include <string>
#include <vector>

namespace chorus::detail {

// One name the resolver found in a location text (LocationResolver splits and looks up;
// readMentions decides what they mean together).
struct Mention
{
    std::string key; // folded words
    const std::vector<PlaceRef> *refs = nullptr;
    std::size_t segment = 0;
    bool wholeSegment = false;
    bool codeLike = false; // "ON", "N.Y.", "NSW": an abbreviation, weak on its own
    bool common = false;   // also an ordinary word ("Nice", "Mars")
};

// Reads the mentions and flags of one location text in the light of each other: the city
// they name, else the region, else the country, else nothing with the candidates.
ResolvedLocation readMentions(const Gazetteer &gazetteer, std::vector<Mention> mentions,
                              std::vector<std::string> flags);

} // namespace chorus::detail
