#include "import/x/TwarcCsvImporter.h"

#include "import/CsvReader.h"
#include "import/ImportSupport.h"
#include "import/JsonSupport.h"
#include "text/TextCleaner.h"
#include "text/TimeParser.h"

#include <QIODevice>

#include <algorithm>

namespace chorus {

namespace {

// Column indexes by name; -1 when the file lacks the column.
class Row
{
public:
    Row(const CsvReader &reader, const CsvHeader &header, RecordSink &sink)
        : m_reader(reader), m_header(header), m_sink(sink)
    {}
    std::string_view raw(std::string_view column) const
    {
        return csvCell(m_reader, m_header.index(column));
    }
    std::string value(std::string_view column) const
    {
        return csvCellText(m_reader, m_sink, m_header.index(column), column);
    }
    std::optional<std::int64_t> count(std::string_view column) const
    {
        bool ok = true;
        const std::optional<std::int64_t> n = parseCount(raw(column), &ok);
        if (!ok)
            m_sink.warn(line(), column, "not a whole number; ignored", raw(column));
        return n;
    }
    std::vector<std::string> list(std::string_view column, std::string_view key,
                                  std::string_view fallback, char sigil) const
    {
        bool ok = true;
        std::vector<std::string> items =
            parseJsonEntityCell(raw(column), key, fallback, sigil, &ok);
        if (!ok)
            m_sink.warn(line(), column, "not a JSON list; ignored", raw(column));
        return items;
    }
    std::int64_t line() const { return m_reader.line(); }

private:
    const CsvReader &m_reader;
    const CsvHeader &m_header;
    RecordSink &m_sink;
};

// twarc-csv writes each newline in a text as the two characters '\' 'n'.
std::string unescapeNewlines(std::string_view text)
{
    std::string result;
    result.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == 'n') {
            result += '\n';
            ++i;
        } else {
            result += text[i];
        }
    }
    return result;
}

AccountRecord readAuthor(const Row &row, RecordSink &sink)
{
    AccountRecord a;
    a.platform = "x";
    a.platformId = row.value("author_id");
    a.handle = stripSigil(row.value("author.username"), '@');
    a.displayName = row.value("author.name");
    a.location = row.value("author.location");
    a.bio = unescapeNewlines(row.value("author.description"));
    a.followers = row.count("author.public_metrics.followers_count");
    a.following = row.count("author.public_metrics.following_count");
    a.postCount = row.count("author.public_metrics.tweet_count");
    const std::string created = row.value("author.created_at");
    if (!created.empty()) {
        a.createdAt = parseTimestamp(created);
        if (!a.createdAt)
            sink.warn(row.line(), "author.created_at", "unrecognised date; left empty", created);
    }
    return a;
}

void readCoordinates(const Row &row, RecordSink &sink, PostRecord &p)
{
    const std::string_view cell = trimmed(row.raw("geo.coordinates.coordinates"));
    if (isMissingValue(cell))
        return;
    // One parser per thread: the cell is on every row of a geotagged file.
    thread_local JsonDocument document;
    std::string error;
    bool repaired = false;
    const JsonValue point = document.parse(cell, error, repaired) && document.root().isArray()
                                ? document.root()
                                : JsonValue();
    if (point.isUndefined()) {
        sink.warn(row.line(), "geo.coordinates.coordinates",
                  "expected a point [longitude, latitude]; ignored",
                  std::string(cell.substr(0, 60)));
        return;
    }
    JsonFields(sink, row.line())
        .point(point, "geo.coordinates.coordinates", p.latitude, p.longitude);
}

// One data row: a post, or a rejected row naming the field.
void readRow(const CsvReader &reader, const CsvHeader &header, RecordSink &sink)
{
    const Row row(reader, header, sink);
    const std::int64_t line = reader.line();
    PostRecord p;
    p.line = line;
    p.platform = "x";
    p.platformId = row.value("id");
    if (p.platformId.empty()) {
        sink.reject(line, "id", "missing tweet id", reader.excerpt());
        return;
    }
    p.author = readAuthor(row, sink);
    if (p.author.platformId.empty()) {
        sink.reject(line, "author_id", "missing author id", reader.excerpt());
        return;
    }
    const std::string_view time = trimmed(row.raw("created_at"));
    const std::optional<std::int64_t> when = parseTimestamp(time);
    if (!when) {
        sink.reject(line, "created_at",
                    "unrecognised timestamp '" + std::string(time.substr(0, 40)) + "'",
                    reader.excerpt());
        return;
    }
    p.createdAt = *when;
    p.text = cleanField(sink, line, "text", unescapeNewlines(row.raw("text")));
    p.language = row.value("lang");
    p.replyTo = row.value("referenced_tweets.replied_to.id");
    p.repostOf = row.value("referenced_tweets.retweeted.id");
    p.quoteOf = row.value("referenced_tweets.quoted.id");
    setKindFromReferences(p);
    p.hashtags = row.list("entities.hashtags", "tag", {}, '#');
    p.mentions = row.list("entities.mentions", "username", {}, '@');
    p.urls = row.list("entities.urls", "expanded_url", "url", 0);
    readCoordinates(row, sink, p);
    sink.post(std::move(p));
}

} // namespace

int TwarcCsvImporter::detect(std::string_view head) const
{
    if (!headerHasColumns(head, {"id", "author_id", "text", "created_at"}))
        return 0;
    const std::vector<std::string> columns = headerColumns(head);
    const bool dotted = std::any_of(columns.begin(), columns.end(), [](const std::string &c) {
        return c.rfind("author.", 0) == 0 || c.rfind("public_metrics.", 0) == 0;
    });
    return dotted ? 95 : 0;
}

Status TwarcCsvImporter::read(QIODevice &in, const std::string &, const ImportOptions &,
                              RecordSink &sink, ProgressSink &progress)
{
    CsvReader reader(in);
    if (!reader.next())
        return Error{"the file is empty"};
    const CsvHeader header(reader);
    if (const std::string missing = header.firstMissing({"id", "author_id", "created_at", "text"});
        !missing.empty())
        return Error{"not a twarc-csv file: column '" + missing + "' is missing"};
    return forEachCsvRow(reader, header.size(), in.size(), sink, progress,
                         [&] { readRow(reader, header, sink); });
}

} // namespace chorus
