#pragma once

#include "import/ChunkedInput.h"

#include <QByteArray>
#include <QJsonObject>

#include <cstdint>
#include <string>

class QIODevice;

namespace chorus {

// Parses one record's bytes as a JSON object. Invalid UTF-8 is replaced first (Qt's parser
// would refuse the whole record) and `repaired` tells the caller to warn; false with `error`
// set when the bytes are not valid JSON or not an object.
bool parseJsonObject(const QByteArray &bytes, QJsonObject &object, std::string &error,
                     bool &repaired);

// Streams the records of a JSON Lines file (one value per line) or of a top-level JSON
// array, one record at a time, so that a multi-gigabyte export is never held in memory.
// Malformed records are reported per record; a file that ends inside a record is
// truncated, which is fatal for the import.
class JsonRecordReader
{
public:
    explicit JsonRecordReader(QIODevice &in);

    enum class Next { Record, End, Truncated };
    Next next();

    // The current record parsed as an object; false (with parseError()) when it is not valid
    // JSON or not an object. Invalid UTF-8 is replaced first (Qt's parser would refuse the
    // whole record); repairedUtf8() tells the caller to warn.
    bool parseObject(QJsonObject &object);
    bool repairedUtf8() const { return m_repaired; }
    const std::string &parseError() const { return m_parseError; }
    const QByteArray &raw() const { return m_record; }
    std::int64_t line() const { return m_recordLine; }
    std::int64_t recordNumber() const { return m_recordNumber; }
    std::int64_t bytesConsumed() const { return m_consumed; }
    bool isArray() const { return m_array; }
    std::string excerpt(qsizetype maxLength = 120) const;

private:
    bool skipWhitespace();
    Next nextLine();
    Next nextArrayElement();

    ChunkedInput m_input;
    bool m_started = false;
    bool m_array = false;
    bool m_arrayClosed = false;
    QByteArray m_record;
    std::string m_parseError;
    bool m_repaired = false;
    std::int64_t m_line = 1;
    std::int64_t m_recordLine = 0;
    std::int64_t m_recordNumber = 0;
    std::int64_t m_consumed = 0;
};

} // namespace chorus
