#include "geo/ClusterGeography.h"

#include "geo/LocationWords.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QString>

#include <algorithm>
#include <map>

namespace chorus {

namespace {

// A town must be this large to count when the text names it in one word ("Toronto") without
// saying it is a place ("in Hearst"), and this much larger than any other place of that name.
constexpr std::int64_t OneWordCityPopulation = 100000;
constexpr std::int64_t TownPopulation = 1000;
constexpr double TextDominance = 10;

// Lower-case words that may sit inside a place name: "Rio de Janeiro", "Kingston upon Hull".
bool isConnector(const QString &word)
{
    static const QStringList connectors = {
        QStringLiteral("de"),  QStringLiteral("del"), QStringLiteral("da"), QStringLiteral("do"),
        QStringLiteral("la"),  QStringLiteral("le"),  QStringLiteral("of"), QStringLiteral("upon"),
        QStringLiteral("on"),  QStringLiteral("sur"), QStringLiteral("am"), QStringLiteral("an"),
        QStringLiteral("der"), QStringLiteral("los"), QStringLiteral("las")};
    return connectors.contains(word);
}

// Words after which a capitalised word is a place: "the rally in Hearst", "à Cochrane".
bool isPlacePreposition(const QString &word)
{
    static const QStringList prepositions = {
        QStringLiteral("in"),   QStringLiteral("at"),      QStringLiteral("near"),
        QStringLiteral("from"), QStringLiteral("outside"), QStringLiteral("around"),
        QStringLiteral("à"),    QStringLiteral("au"),      QStringLiteral("aux"),
        QStringLiteral("dans"), QStringLiteral("en"),      QStringLiteral("près")};
    return prepositions.contains(word);
}

// An abbreviation in running text ("MP", "CEO", "USA") is not a place name.
bool isShortCapitals(const QString &word)
{
    return word.size() <= 4 && word == word.toUpper();
}

std::optional<TextPlace> placeOf(const Gazetteer &g, const std::vector<PlaceRef> &refs,
                                 std::size_t words, const std::string &key, bool afterPreposition)
{
    const GeoCity *top = nullptr;
    const GeoCity *second = nullptr;
    const GeoRegion *region = nullptr;
    for (const PlaceRef &r : refs) {
        if (r.kind == PlaceKind::City) {
            const GeoCity *c = &g.cities()[r.index];
            if (!top || c->population > top->population) {
                if (top && top->country != c->country)
                    second = top;
                top = c;
            } else if (c->country != top->country &&
                       (!second || c->population > second->population)) {
                second = c;
            }
        } else if (r.kind == PlaceKind::Region && !region) {
            region = &g.regions()[r.index];
        }
    }
    if (top) {
        const std::int64_t needed =
            words >= 2 || afterPreposition ? TownPopulation : OneWordCityPopulation;
        const bool dominant =
            !second || double(top->population) >= TextDominance * double(second->population);
        if (top->population >= needed && dominant && !(words == 1 && isCommonWord(key)))
            return TextPlace{top->name, top->country,
                             top->region >= 0 ? g.regions()[std::size_t(top->region)].name : "",
                             top->lat, top->lon};
        return std::nullopt;
    }
    if (region && !isCommonWord(key) && (words >= 2 || afterPreposition))
        return TextPlace{region->name, region->country, region->name, region->lat, region->lon};
    return std::nullopt;
}

} // namespace

std::vector<TextPlace> placesNamedIn(const Gazetteer &gazetteer, std::string_view text)
{
    static const QRegularExpression wordPattern(QStringLiteral("[\\p{L}\\p{M}][\\p{L}\\p{M}'’.-]*"),
                                                QRegularExpression::UseUnicodePropertiesOption);
    const QString source = QString::fromUtf8(text.data(), qsizetype(text.size()));
    QStringList words;
    std::vector<bool> capital;
    for (auto it = wordPattern.globalMatch(source); it.hasNext();) {
        QString word = it.next().captured(0);
        while (word.endsWith(QLatin1Char('.')) || word.endsWith(QLatin1Char('\'')))
            word.chop(1);
        // "Poilievre's" -> "Poilievre": a possessive is not part of the name.
        if (word.endsWith(QStringLiteral("'s")) || word.endsWith(QStringLiteral("’s")))
            word.chop(2);
        words << word;
        capital.push_back(!word.isEmpty() && word.front().isUpper());
    }
    std::vector<TextPlace> places;
    std::vector<bool> taken(std::size_t(words.size()), false);
    const std::size_t longest = std::min<std::size_t>(gazetteer.longestName(), 5);
    for (std::size_t n = longest; n >= 1; --n)
        for (std::size_t i = 0; i + n <= std::size_t(words.size()); ++i) {
            // Capitalised at both ends, connectors allowed inside: "Kirkland Lake".
            if (!capital[i] || !capital[i + n - 1])
                continue;
            bool fits = true;
            for (std::size_t k = i; k < i + n && fits; ++k)
                fits = !taken[k] && (capital[k] || isConnector(words[qsizetype(k)])) &&
                       !isShortCapitals(words[qsizetype(k)]);
            if (!fits)
                continue;
            // Part of a longer capitalised name ("from Pierre Poilievre's rally") is a
            // person or an organisation more often than a place.
            const bool inLongerName = i + n < std::size_t(words.size()) && capital[i + n];
            const bool afterPreposition =
                !inLongerName && i > 0 && isPlacePreposition(words[qsizetype(i - 1)].toLower());
            QString phrase = words[qsizetype(i)];
            for (std::size_t k = i + 1; k < i + n; ++k)
                phrase += QLatin1Char(' ') + words[qsizetype(k)];
            const std::string key = Gazetteer::fold(phrase.toStdString());
            const std::vector<PlaceRef> *refs = gazetteer.lookup(key);
            if (!refs)
                continue;
            const auto place = placeOf(gazetteer, *refs, n, key, afterPreposition);
            if (!place)
                continue;
            std::fill(taken.begin() + std::ptrdiff_t(i), taken.begin() + std::ptrdiff_t(i + n),
                      true);
            const bool seen = std::any_of(places.begin(), places.end(), [&](const TextPlace &p) {
                return p.name == place->name && p.country == place->country;
            });
            if (!seen)
                places.push_back(*place);
        }
    return places;
}

bool isFarFrom(const ResolvedLocation &claimed, const std::vector<TextPlace> &places)
{
    if (claimed.country.empty() || places.empty())
        return false;
    for (const TextPlace &p : places) {
        if (claimed.country != p.country)
            continue;
        const bool precise =
            claimed.granularity == Granularity::City || claimed.granularity == Granularity::Region;
        if (!precise || !claimed.lat || !claimed.lon ||
            Gazetteer::distanceKm(*claimed.lat, *claimed.lon, p.lat, p.lon) <= FarKilometres)
            return false;
    }
    return true;
}

ClusterGeography describeClusterGeography(const Gazetteer &gazetteer,
                                          const std::vector<std::string> &texts,
                                          const std::vector<const ResolvedLocation *> &locations)
{
    ClusterGeography g;
    for (const std::string &text : texts)
        for (TextPlace &p : placesNamedIn(gazetteer, text)) {
            const bool seen =
                std::any_of(g.textPlaces.begin(), g.textPlaces.end(), [&](const TextPlace &q) {
                    return q.name == p.name && q.country == p.country;
                });
            if (!seen && g.textPlaces.size() < 10)
                g.textPlaces.push_back(std::move(p));
        }
    std::map<std::string, std::int64_t> countries, continents;
    for (const ResolvedLocation *r : locations) {
        if (!r || r->country.empty())
            continue;
        ++g.located;
        ++countries[r->country];
        if (const GeoCountry *c = gazetteer.country(r->country); c && !c->continent.empty())
            ++continents[c->continent];
        if (g.textPlaces.empty())
            continue;
        const bool far = isFarFrom(*r, g.textPlaces);
        g.farAccounts += far ? 1 : 0;
    }
    g.claimedCountries = std::int64_t(countries.size());
    auto sorted = [](const std::map<std::string, std::int64_t> &counts, std::size_t limit) {
        std::vector<std::pair<std::string, std::int64_t>> list(counts.begin(), counts.end());
        std::stable_sort(list.begin(), list.end(),
                         [](const auto &a, const auto &b) { return a.second > b.second; });
        if (list.size() > limit)
            list.resize(limit);
        return list;
    };
    g.topCountries = sorted(countries, 10);
    g.continents = sorted(continents, 7);
    g.farShare = g.located > 0 ? double(g.farAccounts) / double(g.located) : 0;
    g.placeMismatch =
        !g.textPlaces.empty() && g.located >= MismatchMinimumLocated && g.farShare > MismatchShare;
    return g;
}

std::string ClusterGeography::toJson() const
{
    auto pairs = [](const std::vector<std::pair<std::string, std::int64_t>> &list) {
        QJsonArray array;
        for (const auto &[code, count] : list)
            array.append(QJsonArray{QString::fromStdString(code), qint64(count)});
        return array;
    };
    QJsonArray places;
    for (const TextPlace &p : textPlaces)
        places.append(QJsonObject{{QStringLiteral("name"), QString::fromStdString(p.name)},
                                  {QStringLiteral("country"), QString::fromStdString(p.country)},
                                  {QStringLiteral("admin1"), QString::fromStdString(p.admin1)},
                                  {QStringLiteral("lat"), p.lat},
                                  {QStringLiteral("lon"), p.lon}});
    return QJsonDocument(
               QJsonObject{{QStringLiteral("located"), qint64(located)},
                           {QStringLiteral("claimed_countries"), qint64(claimedCountries)},
                           {QStringLiteral("top_countries"), pairs(topCountries)},
                           {QStringLiteral("continents"), pairs(continents)},
                           {QStringLiteral("text_places"), places},
                           {QStringLiteral("far_accounts"), qint64(farAccounts)},
                           {QStringLiteral("far_share"), farShare},
                           {QStringLiteral("place_mismatch"), placeMismatch}})
        .toJson(QJsonDocument::Compact)
        .toStdString();
}

std::optional<ClusterGeography> ClusterGeography::fromJson(const std::string &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(json));
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject o = document.object();
    auto pairs = [](const QJsonArray &array) {
        std::vector<std::pair<std::string, std::int64_t>> list;
        for (const QJsonValue &v : array)
            list.emplace_back(v.toArray().at(0).toString().toStdString(),
                              v.toArray().at(1).toInteger());
        return list;
    };
    ClusterGeography g;
    g.located = o.value(QStringLiteral("located")).toInteger();
    g.claimedCountries = o.value(QStringLiteral("claimed_countries")).toInteger();
    g.topCountries = pairs(o.value(QStringLiteral("top_countries")).toArray());
    g.continents = pairs(o.value(QStringLiteral("continents")).toArray());
    for (const QJsonValue &v : o.value(QStringLiteral("text_places")).toArray()) {
        const QJsonObject p = v.toObject();
        g.textPlaces.push_back({p.value(QStringLiteral("name")).toString().toStdString(),
                                p.value(QStringLiteral("country")).toString().toStdString(),
                                p.value(QStringLiteral("admin1")).toString().toStdString(),
                                p.value(QStringLiteral("lat")).toDouble(),
                                p.value(QStringLiteral("lon")).toDouble()});
    }
    g.farAccounts = o.value(QStringLiteral("far_accounts")).toInteger();
    g.farShare = o.value(QStringLiteral("far_share")).toDouble();
    g.placeMismatch = o.value(QStringLiteral("place_mismatch")).toBool();
    return g;
}

std::string ClusterGeography::summary() const
{
    std::string text;
    if (textPlaces.empty()) {
        text = "text names no place";
    } else {
        text = "text names ";
        for (std::size_t i = 0; i < textPlaces.size() && i < 3; ++i) {
            const TextPlace &p = textPlaces[i];
            text += (i ? "; " : "") + p.name +
                    (p.admin1.empty() || p.admin1 == p.name ? "" : ", " + p.admin1) + ", " +
                    p.country;
        }
    }
    text += "; " + std::to_string(located) + " located accounts in " +
            std::to_string(claimedCountries) + " countries";
    if (!textPlaces.empty())
        text += ", " + std::to_string(farAccounts) + " far from it";
    for (std::size_t i = 0; i < topCountries.size() && i < 5; ++i)
        text += (i ? ", " : ": ") + topCountries[i].first + " " +
                std::to_string(topCountries[i].second);
    return placeMismatch ? "PLACE MISMATCH: " + text : text;
}

} // namespace chorus
