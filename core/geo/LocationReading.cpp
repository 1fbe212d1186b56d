#include "geo/LocationReading.h"

#include <algorithm>
#include <map>
#include <set>

namespace chorus::detail {

namespace {

// A city named alone, with nothing around it, must be at least this large to be believed...
constexpr std::int64_t AloneCityPopulation = 15000;
// ... and when it is a word inside a phrase ("living in Austin"), this large.
constexpr std::int64_t InPhraseCityPopulation = 50000;
// A city is "the" city of its name when it is this many times larger than the next one.
constexpr double Dominance = 10; // an order of magnitude

PlaceCandidate candidateOf(const Gazetteer &g, PlaceRef ref)
{
    switch (ref.kind) {
    case PlaceKind::Country: {
        const GeoCountry &c = g.countries()[ref.index];
        return {c.english, c.code, {}, 0, Granularity::Country};
    }
    case PlaceKind::Region:
    case PlaceKind::District: {
        const GeoRegion &r = g.regions()[ref.index];
        return {r.name, r.country, r.name, 0, Granularity::Region};
    }
    case PlaceKind::City:
        break;
    }
    const GeoCity &c = g.cities()[ref.index];
    return {c.name, c.country, c.region >= 0 ? g.regions()[std::size_t(c.region)].name : "",
            c.population, Granularity::City};
}

class Reading
{
public:
    Reading(const Gazetteer &g, std::vector<Mention> mentions, std::vector<std::string> flags)
        : m_g(g), m_mentions(std::move(mentions)), m_flags(std::move(flags))
    {}

    ResolvedLocation resolve();

private:
    // Countries and regions named by mentions other than `skip` (and the flags).
    struct Context
    {
        std::set<std::string> countries;     // strong: a name, a demonym or a flag
        std::set<std::string> weakCountries; // abbreviations ("PA" may be Panama)
        std::set<std::uint32_t> regions;     // strong: a region's name
        std::set<std::uint32_t> weakRegions; // abbreviations ("ON")
    };
    Context contextWithout(std::size_t skip) const;
    // The city a mention means, given the context; nullptr when it cannot be told.
    const GeoCity *cityOf(const Mention &m, const Context &context, bool *ambiguous) const;
    ResolvedLocation cityResult(const GeoCity &city, const Mention &m, double confidence) const;
    ResolvedLocation regionResult(std::uint32_t region, const Mention &m) const;
    ResolvedLocation countryResult(const std::string &code, const std::string &matched,
                                   double confidence) const;
    void addCandidates(ResolvedLocation &r, const Mention &m) const;

