#include "import/fourcat/ZeeschuimerReader.h"

#include "import/ImportSupport.h"
#include "import/JsonRecordReader.h"
#include "import/TextEntities.h"
#include "import/fourcat/ZeeschuimerItems.h"

#include "text/TimeParser.h"

#include <QIODevice>
#include <QJsonDocument>
#include <QJsonParseError>

namespace chorus {

namespace {

using Mapper = void (*)(const QJsonObject &, const ZeeschuimerItem &);

struct PlatformMapper
{
    std::string_view sourcePlatform; // Zeeschuimer's module id
    Mapper map;
};

constexpr PlatformMapper Mappers[] = {
    {"tiktok.com", mapTikTokVideo},
    {"tiktok-comments", mapTikTokComment},
    {"instagram.com", mapInstagramPost},
    {"twitter.com", mapXTweet},
    {"x.com", mapXTweet},
    {"linkedin.com", mapLinkedInPost},
};

std::string supportedList()
{
    std::string list;
    for (const PlatformMapper &m : Mappers)
        list += (list.empty() ? "" : ", ") + std::string(m.sourcePlatform);
    return list;
}

// Hands `data` to the mapper of `platform`, or rejects the item naming the platform.
void dispatch(const std::string &platform, const QJsonObject &data, bool fromFourCat,
              std::int64_t line, RecordSink &sink, const std::string &excerpt)
{
    for (const PlatformMapper &m : Mappers) {
        if (m.sourcePlatform == platform) {
            m.map(data, ZeeschuimerItem(sink, line, fromFourCat ? "" : "data."));
            return;
        }
    }
    sink.reject(line, fromFourCat ? "__import_meta.source_platform" : "source_platform",
                "source_platform '" + platform.substr(0, 40) +
                    "' is not supported (supported: " + supportedList() + ")",
                excerpt.substr(0, 120));
}

void readItem(const QJsonObject &record, std::int64_t line, RecordSink &sink)
{
    // A 4CAT NDJSON download keeps the envelope under __import_meta, the object at the top.
    const QJsonValue meta = record.value(QLatin1String("__import_meta"));
    const bool fromFourCat = meta.isObject();
    const QJsonObject envelope = fromFourCat ? meta.toObject() : record;
    const std::string metaPrefix = fromFourCat ? "__import_meta." : "";

    const QJsonValue platformValue = envelope.value(QLatin1String("source_platform"));
    if (!platformValue.isString() || platformValue.toString().isEmpty()) {
        sink.reject(line, metaPrefix + "source_platform",
                    platformValue.isUndefined() ? "missing source_platform: not a Zeeschuimer item"
                                                : "source_platform is not a string",
                    jsonExcerpt(record));
        return;
    }
    QJsonObject data = record;
    if (!fromFourCat) {
        const QJsonValue value = record.value(QLatin1String("data"));
        if (!value.isObject()) {
            sink.reject(line, "data", "expected the captured object, found none",
                        jsonExcerpt(record));
            return;
        }
        data = value.toObject();
    }
    dispatch(platformValue.toString().toStdString(), data, fromFourCat, line, sink,
             jsonExcerpt(record));
}

// The fast way through a line as Zeeschuimer writes it: the envelope's scalar keys, then
// `data` last. Only the `data` object goes through Qt's parser (which checks UTF-8 itself),
// so neither the envelope nor a separate UTF-8 pass costs anything: on the sample items
// that is a third of the reading time. False for anything else (another key order, a
// nested envelope value, escapes in the platform, invalid JSON or UTF-8): the caller then
// takes the general way, which repairs and reports.
bool parseCanonical(const QByteArray &raw, std::string &platform, QJsonObject &data)
{
    const std::string_view line(raw.constData(), size_t(raw.size()));
    const size_t last = line.find_last_not_of(" \t\r\n");
    if (line.empty() || line[0] != '{' || last == std::string_view::npos || line[last] != '}')
        return false;
    const auto skipSpace = [&](size_t i) {
        while (i < last && (line[i] == ' ' || line[i] == '\t'))
            ++i;
        return i;
    };
    // The end of the string that starts at `i` (on its opening quote), past the closing one.
    const auto stringEnd = [&](size_t i) {
        for (++i; i < last; ++i) {
            if (line[i] == '\\')
                ++i;
            else if (line[i] == '"')
                return i + 1;
        }
        return std::string_view::npos;
    };
    platform.clear();
    size_t i = 1;
    for (;;) {
        i = skipSpace(i);
        if (i >= last || line[i] != '"')
            return false;
        const size_t keyEnd = stringEnd(i);
        if (keyEnd == std::string_view::npos)
            return false;
        const std::string_view key = line.substr(i + 1, keyEnd - i - 2);
        i = skipSpace(keyEnd);
        if (i >= last || line[i] != ':')
            return false;
        i = skipSpace(i + 1);
        if (key == "data") {
            if (line[i] != '{' || platform.empty())
                return false;
            size_t dataEnd = last; // before the envelope's closing brace
            while (dataEnd > i && (line[dataEnd - 1] == ' ' || line[dataEnd - 1] == '\t'))
                --dataEnd;
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(
                QByteArray::fromRawData(line.data() + i, qsizetype(dataEnd - i)), &error);
            if (error.error != QJsonParseError::NoError || !document.isObject())
                return false;
            data = document.object();
            return true;
        }
        if (line[i] == '"') {
            const size_t valueEnd = stringEnd(i);
            if (valueEnd == std::string_view::npos)
                return false;
            if (key == "source_platform") {
                const std::string_view value = line.substr(i + 1, valueEnd - i - 2);
                if (value.empty() || value.find('\\') != std::string_view::npos)
                    return false;
                platform.assign(value);
            }
            i = valueEnd;
        } else {
            // A number, true, false or null; an object or array is not the canonical layout.
            while (i < last && line[i] != ',' && line[i] != '{' && line[i] != '[')
                ++i;
            if (i >= last || line[i] != ',')
                return false;
        }
        i = skipSpace(i);
        if (i >= last || line[i] != ',')
            return false;
        ++i;
    }
}

} // namespace

Status readZeeschuimer(QIODevice &in, RecordSink &sink, ProgressSink &progress)
{
    JsonRecordReader reader(in);
    const std::int64_t total = in.size();
    for (;;) {
        const JsonRecordReader::Next next = reader.next();
        if (next == JsonRecordReader::Next::End)
            return {};
        if (next == JsonRecordReader::Next::Truncated) {
            if (reader.isArray())
                return Error{"truncated JSON: the file ends inside the array's record that "
                             "starts on line " +
                             std::to_string(reader.line())};
            sink.reject(reader.line(), "(record)",
                        "the file ends inside this item (cut off while saving?); item skipped",
                        reader.excerpt());
            return {};
        }
        if (!reportProgress(progress, reader.recordNumber(), reader.bytesConsumed(), total))
            return Error::cancel();
        std::string platform;
        QJsonObject object;
        if (parseCanonical(reader.raw(), platform, object)) {
            dispatch(platform, object, false, reader.line(), sink, reader.excerpt());
            continue;
        }
        if (!reader.parseObject(object)) {
            sink.reject(reader.line(), "(record)", reader.parseError(), reader.excerpt());
            continue;
        }
        if (reader.repairedUtf8())
            sink.warn(reader.line(), "(record)", "invalid UTF-8 or NUL bytes replaced",
                      reader.excerpt());
        readItem(object, reader.line(), sink);
    }
}

void scanEntitiesInto(PostRecord &post)
{
    TextEntities entities = scanTextEntities(post.text);
    post.hashtags = std::move(entities.hashtags);
    post.mentions = std::move(entities.mentions);
}

std::optional<std::int64_t> epochField(const QJsonObject &o, std::string_view key,
                                       std::string &problem)
{
    const QJsonValue value = o.value(QLatin1String(key.data(), qsizetype(key.size())));
    std::optional<std::int64_t> when;
    std::string written;
    if (value.isDouble()) {
        const double seconds = value.toDouble();
        written = std::to_string(static_cast<long long>(seconds));
        if (seconds > 0 && seconds < 1e15)
            when = parseTimestamp(written);
    } else if (value.isString()) {
        written = value.toString().toStdString();
        when = parseTimestamp(written);
    } else {
        problem = value.isUndefined() || value.isNull()
                      ? "missing timestamp"
                      : "expected a timestamp, found neither a number nor a string";
        return std::nullopt;
    }
    if (!when)
        problem = "unrecognised timestamp '" + written.substr(0, 40) + "'";
    return when;
}

} // namespace chorus
