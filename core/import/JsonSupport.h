#pragma once

#include "common/Error.h"
#include "common/Progress.h"
#include "import/Importer.h"
#include "import/JsonView.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

class QIODevice;

namespace chorus {

// Streams the objects of a JSON Lines file or top-level JSON array to `handle`, with the
// record's line; a line that holds an array (one API page per line) gives its objects. A
// record that is not a JSON object is rejected (field "(record)") and reading goes on. A file
// that ends inside a record (an interrupted capture) keeps every complete record; the cut-off
// one is rejected, so that --strict still fails the file. `object` is valid during the call.
using JsonObjectHandler = std::function<void(const JsonObject &object, std::int64_t line)>;
// Sees each record's raw bytes before it is parsed; true when the caller has dealt with the
// record (a Jetstream capture counts its likes without parsing them), false to parse it.
using JsonRawFilter = std::function<bool(std::string_view raw, std::int64_t line)>;
struct JsonObjectsOptions
{
    JsonRawFilter takeUnparsed;
};
Status readJsonObjects(QIODevice &in, RecordSink &sink, ProgressSink &progress,
                       const JsonObjectHandler &handle, const JsonObjectsOptions &options = {});

// The first record of a JSON export's head, for detect(): `complete` is false when the head
// ends inside it (a twarc2 page can be far longer than the head), or it is not an object.
struct JsonHead
{
    bool isJson = false; // starts with '{' or '['
    bool complete = false;
    JsonObject first; // valid while this JsonHead lives
    std::shared_ptr<JsonDocument> document;
    std::string_view raw; // the head after the opening '['
    // Whether `key` is a key of the first record, or (incomplete) appears as a key anywhere.
    bool hasKey(std::string_view key) const;
    // Whether `key` appears as a key anywhere in the head, nested ones included.
    bool hasKeyAnywhere(std::string_view key) const;
    // Whether a member `key` anywhere in the head has a string value that starts with
    // `valuePrefix` ("kind": "youtube#comment...").
    bool hasStringMember(std::string_view key, std::string_view valuePrefix) const;
};
JsonHead readJsonHead(std::string_view head);

// A short compact excerpt of an object for problem reports.
std::string jsonExcerpt(const JsonObject &object);

// Reads the fields of one JSON object for an importer. Optional fields of the wrong type are
// warned about (named with the prefix, "user.followers_count") and read as absent; required
// fields are the caller's to reject.
class JsonFields
{
public:
    JsonFields(RecordSink &sink, std::int64_t line, std::string prefix = {})
        : m_sink(sink), m_line(line), m_prefix(std::move(prefix))
    {}
    JsonFields nested(std::string_view key) const;
    std::string name(std::string_view key) const;

    // Cleaned text; empty when absent or null.
    std::string text(const JsonObject &o, std::string_view key) const;
    // An id written as a string or as an integer; empty when absent.
    std::string id(const JsonObject &o, std::string_view key) const;
    // A count written as a number or a numeric string.
    std::optional<std::int64_t> count(const JsonObject &o, std::string_view key) const;
    JsonObject object(const JsonObject &o, std::string_view key) const;
    JsonArray array(const JsonObject &o, std::string_view key) const;
    // A timestamp that may be missing; an unreadable one is warned about.
    std::optional<std::int64_t> time(const JsonObject &o, std::string_view key) const;

    // A required id: nullopt and `problem` set when absent or of the wrong type.
    std::optional<std::string> requiredId(const JsonObject &o, std::string_view key,
                                          std::string &problem) const;
    // A required timestamp: nullopt and `problem` set when absent or unreadable.
    std::optional<std::int64_t> requiredTime(const JsonObject &o, std::string_view key,
                                             std::string &problem) const;

    // The `key` strings of an array of entity objects (hashtags, mentions, urls), or the
    // `fallback` key's when `key` is missing; plain strings are taken as they are. `sigil`
    // ('#', '@' or 0) is stripped.
    std::vector<std::string> entities(const JsonArray &items, std::string_view arrayName,
                                      std::string_view key, std::string_view fallback = {},
                                      char sigil = 0) const;
    // A GeoJSON point {type: Point, coordinates: [lon, lat]}, or a bare [lon, lat] array.
    void point(const JsonValue &value, std::string_view key, std::optional<double> &latitude,
               std::optional<double> &longitude) const;

    void warn(std::string_view key, std::string_view reason, std::string_view excerpt) const;

private:
    RecordSink &m_sink;
    std::int64_t m_line;
    std::string m_prefix;
};

// The value of `key` in a JSON array of entity objects held in a CSV cell (twarc-csv):
// ["#tag", ...] or [{"tag": ...}, ...]; `ok` false when the cell is not such a list.
std::vector<std::string> parseJsonEntityCell(std::string_view cell, std::string_view key,
                                             std::string_view fallback, char sigil, bool *ok);

} // namespace chorus
