#pragma once

#include "Random.h"

#include <span>
#include <string>

namespace chorus::bench {

// Word and phrase pools for the synthetic collection. People are fictional; the places in
// profile locations are real so that geocoding has something to find.
namespace pools {
std::span<const char *const> firstNames();
std::span<const char *const> lastNames();
std::span<const char *const> northAmericanLocations();
std::span<const char *const> worldLocations(); // rally accounts claim to live all over
std::span<const char *const> canadianLocations();
std::span<const char *const> organicHashtags();
std::span<const char *const> emoji();
std::span<const char *const> clients();
std::span<const char *const> newsSites();
} // namespace pools

template <typename T> const T &pickFrom(Random &random, std::span<T> items)
{
    return items[random.below(items.size())];
}

// A varied everyday post of one to three sentences (organic posts are not near-duplicates
// of each other: many templates, large slot pools, numbers).
std::string organicText(Random &random, bool french);
std::string profileBio(Random &random, bool french);

} // namespace chorus::bench
