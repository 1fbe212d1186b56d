#include "import/x/TwitterV2Tweet.h"

#include "import/ImportSupport.h"

#include <QJsonArray>

namespace chorus {

AccountRecord readV2User(const QJsonObject &user, const JsonFields &fields)
{
    AccountRecord a;
    a.platform = "x";
    a.platformId = fields.id(user, "id");
    a.handle = fields.text(user, "username");
    a.displayName = fields.text(user, "name");
    a.location = fields.text(user, "location");
    a.bio = fields.text(user, "description");
    a.createdAt = fields.time(user, "created_at");
    const QJsonObject metrics = fields.object(user, "public_metrics");
    const JsonFields metricFields = fields.nested("public_metrics");
    a.followers = metricFields.count(metrics, "followers_count");
    a.following = metricFields.count(metrics, "following_count");
    a.postCount = metricFields.count(metrics, "tweet_count");
    return a;
}

namespace {

void readReferences(const QJsonArray &references, const JsonFields &fields, PostRecord &p)
{
    for (const QJsonValue &value : references) {
        const QJsonObject reference = value.toObject();
        const QString type = reference.value(QLatin1String("type")).toString();
        std::string id = fields.id(reference, "id");
        if (type == QLatin1String("replied_to"))
            p.replyTo = std::move(id);
        else if (type == QLatin1String("quoted"))
            p.quoteOf = std::move(id);
        else if (type == QLatin1String("retweeted"))
            p.repostOf = std::move(id);
    }
    setKindFromReferences(p);
}

void readEntities(const QJsonObject &entities, const JsonFields &fields, PostRecord &p)
{
    p.hashtags = fields.entities(fields.array(entities, "hashtags"), "hashtags", "tag", {}, '#');
    p.mentions =
        fields.entities(fields.array(entities, "mentions"), "mentions", "username", {}, '@');
    p.urls = fields.entities(fields.array(entities, "urls"), "urls", "expanded_url", "url");
}

} // namespace

V2TweetResult readV2Tweet(const QJsonObject &tweet, const JsonFields &fields, const V2Users &users,
                          std::int64_t line)
{
    V2TweetResult result;
    std::string problem;
    const auto fail = [&](std::string_view key) {
        result.field = fields.name(key);
        result.problem = problem;
        return result;
    };
    const std::optional<std::string> id = fields.requiredId(tweet, "id", problem);
    if (!id)
        return fail("id");
    const std::optional<std::string> authorId = fields.requiredId(tweet, "author_id", problem);
    if (!authorId)
        return fail("author_id");
    const std::optional<std::int64_t> when = fields.requiredTime(tweet, "created_at", problem);
    if (!when)
        return fail("created_at");

    PostRecord p;
    p.line = line;
    p.platform = "x";
    p.platformId = *id;
    p.createdAt = *when;
    if (tweet.value(QLatin1String("author")).isObject()) {
        p.author =
            readV2User(tweet.value(QLatin1String("author")).toObject(), fields.nested("author"));
    } else if (const auto user = users.find(*authorId); user != users.end()) {
        p.author = user->second;
    }
    p.author.platform = "x";
    p.author.platformId = *authorId;
    // Posts longer than 280 characters carry their full text in note_tweet.
    const QJsonObject note = fields.object(tweet, "note_tweet");
    p.text = note.contains(QLatin1String("text")) ? fields.nested("note_tweet").text(note, "text")
                                                  : fields.text(tweet, "text");
    p.language = fields.text(tweet, "lang");
    readReferences(fields.array(tweet, "referenced_tweets"), fields.nested("referenced_tweets"), p);
    readEntities(fields.object(tweet, "entities"), fields.nested("entities"), p);
    const QJsonObject geo = fields.object(tweet, "geo");
    fields.nested("geo").point(geo.value(QLatin1String("coordinates")), "coordinates", p.latitude,
                               p.longitude);
    result.post = std::move(p);
    return result;
}

} // namespace chorus
