#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace chorus;
using namespace chorus::test;

// 4CAT CSVs and Zeeschuimer NDJSON (TikTok, Instagram, X, LinkedIn), format "4cat".
class TestImportFourCat : public QObject
{
    Q_OBJECT
private slots:
    void detectsOwnFixturesOnly();
    void csvDetectionLeavesOtherCsvsAlone();
    void zeeschuimerCounts();
    void zeeschuimerTikTok();
    void zeeschuimerInstagram();
    void zeeschuimerX();
    void zeeschuimerLinkedIn();
    void fourCatNdjsonDownload();
    void keyOrderDoesNotMatter();
    void customCsv();
    void exportCsv();
    void sameTweetFromCaptureAndExportDeduplicates();
    void missingColumnIsFatal();
    void cliRoundTrip();
};

static std::string postOf(const CaseStore &store, const char *what, const char *id)
{
    const std::string sql =
        std::string("SELECT ") + what +
        " FROM posts p JOIN accounts a ON a.id = p.account_id WHERE p.platform_id = '" + id + "'";
    return text(store, sql.c_str());
}

void TestImportFourCat::detectsOwnFixturesOnly()
{
    const auto formats = detectedFormats();
    for (const char *name :
         {"fourcat_zeeschuimer.ndjson", "fourcat_custom.csv", "fourcat_export.csv"})
        QCOMPARE(formats.at(QString::fromLatin1(name)), std::string("4cat"));
    const QStringList wrong = misdetectedFixtures(QStringLiteral("fourcat_"), "4cat");
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QStringLiteral(", "))));
}

void TestImportFourCat::csvDetectionLeavesOtherCsvsAlone()
{
    QTemporaryDir dir;
    const auto detect = [&](const char *name, const QByteArray &head) {
        const auto format =
            detectFormat(writeFile(dir, QString::fromLatin1(name), head).toStdString());
        return format ? format.value() : "error: " + format.error().message;
    };
    // Four of the five required columns is not 4CAT.
    QVERIFY(detect("a.csv", "id,thread_id,author,body\n1,1,a,b\n") != "4cat");
    // twarc-csv and X archive headers that share `id`, `author_id`, `text`.
    QCOMPARE(detect("b.csv", "id,conversation_id,author_id,text,created_at,author.username\n"),
             std::string("twarc-csv"));
    QCOMPARE(detect("c.csv", "tweetid,userid,user_screen_name,tweet_text,tweet_time\n"),
             std::string("x-io"));
    QCOMPARE(detect("d.csv", "\xEF\xBB\xBF"
                             "ID,Thread_ID,Author,Body,Timestamp\n"),
             std::string("4cat"));
}

void TestImportFourCat::zeeschuimerCounts()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report = importPath(*store, dataPath(QStringLiteral("fourcat_zeeschuimer.ndjson")));
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->format, std::string("4cat"));
    // 15 lines: 10 items give 11 posts (the retweet embeds its original, read again as a
    // context post), a Pinterest item, a broken line, a time-less TikTok item, a tombstone
    // and a cut-off line.
    QCOMPARE(report->counts.read, 15);
    QCOMPARE(report->counts.context, 1); // the retweet's embedded original
    QCOMPARE(report->counts.imported, 10);
    QCOMPARE(report->counts.duplicates, 1);
    QCOMPARE(report->counts.rejected, 5);
    QCOMPARE(report->counts.warnings, 1);
    QCOMPARE(text(*store, "SELECT group_concat(platform || ':' || n, ',') FROM (SELECT platform, "
                          "count(*) AS n FROM posts GROUP BY platform ORDER BY platform)"),
             std::string("instagram:2,linkedin:1,tiktok:4,x:3"));

    const auto &issues = report->firstIssues;
    QCOMPARE(issues.size(), size_t(6));
    QCOMPARE(issues[0].line, 10);
    QCOMPARE(issues[0].field, std::string("source_platform"));
    QCOMPARE(issues[0].reason,
             std::string("source_platform 'pinterest.com' is not supported (supported: "
                         "tiktok.com, tiktok-comments, instagram.com, twitter.com, x.com, "
                         "linkedin.com)"));
    QCOMPARE(issues[1].line, 11);
    QCOMPARE(issues[1].field, std::string("(record)"));
    QVERIFY2(issues[1].reason.find("invalid JSON") != std::string::npos, issues[1].reason.c_str());
    QCOMPARE(issues[2].line, 12);
    QCOMPARE(issues[2].severity, std::string("warning"));
    QCOMPARE(issues[2].reason, std::string("invalid UTF-8 or NUL bytes replaced"));
    QCOMPARE(issues[3].line, 13);
    QCOMPARE(issues[3].field, std::string("data.createTime"));
    QCOMPARE(issues[3].reason, std::string("missing timestamp"));
    QCOMPARE(issues[4].line, 14);
    QCOMPARE(issues[4].field, std::string("data.__typename"));
    QCOMPARE(issues[4].reason, std::string("the tweet is unavailable (TweetTombstone)"));
    QCOMPARE(issues[5].line, 15);
    QCOMPARE(issues[5].field, std::string("(record)"));
    QVERIFY(issues[5].reason.find("the file ends inside this item") != std::string::npos);
    QVERIFY(issues[5].excerpt.find("7250000000000000006") != std::string::npos);
    QCOMPARE(text(*store, "SELECT text FROM posts WHERE platform_id = '7250000000000000004'"),
             std::string("caf\xEF\xBF\xBD da manh\xC3\xA3"));
}

