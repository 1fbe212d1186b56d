#include "TestSupport.h"

#include <QTest>

using namespace chorus;
using namespace chorus::test;

class TestImportTwarcCsv : public QObject
{
    Q_OBJECT
private slots:
    void detectsOwnFixtureOnly();
    void importsTweetsWithAwkwardCases();
    void badRowsRejectedGoodKept();
    void missingRequiredColumnIsFatal();
    void reimportAddsNothing();
};

void TestImportTwarcCsv::detectsOwnFixtureOnly()
{
    const auto formats = detectedFormats();
    QCOMPARE(formats.at(QStringLiteral("twarc_csv.csv")), std::string("twarc-csv"));
    for (const auto &[name, format] : formats)
        if (name != QStringLiteral("twarc_csv.csv"))
            QVERIFY2(format != "twarc-csv", qPrintable(name));
}

void TestImportTwarcCsv::importsTweetsWithAwkwardCases()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report = importPath(*store, dataPath(QStringLiteral("twarc_csv.csv")));
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->format, std::string("twarc-csv"));
    QCOMPARE(report->counts.read, 7);
    QCOMPARE(report->counts.imported, 6);
    QCOMPARE(report->counts.rejected, 1);
    QCOMPARE(report->counts.warnings, 0);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE platform = 'x'"), 6);
    QCOMPARE(count(*store, "SELECT count(*) FROM accounts"), 4);

    // A literal backslash-n in the file is a newline in the post.
    QCOMPARE(
        QString::fromStdString(text(*store, "SELECT text FROM posts WHERE platform_id = '4001'")),
        QStringLiteral("Le député a menti.\nEncore une fois, « la vérité » éclate 😡 #Vérité"));
    QCOMPARE(
        QString::fromStdString(text(*store, "SELECT text FROM posts WHERE platform_id = '4002'")),
        QStringLiteral("这位议员应该辞职。人民不会忘记！"));
    QCOMPARE(text(*store, "SELECT text FROM posts WHERE platform_id = '4007'"),
             std::string("He said \"never\", then did it."));
    QCOMPARE(count(*store, "SELECT created_at FROM posts WHERE platform_id = '4001'"), 1622451600);
    QCOMPARE(count(*store, "SELECT created_at FROM posts WHERE platform_id = '4003'"), 1622451605);

    QCOMPARE(text(*store, "SELECT kind || ':' || repost_of FROM posts WHERE platform_id = '4003'"),
             std::string("repost:4001"));
    QCOMPARE(text(*store, "SELECT kind || ':' || reply_to FROM posts WHERE platform_id = '4004'"),
             std::string("reply:4001"));
    QCOMPARE(text(*store, "SELECT kind || ':' || quote_of FROM posts WHERE platform_id = '4005'"),
             std::string("quote:4002"));
    QCOMPARE(text(*store, "SELECT kind FROM posts WHERE platform_id = '4001'"),
             std::string("post"));

    // Entity lists as "#tag" strings and as objects.
    QCOMPARE(postList(*store, "tag", "4001"), std::string("Vérité"));
    QCOMPARE(postList(*store, "tag", "4002"), std::string("北京"));
    QCOMPARE(postList(*store, "mention", "4001"), std::string("mp_office"));
    QCOMPARE(postList(*store, "mention", "4004"), std::string("marie_qc"));
    QCOMPARE(postList(*store, "url", "4001"), std::string("https://example.org/a"));
    QCOMPARE(postList(*store, "url", "4007"), std::string("https://example.com/x"));
    QCOMPARE(postList(*store, "tag", "4005"), std::string());

    QCOMPARE(
        text(*store, "SELECT latitude || ',' || longitude FROM posts WHERE platform_id = '4002'"),
        std::string("39.9042,116.4074"));
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE latitude IS NOT NULL"), 1);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE language IS NULL"), 1); // 4005

    QCOMPARE(
        text(*store,
             "SELECT handle || '|' || display_name || '|' || location || '|' || bio || '|' || "
             "followers || '|' || following || '|' || post_count || '|' || created_at "
             "FROM accounts WHERE platform_id = '1301'"),
        std::string(
            "marie_qc|Marie Tremblay|Montréal, Québec|Citoyenne engagée 🍁|45|80|1200|1425290400"));
    // A quoted newline inside a CSV cell; the later row without a location erases nothing.
    QCOMPARE(text(*store, "SELECT bio || '|' || location FROM accounts WHERE platform_id = '1302'"),
             std::string("Ligne un\nLigne deux|北京"));
    QCOMPARE(text(*store, "SELECT handle || '|' || coalesce(location, 'none') || '|' || "
                          "coalesce(followers, 'none') "
                          "FROM accounts WHERE platform_id = '1304'"),
             std::string("quiet_one|none|none"));

    // The quoted newline in the description moves the physical lines down by one.
    QCOMPARE(report->firstIssues.size(), size_t(1));
    QCOMPARE(report->firstIssues[0].line, 8);
    QCOMPARE(report->firstIssues[0].field, std::string("created_at"));
    QVERIFY(report->firstIssues[0].reason.find("'not a date'") != std::string::npos);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE platform_id = '4006'"), 0);
}

