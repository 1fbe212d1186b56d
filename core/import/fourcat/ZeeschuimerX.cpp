// X/Twitter items as Zeeschuimer captures them ("twitter.com"): the web app's GraphQL tweet
// results (rest_id, legacy{full_text, created_at, ...}, core.user_results.result), or the
// older "adaptive" objects (legacy + a v1.1 `user`). Field names follow 4CAT's
// datasources/twitter-import map_item. Posts and accounts go under platform "x" with the
// tweet and user ids (rest_id, id_str), so they meet the same tweets from other X imports.
#include "import/ImportSupport.h"
#include "import/fourcat/ZeeschuimerItems.h"
#include "import/x/TwitterV1Importer.h"
#include "import/x/TwitterV2Tweet.h"

namespace chorus {

namespace {

// Retweets of quotes: real data nests two levels; more is a malformed file.
constexpr int MaxEmbedding = 3;

// {"result": {...}} wrappers, and {"__typename": "TweetWithVisibilityResults", "tweet": {...}}.
struct Unwrapped
{
    JsonObject object;
    JsonFields fields;
};
Unwrapped unwrap(const JsonObject &o, const JsonFields &f)
{
    if (o.value("result").isObject())
        return unwrap(o.value("result").toObject(), f.nested("result"));
    if (!o.contains("legacy") && o.value("tweet").isObject())
        return {o.value("tweet").toObject(), f.nested("tweet")};
    return {o, f};
}

AccountRecord readUser(const JsonObject &tweet, const JsonFields &f, const JsonObject &legacy,
                       const JsonFields &lf)
{
    AccountRecord a;
    a.platform = "x";
    const Unwrapped user = unwrap(f.object(tweet, "core").value("user_results").toObject(),
                                  f.nested("core").nested("user_results"));
    const JsonObject &result = user.object;
    const JsonFields &rf = user.fields;
    if (!result.isEmpty()) {
        const JsonObject ul = rf.object(result, "legacy");
        const JsonObject uc = rf.object(result, "core"); // newer captures move names here
        const JsonFields ulf = rf.nested("legacy");
        const JsonFields ucf = rf.nested("core");
        a.platformId = rf.id(result, "rest_id");
        a.handle = ucf.text(uc, "screen_name");
        if (a.handle.empty())
            a.handle = ulf.text(ul, "screen_name");
        a.displayName = ucf.text(uc, "name");
        if (a.displayName.empty())
            a.displayName = ulf.text(ul, "name");
        a.createdAt = ucf.time(uc, "created_at");
        if (!a.createdAt)
            a.createdAt = ulf.time(ul, "created_at");
        const JsonValue location = result.value("location");
        a.location = location.isObject()
                         ? rf.nested("location").text(location.toObject(), "location")
                         : ulf.text(ul, "location");
        a.bio = ulf.text(ul, "description");
        a.followers = ulf.count(ul, "followers_count");
        a.following = ulf.count(ul, "friends_count");
        a.postCount = ulf.count(ul, "statuses_count");
    } else if (tweet.value("user").isObject()) { // adaptive objects
        a = readV1User(tweet.value("user").toObject(), f.nested("user"));
    }
    // The web app sometimes leaves user_results empty; the tweet still names its author.
    if (a.platformId.empty())
        a.platformId = lf.id(legacy, "user_id_str");
    return a;
}

// Long tweets keep a cut text in legacy.full_text and the whole one in note_tweet.
std::string tweetText(const JsonObject &tweet, const JsonFields &f, const JsonObject &legacy,
                      const JsonFields &lf)
{
    std::string text = lf.text(legacy, "full_text");
    const JsonObject note = tweet.value("note_tweet")
                                .toObject()
                                .value("note_tweet_results")
                                .toObject()
                                .value("result")
                                .toObject();
    std::string whole = f.nested("note_tweet.note_tweet_results.result").text(note, "text");
    return unescapeApiHtml(whole.size() > text.size() ? std::move(whole) : std::move(text));
}

class TweetReader
{
public:
    explicit TweetReader(const ZeeschuimerItem &item) : m_item(item) {}

