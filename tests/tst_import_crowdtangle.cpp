#include "TestSupport.h"

#include "import/crowdtangle/CrowdTangleValues.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace chorus;
using namespace chorus::test;

// CrowdTangle Facebook and Instagram CSV exports: BOM, zone abbreviations, locale numbers,
// page ids beyond 53 bits, post ids from URLs.
class TestImportCrowdTangle : public QObject
{
    Q_OBJECT
private slots:
    void detectsOwnFixturesOnly();
    void facebookExport();
    void facebookAccounts();
    void facebookEntitiesAndUrls();
    void instagramExport();
    void instagramPostMeetsZeeschuimerCapture();
    void groupExportNamesTheGroup();
    void missingColumnIsFatal();
    void zonedTimes_data();
    void zonedTimes();
    void localeCounts_data();
    void localeCounts();
    void postIds_data();
    void postIds();
    void cliRoundTrip();
};

void TestImportCrowdTangle::detectsOwnFixturesOnly()
{
    const auto formats = detectedFormats();
    QCOMPARE(formats.at(QStringLiteral("crowdtangle_facebook.csv")), std::string("crowdtangle"));
    QCOMPARE(formats.at(QStringLiteral("crowdtangle_instagram.csv")), std::string("crowdtangle"));
    const QStringList wrong = misdetectedFixtures(QStringLiteral("crowdtangle_"), "crowdtangle");
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QStringLiteral(", "))));
}

void TestImportCrowdTangle::facebookExport()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report = importPath(*store, dataPath(QStringLiteral("crowdtangle_facebook.csv")));
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->format, std::string("crowdtangle"));
    QCOMPARE(report->counts.read, 10);
    QCOMPARE(report->counts.imported, 8);
    QCOMPARE(report->counts.rejected, 2);
    QCOMPARE(report->counts.warnings, 4);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE platform = 'facebook'"), 8);

    const auto &issues = report->firstIssues;
    QCOMPARE(issues.size(), size_t(6));
    QCOMPARE(issues[0].line, 5);
    QCOMPARE(issues[0].field, std::string("Followers at Posting"));
    QCOMPARE(issues[0].severity, std::string("warning"));
    QVERIFY2(issues[0].reason.find("fraction") != std::string::npos, issues[0].reason.c_str());
    QCOMPARE(issues[1].line, 7);
    QCOMPARE(issues[1].field, std::string("Post Created"));
    QCOMPARE(issues[1].reason, std::string("unknown time zone 'XYZT'; time read as UTC"));
    QCOMPARE(issues[2].line, 7);
    QCOMPARE(issues[2].field, std::string("Facebook Id"));
    QVERIFY(issues[2].reason.find("scientific notation") != std::string::npos);
    QCOMPARE(issues[3].line, 8);
    QCOMPARE(issues[3].severity, std::string("error"));
    QCOMPARE(issues[3].field, std::string("Post Created"));
    QCOMPARE(issues[3].reason, std::string("unrecognised timestamp 'yesterday evening'"));
    QCOMPARE(issues[4].line, 11);
    QCOMPARE(issues[4].field, std::string("(row)"));
    QCOMPARE(issues[4].reason, std::string("expected 40 fields, found 4"));
    QCOMPARE(issues[5].line, 12);
    QCOMPARE(issues[5].field, std::string("Message"));
    QCOMPARE(issues[5].severity, std::string("warning"));

    // Post ids from the URL: posts/<id>, ?story_fbid=, photos/<album>/<id>, videos/<id>.
    QCOMPARE(text(*store, "SELECT group_concat(platform_id, ',') FROM (SELECT platform_id "
                          "FROM posts ORDER BY source_line)"),
             std::string("4012345678901234,4099999999999999,5550001,4077777777777777,"
                         "4011111111111111,4012345678900001,4033333333333333,4044444444444444"));
    // Zone abbreviations to UTC: BRT -3, EDT -4, CET +1, IST +5:30, unknown read as UTC.
    QCOMPARE(count(*store, "SELECT created_at FROM posts WHERE platform_id = '4012345678901234'"),
             1625518965); // 2021-07-05 18:02:45 BRT = 21:02:45 UTC
    QCOMPARE(count(*store, "SELECT created_at FROM posts WHERE platform_id = '4099999999999999'"),
             1625508165); // 14:02:45 EDT = 18:02:45 UTC
    QCOMPARE(count(*store, "SELECT created_at FROM posts WHERE platform_id = '5550001'"),
             1625511765); // 20:02:45 CET = 19:02:45 UTC
    QCOMPARE(count(*store, "SELECT created_at FROM posts WHERE platform_id = '4077777777777777'"),
             1625508165); // 23:32:45 IST = 18:02:45 UTC
    QCOMPARE(count(*store, "SELECT created_at FROM posts WHERE platform_id = '4011111111111111'"),
             1625508165); // 18:02:45 XYZT, read as UTC
    QCOMPARE(count(*store, "SELECT created_at FROM posts WHERE platform_id = '4012345678900001'"),
             1625522400); // 19:00:00 BRT

    QCOMPARE(text(*store, "SELECT text FROM posts WHERE platform_id = '4012345678901234'"),
             std::string("Vota\xC3\xA7\xC3\xA3o hoje!\nParticipe: #Elei\xC3\xA7\xC3\xB5"
                         "es2022 #Brasil com @tse.oficial."));
    // An empty Message: the shared link's title and description.
    QCOMPARE(text(*store, "SELECT text FROM posts WHERE platform_id = '4099999999999999'"),
             std::string("They lied to you\nRead the whole story before it is deleted."));
    QCOMPARE(text(*store, "SELECT text FROM posts WHERE platform_id = '4044444444444444'"),
             std::string("caf\xEF\xBF\xBD cr\xEF\xBF\xBDme"));
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE kind <> 'post'"), 0);
}