void TestImportFourCat::zeeschuimerTikTok()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QVERIFY(importPath(*store, dataPath(QStringLiteral("fourcat_zeeschuimer.ndjson"))).ok());
    QCOMPARE(postOf(*store,
                    "p.created_at || '|' || p.kind || '|' || p.language || '|' || p.text || '|' || "
                    "a.platform || '|' || a.platform_id || '|' || a.handle || '|' || "
                    "a.display_name || '|' || a.bio || '|' || a.followers || '|' || a.following || "
                    "'|' || a.post_count",
                    "7250000000000000001"),
             std::string("1688580165|post|pt|Dan\xC3\xA7"
                         "a nova \xF0\x9F\x92\x83 #fyp #dance @amigo|tiktok|6800000000000000001|"
                         "dancer.one|Dancer One|Dan\xC3\xA7o todo dia|1500|20|33"));
    QCOMPARE(postList(*store, "tag", "7250000000000000001"), std::string("dance|fyp"));
    QCOMPARE(postList(*store, "mention", "7250000000000000001"), std::string("amigo"));
    // A duet quotes the video it answers; createTime as a string; an author without an id
    // is known by its unique name; no entity lists: scanned from the text.
    QCOMPARE(postOf(*store,
                    "p.created_at || '|' || p.kind || '|' || p.quote_of || '|' || a.platform_id",
                    "7250000000000000002"),
             std::string("1688580200|quote|7250000000000000001|dueter"));
    QCOMPARE(postList(*store, "tag", "7250000000000000002"), std::string("duet"));
    QCOMPARE(postList(*store, "mention", "7250000000000000002"), std::string("dancer.one"));
    // A comment replies to its video.
    QCOMPARE(postOf(*store,
                    "p.created_at || '|' || p.kind || '|' || p.reply_to || '|' || p.text || '|' "
                    "|| a.platform_id || '|' || a.handle || '|' || a.display_name",
                    "7250000000000000100"),
             std::string("1688580300|reply|7250000000000000001|Amei! \xF0\x9F\x98\x8D #linda|"
                         "6800000000000000009|fan_9|F\xC3\xA3 N\xC3\xBAmero 9"));
    QCOMPARE(postList(*store, "tag", "7250000000000000100"), std::string("linda"));
}

void TestImportFourCat::zeeschuimerInstagram()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QVERIFY(importPath(*store, dataPath(QStringLiteral("fourcat_zeeschuimer.ndjson"))).ok());
    // Keyed by shortcode, like the post URLs of other exports.
    QCOMPARE(
        postOf(*store,
               "p.platform || '|' || p.created_at || '|' || p.text || '|' || p.latitude || "
               "',' || p.longitude || '|' || a.platform_id || '|' || a.handle || '|' || "
               "a.display_name",
               "CQx_1AbCdEf"),
        std::string("instagram|1625508165|Bom dia \xE2\x98\x80\xEF\xB8\x8F #bomdia #Brasil com "
                    "@amiga.da.maria.|-23.5505,-46.6333|1234567890|mariasilva.oficial|"
                    "Maria Silva"));
    QCOMPARE(postList(*store, "tag", "CQx_1AbCdEf"), std::string("Brasil|bomdia"));
    QCOMPARE(postList(*store, "mention", "CQx_1AbCdEf"), std::string("amiga.da.maria"));
    // The older graph layout: shortcode, taken_at_timestamp, edge_media_to_caption, owner.
    QCOMPARE(postOf(*store,
                    "p.created_at || '|' || p.text || '|' || a.platform_id || '|' || a.handle",
                    "B1a2b3c4"),
             std::string("1600000000|Graph caption #old|555|graph_user"));
    QCOMPARE(postList(*store, "tag", "B1a2b3c4"), std::string("old"));
}

