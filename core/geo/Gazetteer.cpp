#include "geo/Gazetteer.h"

#include "common/DataFiles.h"
#include "text/TextNormalizer.h"

#include <QFile>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <mutex>
#include <numbers>

namespace chorus {

namespace {

std::vector<std::string_view> split(std::string_view line, char separator)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = line.find(separator, start);
        parts.push_back(line.substr(start, end == std::string_view::npos ? end : end - start));
        if (end == std::string_view::npos)
            return parts;
        start = end + 1;
    }
}

template <typename Number> Number number(std::string_view text)
{
    Number value{};
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

int cellOf(double lat, double lon)
{
    const int row = std::clamp(int(std::floor(lat + 90)), 0, 179);
    const int column = std::clamp(int(std::floor(lon + 180)), 0, 359);
    return row * 360 + column;
}

} // namespace

std::string Gazetteer::fold(std::string_view name)
{
    NormalizeOptions options;
    options.removeRetweetPrefix = false;
    options.urlsToToken = false;
    options.removeMentions = false;
    options.removeEmoji = true;
    options.punctuationToSpace = true;
    return normalizeTextUtf8(name, options);
}

double Gazetteer::distanceKm(double lat1, double lon1, double lat2, double lon2)
{
    constexpr double radians = std::numbers::pi / 180;
    const double dLat = (lat2 - lat1) * radians, dLon = (lon2 - lon1) * radians;
    const double a = std::sin(dLat / 2) * std::sin(dLat / 2) +
                     std::cos(lat1 * radians) * std::cos(lat2 * radians) * std::sin(dLon / 2) *
                         std::sin(dLon / 2);
    return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(a)));
}

void Gazetteer::addName(std::string_view name, PlaceRef ref)
{
    // The derivation script marks curated names with a leading '='.
    if (name.starts_with('=')) {
        name.remove_prefix(1);
        ref.curated = true;
    }
    std::string key = fold(name);
    if (key.empty())
        return;
    std::vector<PlaceRef> &refs = m_names[key];
    for (PlaceRef &r : refs)
        if (r.kind == ref.kind && r.index == ref.index) {
            r.curated = r.curated || ref.curated;
            return;
        }
    refs.push_back(ref);
    m_longestName = std::max<std::size_t>(m_longestName,
                                          std::size_t(std::count(key.begin(), key.end(), ' ') + 1));
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::load(const std::string &path)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        return Error{"cannot read the gazetteer " + path + ": " + file.errorString().toStdString()};
    const QByteArray bytes = file.readAll();
    auto g = std::make_shared<Gazetteer>();
    std::unordered_map<std::string, std::uint32_t> regionIndex;
    std::string_view text(bytes.constData(), std::size_t(bytes.size()));
    std::size_t lineNumber = 0;
    auto bad = [&](const char *what) {
        return Error{path + ":" + std::to_string(lineNumber) + ": " + what};
    };
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        ++lineNumber;
        if (line.empty())
            continue;
        const auto f = split(line, '\t');
        switch (f[0].empty() ? ' ' : f[0][0]) {
        case 'V':
            if (f.size() != 2)
                return bad("a version line has 2 fields");
            g->m_version = f[1];
            break;
        case 'C': {
            if (f.size() != 11)
                return bad("a country line has 11 fields");
            GeoCountry c{std::string(f[1]), std::string(f[2]),    std::string(f[3]),
                         std::string(f[4]), std::string(f[7]),    std::string(f[8]),
                         std::string(f[9]), number<double>(f[5]), number<double>(f[6])};
            const PlaceRef ref{PlaceKind::Country, std::uint32_t(g->m_countries.size())};
            g->m_countryIndex.emplace(c.code, ref.index);
            g->m_countries.push_back(std::move(c));
            for (std::string_view name : split(f[10], '|'))
                g->addName(name, ref);
            break;
        }
        case 'R': {
            if (f.size() != 7)
                return bad("a region line has 7 fields");
            GeoRegion r{std::string(f[1]),    std::string(f[2]),
                        std::string(f[5]),    std::string(f[1].substr(0, f[1].find('.'))),
                        number<double>(f[3]), number<double>(f[4])};
            const PlaceRef ref{PlaceKind::Region, std::uint32_t(g->m_regions.size())};
            regionIndex.emplace(r.key, ref.index);
            g->m_regions.push_back(std::move(r));
            for (std::string_view name : split(f[6], '|'))
                g->addName(name, ref);
            break;
        }
        case 'A': {
            if (f.size() != 4)
                return bad("a district line has 4 fields");
            if (const auto it = regionIndex.find(std::string(f[2])); it != regionIndex.end())
                g->addName(f[3], {PlaceKind::District, it->second});
            break;
        }
        case 'P': {
            if (f.size() != 9)
                return bad("a city line has 9 fields");
            const auto region = regionIndex.find(std::string(f[3]));
            GeoCity c{number<std::int64_t>(f[1]),
                      std::string(f[7]),
                      std::string(f[2]),
                      region == regionIndex.end() ? -1 : std::int32_t(region->second),
                      number<double>(f[4]),
                      number<double>(f[5]),
                      number<std::int64_t>(f[6])};
            const PlaceRef ref{PlaceKind::City, std::uint32_t(g->m_cities.size())};
            g->m_cells[cellOf(c.lat, c.lon)].push_back(ref.index);
            g->m_cities.push_back(std::move(c));
            for (std::string_view name : split(f[8], '|'))
                g->addName(name, ref);
            break;
        }
        default:
            return bad("unknown record");
        }
    }
    if (g->m_version.empty() || g->m_countries.empty() || g->m_cities.empty())
        return Error{path + ": not a Chorus gazetteer (no version, countries or cities)"};
    return std::shared_ptr<const Gazetteer>(std::move(g));
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::standard()
{
    static std::mutex mutex;
    static std::shared_ptr<const Gazetteer> loaded;
    const std::lock_guard lock(mutex);
    if (loaded)
        return loaded;
    const std::string path = findDataFile("geo/gazetteer.tsv");
    if (path.empty())
        return Error{"the gazetteer (geo/gazetteer.tsv) is not installed; set CHORUS_DATA_DIR to "
                     "the folder that holds geo/"};
    auto read = load(path);
    if (!read)
        return read.error();
    loaded = read.value();
    return loaded;
}

