#include "TestSupport.h"
#include "store/TextIndex.h"

#include <QFile>
#include <QTest>

using namespace chorus;
using namespace chorus::test;

class TestImportTwarc2 : public QObject
{
    Q_OBJECT
private slots:
    void detectsOwnFixturesOnly();
    void detectsPageLongerThanTheHead();
    void importsPagesJoiningUsers();
    void importsFlattenedTweets();
    void badRecordsRejectedGoodKept();
    void wrongTypesWarnedOrRejected();
    void cutOffCaptureKeepsCompleteRecords();
    void reimportAddsNothing();
    void sameTweetFromV1AndV2Deduplicates();
};

static QByteArray fixture(const QString &name)
{
    QFile file(dataPath(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture");
    return file.readAll();
}

void TestImportTwarc2::detectsOwnFixturesOnly()
{
    const auto formats = detectedFormats();
    QCOMPARE(formats.at(QStringLiteral("twarc2_pages.jsonl")), std::string("twarc2"));
    QCOMPARE(formats.at(QStringLiteral("twarc2_flat.jsonl")), std::string("twarc2"));
    const QStringList wrong = misdetectedFixtures(QStringLiteral("twarc2_"), "twarc2");
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QStringLiteral(", "))));
}

void TestImportTwarc2::detectsPageLongerThanTheHead()
{
    // A page of 100 tweets is often longer than the 64 KiB that detection looks at.
    QByteArray page = R"({"data":[)";
    for (int i = 0; i < 300; ++i) {
        page += (i ? "," : "") + QByteArray(R"({"id":")") + QByteArray::number(9000 + i) +
                R"(","author_id":"91","created_at":"2022-02-02T02:02:02.000Z","text":")" +
                QByteArray(300, 'x') + R"("})";
    }
    page += R"(],"includes":{"users":[{"id":"91","username":"long_page"}]},"meta":{}})"
            "\n";
    QVERIFY(page.size() > 64 * 1024);
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("long.jsonl"), page);
    QCOMPARE(detectFormat(path.toStdString()).value(), std::string("twarc2"));
    auto store = makeCase(dir);
    const auto report = importPath(*store, path);
    QVERIFY(report.ok());
    QCOMPARE(report->counts.imported, 300);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts p JOIN accounts a ON a.id = p.account_id "
                           "WHERE a.handle = 'long_page'"),
             300);
}