void TestImportFourCat::zeeschuimerX()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QVERIFY(importPath(*store, dataPath(QStringLiteral("fourcat_zeeschuimer.ndjson"))).ok());
    // HTML entities of the web app undone; the v1.1 time format; entities from legacy.
    QCOMPARE(postOf(*store,
                    "p.platform || '|' || p.created_at || '|' || p.kind || '|' || p.language || "
                    "'|' || p.text || '|' || p.source_line",
                    "1676654321098765432"),
             std::string("x|1688580165|post|en|Breaking & live: #Election results <here> "
                         "https://t.co/x @someone|6"));
    QCOMPARE(postList(*store, "tag", "1676654321098765432"), std::string("Election"));
    QCOMPARE(postList(*store, "mention", "1676654321098765432"), std::string("someone"));
    QCOMPARE(postList(*store, "url", "1676654321098765432"),
             std::string("https://example.org/live"));
    QCOMPARE(text(*store, "SELECT platform || '|' || handle || '|' || display_name || '|' || "
                          "location || '|' || bio || '|' || followers || '|' || following || '|' "
                          "|| post_count || '|' || created_at FROM accounts "
                          "WHERE platform_id = '44196397'"),
             std::string("x|news_desk|News Desk|Paris, France|Live news, 24/7|1000|10|5000|"
                         "1243973549"));
    // A retweet inside TweetWithVisibilityResults, whose original is read again (duplicate).
    QCOMPARE(postOf(*store,
                    "p.created_at || '|' || p.kind || '|' || p.repost_of || '|' || a.handle",
                    "1676654321098765999"),
             std::string("1688580600|repost|1676654321098765432|amplifier_7"));
    // A reply that quotes a withheld tweet; the newer user layout (core, location objects).
    QCOMPARE(postOf(*store,
                    "p.kind || '|' || p.reply_to || '|' || p.quote_of || '|' || p.language || "
                    "'|' || a.handle || '|' || a.display_name || '|' || a.location || '|' || "
                    "a.created_at || '|' || a.followers",
                    "1676654321098766000"),
             std::string("reply|1676654321098765432|1600000000000000000|fr|lyon_voice|"
                         "Voix de Lyon|Lyon|1609495200|250"));
    QCOMPARE(count(*store, "SELECT count(*) FROM accounts WHERE platform = 'x'"), 3);
}

void TestImportFourCat::zeeschuimerLinkedIn()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QVERIFY(importPath(*store, dataPath(QStringLiteral("fourcat_zeeschuimer.ndjson"))).ok());
    // The time is the activity id's top 41 bits (milliseconds): 2022-08-04 09:03:01 UTC.
    QCOMPARE(postOf(*store,
                    "p.platform || '|' || p.created_at || '|' || p.text || '|' || a.platform_id "
                    "|| '|' || a.display_name || '|' || a.bio",
                    "6960882777168695296"),
             std::string("linkedin|1659603781|Proud of the team #OSINT #Verification|"
                         "in/jane-doe|Jane Doe|OSINT analyst"));
    QCOMPARE(postList(*store, "tag", "6960882777168695296"), std::string("OSINT|Verification"));
}

void TestImportFourCat::fourCatNdjsonDownload()
{
    // 4CAT's own NDJSON download: the captured object on top, the envelope in __import_meta.
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const QString path =
        writeFile(dir, QStringLiteral("dataset.ndjson"),
                  R"({"id":"7300000000000000001","desc":"from 4CAT #one","createTime":1700000000,)"
                  R"("author":{"id":"1","uniqueId":"u1"},"__import_meta":{"nav_index":"1:1:1",)"
                  R"("item_id":"7300000000000000001","source_platform":"tiktok.com"}})"
                  "\n"
                  R"({"pk":"2","__import_meta":{"source_platform":"gab.com"}})"
                  "\n");
    QCOMPARE(detectFormat(path.toStdString()).value(), std::string("4cat"));
    const auto report = importPath(*store, path);
    QVERIFY(report.ok());
    QCOMPARE(report->counts.imported, 1);
    QCOMPARE(report->counts.rejected, 1);
    QCOMPARE(report->firstIssues[0].field, std::string("__import_meta.source_platform"));
    QVERIFY(report->firstIssues[0].reason.find("'gab.com' is not supported") != std::string::npos);
    QCOMPARE(postOf(*store, "p.platform || '|' || p.created_at || '|' || a.handle",
                    "7300000000000000001"),
             std::string("tiktok|1700000000|u1"));
    QCOMPARE(postList(*store, "tag", "7300000000000000001"), std::string("one"));
}

