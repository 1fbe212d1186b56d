#include "import/x/TwitterV1Importer.h"

#include "import/x/TwitterV2Tweet.h"

#include "import/ImportSupport.h"
#include "import/JsonSupport.h"

namespace chorus {

namespace {

// Retweets of quotes of retweets...: real data nests two levels; more is a malformed file.
constexpr int MaxEmbedding = 3;

std::string idOf(const JsonObject &o, const JsonFields &fields, std::string_view stringKey,
                 std::string_view numberKey)
{
    std::string id = fields.id(o, stringKey);
    return id.empty() ? fields.id(o, numberKey) : id;
}

} // namespace

AccountRecord readV1User(const JsonObject &user, const JsonFields &fields)
{
    AccountRecord a;
    a.platform = "x";
    a.platformId = idOf(user, fields, "id_str", "id");
    a.handle = fields.text(user, "screen_name");
    a.displayName = fields.text(user, "name");
    a.location = fields.text(user, "location");
    a.bio = fields.text(user, "description");
    a.language = fields.text(user, "lang");
    a.createdAt = fields.time(user, "created_at");
    a.followers = fields.count(user, "followers_count");
    a.following = fields.count(user, "friends_count");
    a.postCount = fields.count(user, "statuses_count");
    return a;
}

namespace {

// Extended (280-character) tweets keep a truncated `text`: the longest form is the full one.
std::string longestText(const JsonObject &tweet, const JsonFields &fields)
{
    const JsonObject extended = fields.object(tweet, "extended_tweet");
    std::string best = fields.nested("extended_tweet").text(extended, "full_text");
    for (const char *key : {"full_text", "text"}) {
        std::string candidate = fields.text(tweet, key);
        if (candidate.size() > best.size())
            best = std::move(candidate);
    }
    return best;
}

void readEntities(const JsonObject &tweet, const JsonFields &fields, PostRecord &p)
{
    const JsonObject extended = tweet.value("extended_tweet").toObject();
    const bool useExtended = extended.value("entities").isObject();
    const JsonFields owner = useExtended ? fields.nested("extended_tweet") : fields;
    const JsonObject entities = owner.object(useExtended ? extended : tweet, "entities");
    const JsonFields f = owner.nested("entities");
    p.hashtags = f.entities(f.array(entities, "hashtags"), "hashtags", "text", {}, '#');
    p.mentions =
        f.entities(f.array(entities, "user_mentions"), "user_mentions", "screen_name", {}, '@');
    p.urls = f.entities(f.array(entities, "urls"), "urls", "expanded_url", "url");
}

class TweetReader
{
public:
    TweetReader(RecordSink &sink, std::int64_t line) : m_sink(sink), m_line(line) {}

    // Top-level tweets that cannot be used are rejected; embedded ones are skipped with a
    // warning (the tweet that embeds them is still good).
    void read(const JsonObject &tweet, const JsonFields &fields, int depth)
    {
        std::string problem;
        const auto fail = [&](std::string_view key) {
            if (depth == 0)
                m_sink.reject(m_line, fields.name(key), problem, jsonExcerpt(tweet));
            else
                m_sink.warn(m_line, fields.name(key), problem + "; embedded tweet skipped",
                            jsonExcerpt(tweet));
        };
        std::optional<std::string> id = fields.requiredId(tweet, "id_str", problem);
        if (!id && !tweet.contains("id_str"))
            id = fields.requiredId(tweet, "id", problem);
        if (!id)
            return fail("id_str");
        const JsonObject user = tweet.value("user").toObject();
        PostRecord p;
        p.author = readV1User(user, fields.nested("user"));
        if (p.author.platformId.empty()) {
            problem = "missing user id";
            return fail("user.id_str");
        }
        const std::optional<std::int64_t> when = fields.requiredTime(tweet, "created_at", problem);
        if (!when)
            return fail("created_at");

        p.line = m_line;
        p.platform = "x";
        p.platformId = *id;
        p.createdAt = *when;
        p.text = unescapeApiHtml(longestText(tweet, fields));
        p.context = depth > 0; // an embedded original or quoted tweet
        p.language = fields.text(tweet, "lang");
        p.replyTo = idOf(tweet, fields, "in_reply_to_status_id_str", "in_reply_to_status_id");
        const JsonObject retweeted = fields.object(tweet, "retweeted_status");
        const JsonObject quoted = fields.object(tweet, "quoted_status");
        const JsonFields retweetedFields = fields.nested("retweeted_status");
        const JsonFields quotedFields = fields.nested("quoted_status");
        p.repostOf = idOf(retweeted, retweetedFields, "id_str", "id");
        p.quoteOf = idOf(tweet, fields, "quoted_status_id_str", "quoted_status_id");
        if (p.quoteOf.empty())
            p.quoteOf = idOf(quoted, quotedFields, "id_str", "id");
        setKindFromReferences(p);
        readEntities(tweet, fields, p);
        fields.point(tweet.value("coordinates"), "coordinates", p.latitude, p.longitude);
        m_sink.post(std::move(p));

        if (depth + 1 < MaxEmbedding) {
            if (!retweeted.isEmpty())
                read(retweeted, retweetedFields, depth + 1);
            if (!quoted.isEmpty())
                read(quoted, quotedFields, depth + 1);
        }
    }

private:
    RecordSink &m_sink;
    std::int64_t m_line;
};

bool isStreamNotice(const JsonObject &record)
{
    for (const char *key : {"delete", "limit", "scrub_geo", "status_withheld", "user_withheld",
                            "disconnect", "warning"})
        if (record.contains(key))
            return true;
    return false;
}

} // namespace

int TwitterV1Importer::detect(std::string_view head) const
{
    const JsonHead json = readJsonHead(head);
    if (!json.isJson)
        return 0;
    if (json.hasKey("id_str") && json.hasKey("created_at") && json.hasKey("user") &&
        (json.hasKey("text") || json.hasKey("full_text")))
        return 95;
    if (json.complete && json.first.value("statuses").isArray())
        return 90; // a saved search/tweets response
    return 0;
}

Status TwitterV1Importer::read(QIODevice &in, const std::string &, const ImportOptions &,
                               RecordSink &sink, ProgressSink &progress)
{
    return readJsonObjects(in, sink, progress, [&](const JsonObject &record, std::int64_t line) {
        TweetReader reader(sink, line);
        const JsonValue statuses = record.value("statuses");
        if (statuses.isArray()) {
            const JsonArray tweets = statuses.toArray();
            for (std::size_t i = 0; i < tweets.size(); ++i)
                reader.read(tweets[i].toObject(),
                            JsonFields(sink, line, "statuses[" + std::to_string(i) + "]."), 0);
            return;
        }
        // Streaming captures interleave deletion and rate-limit notices with the tweets.
        if (!record.contains("id_str") && !record.contains("id") && isStreamNotice(record))
            return;
        reader.read(record, JsonFields(sink, line), 0);
    });
}

} // namespace chorus
