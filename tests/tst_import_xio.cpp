#include "TestSupport.h"
#include "store/TextIndex.h"

#include <QTest>

using namespace chorus;
using namespace chorus::test;

class TestImportXArchive : public QObject
{
    Q_OBJECT
private slots:
    void detectsFormat();
    void importsTweetsWithAwkwardCases();
    void badTimestampRejectedOthersKept();
    void reimportAddsNothing();
    void usersFileFillsAccountsWithoutErasing();
};

void TestImportXArchive::detectsFormat()
{
    QCOMPARE(detectFormat(dataPath(QStringLiteral("x_io_tweets.csv")).toStdString()).value(),
             std::string("x-io"));
    QCOMPARE(detectFormat(dataPath(QStringLiteral("x_io_users.csv")).toStdString()).value(),
             std::string("x-io"));
}

void TestImportXArchive::importsTweetsWithAwkwardCases()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report = importPath(*store, dataPath(QStringLiteral("x_io_tweets.csv")));
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->format, std::string("x-io"));
    QCOMPARE(report->counts.read, 8);
    QCOMPARE(report->counts.imported, 7);
    QCOMPARE(report->counts.rejected, 1);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts"), 7);
    QCOMPARE(count(*store, "SELECT count(*) FROM accounts"), 3);

    // Quoted newline, French guillemets and emoji survive byte for byte.
    QCOMPARE(
        QString::fromStdString(text(*store, "SELECT text FROM posts WHERE platform_id = '1002'")),
        QStringLiteral("Le député a menti.\nEncore une fois, « la vérité » éclate 😡"));
    QCOMPARE(
        QString::fromStdString(text(*store, "SELECT text FROM posts WHERE platform_id = '1003'")),
        QStringLiteral("这位议员应该辞职。人民不会忘记！"));
    QCOMPARE(text(*store, "SELECT text FROM posts WHERE platform_id = '1006'"),
             std::string("He said \"never\", then did it, twice."));
    // Time: minute precision, UTC.
    QCOMPARE(count(*store, "SELECT created_at FROM posts WHERE platform_id = '1001'"), 1503155580);
    // Kinds and references.
    QCOMPARE(text(*store, "SELECT kind || ':' || repost_of FROM posts WHERE platform_id = '1004'"),
             std::string("repost:900"));
    QCOMPARE(text(*store, "SELECT kind || ':' || reply_to FROM posts WHERE platform_id = '1005'"),
             std::string("reply:1001"));
    QCOMPARE(text(*store, "SELECT kind || ':' || quote_of FROM posts WHERE platform_id = '1006'"),
             std::string("quote:1001"));
    QCOMPARE(text(*store, "SELECT kind FROM posts WHERE platform_id = '1001'"),
             std::string("post"));
    // Coordinates: 'absent' is missing, numbers are kept.
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE latitude IS NOT NULL"), 1);
    QCOMPARE(
        text(*store, "SELECT latitude || ',' || longitude FROM posts WHERE platform_id = '1006'"),
        std::string("45.5017,-73.5673"));
    // Python-style lists.
    QCOMPARE(text(*store,
                  "SELECT group_concat(tag, '|') FROM (SELECT tag FROM post_hashtags h "
                  "JOIN posts p ON p.id = h.post_id WHERE p.platform_id = '1008' ORDER BY tag)"),
             std::string("Canada's|Rally"));
    QCOMPARE(count(*store, "SELECT count(*) FROM post_urls"), 3);
    QCOMPARE(count(*store, "SELECT count(*) FROM post_mentions"), 3);
    // Accounts: counts written as floats, creation date, location.
    QCOMPARE(text(*store, "SELECT followers || '/' || following || '/' || location FROM accounts "
                          "WHERE platform_id LIKE 'a1b2%'"),
             std::string("1200/300/Waikato District, New Zealand"));
    QCOMPARE(count(*store, "SELECT created_at FROM accounts WHERE platform_id LIKE 'a1b2%'"),
             1480809600);
    // The text index is left for later (store/TextIndex), then covers the new posts.
    QCOMPARE(count(*store, "SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'buzzing'"), 0);
    QCOMPARE(textIndexState(store->db())->pendingPosts, 7);
    NullProgress progress;
    QCOMPARE(updateTextIndex(store->db(), progress).value(), 7);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'buzzing'"), 1);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'verite'"), 1);
}

void TestImportXArchive::badTimestampRejectedOthersKept()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report = importPath(*store, dataPath(QStringLiteral("x_io_tweets.csv")));
    QVERIFY(report.ok());
    QCOMPARE(report->firstIssues.size(), size_t(1));
    const ImportIssue &issue = report->firstIssues.front();
    QCOMPARE(issue.line, 9); // the quoted newline in line 3 shifts the physical lines
    QCOMPARE(issue.field, std::string("tweet_time"));
    QVERIFY(issue.reason.find("yesterday at noon") != std::string::npos);
    QCOMPARE(
        count(*store, "SELECT count(*) FROM import_issues WHERE line = 9 AND field = 'tweet_time'"),
        1);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE platform_id = '1007'"), 0);
    QCOMPARE(count(*store, "SELECT rows_rejected FROM sources"), 1);
}

void TestImportXArchive::reimportAddsNothing()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QVERIFY(importPath(*store, dataPath(QStringLiteral("x_io_tweets.csv"))).ok());
    NullProgress progress;
    QCOMPARE(updateTextIndex(store->db(), progress).value(), 7);
    const auto again = importPath(*store, dataPath(QStringLiteral("x_io_tweets.csv")));
    QVERIFY(again.ok());
    QVERIFY(again->alreadyImported);
    QCOMPARE(again->counts.imported, 0);
    QCOMPARE(again->counts.duplicates, 7);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts"), 7);
    QCOMPARE(count(*store, "SELECT count(*) FROM sources"), 1);
    QCOMPARE(count(*store, "SELECT count(*) FROM import_issues"), 1);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts_fts_docsize"), 7);
    QCOMPARE(textIndexState(store->db())->pendingPosts, 0);
}

void TestImportXArchive::usersFileFillsAccountsWithoutErasing()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QVERIFY(importPath(*store, dataPath(QStringLiteral("x_io_tweets.csv"))).ok());
    const auto users = importPath(*store, dataPath(QStringLiteral("x_io_users.csv")));
    QVERIFY2(users.ok(), users.ok() ? "" : users.error().message.c_str());
    QCOMPARE(users->counts.newAccounts, 1);
    QCOMPARE(count(*store, "SELECT count(*) FROM accounts"), 4);
    // The users file's newer follower count wins; the location stays.
    QCOMPARE(
        text(*store,
             "SELECT followers || '/' || location FROM accounts WHERE platform_id LIKE 'a1b2%'"),
        std::string("1500/Waikato District, New Zealand"));
}

QTEST_GUILESS_MAIN(TestImportXArchive)
#include "tst_import_xio.moc"
