#pragma once

#include <string>
#include <string_view>

namespace chorus {

// Finds a data file that the build derives and installs under share/chorus (the gazetteer, the
// world map, the demo case), by its path below that folder ("geo/gazetteer.tsv"). Looks, in
// order: in $CHORUS_DATA_DIR; next to the running program (../share/chorus, a relocated
// install); in the installed data folder; in the build tree. Empty when none exists.
std::string findDataFile(std::string_view relativePath);

} // namespace chorus
