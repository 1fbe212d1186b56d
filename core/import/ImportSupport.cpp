#include "import/ImportSupport.h"

#include "text/TextCleaner.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace chorus {

CsvHeader::CsvHeader(const CsvReader &reader)
{
    for (size_t i = 0; i < reader.size(); ++i) {
        std::string name = asciiLower(trimmed(reader.field(i)));
        m_index.emplace(name, int(i));
        m_names.push_back(std::move(name));
    }
}

int CsvHeader::index(std::string_view name) const
{
    const auto it = m_index.find(asciiLower(name));
    return it == m_index.end() ? -1 : it->second;
}

std::string CsvHeader::firstMissing(std::initializer_list<std::string_view> names) const
{
    for (std::string_view name : names)
        if (!has(name))
            return std::string(name);
    return {};
}

bool usableRow(const CsvReader &reader, size_t columns, RecordSink &sink)
{
    if (reader.size() == 1 && reader.field(0).empty())
        return false;
    if (!reader.recordError().empty()) {
        sink.reject(reader.line(), "(row)", reader.recordError(), reader.excerpt());
        return false;
    }
    if (reader.size() != columns) {
        sink.reject(reader.line(), "(row)",
                    "expected " + std::to_string(columns) + " fields, found " +
                        std::to_string(reader.size()),
                    reader.excerpt());
        return false;
    }
    return true;
}

Status forEachCsvRow(CsvReader &reader, size_t columns, std::int64_t bytesTotal, RecordSink &sink,
                     ProgressSink &progress, const std::function<void()> &handle)
{
    std::int64_t records = 0;
    while (reader.next()) {
        if (!reportProgress(progress, ++records, reader.bytesConsumed(), bytesTotal))
            return Error::cancel();
        if (usableRow(reader, columns, sink))
            handle();
    }
    return {};
}

std::string firstLineLower(std::string_view head)
{
    if (head.substr(0, 3) == "\xEF\xBB\xBF")
        head.remove_prefix(3);
    const size_t end = head.find('\n');
    return asciiLower(trimmed(head.substr(0, end)));
}

std::vector<std::string> headerColumns(std::string_view head)
{
    const std::string line = firstLineLower(head);
    std::vector<std::string> columns;
    std::string current;
    bool quoted = false;
    for (const char c : line) {
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && (c == ',' || c == '\t' || c == ';')) {
            columns.push_back(std::string(trimmed(current)));
            current.clear();
        } else {
            current += c;
        }
    }
    columns.push_back(std::string(trimmed(current)));
    return columns;
}

bool headerHasColumns(std::string_view head, std::initializer_list<std::string_view> names)
{
    const std::vector<std::string> columns = headerColumns(head);
    return std::all_of(names.begin(), names.end(), [&](std::string_view name) {
        return std::find(columns.begin(), columns.end(), name) != columns.end();
    });
}

std::string_view csvCell(const CsvReader &reader, int column)
{
    return column < 0 ? std::string_view() : reader.field(size_t(column));
}

std::string csvCellText(const CsvReader &reader, RecordSink &sink, int column,
                        std::string_view field)
{
    const std::string_view v = trimmed(csvCell(reader, column));
    return isMissingValue(v) ? std::string() : cleanField(sink, reader.line(), field, v);
}

std::string shortList(const std::vector<std::string> &items, size_t maxChars)
{
    std::string text;
    for (size_t i = 0; i < items.size(); ++i) {
        if (text.size() >= maxChars) {
            text += ", ... (" + std::to_string(items.size()) + " in all)";
            break;
        }
        std::string item = cleanText(std::string_view(items[i]).substr(0, maxChars / 4));
        if (items[i].size() > maxChars / 4)
            item += "...";
        text += (i ? ", " : "") + item;
    }
    return text;
}

bool reportProgress(ProgressSink &progress, std::int64_t records, std::int64_t bytesDone,
                    std::int64_t bytesTotal)
{
    if (records % 4096 != 0)
        return true;
    progress.progress(bytesDone, bytesTotal);
    return !progress.isCancelled();
}

std::string cleanField(RecordSink &sink, std::int64_t line, std::string_view field,
                       std::string_view raw)
{
    bool repaired = false;
    std::string text = cleanText(raw, &repaired);
    if (repaired)
        sink.warn(line, field, "invalid UTF-8 or NUL bytes replaced", text);
    return text;
}

