#include "import/x/TwitterV2Tweet.h"

#include "import/ImportSupport.h"
#include "text/TextCleaner.h"

#include <algorithm>

namespace chorus {

AccountRecord readV2User(const JsonObject &user, const JsonFields &fields)
{
    AccountRecord a;
    a.platform = "x";
    a.platformId = fields.id(user, "id");
    a.handle = fields.text(user, "username");
    a.displayName = fields.text(user, "name");
    a.location = fields.text(user, "location");
    a.bio = fields.text(user, "description");
    a.createdAt = fields.time(user, "created_at");
    const JsonObject metrics = fields.object(user, "public_metrics");
    const JsonFields metricFields = fields.nested("public_metrics");
    a.followers = metricFields.count(metrics, "followers_count");
    a.following = metricFields.count(metrics, "following_count");
    a.postCount = metricFields.count(metrics, "tweet_count");
    return a;
}

namespace {

void readReferences(const JsonArray &references, const JsonFields &fields, PostRecord &p)
{
    for (const JsonValue &value : references) {
        const JsonObject reference = value.toObject();
        const std::string_view type = reference.value("type").toString();
        std::string id = fields.id(reference, "id");
        if (type == "replied_to")
            p.replyTo = std::move(id);
        else if (type == "quoted")
            p.quoteOf = std::move(id);
        else if (type == "retweeted")
            p.repostOf = std::move(id);
    }
    setKindFromReferences(p);
}

// The destination behind a shortener (unwound_url) first, then the expanded link the post
// showed; the t.co form only when neither is given.
std::vector<std::string> readUrls(const JsonArray &items, const JsonFields &fields)
{
    std::vector<std::string> urls;
    bool skipped = false;
    for (const JsonValue &item : items) {
        if (item.isString()) { // a plain list of links
            urls.push_back(cleanText(item.toStdString()));
            continue;
        }
        const JsonObject entity = item.toObject();
        const auto link = [&](const char *key) {
            const JsonValue value = entity.value(key);
            return value.isString() ? cleanText(trimmed(value.toString())) : std::string();
        };
        std::vector<std::string> found{link("unwound_url"), link("expanded_url")};
        if (found[0].empty() && found[1].empty())
            found = std::vector<std::string>{link("url")};
        skipped |= found.size() == 1 && found[0].empty();
        for (std::string &url : found)
            if (!url.empty() && std::find(urls.begin(), urls.end(), url) == urls.end())
                urls.push_back(std::move(url));
    }
    if (skipped)
        fields.warn("urls", "entries without a link skipped", items.json(120));
    return urls;
}

void readEntities(const JsonObject &entities, const JsonFields &fields, PostRecord &p)
{
    p.hashtags = fields.entities(fields.array(entities, "hashtags"), "hashtags", "tag", {}, '#');
    p.mentions =
        fields.entities(fields.array(entities, "mentions"), "mentions", "username", {}, '@');
    p.urls = readUrls(fields.array(entities, "urls"), fields);
}

// A named place without coordinates: the page's includes.places by geo.place_id, or the
// place fields that twarc2 flatten inlines into geo.
void readPlace(const JsonObject &geo, const JsonFields &fields, const V2Places &places,
               PostRecord &p)
{
    JsonObject place = geo;
    if (const std::string id = fields.id(geo, "place_id"); !id.empty())
        if (const auto it = places.find(id); it != places.end())
            place = it->second;
    p.place = fields.text(place, "full_name");
    if (p.place.empty())
        p.place = fields.text(place, "name");
    p.placeCountry = fields.text(place, "country_code");
}

} // namespace

std::string unescapeApiHtml(std::string text)
{
    if (text.find('&') == std::string::npos)
        return text;
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        if (text[i] == '&') {
            const std::string_view rest = std::string_view(text).substr(i);
            if (rest.substr(0, 4) == "&lt;") {
                out += '<';
                i += 4;
                continue;
            }
            if (rest.substr(0, 4) == "&gt;") {
                out += '>';
                i += 4;
                continue;
            }
            if (rest.substr(0, 5) == "&amp;") {
                out += '&';
                i += 5;
                continue;
            }
        }
        out += text[i++];
    }
    return out;
}

V2Places readV2Places(const JsonArray &places, const JsonFields &fields)
{
    V2Places result;
    for (const JsonValue &value : places) {
        const JsonObject place = value.toObject();
        if (std::string id = fields.id(place, "id"); !id.empty())
            result.emplace(std::move(id), place);
    }
    return result;
}

V2TweetResult readV2Tweet(const JsonObject &tweet, const JsonFields &fields, const V2Users &users,
                          std::int64_t line, const V2Places &places)
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
    if (tweet.value("author").isObject()) {
        p.author = readV2User(tweet.value("author").toObject(), fields.nested("author"));
    } else if (const auto user = users.find(*authorId); user != users.end()) {
        p.author = user->second;
    }
    p.author.platform = "x";
    p.author.platformId = *authorId;
    // Posts longer than 280 characters carry their full text in note_tweet.
    const JsonObject note = fields.object(tweet, "note_tweet");
    p.text = unescapeApiHtml(note.contains("text") ? fields.nested("note_tweet").text(note, "text")
                                                   : fields.text(tweet, "text"));
    p.language = fields.text(tweet, "lang");
    readReferences(fields.array(tweet, "referenced_tweets"), fields.nested("referenced_tweets"), p);
    readEntities(fields.object(tweet, "entities"), fields.nested("entities"), p);
    const JsonObject geo = fields.object(tweet, "geo");
    fields.nested("geo").point(geo.value("coordinates"), "coordinates", p.latitude, p.longitude);
    readPlace(geo, fields.nested("geo"), places, p);
    const JsonArray versions = fields.array(tweet, "edit_history_tweet_ids");
    for (const JsonValue &version : versions)
        if (std::string id = version.isString()   ? version.toStdString()
                             : version.isDouble() ? std::to_string(qint64(version.toDouble()))
                                                  : std::string();
            !id.empty())
            p.editHistory.push_back(std::move(id));
    if (p.editHistory.size() < 2)
        p.editHistory.clear();
    result.post = std::move(p);
    return result;
}

} // namespace chorus