void TestImportTwarc2::importsPagesJoiningUsers()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report = importPath(*store, dataPath(QStringLiteral("twarc2_pages.jsonl")));
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->format, std::string("twarc2"));
    // Two pages of three results, one included (quoted) tweet; the third line holds only errors.
    QCOMPARE(report->counts.read, 6);
    QCOMPARE(report->counts.context, 1);
    QCOMPARE(report->counts.imported, 7);
    QCOMPARE(report->counts.rejected, 0);
    QCOMPARE(report->counts.warnings, 0);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE platform = 'x'"), 7);
    // Authors, the mentioned account without posts, and the author missing from includes.
    QCOMPARE(count(*store, "SELECT count(*) FROM accounts"), 6);

    QCOMPARE(
        QString::fromStdString(text(*store, "SELECT text FROM posts WHERE platform_id = '2001'")),
        QStringLiteral(
            "Le député a menti, « la vérité » éclate 😡 #Vérité @mp_office https://t.co/abc"));
    QCOMPARE(
        QString::fromStdString(text(*store, "SELECT text FROM posts WHERE platform_id = '2002'")),
        QStringLiteral("这位议员应该辞职。人民不会忘记！"));
    QCOMPARE(text(*store, "SELECT text FROM posts WHERE platform_id = '2004'"),
             std::string("@marie_qc Tout \xC3\xA0 fait d'accord.\nOn continue demain."));
    QCOMPARE(count(*store, "SELECT created_at FROM posts WHERE platform_id = '2001'"), 1600454175);
    QCOMPARE(count(*store, "SELECT created_at FROM posts WHERE platform_id = '1999'"), 1600329600);

    QCOMPARE(text(*store, "SELECT kind || ':' || repost_of FROM posts WHERE platform_id = '2003'"),
             std::string("repost:2001"));
    QCOMPARE(text(*store, "SELECT kind || ':' || reply_to FROM posts WHERE platform_id = '2004'"),
             std::string("reply:2001"));
    QCOMPARE(text(*store, "SELECT kind || ':' || quote_of FROM posts WHERE platform_id = '2005'"),
             std::string("quote:1999"));
    QCOMPARE(text(*store, "SELECT kind FROM posts WHERE platform_id = '1999'"),
             std::string("post"));

    QCOMPARE(postList(*store, "tag", "2001"), std::string("Vérité"));
    QCOMPARE(postList(*store, "mention", "2001"), std::string("mp_office"));
    QCOMPARE(postList(*store, "url", "2001"), std::string("https://example.org/article?id=7"));
    QCOMPARE(postList(*store, "url", "2003"), std::string("https://t.co/abc")); // no expanded_url
    QCOMPARE(postList(*store, "tag", "2002"), std::string());

    // geo.coordinates.coordinates is [longitude, latitude].
    QCOMPARE(
        text(*store, "SELECT latitude || ',' || longitude FROM posts WHERE platform_id = '2002'"),
        std::string("39.9042,116.4074"));
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE latitude IS NOT NULL"), 1);

    // Users joined from includes.users by author_id.
    QCOMPARE(
        text(*store,
             "SELECT handle || '|' || display_name || '|' || location || '|' || bio || '|' || "
             "followers || '|' || following || '|' || post_count || '|' || created_at "
             "FROM accounts WHERE platform_id = '1101'"),
        std::string(
            "marie_qc|Marie Tremblay|Montréal, Québec|Citoyenne engagée 🍁|45|80|1200|1425290400"));
    QCOMPARE(text(*store,
                  "SELECT a.display_name FROM posts p JOIN accounts a ON a.id = p.account_id "
                  "WHERE p.platform_id = '2002'"),
             std::string("老王"));
    QCOMPARE(text(*store, "SELECT a.handle FROM posts p JOIN accounts a ON a.id = p.account_id "
                          "WHERE p.platform_id = '1999'"),
             std::string("newsdesk"));
    QCOMPARE(
        text(*store, "SELECT handle || '/' || followers FROM accounts WHERE platform_id = '1109'"),
        std::string("mp_office/99000"));
    QCOMPARE(count(*store,
                   "SELECT count(*) FROM accounts WHERE platform_id = '1777' AND handle IS NULL"),
             1);
    NullProgress progress;
    QVERIFY(updateTextIndex(store->db(), progress).ok());
    QCOMPARE(count(*store, "SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'verite'"), 2);
}

void TestImportTwarc2::importsFlattenedTweets()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report = importPath(*store, dataPath(QStringLiteral("twarc2_flat.jsonl")));
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    // The retweet inlines its original in full: read again as context, counted as a duplicate.
    QCOMPARE(report->counts.read, 3);
    QCOMPARE(report->counts.context, 1);
    QCOMPARE(report->counts.imported, 3);
    QCOMPARE(report->counts.duplicates, 1);
    QCOMPARE(report->counts.rejected, 0);
    QCOMPARE(
        QString::fromStdString(text(*store, "SELECT text FROM posts WHERE platform_id = '3001'")),
        QStringLiteral("Café ☕ et croissants à Lyon 🥐 #Lyon"));
    QCOMPARE(count(*store, "SELECT source_line FROM posts WHERE platform_id = '3001'"), 1);
    QCOMPARE(text(*store, "SELECT kind || ':' || repost_of FROM posts WHERE platform_id = '3002'"),
             std::string("repost:3001"));
    QCOMPARE(text(*store, "SELECT kind || ':' || reply_to FROM posts WHERE platform_id = '3003'"),
             std::string("reply:3002"));
    QCOMPARE(count(*store, "SELECT created_at FROM posts WHERE platform_id = '3002'"), 1614592807);
    QCOMPARE(postList(*store, "tag", "3001"), std::string("Lyon"));
    QCOMPARE(postList(*store, "mention", "3002"), std::string("jeanne_d"));
    QCOMPARE(text(*store, "SELECT handle || '|' || location || '|' || followers FROM accounts "
                          "WHERE platform_id = '1201'"),
             std::string("jeanne_d|Lyon, France|150"));
    QCOMPARE(text(*store, "SELECT handle || '|' || following || '|' || post_count FROM accounts "
                          "WHERE platform_id = '1202'"),
             std::string("amplifier_01|4000|80000"));
}