void TestImportFourCat::keyOrderDoesNotMatter()
{
    // Zeeschuimer writes `data` last; the same item with `data` first, or with a nested
    // envelope value, or spaces, reads the same (the general way).
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const QByteArray item =
        R"({"id":"7400000000000000001","desc":"same #item","createTime":1700000000,)"
        R"("author":{"id":"9","uniqueId":"u9"}})";
    const QString path = writeFile(
        dir, QStringLiteral("order.ndjson"),
        R"({"nav_index":"1:1:1","item_id":"a","source_platform":"tiktok.com","data":)" + item +
            "}\n" + R"({"data":)" + item +
            R"(,"nav_index":"1:1:2","item_id":"b","source_platform":"tiktok.com"})"
            "\n" +
            R"({"nav_index":"1:1:3","extra":{"x":1},"source_platform":"tiktok.com","data":)" +
            item + "}\n" +
            R"( { "nav_index" : "1:1:4" , "source_platform" : "tiktok.com" , )"
            R"("data" : )" +
            item + " }\r\n");
    const auto report = importPath(*store, path);
    QVERIFY(report.ok());
    QCOMPARE(report->counts.read, 4);
    QCOMPARE(report->counts.imported, 1);
    QCOMPARE(report->counts.duplicates, 3);
    QCOMPARE(report->counts.rejected, 0);
    QCOMPARE(report->counts.warnings, 0);
    QCOMPARE(postOf(*store,
                    "p.created_at || '|' || p.text || '|' || a.handle || '|' || p.source_line",
                    "7400000000000000001"),
             std::string("1700000000|same #item|u9|1"));
}

void TestImportFourCat::customCsv()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report = importPath(*store, dataPath(QStringLiteral("fourcat_custom.csv")));
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->counts.read, 7);
    QCOMPARE(report->counts.imported, 4);
    QCOMPARE(report->counts.rejected, 3);
    QCOMPARE(report->counts.warnings, 1);
    const auto &issues = report->firstIssues;
    QCOMPARE(issues.size(), size_t(4));
    QCOMPARE(issues[0].line, 6);
    QCOMPARE(issues[0].field, std::string("timestamp"));
    QCOMPARE(issues[0].reason, std::string("unrecognised timestamp 'next week'"));
    QCOMPARE(issues[1].line, 7);
    QCOMPARE(issues[1].reason, std::string("expected 5 fields, found 4"));
    QCOMPARE(issues[2].line, 8);
    QCOMPARE(issues[2].field, std::string("author"));
    QCOMPARE(issues[3].line, 9);
    QCOMPARE(issues[3].field, std::string("body"));
    QCOMPARE(issues[3].severity, std::string("warning"));

    // No platform column: platform "4cat". thread_id != id: a reply to the thread.
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE platform = '4cat'"), 4);
    QCOMPARE(postOf(*store, "p.created_at || '|' || p.kind || '|' || a.platform_id", "1001"),
             std::string("1709294400|post|anon_a"));
    QCOMPARE(postOf(*store, "p.created_at || '|' || p.kind || '|' || p.reply_to || '|' || p.text",
                    "1002"),
             std::string("1709294700|reply|1001|Reply with a\nnewline")); // epoch seconds
    QCOMPARE(postList(*store, "tag", "1001"), std::string("Rally2024"));
    QCOMPARE(postList(*store, "mention", "1001"), std::string("org_b"));
    QCOMPARE(postList(*store, "tag", "1003"), std::string("rally2024"));
    QCOMPARE(postOf(*store, "p.text", "1007"), std::string("caf\xEF\xBF\xBD"));
}

