#include "import/JsonSupport.h"

#include "import/ImportSupport.h"
#include "import/JsonRecordReader.h"
#include "text/TextCleaner.h"
#include "text/TimeParser.h"

#include <QBuffer>
#include <QJsonDocument>

namespace chorus {

namespace {

QLatin1String latin1(std::string_view key)
{
    return QLatin1String(key.data(), qsizetype(key.size()));
}

const char *typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return "a boolean";
    case QJsonValue::Double:
        return "a number";
    case QJsonValue::String:
        return "a string";
    case QJsonValue::Array:
        return "an array";
    case QJsonValue::Object:
        return "an object";
    default:
        return "nothing";
    }
}

bool isAbsent(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull();
}

std::string shortJson(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().left(60).toStdString();
    if (value.isObject())
        return jsonExcerpt(value.toObject());
    if (value.isArray())
        return QJsonDocument(value.toArray())
            .toJson(QJsonDocument::Compact)
            .left(120)
            .toStdString();
    if (value.isBool())
        return value.toBool() ? "true" : "false";
    return QString::number(value.toDouble(), 'g', 17).toStdString();
}

// An integer JSON number as text (Qt keeps 64-bit integers exact); empty for fractions.
std::string integerText(const QJsonValue &value)
{
    const double d = value.toDouble();
    const qint64 i = value.toInteger(-1);
    if (i == -1 && d != -1.0)
        return {};
    return std::to_string(i);
}

std::vector<std::string> entityStrings(const QJsonArray &items, std::string_view key,
                                       std::string_view fallback, char sigil, bool *ok)
{
    std::vector<std::string> values;
    for (const QJsonValue &item : items) {
        QJsonValue value = item;
        if (item.isObject()) {
            const QJsonObject object = item.toObject();
            value = object.value(latin1(key));
            if (!value.isString() && !fallback.empty())
                value = object.value(latin1(fallback));
        }
        if (!value.isString()) {
            *ok = false;
            continue;
        }
        std::string text = value.toString().toStdString();
        text = sigil ? stripSigil(text, sigil) : std::string(trimmed(text));
        if (!text.empty())
            values.push_back(cleanText(text));
    }
    return values;
}

} // namespace

Status readJsonObjects(QIODevice &in, RecordSink &sink, ProgressSink &progress,
                       const JsonObjectHandler &handle)
{
    JsonRecordReader reader(in);
    const std::int64_t total = in.size();
    for (;;) {
        const JsonRecordReader::Next next = reader.next();
        if (next == JsonRecordReader::Next::End)
            return {};
        if (next == JsonRecordReader::Next::Truncated) {
            // An interrupted capture: every complete record is kept, the cut-off one is not.
            sink.reject(reader.line(), "(record)", "the file ends inside this record (cut off)",
                        reader.excerpt());
            return {};
        }
        if (!reportProgress(progress, reader.recordNumber(), reader.bytesConsumed(), total))
            return Error::cancel();
        QJsonObject object;
        if (!reader.parseObject(object)) {
            sink.reject(reader.line(), "(record)", reader.parseError(), reader.excerpt());
            continue;
        }
        if (reader.repairedUtf8())
            sink.warn(reader.line(), "(record)", "invalid UTF-8 or NUL bytes replaced",
                      reader.excerpt());
        handle(object, reader.line());
    }
}

bool JsonHead::hasKey(std::string_view key) const
{
    if (complete)
        return first.contains(latin1(key));
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
    if (reader.next() == JsonRecordReader::Next::Record)
        result.complete = reader.parseObject(result.first);
    return result;
}

std::string jsonExcerpt(const QJsonObject &object)
{
    const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return json.size() > 160 ? json.left(160).toStdString() + "..." : json.toStdString();
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

std::string JsonFields::text(const QJsonObject &o, std::string_view key) const
{
    const QJsonValue value = o.value(latin1(key));
    if (isAbsent(value))
        return {};
    if (!value.isString()) {
        warn(key, std::string("expected a string, found ") + typeName(value) + "; ignored",
             shortJson(value));
        return {};
    }
    return cleanField(m_sink, m_line, name(key), value.toString().toStdString());
}

std::string JsonFields::id(const QJsonObject &o, std::string_view key) const
{
    std::string problem;
    std::optional<std::string> value = requiredId(o, key, problem);
    if (!value && !isAbsent(o.value(latin1(key))))
        warn(key, problem + "; ignored", shortJson(o.value(latin1(key))));
    return value.value_or(std::string());
}

std::optional<std::int64_t> JsonFields::count(const QJsonObject &o, std::string_view key) const
{
    const QJsonValue value = o.value(latin1(key));
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
        number = parseCount(value.toString().toStdString(), &ok);
    } else {
        ok = false;
    }
    if (!ok)
        warn(key, std::string("expected a whole number, found ") + typeName(value) + "; ignored",
             shortJson(value));
    return number;
}

