#pragma once

#include "common/Progress.h"
#include "import/CsvReader.h"
#include "import/Importer.h"

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace chorus {

// Column lookup by name for CSV importers (names compared case-insensitively, trimmed).
class CsvHeader
{
public:
    CsvHeader() = default;
    explicit CsvHeader(const CsvReader &reader);
    // -1 when the column is absent.
    int index(std::string_view name) const;
    bool has(std::string_view name) const { return index(name) >= 0; }
    // The first of `names` that is absent, or an empty string when all are present.
    std::string firstMissing(std::initializer_list<std::string_view> names) const;
    size_t size() const { return m_names.size(); }
    const std::vector<std::string> &names() const { return m_names; }

private:
    std::vector<std::string> m_names;
    std::unordered_map<std::string, int> m_index;
};

// False for a blank line (skipped) and for a malformed row or one whose field count differs
// from the header's (rejected to the sink, field "(row)").
bool usableRow(const CsvReader &reader, size_t columns, RecordSink &sink);

// Streams the data rows after the header through usableRow(), reporting progress; `handle`
// sees each usable row. Error::cancel() when the user cancelled.
Status forEachCsvRow(CsvReader &reader, size_t columns, std::int64_t bytesTotal, RecordSink &sink,
                     ProgressSink &progress, const std::function<void()> &handle);

// The lower-cased, trimmed first line of a file head (for detect()).
std::string firstLineLower(std::string_view head);
// The lower-cased column names of the first line of `head` (comma, tab or semicolon).
std::vector<std::string> headerColumns(std::string_view head);
// True when every name appears in the first line of `head` as a whole CSV column name.
bool headerHasColumns(std::string_view head, std::initializer_list<std::string_view> names);

// Items joined with ", " for a message, cut to about `maxChars` characters (each item to a
// quarter of that) so that a header line of a file that is not CSV is never quoted whole.
std::string shortList(const std::vector<std::string> &items, size_t maxChars = 200);

// Reports progress every few thousand records; false when the user cancelled.
bool reportProgress(ProgressSink &progress, std::int64_t records, std::int64_t bytesDone,
                    std::int64_t bytesTotal);

// The current row's cell in `column` (-1: the file lacks the column, an empty view).
std::string_view csvCell(const CsvReader &reader, int column);
// That cell as text: trimmed, empty when missing ("", NA, null), cleaned (a warning named
// `field` on the row when it was repaired).
std::string csvCellText(const CsvReader &reader, RecordSink &sink, int column,
                        std::string_view field);

// Cleans a text field (UTF-8, NFC) and records a warning on the row when it was repaired.
std::string cleanField(RecordSink &sink, std::int64_t line, std::string_view field,
                       std::string_view raw);

// "12", "12.0", " 7 " -> number; "" / "NA" / "null" / "absent" -> nullopt (not an error).
// `ok` is false when a value is present but not a number.
std::optional<std::int64_t> parseCount(std::string_view text, bool *ok = nullptr);
std::optional<double> parseReal(std::string_view text, bool *ok = nullptr);
bool isMissingValue(std::string_view text);
bool parseBool(std::string_view text);

// Python-style list literal from X archives: ['a', "b's"], [] ; `ok` false when malformed.
std::vector<std::string> parsePythonList(std::string_view text, bool *ok = nullptr);
// JSON array of strings (or of objects with a given string key).
std::vector<std::string> parseJsonStringList(std::string_view text, bool *ok = nullptr);

// Strips a leading '#' or '@' and surrounding space.
std::string stripSigil(std::string_view text, char sigil);

// Sets the kind from the reference ids: a repost wins, then a reply, then a quote (a reply
// that quotes stays a reply; its quoteOf is kept).
void setKindFromReferences(PostRecord &post);

// Checks latitude/longitude ranges; warns and clears them when out of range or half given.
void checkCoordinates(RecordSink &sink, std::int64_t line, std::optional<double> &latitude,
                      std::optional<double> &longitude);

} // namespace chorus
