#pragma once

#include <QString>

#include <string>

namespace chorus::render {

// Untrusted text (handles, place names) as drawn: control characters and the noncharacters
// U+FFFE/U+FFFF (they make SVG invalid) become spaces; emoji stay.
QString plainText(const std::string &text);

} // namespace chorus::render
