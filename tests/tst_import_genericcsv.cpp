#include "TestSupport.h"

#include <QTest>

using namespace chorus;
using namespace chorus::test;

class TestImportGenericCsv : public QObject
{
    Q_OBJECT
private slots:
    void neverDetected();
    void importsWithFullMapping();
    void minimalMappingNamesPostsByLine();
    void mappingErrors_data();
    void mappingErrors();
    void tabSeparatedWithListsAndCoordinates();
    void reimportAddsNothing();
};

static ImportOptions minimalMapping()
{
    ImportOptions options;
    options.format = "csv";
    options.mapping = {{"author", "user"}, {"time", "when"}};
    return options;
}

void TestImportGenericCsv::neverDetected()
{
    for (const auto &[name, format] : detectedFormats())
        QVERIFY2(format != "csv", qPrintable(name));
    const auto detected = detectFormat(dataPath(QStringLiteral("generic_posts.csv")).toStdString());
    QVERIFY(!detected.ok());
    QVERIFY(detected.error().message.find("--format") != std::string::npos);
}

void TestImportGenericCsv::importsWithFullMapping()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report =
        importPath(*store, dataPath(QStringLiteral("generic_posts.csv")), genericPostsMapping());
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->format, std::string("csv"));
    QCOMPARE(report->counts.read, 8);
    QCOMPARE(report->counts.imported, 6);
    QCOMPARE(report->counts.rejected, 2);
    QCOMPARE(report->counts.warnings, 0);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE platform = 'csv'"), 6);
    QCOMPARE(count(*store, "SELECT count(*) FROM accounts WHERE platform = 'csv'"), 4);

    QCOMPARE(
        QString::fromStdString(text(*store, "SELECT text FROM posts WHERE platform_id = 'p1'")),
        QStringLiteral("Le député a menti.\n« la vérité » éclate 😡"));
    QCOMPARE(
        QString::fromStdString(text(*store, "SELECT text FROM posts WHERE platform_id = 'p2'")),
        QStringLiteral("这位议员应该辞职。人民不会忘记！"));
    // Every timestamp form parseTimestamp knows: "YYYY-MM-DD HH:MM:SS", ISO, epoch, v1.1, no
    // seconds.
    QCOMPARE(text(*store, "SELECT group_concat(created_at, ',') FROM (SELECT created_at FROM posts "
                          "ORDER BY platform_id)"),
             std::string("1614592800,1614593100,1614593400,1614594000,1614594600,1614596400"));

    QCOMPARE(text(*store, "SELECT kind || ':' || repost_of FROM posts WHERE platform_id = 'p3'"),
             std::string("repost:p1"));
    QCOMPARE(text(*store, "SELECT kind || ':' || reply_to FROM posts WHERE platform_id = 'p4'"),
             std::string("reply:p1"));
    QCOMPARE(text(*store, "SELECT kind || ':' || quote_of FROM posts WHERE platform_id = 'p5'"),
             std::string("quote:p2"));
    // NA is missing: p1 is a post, not a repost of "NA".
    QCOMPARE(
        text(*store, "SELECT kind || coalesce(repost_of, '') FROM posts WHERE platform_id = 'p1'"),
        std::string("post"));

    // Several values per cell: spaces, semicolons, commas, JSON and Python lists; sigils dropped.
    QCOMPARE(postList(*store, "url", "p1"),
             std::string("https://example.org/a|https://example.org/b"));
    QCOMPARE(postList(*store, "url", "p5"),
             std::string("https://example.org/c|https://example.org/d"));
    QCOMPARE(postList(*store, "tag", "p1"), std::string("Québec|Vérité"));
    QCOMPARE(postList(*store, "tag", "p2"), std::string("人民|北京"));
    QCOMPARE(postList(*store, "mention", "p1"), std::string("mp_office"));
    QCOMPARE(postList(*store, "mention", "p4"), std::string("marie_qc"));
    QCOMPARE(postList(*store, "tag", "p8"), std::string());

    QCOMPARE(text(*store, "SELECT handle || '|' || location || '|' || created_at FROM accounts "
                          "WHERE platform_id = 'u1'"),
             std::string("marie_qc|Montréal, Québec|1425254400"));
    QCOMPARE(
        count(*store, "SELECT count(*) FROM accounts WHERE platform_id = 'u3' AND handle IS NULL"),
        1);
    QCOMPARE(text(*store, "SELECT language FROM posts WHERE platform_id = 'p2'"),
             std::string("zh"));
    QCOMPARE(
        count(*store, "SELECT count(*) FROM posts WHERE platform_id = 'p8' AND language IS NULL"),
        1);

    // Problems name the file's own column and the physical line (line 2 holds a quoted newline).
    const auto &issues = report->firstIssues;
    QCOMPARE(issues.size(), size_t(2));
    QCOMPARE(issues[0].line, 8);
    QCOMPARE(issues[0].field, std::string("when"));
    QVERIFY(issues[0].reason.find("'next tuesday'") != std::string::npos);
    QCOMPARE(issues[1].line, 9);
    QCOMPARE(issues[1].field, std::string("user"));
    QCOMPARE(issues[1].reason, std::string("missing author"));
}

