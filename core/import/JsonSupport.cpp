#include "import/JsonSupport.h"

#include "import/ImportSupport.h"
#include "import/JsonRecordReader.h"
#include "text/TextCleaner.h"
#include "text/TimeParser.h"

#include <QBuffer>

namespace chorus {

namespace {

const char *typeName(const JsonValue &value)
{
    switch (value.type()) {
    case JsonValue::Type::Bool:
        return "a boolean";
    case JsonValue::Type::Number:
        return "a number";
    case JsonValue::Type::String:
        return "a string";
    case JsonValue::Type::Array:
        return "an array";
    case JsonValue::Type::Object:
        return "an object";
    default:
        return "nothing";
    }
}

bool isAbsent(const JsonValue &value)
{
    return value.isUndefined() || value.isNull();
}

std::string shortJson(const JsonValue &value)
{
    if (value.isString()) {
        // At most 60 characters, cut on a character boundary.
        const std::string_view text = value.toString();
        std::size_t end = 0;
        for (int characters = 0; end < text.size() && characters < 60; ++characters)
            for (++end;
                 end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80;)
                ++end;
        return std::string(text.substr(0, end));
    }
    return value.json(120);
}

// An integer JSON number as text (64-bit integers are exact); empty for fractions.
std::string integerText(const JsonValue &value)
{
    const std::optional<std::int64_t> i = value.toInteger();
    return i ? std::to_string(*i) : std::string();
}

std::vector<std::string> entityStrings(const JsonArray &items, std::string_view key,
                                       std::string_view fallback, char sigil, bool *ok)
{
    std::vector<std::string> values;
    for (const JsonValue item : items) {
        JsonValue value = item;
        if (item.isObject()) {
            const JsonObject object = item.toObject();
            value = object.value(key);
            if (!value.isString() && !fallback.empty())
                value = object.value(fallback);
        }
        if (!value.isString()) {
            *ok = false;
            continue;
        }
        std::string_view text = value.toString();
        std::string entity =
            sigil ? stripSigil(std::string(text), sigil) : std::string(trimmed(text));
        if (!entity.empty())
            values.push_back(cleanText(entity));
    }
    return values;
}

} // namespace

Status readJsonObjects(QIODevice &in, RecordSink &sink, ProgressSink &progress,
                       const JsonObjectHandler &handle, const JsonObjectsOptions &options)
{
    JsonRecordReader reader(in);
    const std::int64_t total = in.size();
    std::int64_t handled = 0; // records handed on or rejected, to tell where a cut fell
    for (;;) {
        const JsonRecordReader::Next next = reader.next();
        if (next == JsonRecordReader::Next::End)
            return {};
        if (next == JsonRecordReader::Next::Truncated) {
            if (reader.recordNumber() > handled)
                sink.reject(reader.line(), "(record)", "the file ends inside this record (cut off)",
                            reader.excerpt());
            else // a top-level array cut between two records
                sink.warn(reader.line(), "(file)",
                          "the file ends before its JSON array closes (cut off?)", "");
            return {};
        }
        handled = reader.recordNumber();
        if (!reportProgress(progress, reader.recordNumber(), reader.bytesConsumed(), total))
            return Error::cancel();
        if (options.takeUnparsed && options.takeUnparsed(reader.raw(), reader.line()))
            continue;
        JsonValue document;
        if (!reader.parseValue(document)) {
            sink.reject(reader.line(), "(record)", reader.parseError(), reader.excerpt());
            continue;
        }
        if (reader.repairedUtf8())
            sink.warn(reader.line(), "(record)", "invalid UTF-8 or NUL bytes replaced",
                      reader.excerpt());
        if (document.isObject()) {
            handle(document.toObject(), reader.line());
            continue;
        }
        // A whole API page on one line (an array of objects), as some collectors save each
        // response; anything else is not a record.
        const JsonArray page = document.toArray();
        if (!document.isArray() || (!page.isEmpty() && !page.first().isObject())) {
            sink.reject(reader.line(), "(record)", "expected a JSON object", reader.excerpt());
            continue;
        }
        std::size_t i = 0;
        for (const JsonValue element : page) {
            if (element.isObject())
                handle(element.toObject(), reader.line());
            else
                sink.reject(reader.line(), "[" + std::to_string(i) + "]", "expected a JSON object",
                            reader.excerpt());
            ++i;
        }
    }
}

bool JsonHead::hasKey(std::string_view key) const
{
    if (complete)
        return first.contains(key);
    return hasKeyAnywhere(key);
}

bool JsonHead::hasKeyAnywhere(std::string_view key) const
{
    // A quote inside a JSON string is always escaped, so an unescaped "key": is a key.
    const std::string quoted = "\"" + std::string(key) + "\"";
    for (size_t at = raw.find(quoted); at != std::string_view::npos;
         at = raw.find(quoted, at + 1)) {
        if (at > 0 && raw[at - 1] == '\\')
            continue;
        size_t after = at + quoted.size();
        while (after < raw.size() && (raw[after] == ' ' || raw[after] == '\t'))
            ++after;
        if (after < raw.size() && raw[after] == ':')
            return true;
    }
    return false;
}

bool JsonHead::hasStringMember(std::string_view key, std::string_view valuePrefix) const
{
    const std::string quoted = "\"" + std::string(key) + "\"";
    for (size_t at = raw.find(quoted); at != std::string_view::npos;
         at = raw.find(quoted, at + 1)) {
        if (at > 0 && raw[at - 1] == '\\')
            continue;
        size_t i = at + quoted.size();
        while (i < raw.size() &&
               (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\r' || raw[i] == '\n'))
            ++i;
        if (i >= raw.size() || raw[i] != ':')
            continue;
        for (++i; i < raw.size() &&
                  (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\r' || raw[i] == '\n');
             ++i) {
        }
        if (i < raw.size() && raw[i] == '"' && raw.substr(i + 1, valuePrefix.size()) == valuePrefix)
            return true;
    }
    return false;
}

JsonHead readJsonHead(std::string_view head)
{
    JsonHead result;
    if (head.substr(0, 3) == "\xEF\xBB\xBF")
        head.remove_prefix(3);
    const size_t start = head.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos || (head[start] != '{' && head[start] != '['))
        return result;
    result.isJson = true;
    result.raw = head.substr(head[start] == '[' ? start + 1 : start);
    QByteArray bytes(head.data(), qsizetype(head.size()));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    JsonRecordReader reader(buffer);
    if (reader.next() == JsonRecordReader::Next::Record) {
        result.document = std::make_shared<JsonDocument>();
        std::string error;
        bool repaired = false;
        result.complete =
            parseJsonObject(*result.document, reader.raw(), result.first, error, repaired);
    }
    return result;
}

std::string jsonExcerpt(const JsonObject &object)
{
    return object.json(160);
}

JsonFields JsonFields::nested(std::string_view key) const
{
    return JsonFields(m_sink, m_line, name(key) + ".");
}

std::string JsonFields::name(std::string_view key) const
{
    return m_prefix + std::string(key);
}

void JsonFields::warn(std::string_view key, std::string_view reason, std::string_view excerpt) const
{
    m_sink.warn(m_line, name(key), reason, excerpt);
}

std::string JsonFields::text(const JsonObject &o, std::string_view key) const
{
    const JsonValue value = o.value(key);
    if (isAbsent(value))
        return {};
    if (!value.isString()) {
        warn(key, std::string("expected a string, found ") + typeName(value) + "; ignored",
             shortJson(value));
        return {};
    }
    return cleanField(m_sink, m_line, name(key), std::string(value.toString()));
}

std::string JsonFields::id(const JsonObject &o, std::string_view key) const
{
    std::string problem;
    std::optional<std::string> value = requiredId(o, key, problem);
    if (!value && !isAbsent(o.value(key)))
        warn(key, problem + "; ignored", shortJson(o.value(key)));
    return value.value_or(std::string());
}

std::optional<std::int64_t> JsonFields::count(const JsonObject &o, std::string_view key) const
{
    const JsonValue value = o.value(key);
    if (isAbsent(value))
        return std::nullopt;
    bool ok = true;
    std::optional<std::int64_t> number;
    if (value.isDouble()) {
        const std::string digits = integerText(value);
        ok = !digits.empty();
        if (ok)
            number = parseCount(digits);
    } else if (value.isString()) {
        number = parseCount(std::string(value.toString()), &ok);
    } else {
        ok = false;
    }
    if (!ok)
        warn(key, std::string("expected a whole number, found ") + typeName(value) + "; ignored",
             shortJson(value));
    return number;
}

JsonObject JsonFields::object(const JsonObject &o, std::string_view key) const
{
    const JsonValue value = o.value(key);
    if (!isAbsent(value) && !value.isObject())
        warn(key, std::string("expected an object, found ") + typeName(value) + "; ignored",
             shortJson(value));
    return value.toObject();
}

JsonArray JsonFields::array(const JsonObject &o, std::string_view key) const
{
    const JsonValue value = o.value(key);
    if (!isAbsent(value) && !value.isArray())
        warn(key, std::string("expected an array, found ") + typeName(value) + "; ignored",
             shortJson(value));
    return value.toArray();
}

std::optional<std::int64_t> JsonFields::time(const JsonObject &o, std::string_view key) const
{
    const JsonValue value = o.value(key);
    if (isAbsent(value))
        return std::nullopt;
    std::string problem;
    const std::optional<std::int64_t> when = requiredTime(o, key, problem);
    if (!when)
        warn(key, problem + "; left empty", shortJson(value));
    return when;
}

std::optional<std::string> JsonFields::requiredId(const JsonObject &o, std::string_view key,
                                                  std::string &problem) const
{
    const JsonValue value = o.value(key);
    std::string id;
    if (value.isString())
        id = std::string(trimmed(value.toString()));
    else if (value.isDouble())
        id = integerText(value);
    if (!id.empty() && isValidUtf8(id))
        return id;
    problem = isAbsent(value) ? std::string("missing id")
                              : std::string("expected an id, found ") + typeName(value);
    return std::nullopt;
}

std::optional<std::int64_t> JsonFields::requiredTime(const JsonObject &o, std::string_view key,
                                                     std::string &problem) const
{
    const JsonValue value = o.value(key);
    if (isAbsent(value)) {
        problem = "missing timestamp";
        return std::nullopt;
    }
    if (!value.isString()) {
        problem = std::string("expected a timestamp string, found ") + typeName(value);
        return std::nullopt;
    }
    const std::string raw(value.toString());
    const std::optional<std::int64_t> when = parseTimestamp(raw);
    if (!when)
        problem = "unrecognised timestamp '" + raw.substr(0, 40) + "'";
    return when;
}

std::vector<std::string> JsonFields::entities(const JsonArray &items, std::string_view arrayName,
                                              std::string_view key, std::string_view fallback,
                                              char sigil) const
{
    bool ok = true;
    std::vector<std::string> values = entityStrings(items, key, fallback, sigil, &ok);
    if (!ok)
        warn(arrayName, "entries without a '" + std::string(key) + "' string skipped",
             items.json(120));
    return values;
}

void JsonFields::point(const JsonValue &value, std::string_view key,
                       std::optional<double> &latitude, std::optional<double> &longitude) const
{
    if (isAbsent(value))
        return;
    const JsonArray pair =
        value.isObject() ? value.toObject().value("coordinates").toArray() : value.toArray();
    const JsonValue first = pair.at(0);
    const JsonValue second = pair.at(1);
    if (pair.size() != 2 || !first.isDouble() || !second.isDouble()) {
        warn(key, "expected a point [longitude, latitude]; ignored", shortJson(value));
        return;
    }
    longitude = first.toDouble();
    latitude = second.toDouble();
    checkCoordinates(m_sink, m_line, latitude, longitude);
}

std::vector<std::string> parseJsonEntityCell(std::string_view cell, std::string_view key,
                                             std::string_view fallback, char sigil, bool *ok)
{
    *ok = true;
    cell = trimmed(cell);
    if (isMissingValue(cell) || cell == "[]")
        return {};
    // One parser per thread: a twarc-csv file has such cells on every row.
    thread_local JsonDocument document;
    std::string error;
    bool repaired = false;
    if (!document.parse(cell, error, repaired) || !document.root().isArray()) {
        *ok = false;
        return {};
    }
    return entityStrings(document.root().toArray(), key, fallback, sigil, ok);
}

} // namespace chorus
