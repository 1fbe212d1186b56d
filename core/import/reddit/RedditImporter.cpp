#include "import/reddit/RedditImporter.h"

#include "import/HtmlText.h"
#include "import/ImportSupport.h"
#include "import/JsonSupport.h"
#include "import/reddit/RedditText.h"
#include "text/TextCleaner.h"
#include "text/TimeParser.h"

#include <cmath>
#include <optional>

namespace chorus {

namespace {

constexpr const char *Platform = "reddit";
// The one account that every post of a deleted or removed author is kept under. It is not
// a person: networks and account signals should leave it out or treat it with care.
constexpr std::string_view DeletedAuthor = "[deleted]";

const char *kindOf(const JsonValue &value)
{
    if (value.isBool())
        return "a boolean";
    if (value.isArray())
        return "an array";
    if (value.isObject())
        return "an object";
    return value.isDouble() ? "a number" : "a string";
}

// Pushshift wrote created_utc as an integer, a float ("1706745600.0") or a string
// ("1251763200"), even within one file: all three are read.
std::optional<std::int64_t> epochSeconds(const JsonObject &o, std::string_view key,
                                         std::string &problem)
{
    const JsonValue value = o.value(key);
    std::string text;
    if (value.isUndefined() || value.isNull()) {
        problem = "missing timestamp";
        return std::nullopt;
    }
    if (value.isDouble()) {
        const double seconds = value.toDouble();
        if (std::isfinite(seconds) && seconds >= 0 && seconds < 1e15)
            text = std::to_string(std::int64_t(seconds));
    } else if (value.isString()) {
        text = value.toStdString();
    } else {
        problem =
            std::string("expected a timestamp (a number or a string), found ") + kindOf(value);
        return std::nullopt;
    }
    const std::optional<std::int64_t> when = parseTimestamp(text);
    if (!when)
        problem = "unrecognised timestamp '" +
                  (value.isString() ? text.substr(0, 40) : value.json(40)) + "'";
    return when;
}

// Reddit escapes '&', '<' and '>' in bodies, titles and URLs (&amp; &lt; &gt;).
std::string unescaped(std::string text)
{
    if (text.find('&') == std::string::npos)
        return text;
    return cleanText(decodeHtmlEntities(text));
}

bool isRemovedText(std::string_view text)
{
    return text.empty() || text == "[deleted]" || text == "[removed]";
}

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

class RecordReader
{
public:
    RecordReader(const JsonObject &o, std::int64_t line, RecordSink &sink)
        : m_o(o), m_line(line), m_sink(sink), m_fields(sink, line)
    {}

    void read()
    {
        const bool comment = m_o.contains("body");
        if (!comment && !m_o.contains("title")) {
            reject("body", "neither a comment (body) nor a submission (title)");
            return;
        }
        PostRecord p;
        if (!readIdentity(comment, p) || !readAuthor(p))
            return;
        if (comment)
            readComment(p);
        else
            readSubmission(p);
        p.mentions = scanUserMentions(p.text);
        m_sink.post(std::move(p));
    }

private:
    void reject(std::string_view field, std::string_view problem)
    {
        m_sink.reject(m_line, field, problem, jsonExcerpt(m_o));
    }

    bool readIdentity(bool comment, PostRecord &p)
    {
        const std::string_view prefix = comment ? "t1_" : "t3_";
        const std::string name = m_fields.text(m_o, "name");
        std::string problem;
        std::optional<std::string> id = m_fields.requiredId(m_o, "id", problem);
        if (!id && !startsWith(name, prefix)) {
            reject("id", problem);
            return false;
        }
        if (startsWith(name, prefix))
            p.platformId = name;
        else if (startsWith(*id, prefix))
            p.platformId = *id;
        else
            p.platformId = std::string(prefix) + *id;
        const std::optional<std::int64_t> when = epochSeconds(m_o, "created_utc", problem);
        if (!when) {
            reject("created_utc", problem);
            return false;
        }
        p.platform = Platform;
        p.createdAt = *when;
        p.line = m_line;
        return true;
    }

