#pragma once

#include <QString>

#include <string>

namespace chorus {

// Imported text as an export can carry it: XML 1.0 forbids most control characters even
// when escaped, so they are dropped (tab, newline and carriage return stay).
QString xmlSafe(const std::string &text);

// One CSV cell: quoted when needed, and prefixed with ' when it starts like a formula
// (= + - @ tab CR), so that a spreadsheet never runs imported text.
std::string csvCell(const std::string &text);

} // namespace chorus
