#include "import/JsonRecordReader.h"

#include "text/TextCleaner.h"

#include <QIODevice>

namespace chorus {

namespace {
bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
} // namespace

JsonRecordReader::JsonRecordReader(QIODevice &in) : m_input(in) {}

bool JsonRecordReader::skipWhitespace()
{
    for (;;) {
        while (m_input.pos < m_input.buffer.size() && isSpace(m_input.buffer[m_input.pos])) {
            m_line += m_input.buffer[m_input.pos] == '\n';
            ++m_input.pos;
            ++m_consumed;
        }
        if (m_input.pos < m_input.buffer.size())
            return true;
        if (!m_input.fill())
            return false;
    }
}

JsonRecordReader::Next JsonRecordReader::next()
{
    if (!m_started) {
        m_started = true;
        m_consumed = m_input.start();
        if (skipWhitespace() && m_input.buffer[m_input.pos] == '[') {
            m_array = true;
            m_arrayStartLine = m_line;
            ++m_input.pos;
            ++m_consumed;
        }
    }
    m_parseError.clear();
    m_view = {};
    m_readableAfter = 0;
    const Next next = m_array ? nextArrayElement() : nextLine();
    if (!m_view.data()) // copied together in m_record (or cut off there)
        m_view = std::string_view(m_record.constData(), size_t(m_record.size()));
    return next;
}

JsonRecordReader::Next JsonRecordReader::nextLine()
{
    if (!skipWhitespace())
        return Next::End;
    m_recordLine = m_line;
    ++m_recordNumber;
    m_record.clear();
    // Nearly every line lies within one chunk: it is read where it is, without a copy.
    if (const qsizetype newline = m_input.buffer.indexOf('\n', m_input.pos); newline >= 0) {
        m_view = std::string_view(m_input.buffer.constData() + m_input.pos,
                                  size_t(newline - m_input.pos));
        m_readableAfter = size_t(m_input.buffer.size() - newline);
        m_consumed += newline + 1 - m_input.pos;
        m_input.pos = newline + 1;
        ++m_line;
        return Next::Record;
    }
    for (;;) {
        const qsizetype newline = m_input.buffer.indexOf('\n', m_input.pos);
        if (newline >= 0) {
            m_record.append(m_input.buffer.constData() + m_input.pos, newline - m_input.pos);
            m_consumed += newline + 1 - m_input.pos;
            m_input.pos = newline + 1;
            ++m_line;
            return Next::Record;
        }
        m_record.append(m_input.buffer.constData() + m_input.pos,
                        m_input.buffer.size() - m_input.pos);
        m_consumed += m_input.buffer.size() - m_input.pos;
        m_input.pos = m_input.buffer.size();
        if (!m_input.fill()) {
            // Last line without a newline: fine when it is complete JSON, truncated otherwise.
            m_view = std::string_view(m_record.constData(), size_t(m_record.size()));
            JsonValue value;
            return parseValue(value) ? Next::Record : Next::Truncated;
        }
    }
}

JsonRecordReader::Next JsonRecordReader::nextArrayElement()
{
    for (;;) {
        if (m_arrayClosed)
            return Next::End;
        if (!skipWhitespace())
            return Next::Truncated;
        if (m_input.buffer[m_input.pos] == ',') {
            ++m_input.pos;
            ++m_consumed;
            if (!skipWhitespace())
                return Next::Truncated;
        }
        if (m_input.buffer[m_input.pos] != ']')
            break;
        ++m_input.pos;
        ++m_consumed;
        const std::int64_t closeLine = m_line;
        if (!skipWhitespace()) {
            m_arrayClosed = true;
            return Next::End;
        }
        // More after the array, which is never dropped unseen. One array per line is JSON
        // Lines of API pages (collectors that save each response as it came): the rest is
        // read line by line, so that a broken line costs only itself. Arrays written one
        // after another otherwise (pretty-printed, or on one line) are read on as one.
        const bool onePerLine = m_arrayStartLine == closeLine && m_line > closeLine;
        if (onePerLine || m_input.buffer[m_input.pos] != '[') {
            m_array = false;
            return nextLine();
        }
        m_arrayStartLine = m_line;
        ++m_input.pos;
        ++m_consumed;
    }
    m_recordLine = m_line;
    ++m_recordNumber;
    m_record.clear();
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (;;) {
        if (m_input.pos >= m_input.buffer.size() && !m_input.fill())
            return Next::Truncated;
        const qsizetype start = m_input.pos;
        while (m_input.pos < m_input.buffer.size()) {
            const char c = m_input.buffer[m_input.pos++];
            if (c == '\n')
                ++m_line;
            if (inString) {
                if (escaped)
                    escaped = false;
                else if (c == '\\')
                    escaped = true;
                else if (c == '"')
                    inString = false;
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth < 0)
                    return Next::Truncated; // unbalanced: not a well-formed array
            } else if (depth == 0 && (c == ',' || isSpace(c))) {
                --m_input.pos; // leave the separator for the next call
                if (c == '\n')
                    --m_line;
                m_record.append(m_input.buffer.constData() + start, m_input.pos - start);
                m_consumed += m_input.pos - start;
                return Next::Record;
            }
            if (depth == 0 && (c == '}' || c == ']')) {
                m_record.append(m_input.buffer.constData() + start, m_input.pos - start);
                m_consumed += m_input.pos - start;
                return Next::Record;
            }
        }
        m_record.append(m_input.buffer.constData() + start, m_input.pos - start);
        m_consumed += m_input.pos - start;
    }
}

bool parseJsonObject(JsonDocument &document, std::string_view bytes, JsonObject &object,
                     std::string &error, bool &repaired, std::size_t readableAfter)
{
    if (!document.parse(bytes, error, repaired, readableAfter))
        return false;
    const JsonValue root = document.root();
    if (!root.isObject()) {
        error = "expected a JSON object";
        return false;
    }
    object = root.toObject();
    return true;
}

bool JsonRecordReader::parseObject(JsonObject &object)
{
    return parseJsonObject(m_document, m_view, object, m_parseError, m_repaired, m_readableAfter);
}

bool JsonRecordReader::parseValue(JsonValue &value)
{
    if (!m_document.parse(m_view, m_parseError, m_repaired, m_readableAfter))
        return false;
    value = m_document.root();
    return true;
}

std::string JsonRecordReader::excerpt(qsizetype maxLength) const
{
    std::string text(m_view.substr(0, size_t(maxLength)));
    if (m_view.size() > size_t(maxLength))
        text += "...";
    return text;
}

} // namespace chorus
