#include "import/CsvReader.h"

#include <QIODevice>

namespace chorus {

namespace {
constexpr qint64 ChunkSize = 1 << 20;
}

CsvReader::CsvReader(QIODevice &in, char delimiter) : m_in(in), m_delimiter(delimiter) {}

bool CsvReader::fill()
{
    if (m_eof)
        return false;
    QByteArray chunk = m_in.read(ChunkSize);
    if (chunk.isEmpty()) {
        m_eof = true;
        return false;
    }
    m_buffer = m_pos < m_buffer.size() ? m_buffer.mid(m_pos) + chunk : std::move(chunk);
    m_pos = 0;
    return true;
}

void CsvReader::detectDelimiter()
{
    // Count candidate delimiters on the first line, outside quotes.
    while (m_buffer.indexOf('\n', m_pos) < 0 && fill()) {
    }
    int comma = 0, tab = 0, semicolon = 0;
    bool quoted = false;
    for (qsizetype i = m_pos; i < m_buffer.size() && (quoted || m_buffer[i] != '\n'); ++i) {
        const char c = m_buffer[i];
        if (c == '"')
            quoted = !quoted;
        else if (!quoted)
            comma += c == ',', tab += c == '\t', semicolon += c == ';';
    }
    m_delimiter = tab > comma && tab >= semicolon ? '\t' : semicolon > comma ? ';' : ',';
}

bool CsvReader::next()
{
    if (!m_started) {
        m_started = true;
        fill();
        if (m_buffer.startsWith("\xEF\xBB\xBF")) {
            m_pos = 3;
            m_consumed = 3;
        }
        if (m_delimiter == 0)
            detectDelimiter();
    }
    m_count = 0;
    m_recordError.clear();
    m_recordLine = m_line;

    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };
    State state = State::FieldStart;
    std::string *field = nullptr;
    const auto startField = [&] {
        if (m_count == m_fields.size())
            m_fields.emplace_back();
        field = &m_fields[m_count++];
        field->clear();
    };

    bool sawAnything = false;
    for (;;) {
        if (m_pos >= m_buffer.size() && !fill()) {
            // End of input.
            if (!sawAnything)
                return false;
            if (state == State::Quoted)
                m_recordError = "unterminated quoted field (the file may be truncated)";
            else if (state == State::FieldStart)
                startField(); // "a,b," ends with an empty field
            return true;
        }
        const char *data = m_buffer.constData();
        const qsizetype size = m_buffer.size();
        while (m_pos < size) {
            const char c = data[m_pos++];
            ++m_consumed;
            sawAnything = true;
            switch (state) {
            case State::FieldStart:
                startField();
                if (c == '"') {
                    state = State::Quoted;
                    break;
                }
                state = State::Unquoted;
                [[fallthrough]];
            case State::Unquoted: {
                // Copy the run up to the next delimiter or newline in one go: most fields
                // of an export are unquoted.
                const char *start = data + m_pos - 1;
                const char *end = start;
                const char *limit = data + size;
                while (end < limit && *end != m_delimiter && *end != '\n')
                    ++end;
                field->append(start, size_t(end - start));
                m_pos += (end - start) - 1;
                m_consumed += (end - start) - 1;
                if (end == limit)
                    break; // the field goes on in the next chunk
                ++m_pos;
                ++m_consumed;
                if (*end == m_delimiter) {
                    state = State::FieldStart;
                    break;
                }
                ++m_line;
                if (!field->empty() && field->back() == '\r')
                    field->pop_back();
                return true;
            }
            case State::Quoted: {
                // Copy the run up to the next quote in one go: quoted text fields are long.
                const char *quote = static_cast<const char *>(
                    memchr(data + m_pos - 1, '"', size_t(size - m_pos + 1)));
                const qsizetype end = quote ? quote - data : size;
                for (qsizetype k = m_pos - 1; k < end; ++k)
                    m_line += data[k] == '\n';
                field->append(data + m_pos - 1, size_t(end - (m_pos - 1)));
                m_consumed += end - m_pos;
                m_pos = end;
                if (quote) {
                    ++m_pos;
                    ++m_consumed;
                    state = State::QuoteInQuoted;
                }
                break;
            }
            case State::QuoteInQuoted:
                if (c == '"') {
                    field->push_back('"');
                    state = State::Quoted;
                } else if (c == m_delimiter) {
                    state = State::FieldStart;
                } else if (c == '\n') {
                    ++m_line;
                    return true;
                } else if (c != '\r') {
                    field->push_back(c); // text after a closing quote: keep it
                    state = State::Unquoted;
                }
                break;
            }
        }
    }
}

std::vector<std::string> CsvReader::fieldsCopy() const
{
    return std::vector<std::string>(m_fields.begin(), m_fields.begin() + std::ptrdiff_t(m_count));
}

std::string CsvReader::excerpt(size_t maxLength) const
{
    std::string text;
    for (size_t i = 0; i < m_count && text.size() < maxLength; ++i) {
        if (i)
            text += m_delimiter;
        text += m_fields[i];
    }
    if (text.size() > maxLength) {
        text.resize(maxLength);
        text += "...";
    }
    return text;
}

} // namespace chorus
