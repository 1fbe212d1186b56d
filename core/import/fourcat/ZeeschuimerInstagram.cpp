// Instagram posts as Zeeschuimer captures them ("instagram.com"): the web app's item-list
// objects (code, taken_at, caption.text, user{pk, username, full_name}), and the older graph
// objects (shortcode, taken_at_timestamp, edge_media_to_caption, owner). Field names follow
// 4CAT's datasources/instagram map_item.
#include "import/ImportSupport.h"
#include "import/fourcat/ZeeschuimerItems.h"

namespace chorus {

namespace {

// Instagram's shortcode is the media id (pk) written in base 64 with this alphabet; posts
// are keyed by shortcode so that they match the post URLs of other exports (CrowdTangle).
std::string shortcodeFromPk(const std::string &pk)
{
    static constexpr char Alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    unsigned __int128 value = 0;
    if (pk.empty() || pk.size() > 38)
        return {};
    for (const char c : pk) {
        if (c < '0' || c > '9')
            return {};
        value = value * 10 + unsigned(c - '0');
    }
    std::string code;
    do {
        code.insert(code.begin(), Alphabet[size_t(value % 64)]);
        value /= 64;
    } while (value > 0);
    return code;
}

std::string postId(const JsonObject &data, const JsonFields &f)
{
    for (const char *key : {"code", "shortcode"})
        if (std::string code = f.text(data, key); !code.empty())
            return code;
    std::string pk = f.id(data, "pk");
    if (pk.empty()) { // "id" is "<pk>_<owner pk>"
        const std::string id = f.id(data, "id");
        pk = id.substr(0, id.find('_'));
    }
    std::string code = shortcodeFromPk(pk);
    return code.empty() ? pk : code;
}

std::string caption(const JsonObject &data, const JsonFields &f)
{
    const JsonValue value = data.value("caption");
    if (value.isObject())
        return f.nested("caption").text(value.toObject(), "text");
    if (value.isString())
        return f.text(data, "caption");
    // Graph objects: edge_media_to_caption.edges[0].node.text
    const JsonArray edges = data.value("edge_media_to_caption").toObject().value("edges").toArray();
    if (edges.isEmpty())
        return {};
    return f.nested("edge_media_to_caption")
        .nested("edges[0]")
        .nested("node")
        .text(edges[0].toObject().value("node").toObject(), "text");
}

} // namespace

void mapInstagramPost(const JsonObject &data, const ZeeschuimerItem &item)
{
    const JsonFields &f = item.fields;
    PostRecord p;
    p.line = item.line;
    p.platform = "instagram";
    p.platformId = postId(data, f);
    if (p.platformId.empty())
        return item.reject("code", "missing post id (code, shortcode, pk or id)", data);
    std::string problem;
    const char *timeKey = data.contains("taken_at_timestamp") ? "taken_at_timestamp" : "taken_at";
    const std::optional<std::int64_t> when = epochField(data, timeKey, problem);
    if (!when) // partial items (a grid view) come without a time
        return item.reject(timeKey, problem, data);
    p.createdAt = *when;

    // The author is `user` in item lists and `owner` in graph objects; both may be there.
    const char *userKey = data.value("user").isObject() ? "user" : "owner";
    const JsonObject user = f.object(data, userKey);
    const JsonFields uf = f.nested(userKey);
    p.author.platform = "instagram";
    p.author.platformId = uf.id(user, "pk");
    if (p.author.platformId.empty())
        p.author.platformId = uf.id(user, "id");
    p.author.handle = uf.text(user, "username");
    p.author.displayName = uf.text(user, "full_name");
    if (p.author.platformId.empty())
        return item.reject(std::string(userKey) + ".pk", "missing author id", data);

    p.text = caption(data, f);
    scanEntitiesInto(p);
    const JsonObject location = f.object(data, "location");
    const JsonValue lat = location.value("lat");
    const JsonValue lng = location.value("lng");
    if (lat.isDouble() && lng.isDouble()) {
        p.latitude = lat.toDouble();
        p.longitude = lng.toDouble();
        checkCoordinates(item.sink, item.line, p.latitude, p.longitude);
    }
    item.sink.post(std::move(p));
}

} // namespace chorus
