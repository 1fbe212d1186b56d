// LinkedIn feed updates as older Zeeschuimer versions captured them ("linkedin.com"): the
// web app's Voyager objects. Field names follow 4CAT's datasources/linkedin map_item.
#include "import/fourcat/ZeeschuimerItems.h"

namespace chorus {

namespace {

// "urn:li:activity:6960882777168695296", or an aggregate of several such urns (they name
// the same post; the first is taken): the numeric activity id.
std::string activityId(const JsonObject &data)
{
    std::string_view urn = data.value("updateMetadata").toObject().value("urn").toString();
    if (urn.empty())
        urn = data.value("preDashEntityUrn").toString();
    constexpr std::string_view marker = "urn:li:activity:";
    const std::size_t at = urn.find(marker);
    if (at == std::string_view::npos)
        return {};
    std::size_t end = at + marker.size();
    while (end < urn.size() && urn[end] >= '0' && urn[end] <= '9')
        ++end;
    return std::string(urn.substr(at + marker.size(), end - at - marker.size()));
}

// A LinkedIn activity id holds its creation time in its top 41 bits, in milliseconds since
// 1970 (the items themselves carry only "3d ago"): exact, where 4CAT estimates from the
// relative text.
std::optional<std::int64_t> timeFromActivityId(const std::string &id)
{
    if (id.empty() || id.size() > 20)
        return std::nullopt;
    unsigned __int128 value = 0;
    for (const char c : id)
        value = value * 10 + unsigned(c - '0');
    if (value > UINT64_MAX)
        return std::nullopt;
    const std::int64_t seconds = std::int64_t((std::uint64_t(value) >> 22) / 1000);
    // LinkedIn launched in 2003; a time outside 2003-2100 means the id is not of this kind.
    if (seconds < 1041379200 || seconds > 4102444800)
        return std::nullopt;
    return seconds;
}

std::string textOf(const JsonObject &o, std::string_view key, const JsonFields &f)
{
    return f.nested(key).text(o.value(key).toObject(), "text");
}

} // namespace

void mapLinkedInPost(const JsonObject &data, const ZeeschuimerItem &item)
{
    const JsonFields &f = item.fields;
    PostRecord p;
    p.line = item.line;
    p.platform = "linkedin";
    p.platformId = activityId(data);
    if (p.platformId.empty())
        return item.reject("updateMetadata.urn", "missing activity urn (urn:li:activity:...)",
                           data);
    const std::optional<std::int64_t> when = timeFromActivityId(p.platformId);
    if (!when)
        return item.reject("updateMetadata.urn",
                           "activity id " + p.platformId + " does not hold a creation time", data);
    p.createdAt = *when;

    const JsonObject actor = f.object(data, "actor");
    const JsonFields af = f.nested("actor");
    // The profile path ("in/jane-doe", "company/acme") is the account's id and handle: the
    // items carry no numeric member id.
    const std::string_view target =
        actor.value("navigationContext").toObject().value("actionTarget").toString();
    const std::size_t host = target.find("linkedin.com/");
    std::string_view path =
        host == std::string_view::npos ? std::string_view() : target.substr(host + 13);
    path = path.substr(0, path.find('?'));
    // The first two segments: "in/jane-doe" of "in/jane-doe/recent-activity".
    const std::size_t slash = path.find('/');
    if (slash != std::string_view::npos)
        path = path.substr(0, path.find('/', slash + 1));
    p.author.platform = "linkedin";
    p.author.platformId = std::string(path);
    p.author.handle = p.author.platformId;
    p.author.displayName = textOf(actor, "name", af);
    p.author.bio = textOf(actor, "description", af);
    if (p.author.platformId.empty())
        return item.reject("actor.navigationContext.actionTarget", "missing author profile link",
                           data);

    const JsonObject commentary = f.object(data, "commentary");
    p.text = textOf(commentary, "text", f.nested("commentary"));
    scanEntitiesInto(p);
    item.sink.post(std::move(p));
}

} // namespace chorus
