#include "geo/WorldMap.h"

#include "common/DataFiles.h"

#include <QFile>

#include <charconv>
#include <cmath>
#include <mutex>
#include <numbers>
#include <string_view>

namespace chorus {

MapPoint equalEarth(double lon, double lat)
{
    constexpr double A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796;
    const double lambda = lon * std::numbers::pi / 180, phi = lat * std::numbers::pi / 180;
    const double theta = std::asin(std::sqrt(3.0) / 2 * std::sin(phi));
    const double t2 = theta * theta, t6 = t2 * t2 * t2;
    const double x = 2 * std::sqrt(3.0) * lambda * std::cos(theta) /
                     (3 * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
    const double y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    return {x, y};
}

namespace {

std::vector<std::string_view> split(std::string_view text, char separator)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find(separator, start);
        parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
        if (end == std::string_view::npos)
            return parts;
        start = end + 1;
    }
}

double number(std::string_view text)
{
    double value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

} // namespace

Result<std::shared_ptr<const WorldMap>> WorldMap::load(const std::string &path)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        return Error{"cannot read the world map " + path + ": " + file.errorString().toStdString()};
    const QByteArray bytes = file.readAll();
    auto map = std::make_shared<WorldMap>();
    std::size_t lineNumber = 0;
    for (std::string_view line :
         split(std::string_view(bytes.constData(), std::size_t(bytes.size())), '\n')) {
        ++lineNumber;
        if (line.empty())
            continue;
        const auto fields = split(line, '\t');
        if (fields.size() != 3)
            return Error{path + ":" + std::to_string(lineNumber) + ": expected 3 fields"};
        CountryOutline country{std::string(fields[0]), std::string(fields[1]), {}};
        for (std::string_view ring : split(fields[2], ';')) {
            std::vector<MapPoint> points;
            for (std::string_view point : split(ring, ' ')) {
                const std::size_t comma = point.find(',');
                if (comma == std::string_view::npos)
                    continue;
                points.push_back(
                    equalEarth(number(point.substr(0, comma)), number(point.substr(comma + 1))));
            }
            if (points.size() >= 3)
                country.rings.push_back(std::move(points));
        }
        map->m_countries.push_back(std::move(country));
    }
    if (map->m_countries.empty())
        return Error{path + ": no countries"};
    return std::shared_ptr<const WorldMap>(std::move(map));
}

Result<std::shared_ptr<const WorldMap>> WorldMap::standard()
{
    static std::mutex mutex;
    static std::shared_ptr<const WorldMap> loaded;
    const std::lock_guard lock(mutex);
    if (loaded)
        return loaded;
    const std::string path = findDataFile("geo/world.tsv");
    if (path.empty())
        return Error{"the world map (geo/world.tsv) is not installed"};
    auto read = load(path);
    if (!read)
        return read.error();
    loaded = read.value();
    return loaded;
}

} // namespace chorus
