#include "TestSupport.h"

#include "store/Schema.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

#include <algorithm>

namespace chorus::test {

QString dataPath(const QString &name)
{
    return QStringLiteral(CHORUS_TEST_DATA "/") + name;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(content);
    return path;
}

QString lineOf(const QString &fixture, int line)
{
    QFile file(dataPath(fixture));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll().split('\n').value(line));
}

Result<ImportReport> importLineOf(const CaseStore &store, const QTemporaryDir &dir,
                                  const QString &fixture, int line)
{
    const QFileInfo name(fixture);
    const QString path =
        writeFile(dir, name.completeBaseName() + "-" + QString::number(line) + "." + name.suffix(),
                  lineOf(fixture, line).toUtf8() + '\n');
    return importPath(store, path);
}

LocatedCopies writeLocatedCopies(const QTemporaryDir &dir, const QString &name,
                                 const QStringList &places)
{
    QString rows = "id,user,when,message,where\n";
    for (int i = 0; i < places.size(); ++i)
        rows += QString("%1,user%1,2024-10-14 23:%2:00,The mayor lied about the water plant "
                        "and must resign today,\"%3\"\n")
                    .arg(i)
                    .arg(10 + i)
                    .arg(places[i]);
    LocatedCopies copies{writeFile(dir, name, rows.toUtf8()), {}};
    copies.options.format = "csv";
    copies.options.mapping = {{"post_id", "id"},
                              {"author", "user"},
                              {"time", "when"},
                              {"text", "message"},
                              {"location", "where"}};
    return copies;
}

std::unique_ptr<CaseStore> makeCase(const QTemporaryDir &dir, const QString &name)
{
    auto store =
        CaseStore::open(dir.filePath(name).toStdString(), CaseStore::OpenMode::OpenOrCreate);
    if (!store)
        qFatal("cannot create case: %s", store.error().message.c_str());
    return std::move(store.value());
}

std::string olderSchemaScript(int version)
{
    // What migration v - 1 -> v added, undone; index v - 8.
    static const char *const undo[] = {
        "DROP TABLE text_index;",
        "DROP TABLE post_minutes;",
        "DROP TABLE post_facets;",
        "DROP INDEX cluster_members_time; ALTER TABLE cluster_members DROP COLUMN created_at;",
        // Before v12 an import built every index itself.
        "CREATE INDEX IF NOT EXISTS posts_kind_time ON posts(kind, created_at); "
        "CREATE INDEX IF NOT EXISTS posts_language_time ON posts(language, created_at); "
        "DROP TABLE pending_indexes;",
        "DROP TABLE page_anchors; DROP TABLE page_anchor_views;",
        "DROP TABLE account_creation_days; DROP TABLE account_creation_made;",
        "DROP TABLE frequent_terms; DROP TABLE frequent_terms_made;",
        "DROP TABLE frequent_term_matches;",
        "DROP TABLE post_key_chunks; DROP TABLE post_key_languages; DROP TABLE post_keys_made;",
        "DROP TABLE cluster_accounts;",
        // v18 kept each chunk's times and accounts first.
        "CREATE TABLE old_key_chunks (first_id INTEGER PRIMARY KEY, time BLOB NOT NULL, account "
        "BLOB NOT NULL, facets BLOB NOT NULL, language BLOB NOT NULL); INSERT INTO old_key_chunks "
        "SELECT first_id, time, account, facets, language FROM post_key_chunks; DROP TABLE "
        "post_key_chunks; ALTER TABLE old_key_chunks RENAME TO post_key_chunks;",
        // v19 kept each chunk's columns in one record.
        "CREATE TABLE post_key_chunks (first_id INTEGER PRIMARY KEY, facets BLOB NOT NULL, "
        "language BLOB NOT NULL, time BLOB NOT NULL, account BLOB NOT NULL); INSERT INTO "
        "post_key_chunks SELECT f.first_id, f.facets, l.language, o.time, o.account FROM "
        "post_key_facet_chunks f JOIN post_key_language_chunks l USING (first_id) JOIN "
        "post_key_order_chunks o USING (first_id); DROP TABLE post_key_facet_chunks; DROP TABLE "
        "post_key_language_chunks; DROP TABLE post_key_order_chunks;",
    };
    const int known = 7 + int(std::size(undo));
    if (schema::currentVersion() != known || version < 7 || version > known)
        qFatal("olderSchemaScript knows versions 7 to %d, not %d (schema %d)", known, version,
               schema::currentVersion());
    std::string script;
    for (int v = known; v > version; --v)
        script += undo[v - 8];
    return script + " PRAGMA user_version = " + std::to_string(version) + ";";
}