static const QByteArray GoodFlat =
    R"({"id":"7001","author_id":"71","created_at":"2022-01-01T00:00:00.000Z","text":"first"})";

void TestImportTwarc2::badRecordsRejectedGoodKept()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const QByteArray content =
        GoodFlat + "\n" +
        R"({"id":"7002","author_id":"71","created_at": broken json here})"
        "\n" +
        R"({"id":"7003","author_id":"71","created_at":"yesterday at noon","text":"bad time"})"
        "\n" +
        "\n" // blank lines are skipped
        +
        R"({"data":[{"id":"7004","author_id":"72","created_at":"2022-01-01T00:04:00.000Z","text":"good in page"},)"
        R"({"id":"7005","created_at":"2022-01-01T00:05:00.000Z","text":"no author"}],)"
        R"("includes":{"users":[{"id":"72","username":"page_user"}]}})"
        "\n" +
        "[1, 2, 3]\n" +
        R"({"id":"7006","author_id":"73","created_at":"2022-01-01T00:06:00.000Z","text":"caf)"
        "\xE9"
        R"( latin-1"})"
        "\n" +
        R"({"data":"oops","includes":{}})"
        "\n" +
        R"({"id":"7007","author_id":"71","created_at":"2022-01-01T00:07:00.000Z","text":"last"})"
        "\n";
    const QString path = writeFile(dir, QStringLiteral("bad.jsonl"), content);
    QCOMPARE(detectFormat(path.toStdString()).value(), std::string("twarc2"));
    const auto report = importPath(*store, path);
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->counts.imported, 4);
    QCOMPARE(report->counts.rejected, 5);
    QCOMPARE(report->counts.read, 9);
    QCOMPARE(report->counts.warnings, 1);
    QCOMPARE(text(*store, "SELECT group_concat(platform_id, ',') FROM (SELECT platform_id FROM "
                          "posts ORDER BY 1)"),
             std::string("7001,7004,7006,7007"));

    const auto &issues = report->firstIssues;
    QCOMPARE(issues.size(), size_t(6));
    QCOMPARE(issues[0].line, 2);
    QCOMPARE(issues[0].field, std::string("(record)"));
    QVERIFY2(issues[0].reason.find("invalid JSON") != std::string::npos, issues[0].reason.c_str());
    QCOMPARE(issues[1].line, 3);
    QCOMPARE(issues[1].field, std::string("created_at"));
    QVERIFY(issues[1].reason.find("'yesterday at noon'") != std::string::npos);
    QCOMPARE(issues[2].line, 5);
    QCOMPARE(issues[2].field, std::string("data[1].author_id"));
    QCOMPARE(issues[3].line, 6);
    QCOMPARE(issues[3].field, std::string("(record)"));
    QCOMPARE(issues[4].line, 7);
    QCOMPARE(issues[4].severity, std::string("warning"));
    QCOMPARE(issues[5].line, 8);
    QCOMPARE(issues[5].field, std::string("data"));
    QCOMPARE(text(*store, "SELECT text FROM posts WHERE platform_id = '7006'"),
             std::string("caf\xEF\xBF\xBD latin-1"));
    QCOMPARE(text(*store, "SELECT a.handle FROM posts p JOIN accounts a ON a.id = p.account_id "
                          "WHERE p.platform_id = '7004'"),
             std::string("page_user"));
}