const GeoCountry *Gazetteer::country(std::string_view code) const
{
    const auto it = m_countryIndex.find(std::string(code));
    return it == m_countryIndex.end() ? nullptr : &m_countries[it->second];
}

const std::vector<PlaceRef> *Gazetteer::lookup(const std::string &folded) const
{
    const auto it = m_names.find(folded);
    return it == m_names.end() ? nullptr : &it->second;
}

const GeoCity *Gazetteer::cityNear(double lat, double lon, double maxKm,
                                   std::int64_t minPopulation) const
{
    const GeoCity *best = nullptr;
    double bestScore = 0;
    // A degree of latitude is 111 km; of longitude, less away from the equator.
    const int rows = int(std::ceil(maxKm / 111.0));
    const double shrink =
        std::max(0.05, std::cos(std::clamp(std::abs(lat), 0.0, 89.0) * std::numbers::pi / 180));
    const int columns = std::min(180, int(std::ceil(maxKm / (111.0 * shrink))));
    for (int dr = -rows; dr <= rows; ++dr)
        for (int dc = -columns; dc <= columns; ++dc) {
            const double cellLat = lat + dr, cellLon = std::fmod(lon + dc + 540.0, 360.0) - 180;
            if (cellLat < -90 || cellLat >= 90)
                continue;
            const auto it = m_cells.find(cellOf(cellLat, cellLon));
            if (it == m_cells.end())
                continue;
            for (std::uint32_t i : it->second) {
                const GeoCity &c = m_cities[i];
                if (c.population < minPopulation)
                    continue;
                const double km = distanceKm(lat, lon, c.lat, c.lon);
                // Ten times the people is worth about 11 km more.
                const double score = std::log(double(c.population) + 1) - km / 5;
                if (km <= maxKm && (!best || score > bestScore)) {
                    best = &c;
                    bestScore = score;
                }
            }
        }
    return best;
}

} // namespace chorus
