#pragma once

#include "import/ChunkedInput.h"
#include "import/JsonView.h"

#include <QByteArray>

#include <cstdint>
#include <string>

class QIODevice;

namespace chorus {

// Parses one record's bytes with `document` as a JSON object (JsonDocument::parse: invalid
// UTF-8 replaced and `repaired` set); false with `error` set when the bytes are not valid JSON
// or not an object. `object` is valid until `document` parses again.
bool parseJsonObject(JsonDocument &document, std::string_view bytes, JsonObject &object,
                     std::string &error, bool &repaired, std::size_t readableAfter = 0);

// Streams the records of a JSON Lines file (one value per line) or of a top-level JSON
// array, one record at a time, so that a multi-gigabyte export is never held in memory.
// What follows a top-level array is read too: further arrays, or JSON Lines when the
// array took exactly one line (one API page per line).
// Malformed records are reported per record; a file that ends inside a record is
// truncated, which is fatal for the import.
class JsonRecordReader
{
public:
    explicit JsonRecordReader(QIODevice &in);

    enum class Next { Record, End, Truncated };
    Next next();

    // The current record parsed as an object; false (with parseError()) when it is not valid
    // JSON or not an object. Invalid UTF-8 is replaced first; repairedUtf8() tells the caller
    // to warn. The view is valid until the next parse.
    bool parseObject(JsonObject &object);
    // The same for any JSON value (a line may hold a whole API page as an array).
    bool parseValue(JsonValue &value);
    bool repairedUtf8() const { return m_repaired; }
    const std::string &parseError() const { return m_parseError; }
    // The current record's bytes, valid until next().
    std::string_view raw() const { return m_view; }
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
    JsonDocument m_document;
    bool m_started = false;
    bool m_array = false;
    bool m_arrayClosed = false;
    std::int64_t m_arrayStartLine = 0;
    QByteArray m_record;             // a record that spans chunks, copied together
    std::string_view m_view;         // the record: in the input's buffer, or m_record
    std::size_t m_readableAfter = 0; // input bytes after m_view
    std::string m_parseError;
    bool m_repaired = false;
    std::int64_t m_line = 1;
    std::int64_t m_recordLine = 0;
    std::int64_t m_recordNumber = 0;
    std::int64_t m_consumed = 0;
};

} // namespace chorus