static const QByteArray Header = "id,author_id,created_at,text,entities.hashtags,author.username,"
                                 "author.public_metrics.followers_count,"
                                 "geo.coordinates.coordinates\n";

void TestImportTwarcCsv::badRowsRejectedGoodKept()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const QByteArray content =
        Header + "8001,81,2022-01-01T00:00:00.000Z,good,\"[\"\"#a\"\"]\",one,10,\n" +
        ",81,2022-01-01T00:00:00.000Z,no id,,,,\n" +
        "8003,,2022-01-01T00:00:00.000Z,no author,,,,\n" + "8004,81,01/01/2022,bad time,,,,\n" +
        "8005,81,2022-01-01T00:00:00.000Z,too few fields\n"
        // Kept, with warnings: a hashtag cell that is no list, a count that is no number,
        // coordinates out of range.
        + "8006,82,2022-01-01T00:06:00.000Z,kept,#notjson,two,many,\"[200.0, 95.0]\"\n" +
        "8007,82,2022-01-01T00:07:00.000Z,\"unterminated,,,,\n";
    const QString path = writeFile(dir, QStringLiteral("bad.csv"), content);
    QCOMPARE(detectFormat(path.toStdString()).value(), std::string("twarc-csv"));
    const auto report = importPath(*store, path);
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->counts.imported, 2);
    QCOMPARE(report->counts.rejected, 5);
    QCOMPARE(report->counts.warnings, 3);
    const auto &issues = report->firstIssues;
    QCOMPARE(issues[0].line, 3);
    QCOMPARE(issues[0].field, std::string("id"));
    QCOMPARE(issues[1].line, 4);
    QCOMPARE(issues[1].field, std::string("author_id"));
    QCOMPARE(issues[2].line, 5);
    QCOMPARE(issues[2].field, std::string("created_at"));
    QVERIFY(issues[2].reason.find("'01/01/2022'") != std::string::npos);
    QCOMPARE(issues[3].line, 6);
    QCOMPARE(issues[3].field, std::string("(row)"));
    QCOMPARE(issues[4].line, 7);
    QCOMPARE(issues[4].field, std::string("author.public_metrics.followers_count"));
    QCOMPARE(issues[5].field, std::string("entities.hashtags"));
    QCOMPARE(issues[6].field, std::string("latitude/longitude"));
    QCOMPARE(issues[7].line, 8);
    QVERIFY(issues[7].reason.find("unterminated") != std::string::npos);
    QCOMPARE(text(*store, "SELECT handle || '|' || coalesce(followers, 'none') FROM accounts "
                          "WHERE platform_id = '82'"),
             std::string("two|none"));
    QCOMPARE(
        count(*store, "SELECT count(*) FROM posts WHERE platform_id = '8006' AND latitude IS NULL"),
        1);
}

void TestImportTwarcCsv::missingRequiredColumnIsFatal()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    ImportOptions options;
    options.format = "twarc-csv";
    const auto report = importPath(
        *store, writeFile(dir, QStringLiteral("x.csv"), "id,author_id,text\n1,2,three\n"), options);
    QVERIFY(!report.ok());
    QVERIFY2(report.error().message.find("column 'created_at' is missing") != std::string::npos,
             report.error().message.c_str());
    QCOMPARE(count(*store, "SELECT count(*) FROM sources"), 0);
}

void TestImportTwarcCsv::reimportAddsNothing()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QVERIFY(importPath(*store, dataPath(QStringLiteral("twarc_csv.csv"))).ok());
    const auto again = importPath(*store, dataPath(QStringLiteral("twarc_csv.csv")));
    QVERIFY(again.ok());
    QVERIFY(again->alreadyImported);
    QCOMPARE(again->counts.duplicates, 6);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts"), 6);
    QCOMPARE(count(*store, "SELECT count(*) FROM import_issues"), 1);
}

QTEST_GUILESS_MAIN(TestImportTwarcCsv)
#include "tst_import_twarccsv.moc"
