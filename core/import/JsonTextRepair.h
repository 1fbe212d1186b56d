#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace chorus {

// Repairs of JSON text that strict parsers (simdjson) refuse but real exports hold and Qt's
// parser, which the importers used before, took. Each returns the repaired text, or nothing
// when there was nothing to repair.

// "\ud83d" without its low half (text cut at a UTF-16 length, then escaped by Python's
// json.dumps) and a low half alone: each becomes "\ufffd", the replacement character.
std::optional<std::string> withUnpairedSurrogatesReplaced(std::string_view json);

// Integers outside 64 bits (18446744073709551616): written as decimals ("….0"), so that they
// are read as doubles, as Qt read them.
std::optional<std::string> withHugeIntegersAsDecimals(std::string_view json);

} // namespace chorus
