#include "TestSupport.h"

#include <QFile>
#include <QTest>

using namespace chorus;
using namespace chorus::test;

class TestImportXV1 : public QObject
{
    Q_OBJECT
private slots:
    void detectsOwnFixturesOnly();
    void importsTweetsWithEmbeddedOriginals();
    void readsTopLevelArray();
    void badRecordsRejectedGoodKept();
    void cutOffArrayKeepsCompleteRecords();
    void reimportAddsNothing();
};

void TestImportXV1::detectsOwnFixturesOnly()
{
    const auto formats = detectedFormats();
    QCOMPARE(formats.at(QStringLiteral("x_v1_tweets.jsonl")), std::string("x-v1"));
    for (const auto &[name, format] : formats)
        if (name != QStringLiteral("x_v1_tweets.jsonl"))
            QVERIFY2(format != "x-v1", qPrintable(name));
}

void TestImportXV1::importsTweetsWithEmbeddedOriginals()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report = importPath(*store, dataPath(QStringLiteral("x_v1_tweets.jsonl")));
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->format, std::string("x-v1"));
    // Four tweets; the retweeted and the quoted original (the same tweet 4999) come embedded:
    // the second copy is a duplicate. The deletion notice on line 5 is skipped.
    QCOMPARE(report->counts.read, 4);
    QCOMPARE(report->counts.context, 2);
    QCOMPARE(report->counts.imported, 5);
    QCOMPARE(report->counts.duplicates, 1);
    QCOMPARE(report->counts.rejected, 0);
    QCOMPARE(report->counts.warnings, 0);
    QCOMPARE(count(*store, "SELECT count(*) FROM accounts"), 4);

    // The extended tweet's full text wins over the truncated `text`.
    QCOMPARE(
        QString::fromStdString(text(*store, "SELECT text FROM posts WHERE platform_id = '5001'")),
        QStringLiteral(
            "Le député a menti, « la vérité » éclate 😡 #Vérité @mp_office https://t.co/z"));
    QCOMPARE(text(*store, "SELECT text FROM posts WHERE platform_id = '5003'"),
             std::string("@marie_qc Tout \xC3\xA0 fait d'accord.\nOn continue demain."));
    QCOMPARE(
        QString::fromStdString(text(*store, "SELECT text FROM posts WHERE platform_id = '4999'")),
        QStringLiteral("这位议员应该辞职。人民不会忘记！"));
    QCOMPARE(count(*store, "SELECT created_at FROM posts WHERE platform_id = '5001'"), 1539202764);
    QCOMPARE(count(*store, "SELECT created_at FROM posts WHERE platform_id = '4999'"), 1539194400);

    QCOMPARE(text(*store, "SELECT kind || ':' || repost_of FROM posts WHERE platform_id = '5002'"),
             std::string("repost:4999"));
    QCOMPARE(text(*store, "SELECT kind || ':' || reply_to FROM posts WHERE platform_id = '5003'"),
             std::string("reply:5001"));
    QCOMPARE(text(*store, "SELECT kind || ':' || quote_of FROM posts WHERE platform_id = '5004'"),
             std::string("quote:4999"));
    QCOMPARE(text(*store, "SELECT kind FROM posts WHERE platform_id = '4999'"),
             std::string("post"));
    QCOMPARE(count(*store, "SELECT source_line FROM posts WHERE platform_id = '4999'"), 2);

    // Entities of the extended tweet, not of the truncated one.
    QCOMPARE(postList(*store, "tag", "5001"), std::string("Vérité"));
    QCOMPARE(postList(*store, "mention", "5001"), std::string("mp_office"));
    QCOMPARE(postList(*store, "url", "5001"), std::string("https://example.org/v1"));
    QCOMPARE(postList(*store, "mention", "5002"), std::string("newsdesk"));

    // GeoJSON [longitude, latitude]; the deprecated `geo` [lat, lon] is not read.
    QCOMPARE(
        text(*store, "SELECT latitude || ',' || longitude FROM posts WHERE platform_id = '4999'"),
        std::string("39.9042,116.4074"));
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE latitude IS NOT NULL"), 1);

    QCOMPARE(
        text(*store,
             "SELECT handle || '|' || display_name || '|' || location || '|' || bio || '|' || "
             "followers || '|' || following || '|' || post_count || '|' || created_at || '|' || "
             "language FROM accounts WHERE platform_id = '1401'"),
        std::string("marie_qc|Marie Tremblay|Montréal, Québec|Citoyenne engagée "
                    "🍁|45|80|1200|1425290400|fr"));
    // The retweeted tweet's own author.
    QCOMPARE(text(*store, "SELECT a.handle || '|' || a.location FROM posts p JOIN accounts a "
                          "ON a.id = p.account_id WHERE p.platform_id = '4999'"),
             std::string("newsdesk|Toronto"));
    QCOMPARE(text(*store, "SELECT display_name FROM accounts WHERE platform_id = '1402'"),
             std::string("老王"));
}

