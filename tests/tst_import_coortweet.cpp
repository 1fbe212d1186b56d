#include "TestSupport.h"

#include <QTest>

using namespace chorus;
using namespace chorus::test;

class TestImportCooRTweet : public QObject
{
    Q_OBJECT
private slots:
    void importsRealSample();
    void rowsAreRepostsOfTheObject();
};

void TestImportCooRTweet::importsRealSample()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const QString path = dataPath(QStringLiteral("russian_coord_tweets.csv"));
    QCOMPARE(detectFormat(path.toStdString()).value(), std::string("coortweet"));
    const auto report = importPath(*store, path);
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->counts.read, 35125);
    QCOMPARE(report->counts.rejected, 0);
    QCOMPARE(count(*store, "SELECT count(*) FROM accounts"), 9509);
    QCOMPARE(count(*store, "SELECT count(DISTINCT repost_of) FROM posts"), 7285);
    // 40 contents share two objects each: every share is kept as a post of its own. One row
    // (content 013f748a..., line 23 or so) appears twice, byte for byte: a duplicate.
    QCOMPARE(report->counts.imported, 35124);
    QCOMPARE(report->counts.duplicates, 1);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts"), 35124);
    QCOMPARE(count(*store, "SELECT count(DISTINCT substr(platform_id, 1, 32)) FROM posts"), 35085);
}

void TestImportCooRTweet::rowsAreRepostsOfTheObject()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const QString path = writeFile(dir, QStringLiteral("shares.csv"),
                                   "object_id,account_id,content_id,timestamp_share\n"
                                   "obj1,acc1,c1,1623881091\n"
                                   "obj1,acc2,c2,1623881095\n"
                                   "obj2,acc1,c3,not-a-time\n");
    const auto report = importPath(*store, path);
    QVERIFY(report.ok());
    QCOMPARE(report->counts.imported, 2);
    QCOMPARE(report->counts.rejected, 1);
    QCOMPARE(report->firstIssues.front().line, 4);
    QCOMPARE(report->firstIssues.front().field, std::string("timestamp_share"));
    QCOMPARE(text(*store, "SELECT group_concat(kind || '>' || repost_of, ' ') FROM posts"),
             std::string("repost>obj1 repost>obj1"));
    QCOMPARE(text(*store, "SELECT platform_id FROM posts ORDER BY id LIMIT 1"),
             std::string("c1:obj1"));
}

QTEST_GUILESS_MAIN(TestImportCooRTweet)
#include "tst_import_coortweet.moc"
