#pragma once

#include "Random.h"

#include <span>
#include <string>
#include <vector>

namespace chorus::bench {

// A planted text: two clauses (so that "reorder" can swap them) and an optional {town} slot.
struct TextTemplate
{
    const char *first;
    const char *joiner;
    const char *second;
    bool french;
};

std::span<const TextTemplate> rallyTemplates();
std::span<const TextTemplate> floodTemplates();
std::span<const char *const> rallyTowns();

struct RingStory
{
    const char *headline;
    const char *link;
    const char *tags[3];
};
std::span<const RingStory> ringStories();

// What a campaign account posts for one family.
struct PlantedText
{
    std::string text;
    std::string style;
    std::vector<std::string> hashtags;
    std::vector<std::string> urls;
};

struct VariantContext
{
    const TextTemplate *templ = nullptr;
    std::string town;        // the family's slot value (rally) or empty
    std::string link;        // the family's link, or empty
    std::string hashtag;     // the campaign's hashtag for the "hashtag" style
    std::string otherHandle; // for the "RT @user:" prefix
};

// Applies one perturbation style, drawn at random, to the family's template: exact, typo,
// emoji, hashtag, rt-prefix, agree-prefix, link, reorder, slot, case, accents.
PlantedText plantedVariant(Random &random, const VariantContext &context);

// Adds a fresh tracking query (utm_*) to a link.
std::string withTracking(Random &random, const std::string &link);

} // namespace chorus::bench