bool isMissingValue(std::string_view text)
{
    text = trimmed(text);
    return text.empty() || text == "NA" || text == "null" || text == "None" || text == "absent" ||
           text == "nan" || text == "NaN";
}

std::optional<std::int64_t> parseCount(std::string_view text, bool *ok)
{
    if (ok)
        *ok = true;
    text = trimmed(text);
    if (isMissingValue(text))
        return std::nullopt;
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    std::string_view rest(end, size_t(text.data() + text.size() - end));
    // Pandas writes integer counts as floats: "12.0".
    const bool wholeNumber = rest.empty() || (rest[0] == '.' && rest.find_first_not_of('0', 1) ==
                                                                    std::string_view::npos);
    if (ec == std::errc() && wholeNumber)
        return value;
    if (ok)
        *ok = false;
    return std::nullopt;
}

std::optional<double> parseReal(std::string_view text, bool *ok)
{
    if (ok)
        *ok = true;
    text = trimmed(text);
    if (isMissingValue(text))
        return std::nullopt;
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc() && end == text.data() + text.size() && std::isfinite(value))
        return value;
    if (ok)
        *ok = false;
    return std::nullopt;
}

bool parseBool(std::string_view text)
{
    text = trimmed(text);
    return text == "True" || text == "true" || text == "TRUE" || text == "1" || text == "yes";
}

std::vector<std::string> parsePythonList(std::string_view text, bool *ok)
{
    std::vector<std::string> items;
    if (ok)
        *ok = true;
    text = trimmed(text);
    if (isMissingValue(text) || text == "[]")
        return items;
    if (text.front() != '[' || text.back() != ']') {
        if (ok)
            *ok = false;
        return items;
    }
    size_t i = 1;
    const size_t end = text.size() - 1;
    while (i < end) {
        while (i < end && (text[i] == ' ' || text[i] == ','))
            ++i;
        if (i >= end)
            break;
        const char quote = text[i];
        if (quote != '\'' && quote != '"') {
            if (ok)
                *ok = false;
            return items;
        }
        std::string item;
        bool closed = false;
        for (++i; i < end; ++i) {
            const char c = text[i];
            if (c == '\\' && i + 1 < end) {
                item += text[++i];
            } else if (c == quote) {
                closed = true;
                ++i;
                break;
            } else {
                item += c;
            }
        }
        if (!closed) {
            if (ok)
                *ok = false;
            return items;
        }
        items.push_back(std::move(item));
    }
    return items;
}

std::vector<std::string> parseJsonStringList(std::string_view text, bool *ok)
{
    std::vector<std::string> items;
    if (ok)
        *ok = true;
    text = trimmed(text);
    if (isMissingValue(text) || text == "[]")
        return items;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray(text.data(), qsizetype(text.size())));
    if (!document.isArray()) {
        if (ok)
            *ok = false;
        return items;
    }
    for (const QJsonValue &value : document.array()) {
        if (value.isString())
            items.push_back(value.toString().toStdString());
        else if (ok)
            *ok = false;
    }
    return items;
}

std::string stripSigil(std::string_view text, char sigil)
{
    text = trimmed(text);
    if (!text.empty() && text.front() == sigil)
        text.remove_prefix(1);
    return std::string(text);
}

void setKindFromReferences(PostRecord &post)
{
    post.kind = !post.repostOf.empty()  ? PostKind::Repost
                : !post.replyTo.empty() ? PostKind::Reply
                : !post.quoteOf.empty() ? PostKind::Quote
                                        : PostKind::Post;
}

void checkCoordinates(RecordSink &sink, std::int64_t line, std::optional<double> &latitude,
                      std::optional<double> &longitude)
{
    if (!latitude && !longitude)
        return;
    if (!latitude || !longitude || *latitude < -90 || *latitude > 90 || *longitude < -180 ||
        *longitude > 180) {
        sink.warn(line, "latitude/longitude", "coordinates out of range or incomplete; dropped",
                  std::to_string(latitude.value_or(NAN)) + "," +
                      std::to_string(longitude.value_or(NAN)));
        latitude.reset();
        longitude.reset();
    }
}

} // namespace chorus