    bool readAuthor(PostRecord &p)
    {
        const JsonValue value = m_o.value("author");
        if (!value.isString()) {
            reject("author", value.isUndefined() || value.isNull()
                                 ? std::string("missing author")
                                 : std::string("expected a user name, found ") + kindOf(value));
            return false;
        }
        std::string author = m_fields.text(m_o, "author");
        const bool deleted = isRemovedText(author);
        AccountRecord &a = p.author;
        a.platform = Platform;
        a.platformId = deleted ? std::string(DeletedAuthor) : std::move(author);
        a.handle = a.platformId;
        if (!deleted && m_o.contains("author_created_utc") &&
            !m_o.value("author_created_utc").isNull()) {
            std::string problem;
            a.createdAt = epochSeconds(m_o, "author_created_utc", problem);
            if (!a.createdAt)
                m_fields.warn("author_created_utc", problem + "; left empty",
                              jsonExcerpt(m_o).substr(0, 120));
        }
        return true;
    }

    // A comment replies to its parent: a comment (t1_) or the submission (t3_).
    void readComment(PostRecord &p)
    {
        // A [deleted] or [removed] body is kept as it is: it shows that the comment was removed.
        p.text = unescaped(m_fields.text(m_o, "body"));
        p.replyTo = m_fields.id(m_o, "parent_id");
        if (p.replyTo.empty())
            p.replyTo = m_fields.id(m_o, "link_id");
        if (p.replyTo.empty())
            m_fields.warn("parent_id", "missing; the comment is kept as a post",
                          jsonExcerpt(m_o).substr(0, 120));
        p.kind = p.replyTo.empty() ? PostKind::Post : PostKind::Reply;
        p.urls = scanUrls(p.text);
    }

    void readSubmission(PostRecord &p)
    {
        p.text = unescaped(m_fields.text(m_o, "title"));
        const std::string selftext = unescaped(m_fields.text(m_o, "selftext"));
        if (!isRemovedText(selftext))
            p.text += "\n\n" + selftext;
        p.urls = scanUrls(p.text);
        // A link post's URL; a self post's `url` is its own comments page.
        const bool self = m_o.value("is_self").toBool(false);
        const std::string url = unescaped(m_fields.text(m_o, "url"));
        const std::string ownPage = "/comments/" + p.platformId.substr(3);
        if (!self && (startsWith(url, "http://") || startsWith(url, "https://")) &&
            url.find(ownPage) == std::string::npos) {
            for (const std::string &known : p.urls)
                if (known == url)
                    return;
            p.urls.push_back(url);
        }
    }

    const JsonObject &m_o;
    std::int64_t m_line;
    RecordSink &m_sink;
    JsonFields m_fields;
};

} // namespace

int RedditImporter::detect(std::string_view head) const
{
    const JsonHead json = readJsonHead(head);
    if (!json.isJson)
        return 0;
    if (json.hasKey("nav_index") || json.hasKey("source_platform")) // Zeeschuimer items: 4CAT's
        return 0;
    // Dumps write keys in alphabetical order: a long body or selftext may hide the later ones
    // (created_utc, subreddit) from a head that ends inside it, so any of the Reddit-only
    // keys will do.
    const bool text = json.hasKey("body") || json.hasKey("title") || json.hasKey("selftext");
    const bool reddit = json.hasKey("subreddit") || json.hasKey("subreddit_id") ||
                        json.hasKey("link_id") || json.hasKey("author_fullname") ||
                        json.hasKey("author_flair_css_class") || json.hasKey("num_comments") ||
                        json.hasKey("permalink");
    return json.hasKey("author") && text && reddit ? 90 : 0;
}

Status RedditImporter::read(QIODevice &in, const std::string &, const ImportOptions &,
                            RecordSink &sink, ProgressSink &progress)
{
    return readJsonObjects(in, sink, progress, [&](const JsonObject &record, std::int64_t line) {
        RecordReader(record, line, sink).read();
    });
}

} // namespace chorus