    const Gazetteer &m_g;
    std::vector<Mention> m_mentions;
    std::vector<std::string> m_flags;
};

Reading::Context Reading::contextWithout(std::size_t skip) const
{
    Context c;
    for (const std::string &flag : m_flags)
        if (m_g.country(flag))
            c.countries.insert(flag);
    for (std::size_t i = 0; i < m_mentions.size(); ++i) {
        if (i == skip)
            continue;
        const Mention &m = m_mentions[i];
        bool hasCity = false;
        for (const PlaceRef &r : *m.refs)
            hasCity = hasCity || r.kind == PlaceKind::City;
        for (const PlaceRef &r : *m.refs) {
            if (r.kind == PlaceKind::Country && !m.common)
                (m.codeLike && !r.curated ? c.weakCountries : c.countries)
                    .insert(m_g.countries()[r.index].code);
            else if (r.kind == PlaceKind::Region || r.kind == PlaceKind::District)
                (m.codeLike || m.common || hasCity ? c.weakRegions : c.regions).insert(r.index);
        }
    }
    return c;
}

const GeoCity *Reading::cityOf(const Mention &m, const Context &context, bool *ambiguous) const
{
    *ambiguous = false;
    std::vector<const GeoCity *> cities, curated;
    for (const PlaceRef &r : *m.refs)
        if (r.kind == PlaceKind::City) {
            cities.push_back(&m_g.cities()[r.index]);
            if (r.curated)
                curated.push_back(cities.back());
        }
    // An abbreviation names a city only through our alias table ("NYC", "DC").
    if (m.codeLike)
        cities = curated;
    if (cities.empty())
        return nullptr;
    std::sort(cities.begin(), cities.end(),
              [](const GeoCity *a, const GeoCity *b) { return a->population > b->population; });
    auto inRegion = [&](const GeoCity *c, const std::set<std::uint32_t> &regions) {
        return c->region >= 0 && regions.count(std::uint32_t(c->region)) > 0;
    };
    // A region or country named next to it decides between same-named cities.
    for (const auto *regions : {&context.regions, &context.weakRegions})
        if (!regions->empty())
            for (const GeoCity *c : cities)
                if (inRegion(c, *regions))
                    return c;
    if (!context.countries.empty()) {
        for (const GeoCity *c : cities)
            if (context.countries.count(c->country))
                return c;
    }
    // A nickname of one city in our alias table means that city ("NOLA", "CABA", "LA"),
    // even where it is also a word, as long as it stands alone.
    if (curated.size() == 1 && (m.wholeSegment || !m.common))
        return curated.front();
    if (m.common)
        return nullptr; // "Nice" alone may be a word; "Nice, France" was found above
    // A country's name means the country ("México", "Georgia"), unless a large city of that
    // country bears the very name (a city-state: "Singapore", "Kuwait", "Luxembourg").
    for (const PlaceRef &r : *m.refs)
        if (r.kind == PlaceKind::Country) {
            for (const GeoCity *c : cities)
                if (c->country == m_g.countries()[r.index].code && c->population >= 100000 &&
                    Gazetteer::fold(c->name) == m.key)
                    return c;
            return nullptr;
        }
    for (const GeoCity *c : cities)
        if (!context.weakCountries.empty() && context.weakCountries.count(c->country))
            return c;
    // Cities that bear the name itself outrank those that have it as a former or foreign
    // name ("Victoria" is also an old name of Hong Kong).
    const auto primary = std::stable_partition(cities.begin(), cities.end(), [&](const GeoCity *c) {
        return Gazetteer::fold(c->name) == m.key;
    });
    if (primary != cities.begin())
        cities.erase(primary, cities.end());
    const bool hasContext = !context.countries.empty() || !context.regions.empty();
    const std::int64_t needed =
        m.wholeSegment ? (m.key.find(' ') != std::string::npos ? 1000 : AloneCityPopulation)
                       : InPhraseCityPopulation;
    const GeoCity *top = cities.front();
    if (top->population < needed && !hasContext)
        return nullptr;
    // Same-named cities elsewhere: the largest must dwarf the others.
    for (std::size_t i = 1; i < cities.size(); ++i) {
        const GeoCity *other = cities[i];
        if (other->country == top->country && other->region == top->region)
            continue;
        if (double(top->population) < Dominance * double(other->population)) {
            *ambiguous = true;
            return nullptr;
        }
        break;
    }
    // A region or country of the same name: "Georgia", "Quebec", "Washington".
    for (const PlaceRef &r : *m.refs) {
        if (r.kind == PlaceKind::Country && m_g.countries()[r.index].code != top->country) {
            *ambiguous = true;
            return nullptr;
        }
        if (r.kind == PlaceKind::Region && std::int32_t(r.index) != top->region &&
            top->population < 1000000) {
            *ambiguous = true;
            return nullptr;
        }
    }
    return top;
}

ResolvedLocation Reading::cityResult(const GeoCity &city, const Mention &m, double confidence) const
{
    ResolvedLocation r;
    r.country = city.country;
    r.admin1 = city.region >= 0 ? m_g.regions()[std::size_t(city.region)].name : "";
    r.city = city.name;
    r.lat = city.lat;
    r.lon = city.lon;
    r.granularity = Granularity::City;
    r.confidence = confidence;
    r.matched = m.key;
    return r;
}

ResolvedLocation Reading::regionResult(std::uint32_t region, const Mention &m) const
{
    const GeoRegion &g = m_g.regions()[region];
    ResolvedLocation r;
    r.country = g.country;
    r.admin1 = g.name;
    r.lat = g.lat;
    r.lon = g.lon;
    r.granularity = Granularity::Region;
    r.confidence = 0.85;
    r.matched = m.key;
    return r;
}

ResolvedLocation Reading::countryResult(const std::string &code, const std::string &matched,
                                        double confidence) const
{
    ResolvedLocation r;
    const GeoCountry *c = m_g.country(code);
    if (!c)
        return r;
    r.country = c->code;
    r.lat = c->lat;
    r.lon = c->lon;
    r.granularity = Granularity::Country;
    r.confidence = confidence;
    r.matched = matched;
    return r;
}

void Reading::addCandidates(ResolvedLocation &r, const Mention &m) const
{
    std::vector<PlaceCandidate> all;
    for (const PlaceRef &ref : *m.refs)
        all.push_back(candidateOf(m_g, ref));
    std::stable_sort(all.begin(), all.end(), [](const auto &a, const auto &b) {
        return int(a.granularity) < int(b.granularity) ||
               (a.granularity == b.granularity && a.population > b.population);
    });
    for (PlaceCandidate &c : all) {
        const bool seen = std::any_of(r.candidates.begin(), r.candidates.end(), [&](const auto &k) {
            return k.name == c.name && k.country == c.country;
        });
        if (!seen && r.candidates.size() < 5)
            r.candidates.push_back(std::move(c));
    }
}

ResolvedLocation Reading::resolve()
{
    // Cities first: each mention that names one, read in the light of the others.
    std::vector<ResolvedLocation> places;
    const Mention *ambiguousMention = nullptr;
    std::set<std::size_t> usedAsCity;
    for (std::size_t i = 0; i < m_mentions.size(); ++i) {
        const Mention &m = m_mentions[i];
        if (m.codeLike && !m.wholeSegment)
            continue;
        bool ambiguous = false;
        if (const GeoCity *city = cityOf(m, contextWithout(i), &ambiguous)) {
            const Context context = contextWithout(i);
            const bool confirmed =
                context.countries.count(city->country) ||
                (city->region >= 0 && (context.regions.count(std::uint32_t(city->region)) ||
                                       context.weakRegions.count(std::uint32_t(city->region))));
            // A country-or-region word that is also a city ("Singapore", "Mexico") is the
            // country unless the city carries that very name.
            bool alsoBroader = false;
            for (const PlaceRef &r : *m.refs)
                alsoBroader = alsoBroader || r.kind == PlaceKind::Country;
            if (alsoBroader && Gazetteer::fold(city->name) != m.key)
                continue;
            places.push_back(cityResult(*city, m, confirmed ? 0.95 : 0.8));
            usedAsCity.insert(i);
        } else if (ambiguous && !ambiguousMention) {
            ambiguousMention = &m;
        }
    }
    auto sameCountry = [](const std::vector<ResolvedLocation> &list) {
        for (const ResolvedLocation &p : list)
            if (p.country != list.front().country)
                return false;
        return true;
    };
    if (places.size() > 1) {
        // Several different cities: one country if they share it, none otherwise.
        bool oneCity = true;
        for (const ResolvedLocation &p : places)
            oneCity =
                oneCity && p.city == places.front().city && p.country == places.front().country;
        if (oneCity)
            return places.front();
        ResolvedLocation r;
        if (sameCountry(places))
            r = countryResult(places.front().country, "several places", 0.7);
        for (const ResolvedLocation &p : places)
            r.candidates.push_back({p.city, p.country, p.admin1, 0, Granularity::City});
        return r;
    }
    const Context all = contextWithout(m_mentions.size());
    if (places.size() == 1) {
        // A country named elsewhere that is not the city's: two places ("Toronto, France").
        // A name that is also a region of the city's country ("Atlanta, Georgia") fits.
        std::set<std::string> elsewhere;
        for (const std::string &flag : m_flags)
            elsewhere.insert(flag);
        for (std::size_t i = 0; i < m_mentions.size(); ++i) {
            const Mention &m = m_mentions[i];
            if (usedAsCity.count(i) || m.codeLike || m.common)
                continue;
            bool fits = false;
            for (const PlaceRef &r : *m.refs)
                fits = fits || ((r.kind == PlaceKind::Region || r.kind == PlaceKind::District) &&
                                m_g.regions()[r.index].country == places.front().country);
            for (const PlaceRef &r : *m.refs)
                if (r.kind == PlaceKind::Country && !fits)
                    elsewhere.insert(m_g.countries()[r.index].code);
        }
        for (const std::string &code : elsewhere)
            if (code != places.front().country) {
                ResolvedLocation r;
                r.candidates.push_back({places.front().city, places.front().country,
                                        places.front().admin1, 0, Granularity::City});
                r.candidates.push_back({code, code, {}, 0, Granularity::Country});
                return r;
            }
        return places.front();
    }
    // No city. Each remaining mention names regions or countries; the other mentions decide
    // between readings ("Georgia" alone is a country or a state; "Georgia, USA" is the state).
    std::map<std::uint32_t, const Mention *> regions;
    std::map<std::string, std::string> countries; // code -> what named it
    for (const std::string &flag : m_flags)
        if (m_g.country(flag))
            countries.emplace(flag, "flag");
    for (std::size_t i = 0; i < m_mentions.size(); ++i) {
        const Mention &m = m_mentions[i];
        if (m.common || usedAsCity.count(i))
            continue;
        const Context others = contextWithout(i);
        std::set<std::uint32_t> ownRegions;
        std::set<std::string> ownCountries;
        // A district counts only where no city has the name: districts are named after
        // their towns everywhere ("Leeds", "Liverpool", "Salem").
        const bool namesCity = std::any_of(m.refs->begin(), m.refs->end(), [](const PlaceRef &r) {
            return r.kind == PlaceKind::City;
        });
        for (const PlaceRef &r : *m.refs) {
            if ((r.kind == PlaceKind::Region || (r.kind == PlaceKind::District && !namesCity)) &&
                (!m.codeLike || (r.curated && m_mentions.size() == 1)) &&
                (others.countries.empty() ||
                 others.countries.count(m_g.regions()[r.index].country)))
                ownRegions.insert(r.index);
            if (r.kind == PlaceKind::Country &&
                (others.countries.empty() || others.countries.count(m_g.countries()[r.index].code)))
                ownCountries.insert(m_g.countries()[r.index].code);
        }
        // A country and regions inside it ("México": the country and the State of Mexico):
        // the country is the reading that is sure.
        if (ownCountries.size() == 1 &&
            std::all_of(ownRegions.begin(), ownRegions.end(), [&](std::uint32_t region) {
                return m_g.regions()[region].country == *ownCountries.begin();
            }))
            ownRegions.clear();
        if (ownRegions.size() == 1 && ownCountries.empty())
            regions.emplace(*ownRegions.begin(), &m);
        else if (ownRegions.empty() && ownCountries.size() == 1)
            countries.emplace(*ownCountries.begin(), m.key);
        else if ((!ownRegions.empty() || ownCountries.size() > 1) && !ambiguousMention)
            ambiguousMention = &m;
    }
    if (regions.size() == 1) {
        const GeoRegion &region = m_g.regions()[regions.begin()->first];
        bool consistent = true;
        for (const auto &[code, matched] : countries)
            consistent = consistent && code == region.country;
        if (consistent)
            return regionResult(regions.begin()->first, *regions.begin()->second);
    }
    if (regions.size() > 1) {
        std::vector<ResolvedLocation> list;
        for (const auto &[region, m] : regions)
            list.push_back(regionResult(region, *m));
        ResolvedLocation r = sameCountry(list)
                                 ? countryResult(list.front().country, "several regions", 0.7)
                                 : ResolvedLocation{};
        for (const ResolvedLocation &p : list)
            r.candidates.push_back({p.admin1, p.country, p.admin1, 0, Granularity::Region});
        return r;
    }
    if (countries.size() == 1 && regions.empty())
        return countryResult(countries.begin()->first, countries.begin()->second, 0.9);
    ResolvedLocation r;
    for (const auto &[code, matched] : countries)
        if (const GeoCountry *c = m_g.country(code))
            r.candidates.push_back({c->english, code, {}, 0, Granularity::Country});
    for (const auto &[region, m] : regions)
        r.candidates.push_back(candidateOf(m_g, {PlaceKind::Region, region}));
    if (ambiguousMention && countries.empty() && regions.empty()) {
        addCandidates(r, *ambiguousMention);
        // Every reading in one country: that much is known.
        bool one = !r.candidates.empty();
        for (const PlaceCandidate &c : r.candidates)
            one = one && c.country == r.candidates.front().country;
        if (one) {
            ResolvedLocation known =
                countryResult(r.candidates.front().country, ambiguousMention->key, 0.6);
            known.candidates = std::move(r.candidates);
            return known;
        }
    }
    return r;
}

} // namespace

ResolvedLocation readMentions(const Gazetteer &gazetteer, std::vector<Mention> mentions,
                              std::vector<std::string> flags)
{
    return Reading(gazetteer, std::move(mentions), std::move(flags)).resolve();
}

} // namespace chorus::detail