    // The item's own tweet is rejected when unusable; an embedded one (the retweeted or
    // quoted tweet) is skipped with a warning, as the tweet that embeds it is still good.
    void read(const JsonObject &raw, const JsonFields &rawFields, int depth)
    {
        const Unwrapped unwrapped = unwrap(raw, rawFields);
        const JsonObject &tweet = unwrapped.object;
        const JsonFields &f = unwrapped.fields;
        const auto fail = [&](std::string_view key, const std::string &problem) {
            if (depth == 0)
                m_item.sink.reject(m_item.line, f.name(key), problem, jsonExcerpt(tweet));
            else
                m_item.sink.warn(m_item.line, f.name(key), problem + "; embedded tweet skipped",
                                 jsonExcerpt(tweet));
        };
        const std::string_view type = tweet.value("__typename").toString();
        if (type == "TweetTombstone" || type == "TweetUnavailable")
            return fail("__typename", "the tweet is unavailable (" + std::string(type) + ")");
        const JsonObject legacy = f.object(tweet, "legacy");
        const JsonFields lf = f.nested("legacy");
        std::string problem;
        std::optional<std::string> id = f.requiredId(tweet, "rest_id", problem);
        if (!id && !tweet.contains("rest_id"))
            id = lf.requiredId(legacy, "id_str", problem);
        if (!id)
            return fail("rest_id", problem);
        const std::optional<std::int64_t> when = lf.requiredTime(legacy, "created_at", problem);
        if (!when)
            return fail("legacy.created_at", problem);

        PostRecord p;
        p.line = m_item.line;
        p.platform = "x";
        p.platformId = *id;
        p.context = depth > 0; // the retweeted or quoted original, as the other X importers
        p.createdAt = *when;
        p.author = readUser(tweet, f, legacy, lf);
        if (p.author.platformId.empty())
            return fail("core.user_results.result.rest_id", "missing author id");
        p.text = tweetText(tweet, f, legacy, lf);
        p.language = lf.text(legacy, "lang");
        if (p.language == "und")
            p.language.clear();
        p.replyTo = lf.id(legacy, "in_reply_to_status_id_str");

        const Unwrapped retweetedItem = unwrap(lf.object(legacy, "retweeted_status_result"),
                                               lf.nested("retweeted_status_result"));
        const Unwrapped quotedItem =
            unwrap(f.object(tweet, "quoted_status_result"), f.nested("quoted_status_result"));
        const JsonObject &retweeted = retweetedItem.object;
        const JsonObject &quoted = quotedItem.object;
        p.repostOf = embeddedId(retweeted);
        p.quoteOf = lf.id(legacy, "quoted_status_id_str");
        if (p.quoteOf.empty())
            p.quoteOf = embeddedId(quoted);
        setKindFromReferences(p);

        const JsonObject entities = lf.object(legacy, "entities");
        const JsonFields ef = lf.nested("entities");
        p.hashtags = ef.entities(ef.array(entities, "hashtags"), "hashtags", "text", {}, '#');
        p.mentions = ef.entities(ef.array(entities, "user_mentions"), "user_mentions",
                                 "screen_name", {}, '@');
        p.urls = ef.entities(ef.array(entities, "urls"), "urls", "expanded_url", "url");
        m_item.sink.post(std::move(p));

        if (depth + 1 < MaxEmbedding) {
            if (!retweeted.isEmpty())
                read(retweeted, retweetedItem.fields, depth + 1);
            if (!quoted.isEmpty() && quoted.contains("legacy"))
                read(quoted, quotedItem.fields, depth + 1);
        }
    }

private:
    static std::string embeddedId(const JsonObject &tweet)
    {
        const JsonValue rest = tweet.value("rest_id");
        if (rest.isString())
            return rest.toStdString();
        return tweet.value("legacy").toObject().value("id_str").toStdString();
    }

    const ZeeschuimerItem &m_item;
};

} // namespace

void mapXTweet(const JsonObject &data, const ZeeschuimerItem &item)
{
    TweetReader(item).read(data, item.fields, 0);
}

} // namespace chorus