void TestImportCrowdTangle::facebookAccounts()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QVERIFY(importPath(*store, dataPath(QStringLiteral("crowdtangle_facebook.csv"))).ok());
    // The page id is kept as written: beyond 2^53 a double would have changed it.
    QCOMPARE(text(*store,
                  "SELECT a.platform_id || '|' || a.handle || '|' || a.display_name || '|' || "
                  "a.location || '|' || a.followers || '|' || a.created_at || '|' || a.bio "
                  "FROM posts p JOIN accounts a ON a.id = p.account_id "
                  "WHERE p.platform_id = '4012345678901234'"),
             std::string("100044123456789012|noticiasbr|Not\xC3\xAD"
                         "cias do Brasil|BR|407137|1330866000|Jornalismo independente "
                         "\xF0\x9F\x87\xA7\xF0\x9F\x87\xB7"));
    QCOMPARE(text(*store, "SELECT followers || '|' || created_at FROM accounts "
                          "WHERE platform_id = '100055000000000001'"),
             std::string("1234|1420131600")); // "1,234"; 2015-01-01 12:00:00 EST
    QCOMPARE(count(*store, "SELECT count(*) FROM accounts WHERE platform_id = "
                           "'100066000000000002' AND followers IS NULL"),
             1); // "1,4": ambiguous, left empty
    QCOMPARE(
        count(*store, "SELECT followers FROM accounts WHERE platform_id = '100077000000000003'"),
        12345); // "12 345"
    QCOMPARE(
        text(*store, "SELECT display_name FROM accounts WHERE platform_id = "
                     "'100077000000000003'"),
        std::string("\xE0\xA4\xAD\xE0\xA4\xBE\xE0\xA4\xB0\xE0\xA4\xA4 "
                    "\xE0\xA4\xB8\xE0\xA4\xAE\xE0\xA4\xBE\xE0\xA4\x9A\xE0\xA4\xBE\xE0\xA4\xB0"));
    QCOMPARE(count(*store, "SELECT count(*) FROM accounts WHERE platform_id = '1.00044E+14'"), 1);
    // No Facebook Id: the account is known by its user name.
    QCOMPARE(text(*store, "SELECT a.platform_id || '|' || a.handle FROM posts p JOIN accounts a "
                          "ON a.id = p.account_id WHERE p.platform_id = '4033333333333333'"),
             std::string("noid.page|noid.page"));
    QCOMPARE(count(*store, "SELECT count(*) FROM accounts"), 7);
    QCOMPARE(count(*store, "SELECT count(*) FROM accounts WHERE platform <> 'facebook'"), 0);
}

