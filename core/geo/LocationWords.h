#pragma once

#include <string>

namespace chorus {

// What people write in a location field that is not a place ("Planet Earth", "he/him",
// "worldwide", "in your DMs"), compared folded (Gazetteer::fold).
bool isNonPlacePhrase(const std::string &folded);

// Words that are also the names of small towns ("Nice", "Mars", "Hell", "Home"): such a word
// names a place only next to its country or region.
bool isCommonWord(const std::string &folded);

} // namespace chorus
