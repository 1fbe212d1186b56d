#include "import/fourcat/ZeeschuimerReader.h"

#include "import/ImportSupport.h"
#include "import/JsonRecordReader.h"
#include "import/TextEntities.h"
#include "import/fourcat/ZeeschuimerItems.h"

#include "text/TimeParser.h"

#include <QIODevice>

namespace chorus {

namespace {

using Mapper = void (*)(const JsonObject &, const ZeeschuimerItem &);

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
void dispatch(const std::string &platform, const JsonObject &data, bool fromFourCat,
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

void readItem(const JsonObject &record, std::int64_t line, RecordSink &sink)
{
    // A 4CAT NDJSON download keeps the envelope under __import_meta, the object at the top.
    const JsonValue meta = record.value("__import_meta");
    const bool fromFourCat = meta.isObject();
    const JsonObject envelope = fromFourCat ? meta.toObject() : record;
    const std::string metaPrefix = fromFourCat ? "__import_meta." : "";

    const JsonValue platformValue = envelope.value("source_platform");
    if (!platformValue.isString() || platformValue.toString().empty()) {
        sink.reject(line, metaPrefix + "source_platform",
                    platformValue.isUndefined() ? "missing source_platform: not a Zeeschuimer item"
                                                : "source_platform is not a string",
                    jsonExcerpt(record));
        return;
    }
    JsonObject data = record;
    if (!fromFourCat) {
        const JsonValue value = record.value("data");
        if (!value.isObject()) {
            sink.reject(line, "data", "expected the captured object, found none",
                        jsonExcerpt(record));
            return;
        }
        data = value.toObject();
    }
    dispatch(platformValue.toStdString(), data, fromFourCat, line, sink, jsonExcerpt(record));
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
        JsonObject object;
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

std::optional<std::int64_t> epochField(const JsonObject &o, std::string_view key,
                                       std::string &problem)
{
    const JsonValue value = o.value(key);
    std::optional<std::int64_t> when;
    std::string written;
    if (value.isDouble()) {
        const double seconds = value.toDouble();
        written = std::to_string(static_cast<long long>(seconds));
        if (seconds > 0 && seconds < 1e15)
            when = parseTimestamp(written);
    } else if (value.isString()) {
        written = value.toStdString();
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