void TestImportCrowdTangle::facebookEntitiesAndUrls()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QVERIFY(importPath(*store, dataPath(QStringLiteral("crowdtangle_facebook.csv"))).ok());
    QCOMPARE(postList(*store, "tag", "4012345678901234"), std::string("Brasil|Elei\xC3\xA7\xC3\xB5"
                                                                      "es2022"));
    QCOMPARE(postList(*store, "mention", "4012345678901234"), std::string("tse.oficial"));
    QCOMPARE(postList(*store, "url", "4012345678901234"),
             std::string("https://example.com.br/materia?id=1|"
                         "https://example.com.br/materia?id=1&utm=fb"));
    // No e-mail address as a mention, no "C#" as a tag.
    QCOMPARE(postList(*store, "tag", "5550001"), std::string("Bundestagswahl|Wahl2021"));
    QCOMPARE(postList(*store, "mention", "5550001"), std::string());
    // Devanagari tag whole; #2024 (digits only) is no tag.
    QCOMPARE(postList(*store, "tag", "4077777777777777"),
             std::string("\xE0\xA4\xAD\xE0\xA4\xBE\xE0\xA4\xB0\xE0\xA4\xA4"));
    QCOMPARE(postList(*store, "mention", "4077777777777777"), std::string("pmo_india"));
    QCOMPARE(postList(*store, "url", "4099999999999999"),
             std::string("https://patriot.example/story"));
    // A photo's Link is the post itself: not a shared URL.
    QCOMPARE(postList(*store, "url", "4012345678900001"), std::string());
}

void TestImportCrowdTangle::instagramExport()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report = importPath(*store, dataPath(QStringLiteral("crowdtangle_instagram.csv")));
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->counts.imported, 3);
    QCOMPARE(report->counts.rejected, 0);
    QCOMPARE(report->counts.warnings, 0);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE platform = 'instagram'"), 3);
    // Shortcodes from /p/ and /reel/ URLs.
    QCOMPARE(text(*store, "SELECT group_concat(platform_id, ',') FROM (SELECT platform_id "
                          "FROM posts ORDER BY source_line)"),
             std::string("CQx_1AbCdEf,CRy2BcDeFgH,CQz3DeFgHiJ"));
    QCOMPARE(count(*store, "SELECT created_at FROM posts WHERE platform_id = 'CQx_1AbCdEf'"),
             1625518965); // BRT
    QCOMPARE(count(*store, "SELECT created_at FROM posts WHERE platform_id = 'CRy2BcDeFgH'"),
             1625572800); // 2021-07-06 09:00:00 BRT
    QCOMPARE(count(*store, "SELECT created_at FROM posts WHERE platform_id = 'CQz3DeFgHiJ'"),
             1625508165); // 11:02:45 PDT
    QCOMPARE(text(*store, "SELECT text FROM posts WHERE platform_id = 'CRy2BcDeFgH'"),
             std::string("Meu reel favorito")); // no caption: the title
    QCOMPARE(text(*store,
                  "SELECT a.platform_id || '|' || a.handle || '|' || a.display_name || '|' || "
                  "a.followers FROM posts p JOIN accounts a ON a.id = p.account_id "
                  "WHERE p.platform_id = 'CQx_1AbCdEf'"),
             std::string("mariasilva.oficial|mariasilva.oficial|Maria Silva|2345678"));
    QCOMPARE(postList(*store, "tag", "CQx_1AbCdEf"), std::string("Brasil|bomdia"));
    QCOMPARE(postList(*store, "mention", "CQx_1AbCdEf"), std::string("amiga.da.maria"));
    QCOMPARE(postList(*store, "url", "CQx_1AbCdEf"), std::string()); // Link = the post
    QCOMPARE(postList(*store, "url", "CQz3DeFgHiJ"), std::string("https://ladaily.example/news"));
}