void TestImportTwarc2::wrongTypesWarnedOrRejected()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const QByteArray content =
        GoodFlat +
        "\n"
        // A required field of the wrong type rejects the tweet...
        +
        R"({"id":{"value":"7010"},"author_id":"71","created_at":"2022-01-01T00:00:00.000Z","text":"x"})"
        "\n" +
        R"({"id":"7011","author_id":"71","created_at":true,"text":"x"})"
        "\n"
        // ...an optional one is dropped with a warning and the tweet kept.
        +
        R"({"id":"7012","author_id":"71","created_at":"2022-01-01T00:00:00.000Z","text":42,"lang":"en",)"
        R"("entities":{"hashtags":"notalist"},"geo":{"coordinates":{"type":"Point","coordinates":[200,95]}}})"
        "\n";
    const auto report = importPath(*store, writeFile(dir, QStringLiteral("types.jsonl"), content));
    QVERIFY(report.ok());
    QCOMPARE(report->counts.imported, 2);
    QCOMPARE(report->counts.rejected, 2);
    QCOMPARE(report->counts.warnings, 3);
    const auto &issues = report->firstIssues;
    QCOMPARE(issues[0].field, std::string("id"));
    QVERIFY(issues[0].reason.find("found an object") != std::string::npos);
    QCOMPARE(issues[1].field, std::string("created_at"));
    QVERIFY(issues[1].reason.find("found a boolean") != std::string::npos);
    QCOMPARE(issues[2].field, std::string("text"));
    QCOMPARE(issues[3].field, std::string("entities.hashtags"));
    QCOMPARE(issues[4].field, std::string("latitude/longitude"));
    QCOMPARE(text(*store,
                  "SELECT text || '|' || language || '|' || coalesce(latitude, 'none') FROM posts "
                  "WHERE platform_id = '7012'"),
             std::string("|en|none"));
}

void TestImportTwarc2::cutOffCaptureKeepsCompleteRecords()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QByteArray bytes = fixture(QStringLiteral("twarc2_pages.jsonl"));
    bytes.chop(bytes.size() - bytes.indexOf("\"text\":\"@marie_qc")); // inside the second page
    const auto report = importPath(*store, writeFile(dir, QStringLiteral("cut.jsonl"), bytes));
    // An interrupted capture: the first page is kept whole, the cut-off second one is reported.
    QVERIFY2(report.ok(), report.error().message.c_str());
    QCOMPARE(report->counts.rejected, 1);
    QCOMPARE(report->firstIssues.front().line, 2);
    QCOMPARE(report->firstIssues.front().reason,
             std::string("the file ends inside this record (cut off)"));
    QCOMPARE(count(*store, "SELECT count(*) FROM sources"), 1);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE platform_id IN ('2001', '2002', "
                           "'2003')"),
             3);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts"), 3);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE platform_id = '2004'"), 0);
}

void TestImportTwarc2::reimportAddsNothing()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QVERIFY(importPath(*store, dataPath(QStringLiteral("twarc2_pages.jsonl"))).ok());
    const auto again = importPath(*store, dataPath(QStringLiteral("twarc2_pages.jsonl")));
    QVERIFY(again.ok());
    QVERIFY(again->alreadyImported);
    QCOMPARE(again->counts.imported, 0);
    QCOMPARE(again->counts.duplicates, 7);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts"), 7);
    QCOMPARE(count(*store, "SELECT count(*) FROM accounts"), 6);
    QCOMPARE(count(*store, "SELECT count(*) FROM sources"), 1);
    QCOMPARE(count(*store, "SELECT count(*) FROM post_hashtags"), 1);
}

void TestImportTwarc2::sameTweetFromV1AndV2Deduplicates()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QVERIFY(importPath(*store, dataPath(QStringLiteral("x_v1_tweets.jsonl"))).ok());
    const QByteArray v2 =
        R"({"id":"5001","author_id":"1401","created_at":"2018-10-10T20:19:24.000Z",)"
        R"("text":"Le député a menti","__twarc":{"version":"2.12.0"}})"
        "\n";
    const auto report = importPath(*store, writeFile(dir, QStringLiteral("v2.jsonl"), v2));
    QVERIFY(report.ok());
    QCOMPARE(report->format, std::string("twarc2"));
    QCOMPARE(report->counts.duplicates, 1);
    QCOMPARE(report->counts.imported, 0);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE platform_id = '5001'"), 1);
}

QTEST_GUILESS_MAIN(TestImportTwarc2)
#include "tst_import_twarc2.moc"
