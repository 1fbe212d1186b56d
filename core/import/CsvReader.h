#pragma once

#include "import/ChunkedInput.h"

#include <QByteArray>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

class QIODevice;

namespace chorus {

// Streaming RFC 4180 reader: quoted fields with doubled quotes and newlines, CRLF or LF,
// a UTF-8 byte-order mark, comma, tab or semicolon (detected from the first line).
// Reads the device in chunks: memory stays bounded by the longest record.
// Lenient where files are sloppy (a stray quote inside an unquoted field is kept as text);
// an unterminated quote is reported on the record it started.
class CsvReader
{
public:
    explicit CsvReader(QIODevice &in, char delimiter = 0);

    // Reads the next record; false at the end of the input.
    bool next();
    size_t size() const { return m_count; }
    std::string_view field(size_t i) const
    {
        return i < m_count ? std::string_view(m_fields[i]) : std::string_view();
    }
    std::vector<std::string> fieldsCopy() const;
    // The 1-based line on which the current record starts.
    std::int64_t line() const { return m_recordLine; }
    // Set when the current record is malformed (e.g. an unterminated quote).
    const std::string &recordError() const { return m_recordError; }
    std::int64_t bytesConsumed() const { return m_consumed; }
    char delimiter() const { return m_delimiter; }
    // A short excerpt of the current record for problem reports.
    std::string excerpt(size_t maxLength = 120) const;

private:
    void detectDelimiter();

    ChunkedInput m_input;
    bool m_started = false;
    char m_delimiter;
    std::vector<std::string> m_fields;
    size_t m_count = 0;
    std::int64_t m_line = 1;
    std::int64_t m_recordLine = 0;
    std::int64_t m_consumed = 0;
    std::string m_recordError;
};

} // namespace chorus