void TestImportCrowdTangle::instagramPostMeetsZeeschuimerCapture()
{
    // Both key Instagram posts by shortcode: the same post from two tools is one post.
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QVERIFY(importPath(*store, dataPath(QStringLiteral("crowdtangle_instagram.csv"))).ok());
    const auto report = importPath(*store, dataPath(QStringLiteral("fourcat_zeeschuimer.ndjson")));
    QVERIFY(report.ok());
    QCOMPARE(report->counts.duplicates, 2); // CQx_1AbCdEf and the retweet's embedded original
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE platform_id = 'CQx_1AbCdEf'"), 1);
}

void TestImportCrowdTangle::groupExportNamesTheGroup()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const QString path = writeFile(
        dir, QStringLiteral("group.csv"),
        "Group Name,User Name,Facebook Id,Followers at Posting,Post Created,Type,URL,Message\n"
        "Amigos do Bairro,,123456789012345678,\"3.210\",2022-10-01 08:00:00 -03,Status,"
        "https://www.facebook.com/groups/123456789012345678/permalink/987654321098765/,"
        "Reuni\xC3\xA3o amanh\xC3\xA3 #bairro\n");
    QCOMPARE(detectFormat(path.toStdString()).value(), std::string("crowdtangle"));
    const auto report = importPath(*store, path);
    QVERIFY(report.ok());
    QCOMPARE(report->counts.imported, 1);
    QCOMPARE(report->counts.warnings, 0);
    QCOMPARE(text(*store, "SELECT p.platform_id || '|' || p.created_at || '|' || a.platform_id || "
                          "'|' || a.display_name || '|' || a.followers FROM posts p "
                          "JOIN accounts a ON a.id = p.account_id"),
             std::string("987654321098765|1664622000|123456789012345678|Amigos do Bairro|3210"));
}

void TestImportCrowdTangle::missingColumnIsFatal()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    ImportOptions options;
    options.format = "crowdtangle";
    const auto report = importPath(
        *store,
        writeFile(dir, QStringLiteral("nocreated.csv"), "Page Name,Facebook Id,URL\na,1,u\n"),
        options);
    QVERIFY(!report.ok());
    QVERIFY2(report.error().message.find("column 'Post Created' is missing") != std::string::npos,
             report.error().message.c_str());
    QCOMPARE(count(*store, "SELECT count(*) FROM sources"), 0);
}

void TestImportCrowdTangle::zonedTimes_data()
{
    QTest::addColumn<QString>("written");
    QTest::addColumn<qlonglong>("utc");
    QTest::addColumn<bool>("known");
    const qlonglong noon = 1625486400; // 2021-07-05 12:00:00 UTC
    QTest::newRow("BRT") << "2021-07-05 09:00:00 BRT" << noon << true;
    QTest::newRow("BRST") << "2021-07-05 10:00:00 BRST" << noon << true;
    QTest::newRow("EST") << "2021-07-05 07:00:00 EST" << noon << true;
    QTest::newRow("EDT") << "2021-07-05 08:00:00 EDT" << noon << true;
    QTest::newRow("CST is US Central") << "2021-07-05 06:00:00 CST" << noon << true;
    QTest::newRow("PDT") << "2021-07-05 05:00:00 PDT" << noon << true;
    QTest::newRow("CET") << "2021-07-05 13:00:00 CET" << noon << true;
    QTest::newRow("CEST") << "2021-07-05 14:00:00 CEST" << noon << true;
    QTest::newRow("BST is British") << "2021-07-05 13:00:00 BST" << noon << true;
    QTest::newRow("IST is India") << "2021-07-05 17:30:00 IST" << noon << true;
    QTest::newRow("NPT quarter hour") << "2021-07-05 17:45:00 NPT" << noon << true;
    QTest::newRow("JST") << "2021-07-05 21:00:00 JST" << noon << true;
    QTest::newRow("AEST") << "2021-07-05 22:00:00 AEST" << noon << true;
    QTest::newRow("UTC") << "2021-07-05 12:00:00 UTC" << noon << true;
    QTest::newRow("GMT") << "2021-07-05 12:00:00 GMT" << noon << true;
    QTest::newRow("lower case") << "2021-07-05 09:00:00 brt" << noon << true;
    QTest::newRow("numeric -03") << "2021-07-05 09:00:00 -03" << noon << true;
    QTest::newRow("numeric +05:30") << "2021-07-05 17:30:00 +05:30" << noon << true;
    QTest::newRow("UTC+2") << "2021-07-05 14:00:00 UTC+2" << noon << true;
    QTest::newRow("no zone") << "2021-07-05 12:00:00" << noon << true;
    QTest::newRow("unknown, read as UTC") << "2021-07-05 12:00:00 QQT" << noon << false;
}

