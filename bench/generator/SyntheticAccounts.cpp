// SyntheticCollection: the account ranges and the per-account generator.
#include "SyntheticCollection.h"

#include "TextPools.h"

#include <algorithm>
#include <cmath>

namespace chorus::bench {

namespace {

constexpr std::int64_t Day = 86400;

std::uint64_t clampCount(double value, std::uint64_t lo, std::uint64_t hi)
{
    return std::clamp(std::uint64_t(std::max(0.0, value)), lo, hi);
}

// Handles that look like a person picked them. A bijective walk over (first, last, pattern)
// keeps them distinct; a round number is appended once the combinations run out.
std::string personalHandle(std::uint64_t index, const std::string &first, const std::string &last)
{
    const auto lower = [](std::string s) {
        for (char &c : s)
            if (c >= 'A' && c <= 'Z')
                c = char(c - 'A' + 'a');
        return s;
    };
    const std::uint64_t patterns = 4;
    const std::uint64_t combos = pools::firstNames().size() * pools::lastNames().size() * patterns;
    const std::uint64_t round = index / combos;
    std::string handle;
    switch (index % patterns) {
    case 0:
        handle = lower(first) + "_" + lower(last);
        break;
    case 1:
        handle = first + last;
        break;
    case 2:
        handle = lower(last) + lower(first);
        break;
    default:
        handle = "the" + first + last;
        break;
    }
    if (round > 0)
        handle += std::to_string(round);
    return handle;
}

// Handles of the kind account factories produce: a name and a long digit run, or letters.
std::string generatedHandle(Random &random, const std::string &first)
{
    std::string handle;
    if (random.chance(0.6)) {
        handle = first;
        for (int i = 0; i < 8; ++i)
            handle += char('0' + random.below(10));
    } else {
        const int letters = 8 + int(random.below(5));
        for (int i = 0; i < letters; ++i)
            handle += char('a' + random.below(26));
        handle += std::to_string(random.between(10, 99));
    }
    return handle;
}

// Plain ASCII for handles (X handles are [A-Za-z0-9_]).
std::string asciiOnly(const std::string &text)
{
    std::string out;
    for (const char c : text)
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')
            out += c;
    return out;
}

const char *const NewsNames[][2] = {{"northernledger", "Northern Ledger"},
                                    {"dailyharbour", "Daily Harbour"},
                                    {"maplewirenews", "Maple Wire"},
                                    {"lepetitcourrier", "Le Petit Courrier"},
                                    {"citybeatnews", "City Beat"}};

} // namespace

SyntheticCollection::SyntheticCollection(const GeneratorOptions &options) : m_options(options)
{
    const double posts = double(options.posts);
    const double campaign = posts * std::clamp(options.campaignShare, 0.0, 1.0);
    const bool planted = campaign >= 1;
    const std::uint64_t rally = planted ? clampCount(campaign * 0.3 / 8, 10, 400) : 0;
    const std::uint64_t flood = planted ? clampCount(campaign * 0.5 / 6, 10, 3000) : 0;
    const std::uint64_t ring = planted ? clampCount(campaign * 0.2 / 20, 8, 60) : 0;
    const std::uint64_t news = planted ? std::size(NewsNames) : 0;
    const std::uint64_t wanted =
        options.accounts ? options.accounts : std::max<std::uint64_t>(200, options.posts / 20);
    const std::uint64_t organic = std::max<std::uint64_t>(
        50, wanted > rally + flood + ring + news ? wanted - rally - flood - ring - news : 0);
    m_organic = {0, organic};
    m_news = {m_organic.end, m_organic.end + news};
    m_rally = {m_news.end, m_news.end + rally};
    m_flood = {m_rally.end, m_rally.end + flood};
    m_ring = {m_flood.end, m_flood.end + ring};
    m_accountCount = m_ring.end;
}

SyntheticAccount SyntheticCollection::account(std::uint64_t index) const
{
    Random random(Random::derive(m_options.seed, index));
    SyntheticAccount a;
    a.index = index;
    a.group = index < m_organic.end ? AccountGroup::Organic
              : index < m_news.end  ? AccountGroup::News
              : index < m_rally.end ? AccountGroup::Rally
              : index < m_flood.end ? AccountGroup::Flood
                                    : AccountGroup::Ring;
    // A bijection of the index (odd multiplier mod 2^40): distinct, unordered-looking ids.
    const std::uint64_t mixed = (index * 0x9E3779B97Full + m_options.seed) & ((1ull << 40) - 1);
    a.id = std::to_string(1000000000000ull + mixed);

    const std::int64_t start = m_options.start;
    const std::string first = pickFrom(random, pools::firstNames());
    const std::string last = pickFrom(random, pools::lastNames());
    a.name = first + " " + last;
    switch (a.group) {
    case AccountGroup::Organic:
    case AccountGroup::News:
        a.language = random.chance(0.25) ? "fr" : "en";
        break;
    case AccountGroup::Rally:
        a.language = random.chance(0.3) ? "fr" : "en";
        break;
    case AccountGroup::Flood:
        a.language = random.chance(0.5) ? "fr" : "en";
        break;
    case AccountGroup::Ring:
        a.language = random.chance(0.2) ? "fr" : "en";
        break;
    }
    const bool french = a.language == "fr";
    a.bio = profileBio(random, french);

    switch (a.group) {
    case AccountGroup::Organic: {
        // Walk the handle combinations in a scattered order so neighbours differ.
        const std::uint64_t combos = pools::firstNames().size() * pools::lastNames().size() * 4;
        const std::uint64_t slot = (index * 7919) % combos + (index / combos) * combos;
        const std::uint64_t f = (slot / 4) % pools::firstNames().size();
        const std::uint64_t l = (slot / 4 / pools::firstNames().size()) % pools::lastNames().size();
        a.name = std::string(pools::firstNames()[f]) + " " + pools::lastNames()[l];
        a.handle = asciiOnly(personalHandle(slot, pools::firstNames()[f], pools::lastNames()[l]));
        a.location = random.chance(0.7) ? pickFrom(random, pools::northAmericanLocations()) : "";
        a.createdAt = random.between(1199145600 /* 2008-01-01 */, start - 60 * Day);
        a.followers = std::int64_t(std::pow(10.0, random.real() * 3.6));
        a.following = std::int64_t(std::pow(10.0, 1 + random.real() * 2.5));
        break;
    }
    case AccountGroup::News: {
        const auto &news = NewsNames[index - m_news.begin];
        a.handle = news[0];
        a.name = news[1];
        a.language = index - m_news.begin == 3 ? "fr" : "en";
        a.bio = a.language == "fr" ? "Nouvelles régionales" : "Regional news. Tips welcome.";
        a.location = "Toronto, Ontario";
        a.createdAt = random.between(1230768000 /* 2009 */, 1325376000 /* 2012 */);
        a.followers = random.between(50000, 500000);
        a.following = random.between(100, 2000);
        break;
    }
    case AccountGroup::Rally:
        a.location = pickFrom(random, pools::worldLocations());
        a.createdAt = random.between(start - 730 * Day, start - 30 * Day);
        a.followers = random.between(0, 150);
        a.following = random.between(50, 900);
        break;
    case AccountGroup::Flood: {
        // Created in three bursts of a few days each.
        static const int BurstDaysBefore[] = {200, 120, 45};
        const int burst = BurstDaysBefore[index % 3];
        a.createdAt = start - burst * Day + random.between(0, 3 * Day);
        a.location = random.chance(0.8) ? pickFrom(random, pools::canadianLocations()) : "";
        a.followers = random.between(0, 30);
        a.following = random.between(0, 300);
        break;
    }
    case AccountGroup::Ring:
        a.location = random.chance(0.5) ? pickFrom(random, pools::northAmericanLocations()) : "";
        a.createdAt = random.between(start - 150 * Day, start - 60 * Day);
        a.followers = random.between(200, 2000);
        a.following = random.between(200, 2000);
        break;
    }
    if (a.group != AccountGroup::Organic && a.group != AccountGroup::News)
        a.handle = random.chance(0.6)
                       ? generatedHandle(random, asciiOnly(first))
                       : asciiOnly(first + last) + "_" + std::to_string(index - m_news.end);
    a.postCount = a.followers * 3 + random.between(10, 5000);
    return a;
}

} // namespace chorus::bench