void TestImportXV1::readsTopLevelArray()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const QByteArray content =
        "[\n"
        R"(  {"id_str":"6001","created_at":"Thu Oct 11 08:00:00 +0000 2018","text":"un",)"
        "\n"
        R"(   "user":{"id_str":"61","screen_name":"one"}},)"
        "\n"
        R"(  {"id_str":"6002","created_at":"Thu Oct 11 08:01:00 +0000 2018","full_text":"deux",)"
        R"( "user":{"id":62,"screen_name":"two"}, "in_reply_to_status_id":6001})"
        "\n"
        "]\n";
    const QString path = writeFile(dir, QStringLiteral("array.json"), content);
    QCOMPARE(detectFormat(path.toStdString()).value(), std::string("x-v1"));
    const auto report = importPath(*store, path);
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->counts.imported, 2);
    QCOMPARE(count(*store, "SELECT source_line FROM posts WHERE platform_id = '6002'"), 4);
    QCOMPARE(text(*store, "SELECT kind || ':' || reply_to FROM posts WHERE platform_id = '6002'"),
             std::string("reply:6001"));
    QCOMPARE(text(*store, "SELECT a.platform_id || '|' || a.handle FROM posts p JOIN accounts a "
                          "ON a.id = p.account_id WHERE p.platform_id = '6002'"),
             std::string("62|two"));
}

void TestImportXV1::badRecordsRejectedGoodKept()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const QByteArray content =
        R"({"id_str":"6101","created_at":"Thu Oct 11 08:00:00 +0000 2018","text":"good","user":{"id_str":"61"}})"
        "\n"
        R"({"id_str":"6102","created_at":"Thu Oct 11 08:00:00 +0000 2018","text": "broken)"
        "\n"
        R"({"id_str":"6103","created_at":"11/10/2018 8am","text":"bad time","user":{"id_str":"61"}})"
        "\n"
        R"({"id_str":"6104","created_at":"Thu Oct 11 08:00:00 +0000 2018","text":"no user"})"
        "\n"
        R"({"id_str":["6105"],"created_at":"Thu Oct 11 08:00:00 +0000 2018","text":"x","user":{"id_str":"61"}})"
        "\n"
        // A broken embedded original: the retweet is kept, the original skipped with a warning.
        R"({"id_str":"6106","created_at":"Thu Oct 11 08:00:00 +0000 2018","text":"RT","user":{"id_str":"61"},)"
        R"("retweeted_status":{"id_str":"6000","created_at":"never","text":"orig","user":{"id_str":"60"}},)"
        R"("user_extra":1,"coordinates":{"type":"Point","coordinates":[-73.5673,45.5017]}})"
        "\n"
        R"({"limit":{"track":12,"timestamp_ms":"1539244800000"}})"
        "\n";
    const QString path = writeFile(dir, QStringLiteral("bad.jsonl"), content);
    const auto report = importPath(*store, path, [] {
        ImportOptions options;
        options.format = "x-v1";
        return options;
    }());
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->counts.imported, 2);
    QCOMPARE(report->counts.rejected, 4);
    QCOMPARE(report->counts.warnings, 1);
    const auto &issues = report->firstIssues;
    QCOMPARE(issues.size(), size_t(5));
    QCOMPARE(issues[0].line, 2);
    QCOMPARE(issues[0].field, std::string("(record)"));
    QCOMPARE(issues[1].line, 3);
    QCOMPARE(issues[1].field, std::string("created_at"));
    QVERIFY(issues[1].reason.find("'11/10/2018 8am'") != std::string::npos);
    QCOMPARE(issues[2].line, 4);
    QCOMPARE(issues[2].field, std::string("user.id_str"));
    QCOMPARE(issues[3].line, 5);
    QCOMPARE(issues[3].field, std::string("id_str"));
    QCOMPARE(issues[4].line, 6);
    QCOMPARE(issues[4].field, std::string("retweeted_status.created_at"));
    QCOMPARE(issues[4].severity, std::string("warning"));
    QCOMPARE(
        text(*store,
             "SELECT kind || ':' || repost_of || ':' || latitude || ',' || longitude FROM posts "
             "WHERE platform_id = '6106'"),
        std::string("repost:6000:45.5017,-73.5673"));
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE platform_id = '6000'"), 0);
}

void TestImportXV1::cutOffArrayKeepsCompleteRecords()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const QByteArray content =
        "["
        R"({"id_str":"6201","created_at":"Thu Oct 11 08:00:00 +0000 2018","text":"a","user":{"id_str":"61"}},)"
        "\n"
        R"({"id_str":"6202","created_at":"Thu Oct 11 08:00:00 +0000 2018","te)";
    const auto report = importPath(*store, writeFile(dir, QStringLiteral("cut.json"), content));
    QVERIFY2(report.ok(), report.error().message.c_str());
    QCOMPARE(report->counts.imported, 1);
    QCOMPARE(report->counts.rejected, 1);
    QCOMPARE(report->firstIssues.front().line, 2);
    QCOMPARE(text(*store, "SELECT platform_id FROM posts"), std::string("6201"));
}

void TestImportXV1::reimportAddsNothing()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QVERIFY(importPath(*store, dataPath(QStringLiteral("x_v1_tweets.jsonl"))).ok());
    const auto again = importPath(*store, dataPath(QStringLiteral("x_v1_tweets.jsonl")));
    QVERIFY(again.ok());
    QVERIFY(again->alreadyImported);
    QCOMPARE(again->counts.duplicates, 6);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts"), 5);
    QCOMPARE(count(*store, "SELECT count(*) FROM sources"), 1);
}

QTEST_GUILESS_MAIN(TestImportXV1)
#include "tst_import_xv1.moc"
