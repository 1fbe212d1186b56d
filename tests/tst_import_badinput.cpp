#include "TestSupport.h"

#include <QFile>
#include <QTest>

using namespace chorus;
using namespace chorus::test;

// A file that is not what it claims fails whole, with one clear message, and writes nothing;
// bad rows are rejected one by one and the good rows kept.
class TestImportBadInput : public QObject
{
    Q_OBJECT
private slots:
    void fileLevelFailures_data();
    void fileLevelFailures();
    void malformedRowsRejectedGoodRowsKept();
    void invalidUtf8KeptWithWarning();
    void strictRollsBackEverything();
    void failedImportKeepsEarlierData();
    void cancelRollsBack();
};

static const QByteArray CooHeader = "object_id,account_id,content_id,timestamp_share\n";

void TestImportBadInput::fileLevelFailures_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty file") << QByteArray() << QString() << QStringLiteral("empty");
    QTest::newRow("binary file") << QByteArray("\x7F"
                                               "ELF\x02\x01\x01\0\0\0garbage",
                                               18)
                                 << QString() << QStringLiteral("binary");
    QTest::newRow("unknown columns")
        << QByteArray("foo,bar\n1,2\n") << QString() << QStringLiteral("unknown format");
    QTest::newRow("gzip") << QByteArray("\x1F\x8B\x08\x00rest") << QString()
                          << QStringLiteral("gzip");
    QTest::newRow("forced format, missing column")
        << QByteArray("foo,bar\n1,2\n") << QStringLiteral("coortweet")
        << QStringLiteral("column 'object_id' is missing");
    QTest::newRow("unknown format name")
        << QByteArray("a\n") << QStringLiteral("nope") << QStringLiteral("unknown format 'nope'");
    QTest::newRow("header only") << CooHeader << QString() << QStringLiteral("no records");
}

void TestImportBadInput::fileLevelFailures()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, format);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const QString path = writeFile(dir, QStringLiteral("input.csv"), content);
    ImportOptions options;
    options.format = format.toStdString();
    const auto report = importPath(*store, path, options);
    QVERIFY(!report.ok());
    const QString message = QString::fromStdString(report.error().message);
    QVERIFY2(message.contains(expected), qPrintable(message));
    QCOMPARE(count(*store, "SELECT count(*) FROM sources"), 0);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts"), 0);
}

void TestImportBadInput::malformedRowsRejectedGoodRowsKept()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const QString path = writeFile(dir, QStringLiteral("rows.csv"),
                                   CooHeader + "o1,a1,c1,1623881091\n"
                                               "o1,a2,c2\n"          // too few fields
                                               ",a3,c3,1623881091\n" // missing object
                                               "o1,a4,c4,1623881099\n"
                                               "o2,a5,c5,\"1623881091\n"); // unterminated quote
    const auto report = importPath(*store, path);
    QVERIFY(report.ok());
    QCOMPARE(report->counts.imported, 2);
    QCOMPARE(report->counts.rejected, 3);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts"), 2);
    QCOMPARE(report->firstIssues[0].line, 3);
    QVERIFY(report->firstIssues[0].reason.find("expected 4 fields, found 3") != std::string::npos);
    QCOMPARE(report->firstIssues[1].line, 4);
    QCOMPARE(report->firstIssues[1].field, std::string("object_id"));
    QCOMPARE(report->firstIssues[2].line, 6);
    QVERIFY(report->firstIssues[2].reason.find("unterminated") != std::string::npos);
}

void TestImportBadInput::invalidUtf8KeptWithWarning()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QFile fixture(dataPath(QStringLiteral("x_io_tweets.csv")));
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    QByteArray bytes = fixture.readAll();
    bytes.replace("Two tags and a mention", "Two tags and a \xE9mention");
    const QString path = writeFile(dir, QStringLiteral("latin1.csv"), bytes);
    const auto report = importPath(*store, path);
    QVERIFY(report.ok());
    QCOMPARE(report->counts.imported, 7);
    QCOMPARE(report->counts.warnings, 1);
    QCOMPARE(text(*store, "SELECT text FROM posts WHERE platform_id = '1008'"),
             std::string("Two tags and a \xEF\xBF\xBDmention"));
    QCOMPARE(count(*store, "SELECT count(*) FROM import_issues WHERE severity = 'warning' "
                           "AND field = 'tweet_text' AND line = 10"),
             1);
}

void TestImportBadInput::strictRollsBackEverything()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    ImportOptions strict;
    strict.strict = true;
    const auto report = importPath(*store, dataPath(QStringLiteral("x_io_tweets.csv")), strict);
    QVERIFY(!report.ok());
    QVERIFY2(report.error().message.find("x_io_tweets.csv:9: tweet_time") != std::string::npos,
             report.error().message.c_str());
    for (const char *table :
         {"sources", "posts", "accounts", "post_hashtags", "import_issues", "posts_fts"}) {
        const std::string sql = std::string("SELECT count(*) FROM ") + table;
        QVERIFY2(count(*store, sql.c_str()) == 0, table);
    }
}

void TestImportBadInput::failedImportKeepsEarlierData()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QVERIFY(importPath(*store, dataPath(QStringLiteral("x_io_users.csv"))).ok());
    const auto before = count(*store, "SELECT count(*) FROM accounts");
    ImportOptions strict;
    strict.strict = true;
    QVERIFY(!importPath(*store, dataPath(QStringLiteral("x_io_tweets.csv")), strict).ok());
    QCOMPARE(count(*store, "SELECT count(*) FROM accounts"), before);
    QCOMPARE(count(*store, "SELECT count(*) FROM sources"), 1);
    QCOMPARE(count(*store, "SELECT followers FROM accounts WHERE platform_id LIKE 'a1b2%'"), 1500);
}

void TestImportBadInput::cancelRollsBack()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    CancelToken token;
    token.request();
    CallbackProgress progress({}, &token);
    const auto report = importFile(
        *store, dataPath(QStringLiteral("russian_coord_tweets.csv")).toStdString(), {}, progress);
    QVERIFY(!report.ok());
    QVERIFY(report.error().cancelled);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts"), 0);
    QCOMPARE(count(*store, "SELECT count(*) FROM sources"), 0);
}

QTEST_GUILESS_MAIN(TestImportBadInput)
#include "tst_import_badinput.moc"
