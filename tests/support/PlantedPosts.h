#pragma once

#include "query/PostQueries.h"

#include <cstdint>
#include <string>

namespace chorus::test {

// 2024-10-01 00:00 UTC: the time planted posts are placed around.
constexpr std::int64_t PlantedBase = 1727740800;

// Lines a campaign's accounts post again and again, for tests that cluster copies of them.
inline const char *const CopiedLines[] = {
    "Just got back from the rally in Hearst and I'm still buzzing from the energy!",
    "Le député a encore menti sur les chiffres du chômage, partagez avant la censure",
    "Nobody is talking about the pipeline spill near the river, why is the media silent",
    "Our town deserves better roads, better schools and honest leaders this election",
    "I have never seen a crowd this big in my whole life, history is being made today"};

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
