// TikTok items as Zeeschuimer captures them: videos from the web app's item lists
// (module "tiktok.com") and comments (module "tiktok-comments"). Field names follow 4CAT's
// datasources/tiktok and tiktok_comments map_item.
#include "import/fourcat/ZeeschuimerItems.h"

#include <algorithm>

namespace chorus {

namespace {

void addOnce(std::vector<std::string> &list, std::string value)
{
    if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end())
        list.push_back(std::move(value));
}

// The author of a video: an object from the API (id, uniqueId, nickname, signature), or
// only the unique name as a string (the page's embedded JSON, with `nickname` beside it).
AccountRecord videoAuthor(const JsonObject &data, const JsonFields &f)
{
    AccountRecord a;
    a.platform = "tiktok";
    const JsonValue author = data.value("author");
    if (author.isString()) {
        a.handle = f.text(data, "author");
        a.platformId = a.handle;
        a.displayName = f.text(data, "nickname");
    } else {
        const JsonObject o = f.object(data, "author");
        const JsonFields af = f.nested("author");
        a.handle = af.text(o, "uniqueId");
        a.platformId = af.id(o, "id");
        if (a.platformId.empty())
            a.platformId = a.handle; // older captures lack the numeric id
        a.displayName = af.text(o, "nickname");
        a.bio = af.text(o, "signature");
        a.createdAt = af.count(o, "createTime");
        if (a.createdAt && *a.createdAt <= 0)
            a.createdAt.reset();
    }
    const JsonObject stats = f.object(data, "authorStats");
    const JsonFields sf = f.nested("authorStats");
    a.followers = sf.count(stats, "followerCount");
    a.following = sf.count(stats, "followingCount");
    a.postCount = sf.count(stats, "videoCount");
    return a;
}

} // namespace

void mapTikTokVideo(const JsonObject &data, const ZeeschuimerItem &item)
{
    const JsonFields &f = item.fields;
    std::string problem;
    const std::optional<std::string> id = f.requiredId(data, "id", problem);
    if (!id)
        return item.reject("id", problem, data);
    const std::optional<std::int64_t> when = epochField(data, "createTime", problem);
    if (!when)
        return item.reject("createTime", problem, data);
    PostRecord p;
    p.line = item.line;
    p.platform = "tiktok";
    p.platformId = *id;
    p.createdAt = *when;
    p.author = videoAuthor(data, f);
    if (p.author.platformId.empty())
        return item.reject("author", "missing author", data);
    p.text = f.text(data, "desc");
    p.language = f.text(data, "textLanguage");
    if (p.language == "un") // TikTok's "undetermined"
        p.language.clear();

    // Hashtags are listed twice: as challenges and as text extras; mentions as text extras.
    const JsonArray challenges = f.array(data, "challenges");
    const JsonArray extras = f.array(data, "textExtra");
    for (const JsonValue &challenge : challenges)
        addOnce(p.hashtags, challenge.toObject().value("title").toStdString());
    for (const JsonValue &extra : extras) {
        const JsonObject o = extra.toObject();
        addOnce(p.hashtags, o.value("hashtagName").toStdString());
        addOnce(p.mentions, o.value("userUniqueId").toStdString());
    }
    if (challenges.isEmpty() && extras.isEmpty())
        scanEntitiesInto(p);

    // A duet shows another video beside the new one: a quote of that video.
    const JsonObject duet = f.object(data, "duetInfo");
    const std::string duetFrom = f.nested("duetInfo").id(duet, "duetFromId");
    if (!duetFrom.empty() && duetFrom != "0") {
        p.quoteOf = duetFrom;
        p.kind = PostKind::Quote;
    }
    item.sink.post(std::move(p));
}

void mapTikTokComment(const JsonObject &data, const ZeeschuimerItem &item)
{
    const JsonFields &f = item.fields;
    std::string problem;
    const std::optional<std::string> id = f.requiredId(data, "cid", problem);
    if (!id)
        return item.reject("cid", problem, data);
    const std::optional<std::int64_t> when = epochField(data, "create_time", problem);
    if (!when)
        return item.reject("create_time", problem, data);
    PostRecord p;
    p.line = item.line;
    p.platform = "tiktok";
    p.platformId = *id;
    p.createdAt = *when;
    const JsonObject user = f.object(data, "user");
    const JsonFields uf = f.nested("user");
    p.author.platform = "tiktok";
    p.author.platformId = uf.id(user, "uid");
    p.author.handle = uf.text(user, "unique_id");
    p.author.displayName = uf.text(user, "nickname");
    if (p.author.platformId.empty())
        p.author.platformId = p.author.handle;
    if (p.author.platformId.empty())
        return item.reject("user.uid", "missing user id", data);
    p.text = f.text(data, "text");
    p.language = f.text(data, "comment_language");
    if (p.language == "un")
        p.language.clear();
    // A reply to a comment names it in reply_id ("0" otherwise); else it replies to the video.
    const std::string parent = f.id(data, "reply_id");
    p.replyTo = !parent.empty() && parent != "0" ? parent : f.id(data, "aweme_id");
    if (!p.replyTo.empty())
        p.kind = PostKind::Reply;
    scanEntitiesInto(p);
    item.sink.post(std::move(p));
}

} // namespace chorus