void TestImportGenericCsv::minimalMappingNamesPostsByLine()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report =
        importPath(*store, dataPath(QStringLiteral("generic_posts.csv")), minimalMapping());
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->counts.imported, 6);
    QCOMPARE(report->counts.rejected, 2);
    QCOMPARE(text(*store, "SELECT group_concat(platform_id, ',') FROM (SELECT platform_id FROM "
                          "posts ORDER BY id)"),
             std::string("generic_posts.csv:2,generic_posts.csv:4,generic_posts.csv:5,"
                         "generic_posts.csv:6,generic_posts.csv:7,generic_posts.csv:10"));
    // Without a text role, posts have no text; without reference roles, all are posts.
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE text = '' AND kind = 'post'"), 6);
}

void TestImportGenericCsv::mappingErrors_data()
{
    QTest::addColumn<QStringList>("mapping");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no mapping at all")
        << QStringList() << QStringLiteral("needs the role 'author': add --map author=COLUMN");
    QTest::newRow("time missing") << QStringList{QStringLiteral("author=user")}
                                  << QStringLiteral("needs the role 'time'");
    QTest::newRow("column not in header")
        << QStringList{QStringLiteral("author=usr"), QStringLiteral("time=when")}
        << QStringLiteral("column 'usr' (mapped to role 'author') is not in the header; the file's "
                          "columns are: post, user, screen_name, when, message");
    QTest::newRow("unknown role") << QStringList{QStringLiteral("author=user"),
                                                 QStringLiteral("time=when"),
                                                 QStringLiteral("likes=message")}
                                  << QStringLiteral("unknown role 'likes'");
}

void TestImportGenericCsv::mappingErrors()
{
    QFETCH(QStringList, mapping);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    auto store = makeCase(dir);
    ImportOptions options;
    options.format = "csv";
    for (const QString &pair : mapping)
        options.mapping[pair.section(QLatin1Char('='), 0, 0).toStdString()] =
            pair.section(QLatin1Char('='), 1).toStdString();
    const auto report = importPath(*store, dataPath(QStringLiteral("generic_posts.csv")), options);
    QVERIFY(!report.ok());
    const QString message = QString::fromStdString(report.error().message);
    QVERIFY2(message.contains(expected), qPrintable(message));
    QCOMPARE(count(*store, "SELECT count(*) FROM sources"), 0);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts"), 0);
}

void TestImportGenericCsv::tabSeparatedWithListsAndCoordinates()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const QByteArray content = "Author\tTime\tLat\tLon\tUrls\tText\n"
                               "a1\t2021-03-01 10:00\t45.5017\t-73.5673\t[\"https://x.example/1\", "
                               "\"https://x.example/2\"]\tun\n"
                               "a2\t2021-03-01 10:01\t95\t10\t\tdeux\n"
                               "a3\t2021-03-01 10:02\tnorth\t10\t\ttrois\n";
    ImportOptions options;
    options.format = "csv";
    options.mapping = {{"author", "author"}, {"time", "time"}, {"latitude", "Lat"},
                       {"longitude", "Lon"}, {"url", "Urls"},  {"text", "Text"}};
    const auto report =
        importPath(*store, writeFile(dir, QStringLiteral("posts.tsv"), content), options);
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->counts.imported, 3);
    // Latitude 95 is out of range; "north" is no number, which leaves a longitude alone.
    QCOMPARE(report->counts.warnings, 3);
    QCOMPARE(
        text(*store,
             "SELECT latitude || ',' || longitude FROM posts WHERE platform_id = 'posts.tsv:2'"),
        std::string("45.5017,-73.5673"));
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE latitude IS NOT NULL"), 1);
    QCOMPARE(postList(*store, "url", "posts.tsv:2"),
             std::string("https://x.example/1|https://x.example/2"));
    QCOMPARE(report->firstIssues[0].field, std::string("latitude/longitude"));
    QCOMPARE(report->firstIssues[1].field, std::string("Lat"));
    QCOMPARE(report->firstIssues[1].line, 4);
    QCOMPARE(report->firstIssues[2].field, std::string("latitude/longitude"));
}

void TestImportGenericCsv::reimportAddsNothing()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QVERIFY(
        importPath(*store, dataPath(QStringLiteral("generic_posts.csv")), minimalMapping()).ok());
    const auto again =
        importPath(*store, dataPath(QStringLiteral("generic_posts.csv")), minimalMapping());
    QVERIFY(again.ok());
    QVERIFY(again->alreadyImported);
    QCOMPARE(again->counts.duplicates, 6);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts"), 6);
    QCOMPARE(count(*store, "SELECT count(*) FROM sources"), 1);
}

QTEST_GUILESS_MAIN(TestImportGenericCsv)
#include "tst_import_genericcsv.moc"