void TestImportFourCat::exportCsv()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report = importPath(*store, dataPath(QStringLiteral("fourcat_export.csv")));
    QVERIFY(report.ok());
    QCOMPARE(report->counts.imported, 3);
    QCOMPARE(report->counts.warnings, 0);
    // source_platform names the platform; unix_timestamp wins over the server-local time.
    QCOMPARE(postOf(*store,
                    "p.platform || '|' || p.created_at || '|' || p.kind || '|' || a.platform_id "
                    "|| '|' || a.handle || '|' || a.display_name",
                    "1676654321098765432"),
             std::string("x|1688580165|post|44196397|news_desk|News Desk"));
    QCOMPARE(postList(*store, "tag", "1676654321098765432"), std::string("Election"));
    QCOMPARE(postList(*store, "mention", "1676654321098765432"), std::string("someone"));
    QCOMPARE(postList(*store, "url", "1676654321098765432"),
             std::string("https://example.org/a,b|https://example.org/live"));
    // parent_id is the direct parent, preferred to thread_id.
    QCOMPARE(
        postOf(*store, "p.platform || '|' || p.kind || '|' || p.reply_to", "1676654321098766000"),
        std::string("x|reply|1676654321098765999"));
    // No platform and no unix_timestamp: "4cat", the timestamp read as UTC; list cells
    // with '#' and empty items.
    QCOMPARE(postOf(*store, "p.platform || '|' || p.created_at", "9001"),
             std::string("4cat|1688580000"));
    QCOMPARE(postList(*store, "tag", "9001"), std::string("a|b"));
}

void TestImportFourCat::sameTweetFromCaptureAndExportDeduplicates()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QVERIFY(importPath(*store, dataPath(QStringLiteral("fourcat_zeeschuimer.ndjson"))).ok());
    const auto report = importPath(*store, dataPath(QStringLiteral("fourcat_export.csv")));
    QVERIFY(report.ok());
    QCOMPARE(report->counts.duplicates, 2);
    QCOMPARE(report->counts.imported, 1);
    QCOMPARE(count(*store, "SELECT count(*) FROM accounts WHERE platform_id = '44196397'"), 1);
}

void TestImportFourCat::missingColumnIsFatal()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    ImportOptions options;
    options.format = "4cat";
    const auto report = importPath(
        *store, writeFile(dir, QStringLiteral("short.csv"), "id,author,body,timestamp\n1,a,b,0\n"),
        options);
    QVERIFY(!report.ok());
    QVERIFY2(report.error().message.find("not a 4CAT CSV: column 'thread_id' is missing") !=
                 std::string::npos,
             report.error().message.c_str());
    QCOMPARE(count(*store, "SELECT count(*) FROM sources"), 0);
}

void TestImportFourCat::cliRoundTrip()
{
    QTemporaryDir dir;
    const QString casePath = dir.filePath(QStringLiteral("case.chorus"));
    const CliResult result = runCli({QStringLiteral("import"), casePath,
                                     dataPath(QStringLiteral("fourcat_zeeschuimer.ndjson")),
                                     dataPath(QStringLiteral("fourcat_custom.csv"))});
    QCOMPARE(result.exitCode, 0);
    for (const char *line :
         {"fourcat_zeeschuimer.ndjson: 4cat: read 15 (and 1 context posts), imported 10, duplicate "
          "1, "
          "rejected 5, "
          "warnings 1",
          "fourcat_zeeschuimer.ndjson:10: source_platform: source_platform 'pinterest.com' is "
          "not supported",
          "fourcat_zeeschuimer.ndjson:13: data.createTime: missing timestamp",
          "fourcat_custom.csv: 4cat: read 7, imported 4, duplicate 0, rejected 3, warnings 1"})
        QVERIFY2(result.out.contains(QString::fromUtf8(line)), qPrintable(result.out));

    const QString json = dir.filePath(QStringLiteral("posts.json"));
    const CliResult exported = runCli({QStringLiteral("export"), casePath,
                                       QStringLiteral("--posts"), QStringLiteral("-o"), json});
    QCOMPARE(exported.exitCode, 0);
    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray rows = QJsonDocument::fromJson(file.readAll()).array();
    QCOMPARE(rows.size(), 14);
    bool found = false;
    for (const QJsonValue &row : rows) {
        const QJsonObject post = row.toObject();
        if (post.value(QStringLiteral("post_id")).toString() !=
            QStringLiteral("7250000000000000100"))
            continue;
        found = true;
        QCOMPARE(post.value(QStringLiteral("platform")).toString(), QStringLiteral("tiktok"));
        QCOMPARE(post.value(QStringLiteral("kind")).toString(), QStringLiteral("reply"));
        QCOMPARE(post.value(QStringLiteral("reply_to")).toString(),
                 QStringLiteral("7250000000000000001"));
        QCOMPARE(post.value(QStringLiteral("handle")).toString(), QStringLiteral("fan_9"));
        QCOMPARE(post.value(QStringLiteral("created_at")).toString(),
                 QStringLiteral("2023-07-05T18:05:00Z"));
        QCOMPARE(post.value(QStringLiteral("source_line")).toInt(), 3);
    }
    QVERIFY(found);
}

QTEST_GUILESS_MAIN(TestImportFourCat)
#include "tst_import_4cat.moc"
