#include "import/crowdtangle/CrowdTangleImporter.h"

#include "import/CsvReader.h"
#include "import/ImportSupport.h"
#include "import/TextEntities.h"
#include "import/crowdtangle/CrowdTangleValues.h"
#include "text/TextCleaner.h"

#include <QIODevice>

#include <algorithm>

namespace chorus {

namespace {

// Column positions (-1 when absent), with the names as CrowdTangle spells them for messages.
struct Columns
{
    explicit Columns(const CsvHeader &h)
        : instagram(!h.has("facebook id") && !h.has("page name") && !h.has("group name") &&
                    h.has("account")),
          postId(firstOf(h, {"post id", "post_id", "facebook post id"})), url(h.index("url")),
          created(h.index("post created")), facebookId(h.index("facebook id")),
          userName(h.index("user name")),
          name(instagram ? h.index("account") : firstOf(h, {"page name", "group name"})),
          nameColumn(instagram            ? "Account"
                     : h.has("page name") ? "Page Name"
                                          : "Group Name"),
          bio(h.index("page description")), country(h.index("page admin top country")),
          pageCreated(h.index("page created")), followers(h.index("followers at posting")),
          message(h.index(instagram ? "description" : "message")),
          linkText(instagram ? h.index("title") : h.index("link text")),
          description(instagram ? -1 : h.index("description")), link(h.index("link")),
          finalLink(h.index("final link"))
    {}

    static int firstOf(const CsvHeader &h, std::initializer_list<std::string_view> names)
    {
        for (const std::string_view name : names)
            if (h.has(name))
                return h.index(name);
        return -1;
    }

    bool instagram;
    int postId, url, created, facebookId, userName, name;
    const char *nameColumn;
    int bio, country, pageCreated, followers, message, linkText, description, link, finalLink;
};

class RowReader
{
public:
    RowReader(const CsvReader &reader, const Columns &c, RecordSink &sink)
        : m_reader(reader), m_c(c), m_sink(sink), m_line(reader.line())
    {}

