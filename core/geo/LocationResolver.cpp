#include "geo/LocationResolver.h"

#include "geo/LocationReading.h"
#include "geo/LocationWords.h"
#include "text/TextCleaner.h"

#include <QRegularExpression>
#include <QString>

#include <algorithm>
#include <map>
#include <set>

namespace chorus {

const char *granularityName(Granularity granularity)
{
    switch (granularity) {
    case Granularity::Country:
        return "country";
    case Granularity::Region:
        return "region";
    case Granularity::City:
        return "city";
    case Granularity::None:
        break;
    }
    return "none";
}

Granularity granularityFromName(std::string_view name)
{
    for (Granularity g : {Granularity::City, Granularity::Region, Granularity::Country})
        if (name == granularityName(g))
            return g;
    return Granularity::None;
}

namespace {

// A location field longer than this is a bio or junk pasted into it, not a place.
constexpr std::size_t MaxLocationBytes = 400;

bool isCodeLike(const std::string &key)
{
    std::size_t letters = 0;
    std::size_t word = 0;
    for (char c : key) {
        if (c == ' ') {
            word = 0;
            continue;
        }
        if (++word > 3)
            return false;
        ++letters;
    }
    return letters <= 4;
}

// Splits where one place ends and another may begin: commas, slashes, bars, brackets,
// arrows, "&", " - ", " and ", " et ", " y ".
QStringList segmentsOf(const QString &text)
{
    static const QRegularExpression separators(
        QStringLiteral("\\s*(?:[,;/\\\\|•·()\\[\\]{}<>→←↔⇄➡️➡⬅&+~\\n\\r\\t"
                       "\u2022\u00b7\u2014\u2013]|\\s-\\s|\\s(?:and|et|y|und|e|to|via|x)\\s)\\s*"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    QStringList parts = text.split(separators, Qt::SkipEmptyParts);
    for (QString &p : parts)
        p = p.trimmed();
    parts.removeAll(QString());
    return parts;
}

// Regional-indicator pairs: "🇨🇦" -> "CA".
std::vector<std::string> flagsIn(const QString &text)
{
    std::vector<std::string> codes;
    const QList<uint> points = text.toUcs4();
    for (qsizetype i = 0; i + 1 < points.size(); ++i)
        if (points[i] >= 0x1F1E6 && points[i] <= 0x1F1FF && points[i + 1] >= 0x1F1E6 &&
            points[i + 1] <= 0x1F1FF) {
            codes.push_back(
                {char('A' + (points[i] - 0x1F1E6)), char('A' + (points[i + 1] - 0x1F1E6))});
            ++i;
        }
    return codes;
}

bool isCjk(QChar c)
{
    const ushort u = c.unicode();
    return (u >= 0x3040 && u <= 0x30FF) || (u >= 0x3400 && u <= 0x9FFF) ||
           (u >= 0xAC00 && u <= 0xD7AF) || (u >= 0xF900 && u <= 0xFAFF);
}

} // namespace

LocationResolver::LocationResolver(std::shared_ptr<const Gazetteer> gazetteer)
    : m_gazetteer(std::move(gazetteer))
{}

ResolvedLocation LocationResolver::resolve(std::string_view raw) const
{
    const Gazetteer &g = *m_gazetteer;
    if (raw.empty() || raw.size() > MaxLocationBytes || !isValidUtf8(raw))
        return {};
    QString text = QString::fromUtf8(raw.data(), qsizetype(raw.size()));
    // Direction marks, joiners and invisible separators carry no place.
    static const QRegularExpression invisible(
        QStringLiteral("[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]"));
    text.remove(invisible);

    // Coordinates ("39.2,-76.7", "ÜT: 33.32,-117.43"): the nearest town, or its country.
    static const QRegularExpression coordinates(
        QStringLiteral("(?<![\\d.])(-?\\d{1,2}\\.\\d+)\\s*[,;]\\s*(-?\\d{1,3}\\.\\d+)(?![\\d.])"));
    if (const QRegularExpressionMatch m = coordinates.match(text); m.hasMatch()) {
        const double lat = m.captured(1).toDouble(), lon = m.captured(2).toDouble();
        if (lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180 && (lat != 0 || lon != 0)) {
            ResolvedLocation r;
            if (const GeoCity *city = g.cityNear(lat, lon, 25, 1000)) {
                r.country = city->country;
                r.admin1 = city->region >= 0 ? g.regions()[std::size_t(city->region)].name : "";
                r.city = city->name;
                r.granularity = Granularity::City;
                r.confidence = 0.9;
            } else if (const GeoCity *near = g.cityNear(lat, lon, 150)) {
                r.country = near->country;
                r.granularity = Granularity::Country;
                r.confidence = 0.7;
            }
            r.lat = lat;
            r.lon = lon;
            r.matched = "coordinates";
            if (r.granularity != Granularity::None)
                return r;
        }
    }

    const std::vector<std::string> flags = flagsIn(text);
    const std::string whole = Gazetteer::fold(text.toStdString());
    if (whole.empty() && flags.empty())
        return {};
    if (isNonPlacePhrase(whole) && flags.empty())
        return {};

    std::vector<detail::Mention> mentions;
    const QStringList segments = segmentsOf(text);
    for (qsizetype s = 0; s < segments.size(); ++s) {
        const std::string folded = Gazetteer::fold(segments[s].toStdString());
        if (folded.empty() || isNonPlacePhrase(folded))
            continue;
        std::vector<std::string> words;
        for (std::size_t start = 0; start <= folded.size();) {
            const std::size_t end = std::min(folded.find(' ', start), folded.size());
            words.emplace_back(folded.substr(start, end - start));
            start = end + 1;
        }
        // Longest names first, without overlaps: "kirkland lake" before "lake".
        std::vector<bool> taken(words.size(), false);
        const std::size_t longest = std::min(g.longestName(), words.size());
        for (std::size_t n = longest; n >= 1; --n)
            for (std::size_t i = 0; i + n <= words.size(); ++i) {
                if (std::any_of(taken.begin() + std::ptrdiff_t(i),
                                taken.begin() + std::ptrdiff_t(i + n), [](bool t) { return t; }))
                    continue;
                std::string key = words[i];
                for (std::size_t k = i + 1; k < i + n; ++k)
                    key += ' ' + words[k];
                const std::vector<PlaceRef> *refs = g.lookup(key);
                if (!refs)
                    continue;
                detail::Mention m;
                m.segment = std::size_t(s);
                m.wholeSegment = n == words.size();
                m.codeLike = isCodeLike(key);
                m.common = n == 1 && isCommonWord(key);
                m.key = std::move(key);
                m.refs = refs;
                mentions.push_back(std::move(m));
                std::fill(taken.begin() + std::ptrdiff_t(i), taken.begin() + std::ptrdiff_t(i + n),
                          true);
            }
        // Scripts written without spaces: look for names inside the run of characters.
        const QString &segment = segments[s];
        if (std::any_of(segment.begin(), segment.end(), isCjk) && mentions.empty()) {
            const QString compact = QString::fromStdString(folded).remove(QLatin1Char(' '));
            for (qsizetype length = std::min<qsizetype>(8, compact.size()); length >= 2; --length)
                for (qsizetype i = 0; i + length <= compact.size(); ++i)
                    if (const auto *refs = g.lookup(compact.mid(i, length).toStdString())) {
                        detail::Mention m;
                        m.segment = std::size_t(s);
                        m.wholeSegment = length == compact.size();
                        m.key = compact.mid(i, length).toStdString();
                        m.refs = refs;
                        mentions.push_back(std::move(m));
                        i += length - 1;
                    }
        }
    }
    if (mentions.empty() && flags.empty())
        return {};
    return detail::readMentions(g, std::move(mentions), flags);
}

} // namespace chorus