void TestImportCrowdTangle::zonedTimes()
{
    QFETCH(QString, written);
    QFETCH(qlonglong, utc);
    QFETCH(bool, known);
    const ZonedTime time = parseZonedTime(written.toStdString());
    QVERIFY(time.utc.has_value());
    QCOMPARE(qlonglong(*time.utc), utc);
    QCOMPARE(time.zoneKnown, known);
}

void TestImportCrowdTangle::localeCounts_data()
{
    QTest::addColumn<QString>("written");
    QTest::addColumn<qlonglong>("value"); // -1: no value
    QTest::addColumn<bool>("ambiguous");
    QTest::addColumn<bool>("bad");
    QTest::newRow("plain") << "407137" << 407137LL << false << false;
    QTest::newRow("dot thousands") << "407.137" << 407137LL << false << false;
    QTest::newRow("comma thousands") << "1,234" << 1234LL << false << false;
    QTest::newRow("two dot groups") << "2.345.678" << 2345678LL << false << false;
    QTest::newRow("space groups") << "12 345" << 12345LL << false << false;
    QTest::newRow("no-break space") << QStringLiteral("12\u00A0345") << 12345LL << false << false;
    QTest::newRow("apostrophe groups") << "1'234'567" << 1234567LL << false << false;
    QTest::newRow("whole with zeros") << "12.0" << 12LL << false << false;
    QTest::newRow("grouped with decimal zeros") << "1.234,00" << 1234LL << false << false;
    QTest::newRow("decimal comma") << "1,4" << -1LL << true << false;
    QTest::newRow("decimal dot") << "12.5" << -1LL << true << false;
    QTest::newRow("grouped with a fraction") << "1.234,5" << -1LL << true << false;
    QTest::newRow("leading zero group") << "0.137" << -1LL << true << false;
    QTest::newRow("broken groups") << "1,23,4" << -1LL << false << true;
    QTest::newRow("text") << "many" << -1LL << false << true;
    QTest::newRow("negative") << "-5" << -1LL << false << true;
    QTest::newRow("empty") << "" << -1LL << false << false;
    QTest::newRow("N/A") << "N/A" << -1LL << false << false;
}

void TestImportCrowdTangle::localeCounts()
{
    QFETCH(QString, written);
    QFETCH(qlonglong, value);
    QFETCH(bool, ambiguous);
    QFETCH(bool, bad);
    const LocaleCount count = parseLocaleCount(written.toStdString());
    QCOMPARE(count.value ? qlonglong(*count.value) : -1LL, value);
    QCOMPARE(count.ambiguous, ambiguous);
    QCOMPARE(count.bad, bad);
}

