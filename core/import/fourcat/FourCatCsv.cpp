#include "import/fourcat/FourCatCsv.h"

#include "import/CsvReader.h"
#include "import/ImportSupport.h"
#include "import/TextEntities.h"
#include "text/TextCleaner.h"
#include "text/TimeParser.h"

#include <QIODevice>

#include <algorithm>

namespace chorus {

namespace {

struct Columns
{
    explicit Columns(const CsvHeader &h)
        : id(h.index("id")), thread(h.index("thread_id")), parent(h.index("parent_id")),
          author(h.index("author")), authorId(h.index("author_id")),
          authorName(firstOf(h, {"author_fullname", "author_full", "author_name"})),
          body(h.index("body")), timestamp(h.index("timestamp")),
          unixTimestamp(h.index("unix_timestamp")),
          platform(firstOf(h, {"platform", "source_platform"})), hashtags(h.index("hashtags")),
          mentions(firstOf(h, {"mentions", "mentioned"})), urls(h.index("urls"))
    {}
    static int firstOf(const CsvHeader &h, std::initializer_list<std::string_view> names)
    {
        for (const std::string_view name : names)
            if (h.has(name))
                return h.index(name);
        return -1;
    }
    int id, thread, parent, author, authorId, authorName, body, timestamp, unixTimestamp, platform,
        hashtags, mentions, urls;
};

// The platform names of Chorus's importers for the values 4CAT and Zeeschuimer use.
std::string platformName(std::string_view raw)
{
    std::string value = asciiLower(trimmed(raw));
    if (value.rfind("www.", 0) == 0)
        value.erase(0, 4);
    static constexpr std::pair<std::string_view, std::string_view> Names[] = {
        {"twitter.com", "x"},
        {"x.com", "x"},
        {"twitter", "x"},
        {"twitter-import", "x"},
        {"tiktok.com", "tiktok"},
        {"tiktok-comments", "tiktok"},
        {"instagram.com", "instagram"},
        {"linkedin.com", "linkedin"},
        {"facebook.com", "facebook"},
        {"reddit.com", "reddit"},
        {"youtube.com", "youtube"},
        {"t.me", "telegram"},
        {"bsky.app", "bluesky"},
        {"threads.net", "threads"},
    };
    for (const auto &[from, to] : Names)
        if (value == from)
            return std::string(to);
    return value.empty() ? std::string("4cat") : value;
}

// "a, #b,c" -> {"a", "b", "c"}, each once.
std::vector<std::string> splitList(std::string_view cell, char sigil)
{
    std::vector<std::string> items;
    while (!cell.empty()) {
        const size_t comma = cell.find(',');
        std::string item = stripSigil(cell.substr(0, comma), sigil);
        if (!item.empty() && std::find(items.begin(), items.end(), item) == items.end())
            items.push_back(std::move(item));
        cell = comma == std::string_view::npos ? std::string_view() : cell.substr(comma + 1);
    }
    return items;
}

// URLs joined with ',' where a URL may itself hold commas: a piece that does not start a
// new URL belongs to the one before.
std::vector<std::string> splitUrls(std::string_view cell)
{
    std::vector<std::string> urls;
    for (const std::string &piece : splitList(cell, 0)) {
        const bool starts = piece.rfind("http://", 0) == 0 || piece.rfind("https://", 0) == 0 ||
                            piece.rfind("www.", 0) == 0;
        if (!starts && !urls.empty())
            urls.back() += "," + piece;
        else
            urls.push_back(piece);
    }
    return urls;
}

class RowReader
{
public:
    RowReader(const CsvReader &reader, const Columns &c, RecordSink &sink)
        : m_reader(reader), m_c(c), m_sink(sink), m_line(reader.line())
    {}

    void read() const
    {
        PostRecord p;
        p.line = m_line;
        p.platformId = value(m_c.id, "id");
        if (p.platformId.empty())
            return reject("id", "missing id");
        p.platform = platformName(raw(m_c.platform));
        const std::optional<std::int64_t> when = time();
        if (!when)
            return reject("timestamp", "unrecognised timestamp '" +
                                           std::string(trimmed(raw(m_c.timestamp)).substr(0, 40)) +
                                           "'");
        p.createdAt = *when;
        p.author.platform = p.platform;
        p.author.handle = value(m_c.author, "author");
        p.author.platformId = value(m_c.authorId, "author_id");
        if (p.author.platformId.empty())
            p.author.platformId = p.author.handle;
        if (p.author.platformId.empty())
            return reject("author", "missing author");
        p.author.displayName = value(m_c.authorName, "author_fullname");
        p.text = cleanField(m_sink, m_line, "body", raw(m_c.body));

        std::string parent = value(m_c.parent, "parent_id");
        if (parent.empty() || parent == p.platformId)
            parent = value(m_c.thread, "thread_id");
        if (!parent.empty() && parent != p.platformId) {
            p.replyTo = std::move(parent);
            p.kind = PostKind::Reply;
        }

        TextEntities scanned;
        if (m_c.hashtags < 0 || m_c.mentions < 0)
            scanned = scanTextEntities(p.text);
        p.hashtags = m_c.hashtags < 0 ? std::move(scanned.hashtags)
                                      : splitList(value(m_c.hashtags, "hashtags"), '#');
        p.mentions = m_c.mentions < 0 ? std::move(scanned.mentions)
                                      : splitList(value(m_c.mentions, "mentions"), '@');
        p.urls = splitUrls(value(m_c.urls, "urls"));
        m_sink.post(std::move(p));
    }

private:
    std::string_view raw(int column) const { return csvCell(m_reader, column); }
    std::string value(int column, std::string_view name) const
    {
        return csvCellText(m_reader, m_sink, column, name);
    }
    void reject(std::string_view field, const std::string &reason) const
    {
        m_sink.reject(m_line, field, reason, m_reader.excerpt());
    }
    std::optional<std::int64_t> time() const
    {
        const std::string_view epoch = trimmed(raw(m_c.unixTimestamp));
        if (!epoch.empty() && epoch.find_first_not_of("0123456789.") == std::string_view::npos)
            if (const std::optional<std::int64_t> when = parseTimestamp(epoch))
                return when;
        return parseTimestamp(raw(m_c.timestamp));
    }

    const CsvReader &m_reader;
    const Columns &m_c;
    RecordSink &m_sink;
    std::int64_t m_line;
};

} // namespace

Status readFourCatCsv(QIODevice &in, RecordSink &sink, ProgressSink &progress)
{
    CsvReader reader(in);
    if (!reader.next())
        return Error{"the file is empty"};
    const CsvHeader header(reader);
    if (const std::string missing =
            header.firstMissing({"id", "thread_id", "author", "body", "timestamp"});
        !missing.empty())
        return Error{"not a 4CAT CSV: column '" + missing + "' is missing"};
    const Columns columns(header);
    return forEachCsvRow(reader, header.size(), in.size(), sink, progress,
                         [&] { RowReader(reader, columns, sink).read(); });
}

} // namespace chorus