QJsonObject JsonFields::object(const QJsonObject &o, std::string_view key) const
{
    const QJsonValue value = o.value(latin1(key));
    if (!isAbsent(value) && !value.isObject())
        warn(key, std::string("expected an object, found ") + typeName(value) + "; ignored",
             shortJson(value));
    return value.toObject();
}

QJsonArray JsonFields::array(const QJsonObject &o, std::string_view key) const
{
    const QJsonValue value = o.value(latin1(key));
    if (!isAbsent(value) && !value.isArray())
        warn(key, std::string("expected an array, found ") + typeName(value) + "; ignored",
             shortJson(value));
    return value.toArray();
}

std::optional<std::int64_t> JsonFields::time(const QJsonObject &o, std::string_view key) const
{
    const QJsonValue value = o.value(latin1(key));
    if (isAbsent(value))
        return std::nullopt;
    std::string problem;
    const std::optional<std::int64_t> when = requiredTime(o, key, problem);
    if (!when)
        warn(key, problem + "; left empty", shortJson(value));
    return when;
}

std::optional<std::string> JsonFields::requiredId(const QJsonObject &o, std::string_view key,
                                                  std::string &problem) const
{
    const QJsonValue value = o.value(latin1(key));
    std::string id;
    if (value.isString())
        id = std::string(trimmed(value.toString().toStdString()));
    else if (value.isDouble())
        id = integerText(value);
    if (!id.empty() && isValidUtf8(id))
        return id;
    problem = isAbsent(value) ? std::string("missing id")
                              : std::string("expected an id, found ") + typeName(value);
    return std::nullopt;
}

std::optional<std::int64_t> JsonFields::requiredTime(const QJsonObject &o, std::string_view key,
                                                     std::string &problem) const
{
    const QJsonValue value = o.value(latin1(key));
    if (isAbsent(value)) {
        problem = "missing timestamp";
        return std::nullopt;
    }
    if (!value.isString()) {
        problem = std::string("expected a timestamp string, found ") + typeName(value);
        return std::nullopt;
    }
    const std::string raw = value.toString().toStdString();
    const std::optional<std::int64_t> when = parseTimestamp(raw);
    if (!when)
        problem = "unrecognised timestamp '" + raw.substr(0, 40) + "'";
    return when;
}

std::vector<std::string> JsonFields::entities(const QJsonArray &items, std::string_view arrayName,
                                              std::string_view key, std::string_view fallback,
                                              char sigil) const
{
    bool ok = true;
    std::vector<std::string> values = entityStrings(items, key, fallback, sigil, &ok);
    if (!ok)
        warn(arrayName, "entries without a '" + std::string(key) + "' string skipped",
             shortJson(items));
    return values;
}

void JsonFields::point(const QJsonValue &value, std::string_view key,
                       std::optional<double> &latitude, std::optional<double> &longitude) const
{
    if (isAbsent(value))
        return;
    const QJsonArray pair = value.isObject()
                                ? value.toObject().value(QLatin1String("coordinates")).toArray()
                                : value.toArray();
    if (pair.size() != 2 || !pair[0].isDouble() || !pair[1].isDouble()) {
        warn(key, "expected a point [longitude, latitude]; ignored", shortJson(value));
        return;
    }
    longitude = pair[0].toDouble();
    latitude = pair[1].toDouble();
    checkCoordinates(m_sink, m_line, latitude, longitude);
}

std::vector<std::string> parseJsonEntityCell(std::string_view cell, std::string_view key,
                                             std::string_view fallback, char sigil, bool *ok)
{
    *ok = true;
    cell = trimmed(cell);
    if (isMissingValue(cell) || cell == "[]")
        return {};
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray(cell.data(), qsizetype(cell.size())));
    if (!document.isArray()) {
        *ok = false;
        return {};
    }
    return entityStrings(document.array(), key, fallback, sigil, ok);
}

} // namespace chorus