void TestImportCrowdTangle::postIds_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("id");
    QTest::newRow("page post") << "https://www.facebook.com/123/posts/456/"
                               << "456";
    QTest::newRow("named page post") << "https://www.facebook.com/noticiasbr/posts/4012345678901234"
                                     << "4012345678901234";
    QTest::newRow("group permalink")
        << "https://www.facebook.com/groups/789/permalink/456/?comment_id=1"
        << "456";
    QTest::newRow("story.php") << "https://www.facebook.com/permalink.php?story_fbid=555&id=100"
                               << "555";
    QTest::newRow("photo") << "https://www.facebook.com/page/photos/a.1010/4012/?type=3"
                           << "4012";
    QTest::newRow("video") << "https://www.facebook.com/page/videos/4033/"
                           << "4033";
    QTest::newRow("watch") << "https://www.facebook.com/watch/?v=777"
                           << "777";
    QTest::newRow("instagram post") << "https://www.instagram.com/p/CQx_1AbCdEf/"
                                    << "CQx_1AbCdEf";
    QTest::newRow("instagram reel") << "https://www.instagram.com/reel/CRy2BcDeFgH/"
                                    << "CRy2BcDeFgH";
    QTest::newRow("no path") << "https://www.facebook.com"
                             << "";
}

void TestImportCrowdTangle::postIds()
{
    QFETCH(QString, url);
    QFETCH(QString, id);
    QCOMPARE(QString::fromStdString(postIdFromUrl(url.toStdString())), id);
}

void TestImportCrowdTangle::cliRoundTrip()
{
    QTemporaryDir dir;
    const QString casePath = dir.filePath(QStringLiteral("case.chorus"));
    const CliResult result = runCli({QStringLiteral("import"), casePath,
                                     dataPath(QStringLiteral("crowdtangle_facebook.csv")),
                                     dataPath(QStringLiteral("crowdtangle_instagram.csv"))});
    QCOMPARE(result.exitCode, 0);
    for (const char *line :
         {"crowdtangle_facebook.csv: crowdtangle: read 10, imported 8, duplicate 0, rejected 2, "
          "warnings 4",
          "crowdtangle_facebook.csv:7: Post Created: warning: unknown time zone 'XYZT'; time "
          "read as UTC",
          "crowdtangle_facebook.csv:8: Post Created: unrecognised timestamp 'yesterday evening'",
          "crowdtangle_facebook.csv:11: (row): expected 40 fields, found 4",
          "crowdtangle_instagram.csv: crowdtangle: read 3, imported 3, duplicate 0, rejected 0"})
        QVERIFY2(result.out.contains(QString::fromUtf8(line)), qPrintable(result.out));

    const QString json = dir.filePath(QStringLiteral("posts.json"));
    const CliResult exported = runCli({QStringLiteral("export"), casePath,
                                       QStringLiteral("--posts"), QStringLiteral("-o"), json});
    QCOMPARE(exported.exitCode, 0);
    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray rows = QJsonDocument::fromJson(file.readAll()).array();
    QCOMPARE(rows.size(), 11);
    bool found = false;
    for (const QJsonValue &row : rows) {
        const QJsonObject post = row.toObject();
        if (post.value(QStringLiteral("post_id")).toString() != QStringLiteral("4077777777777777"))
            continue;
        found = true;
        QCOMPARE(post.value(QStringLiteral("platform")).toString(), QStringLiteral("facebook"));
        QCOMPARE(post.value(QStringLiteral("account_id")).toString(),
                 QStringLiteral("100077000000000003"));
        QCOMPARE(post.value(QStringLiteral("handle")).toString(),
                 QStringLiteral("bharat.samachar"));
        QCOMPARE(post.value(QStringLiteral("created_at")).toString(),
                 QStringLiteral("2021-07-05T18:02:45Z"));
        QCOMPARE(post.value(QStringLiteral("text")).toString(),
                 QStringLiteral("#भारत की खबर @pmo_india #2024"));
        QCOMPARE(post.value(QStringLiteral("source_line")).toInt(), 6);
    }
    QVERIFY(found);
}

QTEST_GUILESS_MAIN(TestImportCrowdTangle)
#include "tst_import_crowdtangle.moc"
