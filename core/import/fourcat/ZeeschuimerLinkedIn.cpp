// LinkedIn feed updates as older Zeeschuimer versions captured them ("linkedin.com"): the
// web app's Voyager objects. Field names follow 4CAT's datasources/linkedin map_item.
#include "import/fourcat/ZeeschuimerItems.h"

namespace chorus {

namespace {

// "urn:li:activity:6960882777168695296", or an aggregate of several such urns (they name
// the same post; the first is taken): the numeric activity id.
std::string activityId(const QJsonObject &data)
{
    QString urn = data.value(QLatin1String("updateMetadata"))
                      .toObject()
                      .value(QLatin1String("urn"))
                      .toString();
    if (urn.isEmpty())
        urn = data.value(QLatin1String("preDashEntityUrn")).toString();
    const QLatin1String marker("urn:li:activity:");
    const qsizetype at = urn.indexOf(marker);
    if (at < 0)
        return {};
    qsizetype end = at + marker.size();
    while (end < urn.size() && urn[end].isDigit())
        ++end;
    return urn.mid(at + marker.size(), end - at - marker.size()).toStdString();
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

std::string textOf(const QJsonObject &o, std::string_view key, const JsonFields &f)
{
    return f.nested(key).text(o.value(QLatin1String(key.data(), qsizetype(key.size()))).toObject(),
                              "text");
}

} // namespace

void mapLinkedInPost(const QJsonObject &data, const ZeeschuimerItem &item)
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

    const QJsonObject actor = f.object(data, "actor");
    const JsonFields af = f.nested("actor");
    // The profile path ("in/jane-doe", "company/acme") is the account's id and handle: the
    // items carry no numeric member id.
    const QString target = actor.value(QLatin1String("navigationContext"))
                               .toObject()
                               .value(QLatin1String("actionTarget"))
                               .toString();
    const qsizetype host = target.indexOf(QLatin1String("linkedin.com/"));
    QString path = host < 0 ? QString() : target.mid(host + 13);
    path = path.left(path.indexOf(QLatin1Char('?'))).section(QLatin1Char('/'), 0, 1);
    p.author.platform = "linkedin";
    p.author.platformId = path.toStdString();
    p.author.handle = p.author.platformId;
    p.author.displayName = textOf(actor, "name", af);
    p.author.bio = textOf(actor, "description", af);
    if (p.author.platformId.empty())
        return item.reject("actor.navigationContext.actionTarget", "missing author profile link",
                           data);

    const QJsonObject commentary = f.object(data, "commentary");
    p.text = textOf(commentary, "text", f.nested("commentary"));
    scanEntitiesInto(p);
    item.sink.post(std::move(p));
}

} // namespace chorus
