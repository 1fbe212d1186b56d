#pragma once

#include "query/PostQueries.h"

#include <cstdint>
#include <string>

namespace chorus::test {

// 2024-10-01 00:00 UTC: the time planted posts are placed around.
constexpr std::int64_t PlantedBase = 1727740800;

// A post a test planted in a collection, as the test expects to find it.
struct Planted
{
    std::int64_t time;
    std::string account, platformId, text, kind, language;
};

// A filter that searches for `text` alone.
inline PostFilter words(const std::string &text)
{
    PostFilter filter;
    filter.text = text;
    return filter;
}

} // namespace chorus::test