std::unique_ptr<CaseStore> reopenUpgraded(std::unique_ptr<CaseStore> store, int version)
{
    store->db().execScript(olderSchemaScript(version).c_str());
    const std::string path = store->path();
    store.reset();
    auto upgraded = CaseStore::open(path);
    if (!upgraded)
        qFatal("cannot open the older case: %s", upgraded.error().message.c_str());
    if (count(*upgraded.value(), "PRAGMA user_version") != schema::currentVersion())
        qFatal("the older case was not upgraded");
    return std::move(upgraded.value());
}

Result<ImportReport> importPath(const CaseStore &store, const QString &path,
                                const ImportOptions &options)
{
    NullProgress progress;
    return importFile(store, path.toStdString(), options, progress);
}

std::int64_t count(const CaseStore &store, const char *sql)
{
    return store.db().queryInt64(sql, -1);
}

std::string text(const CaseStore &store, const char *sql)
{
    Statement statement = store.db().prepare(sql);
    return statement.step() ? statement.text(0) : std::string("<no row>");
}

std::string postList(const CaseStore &store, const std::string &what, const std::string &platformId)
{
    const std::string table = what == "tag"       ? "post_hashtags"
                              : what == "mention" ? "post_mentions"
                                                  : "post_urls";
    const std::string column = what == "tag" ? "tag" : what == "mention" ? "handle" : "url";
    Statement statement = store.db().prepare(
        "SELECT coalesce(group_concat(value, '|'), '') FROM (SELECT l." + column +
        " AS value FROM " + table +
        " l JOIN posts p ON p.id = l.post_id WHERE p.platform_id = ? ORDER BY 1)");
    statement.bind(1, platformId);
    return statement.step() ? statement.text(0) : std::string("<no row>");
}

std::map<QString, std::string> detectedFormats()
{
    std::map<QString, std::string> formats;
    const QDir data(QStringLiteral(CHORUS_TEST_DATA));
    for (const QString &name : data.entryList(QDir::Files)) {
        if (name == QStringLiteral("README.md"))
            continue;
        const auto format = detectFormat(data.filePath(name).toStdString());
        formats[name] = format ? format.value() : "error: " + format.error().message;
    }
    return formats;
}

QStringList misdetectedFixtures(const QString &prefix, const std::string &format)
{
    QStringList wrong;
    for (const auto &[name, detected] : detectedFormats())
        if (name.startsWith(prefix) != (detected == format))
            wrong << name + QStringLiteral(": ") + QString::fromStdString(detected);
    return wrong;
}

QString writeRepostsCsv(const QTemporaryDir &dir, int rows, int objects, int accounts)
{
    QByteArray csv = "object_id,account_id,content_id,timestamp_share\n";
    for (int i = 0; i < rows; ++i)
        csv += "o" + QByteArray::number(i % objects) + ",a" + QByteArray::number(i % accounts) +
               ",c" + QByteArray::number(i) + "," + QByteArray::number(1600000000 + i) + "\n";
    return writeFile(dir, QStringLiteral("reposts.csv"), csv);
}

CliResult runCli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(CHORUS_CLI_PATH), arguments);
    CliResult result;
    if (!process.waitForFinished(120000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

ImportOptions genericPostsMapping()
{
    ImportOptions options;
    options.format = "csv";
    options.mapping = {
        {"author", "user"},          {"time", "when"},          {"text", "message"},
        {"post_id", "post"},         {"handle", "screen_name"}, {"repost_of", "retweet_of"},
        {"reply_to", "in_reply_to"}, {"quote_of", "quoting"},   {"url", "links"},
        {"hashtag", "tags"},         {"mention", "mentions"},   {"location", "place"},
        {"lang", "language"},        {"created", "joined"}};
    return options;
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

std::string randomText(Lcg &random)
{
    std::string text;
    for (int i = 0; i < 40; ++i)
        text += i % 8 == 7 ? ' ' : char('a' + random.next(26));
    return text;
}

std::vector<std::int64_t> idsInOrder(std::vector<std::array<std::int64_t, 3>> keys, bool descending)
{
    std::sort(keys.begin(), keys.end());
    if (descending)
        std::reverse(keys.begin(), keys.end());
    std::vector<std::int64_t> order;
    for (const auto &key : keys)
        order.push_back(key[2]);
    return order;
}

std::vector<std::int64_t> idsOf(const std::vector<PostRow> &rows)
{
    std::vector<std::int64_t> ids;
    for (const PostRow &row : rows)
        ids.push_back(row.id);
    return ids;
}

} // namespace chorus::test