    void read()
    {
        PostRecord p;
        p.line = m_line;
        p.platform = m_c.instagram ? "instagram" : "facebook";
        const std::string url = value(m_c.url, "URL");
        p.platformId = value(m_c.postId, "Post Id");
        if (p.platformId.empty())
            p.platformId = cleanText(postIdFromUrl(url));
        if (p.platformId.empty())
            p.platformId = url;
        if (p.platformId.empty())
            return reject("URL", "missing post URL");

        const std::string_view created = trimmed(raw(m_c.created));
        const ZonedTime when = parseZonedTime(created);
        if (!when.utc)
            return reject("Post Created",
                          "unrecognised timestamp '" + std::string(created.substr(0, 40)) + "'");
        if (!when.zoneKnown)
            m_sink.warn(m_line, "Post Created",
                        "unknown time zone '" + when.zone.substr(0, 12) + "'; time read as UTC",
                        created);
        p.createdAt = *when.utc;

        p.author = account();
        if (p.author.platformId.empty())
            return reject(m_c.instagram ? "User Name" : "Facebook Id", "missing account id");

        p.text = m_c.instagram ? firstNonEmpty(m_c.message, "Description", m_c.linkText, "Title")
                               : facebookText();
        TextEntities entities = scanTextEntities(p.text);
        p.hashtags = std::move(entities.hashtags);
        p.mentions = std::move(entities.mentions);
        addUrl(p.urls, value(m_c.link, "Link"), url);
        addUrl(p.urls, value(m_c.finalLink, "Final Link"), url);
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

    AccountRecord account() const
    {
        AccountRecord a;
        a.platform = m_c.instagram ? "instagram" : "facebook";
        a.handle = value(m_c.userName, "User Name");
        a.displayName = value(m_c.name, m_c.nameColumn);
        if (m_c.instagram) {
            a.platformId = a.handle;
        } else {
            bool rounded = false;
            a.platformId = cleanText(cleanIdCell(raw(m_c.facebookId), rounded));
            if (rounded)
                m_sink.warn(m_line, "Facebook Id",
                            "written in scientific notation (the file went through a "
                            "spreadsheet?): its digits are lost; kept as written",
                            a.platformId);
            if (a.platformId.empty())
                a.platformId = a.handle;
            a.bio = value(m_c.bio, "Page Description");
            a.location = value(m_c.country, "Page Admin Top Country");
            const std::string_view pageCreated = trimmed(raw(m_c.pageCreated));
            if (!isMissingValue(pageCreated)) {
                const ZonedTime when = parseZonedTime(pageCreated);
                if (!when.utc)
                    m_sink.warn(m_line, "Page Created", "unrecognised date; left empty",
                                pageCreated);
                else if (!when.zoneKnown)
                    m_sink.warn(m_line, "Page Created",
                                "unknown time zone '" + when.zone.substr(0, 12) +
                                    "'; time read as UTC",
                                pageCreated);
                a.createdAt = when.utc;
            }
        }
        const std::string_view followers = raw(m_c.followers);
        const LocaleCount count = parseLocaleCount(followers);
        if (count.ambiguous)
            m_sink.warn(m_line, "Followers at Posting",
                        "a count with a fraction (decimal comma or a cut-off number?); left "
                        "empty",
                        followers);
        else if (count.bad)
            m_sink.warn(m_line, "Followers at Posting", "not a whole number; left empty",
                        followers);
        a.followers = count.value;
        return a;
    }

    std::string firstNonEmpty(int first, std::string_view firstName, int second,
                              std::string_view secondName) const
    {
        std::string text = cleanField(m_sink, m_line, firstName, raw(first));
        if (trimmed(text).empty())
            text = cleanField(m_sink, m_line, secondName, raw(second));
        return text;
    }

    std::string facebookText() const
    {
        std::string text = cleanField(m_sink, m_line, "Message", raw(m_c.message));
        if (!trimmed(text).empty())
            return text;
        // A shared link without a comment: what the link preview showed.
        text.clear();
        for (const auto &[column, name] :
             {std::pair{m_c.linkText, "Link Text"}, std::pair{m_c.description, "Description"}}) {
            const std::string part = cleanField(m_sink, m_line, name, trimmed(raw(column)));
            if (part.empty())
                continue;
            if (!text.empty())
                text += '\n';
            text += part;
        }
        return text;
    }

    static void addUrl(std::vector<std::string> &urls, std::string link, const std::string &post)
    {
        const auto bare = [](std::string_view u) {
            while (!u.empty() && u.back() == '/')
                u.remove_suffix(1);
            return u;
        };
        if (link.empty() || bare(link) == bare(post) ||
            std::find(urls.begin(), urls.end(), link) != urls.end())
            return;
        urls.push_back(std::move(link));
    }

    const CsvReader &m_reader;
    const Columns &m_c;
    RecordSink &m_sink;
    std::int64_t m_line;
};

} // namespace

int CrowdTangleImporter::detect(std::string_view head) const
{
    if (!headerHasColumns(head, {"post created", "url"}))
        return 0;
    const std::vector<std::string> columns = headerColumns(head);
    const auto has = [&](std::string_view name) {
        return std::find(columns.begin(), columns.end(), name) != columns.end();
    };
    if (has("facebook id") || has("page name") || has("group name") ||
        (has("account") && has("user name")))
        return 95;
    return 0;
}

Status CrowdTangleImporter::read(QIODevice &in, const std::string &, const ImportOptions &,
                                 RecordSink &sink, ProgressSink &progress)
{
    CsvReader reader(in);
    if (!reader.next())
        return Error{"the file is empty"};
    const CsvHeader header(reader);
    if (const std::string missing = header.firstMissing({"post created"}); !missing.empty())
        return Error{"not a CrowdTangle export: column 'Post Created' is missing"};
    if (!header.has("url") && !header.has("post id") && !header.has("post_id"))
        return Error{"not a CrowdTangle export: column 'URL' is missing"};
    const Columns columns(header);
    if (!columns.instagram && !header.has("facebook id") && !header.has("user name"))
        return Error{"not a CrowdTangle export: neither 'Facebook Id' nor 'User Name' (Facebook) "
                     "nor 'Account' (Instagram) is there"};
    return forEachCsvRow(reader, header.size(), in.size(), sink, progress,
                         [&] { RowReader(reader, columns, sink).read(); });
}

} // namespace chorus
