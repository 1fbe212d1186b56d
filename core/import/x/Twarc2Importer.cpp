#include "import/x/Twarc2Importer.h"

#include "import/JsonSupport.h"
#include "import/x/Twarc2Records.h"
#include "import/x/TwitterV2Tweet.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace chorus {

namespace {

void addAccount(const JsonObject &user, const JsonFields &fields, std::int64_t line,
                RecordSink &sink)
{
    AccountRecord account = readV2User(user, fields);
    if (account.platformId.empty())
        sink.reject(line, fields.name("id"), "missing user id", jsonExcerpt(user));
    else
        sink.account(std::move(account));
}

// A retweet's own text is the API's cut-off "RT @user: …" copy without the original's
// entities: when the original is in the file, the repost carries its full text, hashtags and
// links, so that text clusters and co-hashtag and co-link networks see what was spread.
void carryOriginal(PostRecord &repost, const PostRecord &original)
{
    if (original.text.empty())
        return;
    const size_t colon = repost.text.find(": ");
    repost.text = repost.text.rfind("RT @", 0) == 0 && colon != std::string::npos
                      ? repost.text.substr(0, colon + 2) + original.text
                      : original.text;
    const auto merge = [](std::vector<std::string> &into, const std::vector<std::string> &from) {
        for (const std::string &item : from)
            if (std::find(into.begin(), into.end(), item) == into.end())
                into.push_back(item);
    };
    merge(repost.hashtags, original.hashtags);
    merge(repost.urls, original.urls);
    merge(repost.mentions, original.mentions);
}

// One page of a twarc2 capture: the results in `data` are collected posts; the tweets they
// refer to (includes.tweets) are context, unless the page repeats a result there.
void readPage(const JsonObject &page, std::int64_t line, RecordSink &sink,
              NonTweetRecords &nonTweets)
{
    const JsonFields fields(sink, line);
    const JsonObject includes = fields.object(page, "includes");
    const JsonFields includeFields = fields.nested("includes");

    V2Users users;
    const JsonArray userArray = includeFields.array(includes, "users");
    for (std::size_t i = 0; i < userArray.size(); ++i) {
        AccountRecord user = readV2User(userArray[i].toObject(),
                                        includeFields.nested("users[" + std::to_string(i) + "]"));
        if (!user.platformId.empty())
            users.emplace(user.platformId, std::move(user));
    }
    const V2Places places =
        readV2Places(includeFields.array(includes, "places"), includeFields.nested("places"));

    // Referenced tweets first, so that a retweet can carry its original's text.
    std::vector<PostRecord> referenced;
    std::unordered_map<std::string, size_t> referencedById;
    const JsonArray included = includeFields.array(includes, "tweets");
    for (std::size_t i = 0; i < included.size(); ++i) {
        const JsonFields itemFields = includeFields.nested("tweets[" + std::to_string(i) + "]");
        V2TweetResult result = readV2Tweet(included[i].toObject(), itemFields, users, line, places);
        if (!result.post) {
            sink.warn(line, result.field, result.problem + "; referenced tweet skipped",
                      jsonExcerpt(included[i].toObject()));
            continue;
        }
        result.post->context = true;
        referencedById.emplace(result.post->platformId, referenced.size());
        referenced.push_back(std::move(*result.post));
    }

    std::unordered_set<std::string> authors;
    std::unordered_set<std::string> results;
    const auto readItem = [&](const JsonValue &value, const std::string &itemName) {
        const JsonFields itemFields(sink, line, itemName + ".");
        const JsonObject item = value.toObject();
        if (!value.isObject()) {
            sink.reject(line, itemName, "expected a tweet object", jsonExcerpt(page));
            return;
        }
        if (nonTweets.classify(item)) // counts, lists, compliance: not posts
            return;
        nonTweets.noteOther();
        if (isV2UserObject(item)) { // pages of `twarc2 users` or `followers`
            addAccount(item, itemFields, line, sink);
            return;
        }
        V2TweetResult result = readV2Tweet(item, itemFields, users, line, places);
        if (!result.post) {
            sink.reject(line, result.field, result.problem, jsonExcerpt(item));
            return;
        }
        PostRecord &post = *result.post;
        if (const auto original = referencedById.find(post.repostOf);
            !post.repostOf.empty() && original != referencedById.end())
            carryOriginal(post, referenced[original->second]);
        authors.insert(post.author.platformId);
        results.insert(post.platformId);
        sink.post(std::move(post));
    };
    const JsonValue data = page.value("data");
    if (data.isArray()) {
        std::size_t i = 0;
        for (const JsonValue item : data.toArray())
            readItem(item, "data[" + std::to_string(i++) + "]");
    } else if (data.isObject()) { // a single-tweet lookup
        readItem(data, "data[0]");
    } else if (!data.isUndefined() && !data.isNull()) {
        sink.reject(line, "data", "expected an array of tweets", jsonExcerpt(page));
    }

    for (PostRecord &post : referenced) {
        if (results.count(post.platformId))
            continue; // the page repeats one of its own results in includes
        authors.insert(post.author.platformId);
        sink.post(std::move(post));
    }

    // Mentioned and other users without a post in this page are accounts all the same.
    for (auto &[id, user] : users)
        if (!authors.count(id))
            sink.account(std::move(user));
}

// Users that a flattened tweet inlines without a post of theirs: the replied-to user and the
// mentioned ones (twarc2 flatten expands mentions with the user's fields).
void addInlinedUsers(const JsonObject &tweet, const JsonFields &fields, std::int64_t line,
                     RecordSink &sink)
{
    const JsonObject repliedTo = fields.object(tweet, "in_reply_to_user");
    if (!repliedTo.isEmpty())
        addAccount(repliedTo, fields.nested("in_reply_to_user"), line, sink);
    const JsonObject entities = tweet.value("entities").toObject();
    const JsonArray mentions = entities.value("mentions").toArray();
    for (std::size_t i = 0; i < mentions.size(); ++i) {
        const JsonObject mention = mentions[i].toObject();
        if (mention.contains("id") && mention.contains("username"))
            addAccount(mention, fields.nested("entities.mentions[" + std::to_string(i) + "]"), line,
                       sink);
    }
}

void readFlatTweet(const JsonObject &tweet, std::int64_t line, RecordSink &sink)
{
    const JsonFields fields(sink, line);
    V2TweetResult result = readV2Tweet(tweet, fields, {}, line);
    if (!result.post) {
        sink.reject(line, result.field, result.problem, jsonExcerpt(tweet));
        return;
    }
    // twarc2 flatten inlines the full referenced tweets next to their type and id.
    std::vector<PostRecord> referenced;
    const JsonArray references = tweet.value("referenced_tweets").toArray();
    for (std::size_t i = 0; i < references.size(); ++i) {
        const JsonObject reference = references[i].toObject();
        if (!reference.contains("created_at"))
            continue;
        const JsonFields referenceFields =
            fields.nested("referenced_tweets[" + std::to_string(i) + "]");
        V2TweetResult original = readV2Tweet(reference, referenceFields, {}, line);
        if (!original.post) {
            sink.warn(line, original.field, original.problem + "; referenced tweet skipped",
                      jsonExcerpt(reference));
            continue;
        }
        original.post->context = true;
        if (original.post->platformId == result.post->repostOf)
            carryOriginal(*result.post, *original.post);
        referenced.push_back(std::move(*original.post));
    }
    sink.post(std::move(*result.post));
    for (PostRecord &post : referenced)
        sink.post(std::move(post));
    addInlinedUsers(tweet, fields, line, sink);
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
    // A page of `twarc2 users` longer than the head: its includes and __twarc come after the
    // users, so only the users show.
    const std::string_view raw = json.raw;
    const bool startsWithData =
        raw.substr(0, raw.find_first_of(":")).find("\"data\"") != std::string_view::npos;
    if (!json.complete && startsWithData && json.hasKey("username") && json.hasKey("id") &&
        !json.hasKey("text"))
        return 80;
    return 0;
}

Status Twarc2Importer::read(QIODevice &in, const std::string &, const ImportOptions &,
                            RecordSink &sink, ProgressSink &progress)
{
    NonTweetRecords nonTweets;
    const Status status =
        readJsonObjects(in, sink, progress, [&](const JsonObject &record, std::int64_t line) {
            if (record.contains("data")) {
                readPage(record, line, sink, nonTweets);
            } else if (nonTweets.classify(record)) {
                // a flattened counts, lists or compliance record
            } else if (record.contains("author_id") || record.contains("text")) {
                nonTweets.noteOther();
                readFlatTweet(record, line, sink);
            } else if (isV2UserObject(record)) {
                nonTweets.noteOther();
                addAccount(record, JsonFields(sink, line), line, sink);
            } else if (!record.contains("errors") && !record.contains("meta")) {
                sink.reject(line, "(record)", "neither a twarc2 response page nor a tweet",
                            jsonExcerpt(record));
            }
            // A page with only errors or meta (no results) holds nothing to import.
        });
    if (!status)
        return status;
    return nonTweets.verdict(sink);
}

} // namespace chorus
