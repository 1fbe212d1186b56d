#include "PostCollection.h"

#include "TestSupport.h"
#include "text/TimeParser.h"

#include <QTest>

namespace chorus::test {

namespace {

QByteArray csvField(const std::string &value)
{
    QByteArray field = QByteArray::fromStdString(value);
    field.replace('"', "\"\"");
    return '"' + field + '"';
}

std::string jsonList(const std::vector<std::string> &items)
{
    std::string list;
    for (const std::string &item : items) {
        list += list.empty() ? "[\"" : ",\"";
        for (char c : item) {
            if (c == '"' || c == '\\')
                list += '\\';
            list += c;
        }
        list += '"';
    }
    return list.empty() ? std::string() : list + "]";
}

std::map<std::string, std::int64_t> idsByPlatformId(const CaseStore &store, const char *table)
{
    std::map<std::string, std::int64_t> ids;
    Statement s = store.db().prepare(std::string("SELECT platform_id, id FROM ") + table);
    while (s.step())
        ids[s.text(0)] = s.int64(1);
    return ids;
}

} // namespace

void PostCollection::account(const std::string &platformId, const Profile &profile)
{
    m_profiles[platformId] = profile;
}

std::string PostCollection::post(const Post &post)
{
    m_posts.push_back(post);
    return "p" + std::to_string(m_posts.size());
}

std::string PostCollection::repost(const std::string &account, std::int64_t time,
                                   const std::string &object, const std::string &text)
{
    Post p;
    p.account = account;
    p.time = time;
    p.repostOf = object;
    p.text = text;
    return post(p);
}

std::int64_t PostCollection::Ids::account(const std::string &platformId) const
{
    const auto it = m_accounts.find(platformId);
    if (it == m_accounts.end())
        qFatal("no account %s in the case", platformId.c_str());
    return it->second;
}

std::int64_t PostCollection::Ids::post(const std::string &platformId) const
{
    const auto it = m_posts.find(platformId);
    if (it == m_posts.end())
        qFatal("no post %s in the case", platformId.c_str());
    return it->second;
}

PostCollection::Ids PostCollection::importInto(const CaseStore &store,
                                               const QTemporaryDir &dir) const
{
    QByteArray csv = "post_id,author,handle,created,time,text,repost_of,reply_to,urls,tags,lang\n";
    for (std::size_t i = 0; i < m_posts.size(); ++i) {
        const Post &p = m_posts[i];
        const auto profile = m_profiles.find(p.account);
        const bool known = profile != m_profiles.end();
        const std::string created = known && profile->second.createdAt
                                        ? formatTimestamp(*profile->second.createdAt)
                                        : std::string();
        const QList<QByteArray> fields = {csvField("p" + std::to_string(i + 1)),
                                          csvField(p.account),
                                          csvField(known ? profile->second.handle : std::string()),
                                          csvField(created),
                                          csvField(formatTimestamp(p.time)),
                                          csvField(p.text),
                                          csvField(p.repostOf),
                                          csvField(p.replyTo),
                                          csvField(jsonList(p.urls)),
                                          csvField(jsonList(p.hashtags)),
                                          csvField(p.language)};
        csv += fields.join(',') + '\n';
    }
    // A new file for each import: importing a collection again after adding posts brings
    // in only the new ones (the others are duplicates by post id).
    static int files = 0;
    const QString path = writeFile(dir, QStringLiteral("collection-%1.csv").arg(++files), csv);
    ImportOptions options;
    options.format = "csv";
    options.mapping = {{"post_id", "post_id"},     {"author", "author"},     {"handle", "handle"},
                       {"created", "created"},     {"time", "time"},         {"text", "text"},
                       {"repost_of", "repost_of"}, {"reply_to", "reply_to"}, {"url", "urls"},
                       {"hashtag", "tags"},        {"lang", "lang"}};
    const auto report = importPath(store, path, options);
    if (!report)
        qFatal("importing the collection failed: %s", report.error().message.c_str());
    if (report->counts.rejected != 0)
        qFatal("the importer rejected %lld rows of the collection",
               static_cast<long long>(report->counts.rejected));
    Ids ids;
    ids.m_accounts = idsByPlatformId(store, "accounts");
    ids.m_posts = idsByPlatformId(store, "posts");
    return ids;
}

} // namespace chorus::test
