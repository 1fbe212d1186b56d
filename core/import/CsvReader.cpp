#include "import/CsvReader.h"

#include <QIODevice>

namespace chorus {

CsvReader::CsvReader(QIODevice &in, char delimiter) : m_input(in), m_delimiter(delimiter) {}

void CsvReader::detectDelimiter()
{
    // Count candidate delimiters on the first line, outside quotes.
    while (m_input.buffer.indexOf('\n', m_input.pos) < 0 && m_input.fill()) {
    }
    int comma = 0, tab = 0, semicolon = 0;
    bool quoted = false;
    for (qsizetype i = m_input.pos;
         i < m_input.buffer.size() && (quoted || m_input.buffer[i] != '\n'); ++i) {
        const char c = m_input.buffer[i];
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
        m_consumed = m_input.start();
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
        if (m_input.pos >= m_input.buffer.size() && !m_input.fill()) {
            // End of input.
            if (!sawAnything)
                return false;
            if (state == State::Quoted)
                m_recordError = "unterminated quoted field (the file may be truncated)";
            else if (state == State::FieldStart)
                startField(); // "a,b," ends with an empty field
            return true;
        }
        const char *data = m_input.buffer.constData();
        const qsizetype size = m_input.buffer.size();
        while (m_input.pos < size) {
            const char c = data[m_input.pos++];
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
                const char *start = data + m_input.pos - 1;
                const char *end = start;
                const char *limit = data + size;
                while (end < limit && *end != m_delimiter && *end != '\n')
                    ++end;
                field->append(start, size_t(end - start));
                m_input.pos += (end - start) - 1;
                m_consumed += (end - start) - 1;
                if (end == limit)
                    break; // the field goes on in the next chunk
                ++m_input.pos;
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
                    memchr(data + m_input.pos - 1, '"', size_t(size - m_input.pos + 1)));
                const qsizetype end = quote ? quote - data : size;
                for (qsizetype k = m_input.pos - 1; k < end; ++k)
                    m_line += data[k] == '\n';
                field->append(data + m_input.pos - 1, size_t(end - (m_input.pos - 1)));
                m_consumed += end - m_input.pos;
                m_input.pos = end;
                if (quote) {
                    ++m_input.pos;
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
