#include "import/x/Twarc2Importer.h"

#include "import/JsonSupport.h"
#include "import/x/TwitterV2Tweet.h"

#include <QJsonArray>

#include <unordered_set>

namespace chorus {

namespace {

bool isUserObject(const QJsonObject &o)
{
    return o.contains(QLatin1String("username")) && !o.contains(QLatin1String("text"));
}

void addAccount(const QJsonObject &user, const JsonFields &fields, std::int64_t line,
                RecordSink &sink)
{
    AccountRecord account = readV2User(user, fields);
    if (account.platformId.empty())
        sink.reject(line, fields.name("id"), "missing user id", jsonExcerpt(user));
    else
        sink.account(std::move(account));
}

// Reads a tweet of the file's own results: a tweet that cannot be used is rejected. Returns
// the author id, to know which page users posted.
std::string addTweet(const QJsonObject &tweet, const JsonFields &fields, const V2Users &users,
                     std::int64_t line, RecordSink &sink)
{
    V2TweetResult result = readV2Tweet(tweet, fields, users, line);
    if (!result.post) {
        sink.reject(line, result.field, result.problem, jsonExcerpt(tweet));
        return {};
    }
    std::string author = result.post->author.platformId;
    sink.post(std::move(*result.post));
    return author;
}

// Tweets that the results refer to (includes.tweets, a flattened tweet's referenced_tweets):
// imported as posts of their own when complete, skipped with a warning when broken.
std::string addReferencedTweet(const QJsonObject &tweet, const JsonFields &fields,
                               const V2Users &users, std::int64_t line, RecordSink &sink)
{
    V2TweetResult result = readV2Tweet(tweet, fields, users, line);
    if (!result.post) {
        sink.warn(line, result.field, result.problem + "; referenced tweet skipped",
                  jsonExcerpt(tweet));
        return {};
    }
    std::string author = result.post->author.platformId;
    sink.post(std::move(*result.post));
    return author;
}

void readPage(const QJsonObject &page, std::int64_t line, RecordSink &sink)
{
    const JsonFields fields(sink, line);
    const QJsonObject includes = fields.object(page, "includes");
    const JsonFields includeFields = fields.nested("includes");

    V2Users users;
    const QJsonArray userArray = includeFields.array(includes, "users");
    for (qsizetype i = 0; i < userArray.size(); ++i) {
        AccountRecord user = readV2User(userArray[i].toObject(),
                                        includeFields.nested("users[" + std::to_string(i) + "]"));
        if (!user.platformId.empty())
            users.emplace(user.platformId, std::move(user));
    }
    std::unordered_set<std::string> authors;

    const QJsonValue data = page.value(QLatin1String("data"));
    QJsonArray results;
    if (data.isArray())
        results = data.toArray();
    else if (data.isObject()) // a single-tweet lookup
        results.append(data);
    else if (!data.isUndefined() && !data.isNull())
        sink.reject(line, "data", "expected an array of tweets", jsonExcerpt(page));
    for (qsizetype i = 0; i < results.size(); ++i) {
        const std::string itemName = "data[" + std::to_string(i) + "]";
        const JsonFields itemFields(sink, line, itemName + ".");
        const QJsonObject item = results[i].toObject();
        if (!results[i].isObject())
            sink.reject(line, itemName, "expected a tweet object", jsonExcerpt(page));
        else if (isUserObject(item)) // pages of `twarc2 users` or `followers`
            addAccount(item, itemFields, line, sink);
        else
            authors.insert(addTweet(item, itemFields, users, line, sink));
    }

    const QJsonArray included = includeFields.array(includes, "tweets");
    for (qsizetype i = 0; i < included.size(); ++i)
        authors.insert(addReferencedTweet(included[i].toObject(),
                                          includeFields.nested("tweets[" + std::to_string(i) + "]"),
                                          users, line, sink));

    // Mentioned and other users without a post in this page are accounts all the same.
    for (auto &[id, user] : users)
        if (!authors.count(id))
            sink.account(std::move(user));
}

void readFlatTweet(const QJsonObject &tweet, std::int64_t line, RecordSink &sink)
{
    const JsonFields fields(sink, line);
    addTweet(tweet, fields, {}, line, sink);
    // twarc2 flatten inlines the full referenced tweets next to their type and id.
    const QJsonArray references = tweet.value(QLatin1String("referenced_tweets")).toArray();
    for (qsizetype i = 0; i < references.size(); ++i) {
        const QJsonObject reference = references[i].toObject();
        if (reference.contains(QLatin1String("created_at")))
            addReferencedTweet(reference,
                               fields.nested("referenced_tweets[" + std::to_string(i) + "]"), {},
                               line, sink);
    }
}

} // namespace

int Twarc2Importer::detect(std::string_view head) const
{
    const JsonHead json = readJsonHead(head);
    if (!json.isJson)
        return 0;
    if (json.hasKey("__twarc"))
        return 98;
    if (json.hasKey("data") && (json.hasKey("includes") || json.hasKey("meta")))
        return 95;
    if (json.hasKey("author_id") && json.hasKey("created_at") && json.hasKey("text") &&
        !json.hasKey("id_str"))
        return 90;
    return 0;
}

Status Twarc2Importer::read(QIODevice &in, const std::string &, const ImportOptions &,
                            RecordSink &sink, ProgressSink &progress)
{
    return readJsonObjects(in, sink, progress, [&](const QJsonObject &record, std::int64_t line) {
        if (record.contains(QLatin1String("data")))
            readPage(record, line, sink);
        else if (record.contains(QLatin1String("author_id")) ||
                 record.contains(QLatin1String("text")))
            readFlatTweet(record, line, sink);
        else if (isUserObject(record))
            addAccount(record, JsonFields(sink, line), line, sink);
        else if (!record.contains(QLatin1String("errors")) &&
                 !record.contains(QLatin1String("meta")))
            sink.reject(line, "(record)", "neither a twarc2 response page nor a tweet",
                        jsonExcerpt(record));
        // A page with only errors or meta (no results) holds nothing to import.
    });
}

} // namespace chorus
