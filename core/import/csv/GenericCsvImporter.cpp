#include "import/csv/GenericCsvImporter.h"

#include "import/CsvReader.h"
#include "import/ImportSupport.h"
#include "text/TextCleaner.h"
#include "text/TimeParser.h"

#include <QIODevice>

#include <algorithm>
#include <array>

namespace chorus {

namespace {

enum Role {
    Author,
    Time,
    Text,
    PostId,
    Handle,
    RepostOf,
    ReplyTo,
    QuoteOf,
    Url,
    Hashtag,
    Mention,
    Location,
    Lang,
    Created,
    Latitude,
    Longitude,
    RoleCount
};

constexpr std::array<const char *, RoleCount> RoleNames = {
    "author", "time",    "text",    "post_id",  "handle", "repost_of", "reply_to", "quote_of",
    "url",    "hashtag", "mention", "location", "lang",   "created",   "latitude", "longitude"};

std::string joined(const std::vector<std::string> &items)
{
    std::string text;
    for (const std::string &item : items)
        text += (text.empty() ? "" : ", ") + item;
    return text;
}

// The mapped column of each role, with the name as the file writes it (for problem reports).
struct Mapping
{
    std::array<int, RoleCount> column{};
    std::array<std::string, RoleCount> name;
};

Result<Mapping> resolveMapping(const ImportOptions &options, const CsvHeader &header,
                               const std::vector<std::string> &originalNames)
{
    Mapping mapping;
    mapping.column.fill(-1);
    const std::string columns = "the file's columns are: " + shortList(originalNames);
    for (const auto &[role, column] : options.mapping) {
        const auto found = std::find(RoleNames.begin(), RoleNames.end(), role);
        if (found == RoleNames.end())
            return Error{"unknown role '" + role +
                         "' in --map (roles: " + joined(GenericCsvImporter::roles()) + ")"};
        const int index = header.index(column);
        if (index < 0)
            return Error{"column '" + column + "' (mapped to role '" + role +
                         "') is not in the header; " + columns};
        const size_t r = size_t(found - RoleNames.begin());
        mapping.column[r] = index;
        mapping.name[r] = originalNames[size_t(index)];
    }
    for (const Role required : {Author, Time})
        if (mapping.column[required] < 0)
            return Error{std::string("the csv format needs the role '") + RoleNames[required] +
                         "': add --map " + RoleNames[required] + "=COLUMN (" + columns + ")"};
    return mapping;
}

// Only empty cells and R's NA are missing: "None" or "null" may be real text.
bool isMissing(std::string_view value)
{
    value = trimmed(value);
    return value.empty() || value == "NA";
}

// A cell of several values: a JSON or Python list, or values separated by spaces, commas or
// semicolons.
std::vector<std::string> splitValues(std::string_view cell, char sigil)
{
    cell = trimmed(cell);
    std::vector<std::string> values;
    if (isMissing(cell))
        return values;
    if (cell.front() == '[') {
        bool ok = true;
        values = parseJsonStringList(cell, &ok);
        if (!ok)
            values = parsePythonList(cell, &ok);
        if (ok) {
            for (std::string &value : values)
                value = sigil ? stripSigil(value, sigil) : std::string(trimmed(value));
            std::erase_if(values, [](const std::string &v) { return v.empty(); });
            return values;
        }
    }
    size_t start = 0;
    while (start < cell.size()) {
        const size_t end = cell.find_first_of(" ,;\t\r\n", start);
        const std::string_view token = cell.substr(start, end - start);
        std::string value = sigil ? stripSigil(token, sigil) : std::string(token);
        if (!value.empty())
            values.push_back(std::move(value));
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
    return values;
}

class RowReader
{
public:
    RowReader(const CsvReader &reader, const Mapping &mapping, RecordSink &sink)
        : m_reader(reader), m_mapping(mapping), m_sink(sink), m_line(reader.line())
    {}
    std::string_view raw(Role role) const
    {
        const int column = m_mapping.column[role];
        return column < 0 ? std::string_view() : m_reader.field(size_t(column));
    }
    std::string value(Role role) const
    {
        const std::string_view v = raw(role);
        return isMissing(v) ? std::string() : cleanField(m_sink, m_line, name(role), trimmed(v));
    }
    std::vector<std::string> values(Role role, char sigil) const
    {
        std::vector<std::string> items = splitValues(raw(role), sigil);
        for (std::string &item : items)
            item = cleanField(m_sink, m_line, name(role), item);
        return items;
    }
    std::optional<double> real(Role role) const
    {
        if (isMissing(raw(role)))
            return std::nullopt;
        bool ok = true;
        const std::optional<double> number = parseReal(raw(role), &ok);
        if (!ok)
            m_sink.warn(m_line, name(role), "not a number; ignored", raw(role));
        return number;
    }
    const std::string &name(Role role) const { return m_mapping.name[role]; }
    std::int64_t line() const { return m_line; }

private:
    const CsvReader &m_reader;
    const Mapping &m_mapping;
    RecordSink &m_sink;
    std::int64_t m_line;
};

AccountRecord readAuthor(const RowReader &row, RecordSink &sink)
{
    AccountRecord a;
    a.platform = "csv";
    a.platformId = row.value(Author);
    a.handle = stripSigil(row.value(Handle), '@');
    a.location = row.value(Location);
    const std::string created = row.value(Created);
    if (!created.empty()) {
        a.createdAt = parseTimestamp(created);
        if (!a.createdAt)
            sink.warn(row.line(), row.name(Created), "unrecognised date; left empty", created);
    }
    return a;
}

// One data row: a post, or a rejected row naming the file's column.
void readRow(const CsvReader &reader, const Mapping &map, const std::string &fileName,
             RecordSink &sink)
{
    const RowReader row(reader, map, sink);
    const std::int64_t line = row.line();
    PostRecord p;
    p.line = line;
    p.platform = "csv";
    p.author = readAuthor(row, sink);
    if (p.author.platformId.empty()) {
        sink.reject(line, row.name(Author), "missing author", reader.excerpt());
        return;
    }
    const std::string_view time = trimmed(row.raw(Time));
    const std::optional<std::int64_t> when = parseTimestamp(time);
    if (!when) {
        sink.reject(line, row.name(Time),
                    time.empty()
                        ? std::string("missing time")
                        : "unrecognised timestamp '" + std::string(time.substr(0, 40)) + "'",
                    reader.excerpt());
        return;
    }
    p.createdAt = *when;
    if (map.column[PostId] >= 0) {
        p.platformId = row.value(PostId);
        if (p.platformId.empty()) {
            sink.reject(line, row.name(PostId), "missing post id", reader.excerpt());
            return;
        }
    } else {
        // Without ids, the row's place in the file names the post: a re-import of the
        // same file then finds its posts again.
        p.platformId = fileName + ":" + std::to_string(line);
    }
    if (!isMissing(row.raw(Text)))
        p.text = cleanField(sink, line, row.name(Text), row.raw(Text));
    p.language = row.value(Lang);
    p.repostOf = row.value(RepostOf);
    p.replyTo = row.value(ReplyTo);
    p.quoteOf = row.value(QuoteOf);
    setKindFromReferences(p);
    p.urls = row.values(Url, 0);
    p.hashtags = row.values(Hashtag, '#');
    p.mentions = row.values(Mention, '@');
    p.latitude = row.real(Latitude);
    p.longitude = row.real(Longitude);
    checkCoordinates(sink, line, p.latitude, p.longitude);
    sink.post(std::move(p));
}

} // namespace

const std::vector<std::string> &GenericCsvImporter::roles()
{
    static const std::vector<std::string> names(RoleNames.begin(), RoleNames.end());
    return names;
}

Status GenericCsvImporter::read(QIODevice &in, const std::string &fileName,
                                const ImportOptions &options, RecordSink &sink,
                                ProgressSink &progress)
{
    CsvReader reader(in);
    if (!reader.next())
        return Error{"the file is empty"};
    const CsvHeader header(reader);
    std::vector<std::string> originalNames = reader.fieldsCopy();
    for (std::string &name : originalNames)
        name = cleanText(trimmed(name));
    const Result<Mapping> mapping = resolveMapping(options, header, originalNames);
    if (!mapping)
        return mapping.error();
    return forEachCsvRow(reader, header.size(), in.size(), sink, progress,
                         [&] { readRow(reader, mapping.value(), fileName, sink); });
}

} // namespace chorus
