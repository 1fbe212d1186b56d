// The YouTube Data API comments importer through the public pipeline: pages of
// commentThreads (JSONL), a pretty comments.list page, bare items, old HTML-only comments,
// missing replies, broken input, the CLI.
#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace chorus;
using namespace chorus::test;

class TestImportYoutube : public QObject
{
    Q_OBJECT
private slots:
    void detectsOwnFixturesOnly();
    void detectsFilesLongerThanTheHead();
    void importsCommentThreadPages();
    void importsPrettyCommentsPage();
    void acceptsArraysAndBareItems();
    void displayTextBecomesPlainText_data();
    void displayTextBecomesPlainText();
    void badItemsRejectedOrWarned();
    void truncatedFileKeepsCompleteItems();
    void reimportAddsNothing();
    void cliRoundTrip();
};

static QByteArray fixture(const QString &name)
{
    QFile file(dataPath(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture");
    return file.readAll();
}

// A comment resource as the API writes it (compact), with `extra` snippet members.
static QByteArray comment(const QByteArray &id, const QByteArray &channel, const QByteArray &text,
                          const QByteArray &extra = {})
{
    return R"({"kind":"youtube#comment","etag":"e","id":")" + id +
           R"(","snippet":{"videoId":"Vid00000001","textDisplay":")" + text +
           R"(","textOriginal":")" + text + R"(","authorDisplayName":"@user_)" + channel +
           R"(","authorChannelUrl":"http://www.youtube.com/@user_)" + channel +
           R"(","authorChannelId":{"value":"UC)" + channel + R"("},"likeCount":0,)" + extra +
           R"("publishedAt":"2023-05-01T10:00:00Z","updatedAt":"2023-05-01T10:00:00Z"}})";
}

static QByteArray threadItem(const QByteArray &top, const QByteArray &topId, int total,
                             const QByteArray &replies = {})
{
    return R"({"kind":"youtube#commentThread","etag":"t","id":")" + topId +
           R"(","snippet":{"channelId":"UCowner","videoId":"Vid00000001","topLevelComment":)" +
           top + R"(,"canReply":true,"totalReplyCount":)" + QByteArray::number(total) +
           R"(,"isPublic":true})" + (replies.isEmpty() ? "" : ",\"replies\":" + replies) + "}";
}

static std::vector<std::string> issueList(const ImportReport &report)
{
    std::vector<std::string> got;
    for (const ImportIssue &issue : report.firstIssues)
        got.push_back(std::to_string(issue.line) + " " + issue.field + " " + issue.severity);
    return got;
}

void TestImportYoutube::detectsOwnFixturesOnly()
{
    const auto formats = detectedFormats();
    QCOMPARE(formats.at(QStringLiteral("youtube_comment_threads.jsonl")), std::string("youtube"));
    QCOMPARE(formats.at(QStringLiteral("youtube_comments_page.json")), std::string("youtube"));
    const QStringList wrong = misdetectedFixtures(QStringLiteral("youtube_"), "youtube");
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QStringLiteral(", "))));
}

void TestImportYoutube::detectsFilesLongerThanTheHead()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    // A pretty page of 300 threads.
    QByteArray page = "{\n  \"kind\": \"youtube#commentThreadListResponse\",\n  \"items\": [\n";
    for (int i = 0; i < 300; ++i)
        page += (i ? ",\n" : "") +
                threadItem(comment("top" + QByteArray::number(i), "a", QByteArray(200, 'x')),
                           "top" + QByteArray::number(i), 0);
    page += "\n  ]\n}\n";
    QVERIFY(page.size() > 64 * 1024);
    const QString pagePath = writeFile(dir, QStringLiteral("page.json"), page);
    QCOMPARE(detectFormat(pagePath.toStdString()).value(), std::string("youtube"));
    QCOMPARE(importPath(*store, pagePath)->counts.imported, 300);

    // Bare items whose first is longer than the head, saved without `kind` (a fields filter).
    QByteArray items = threadItem(comment("long", "b", QByteArray(70000, 'y')), "long", 0) + "\n" +
                       threadItem(comment("short", "b", "short"), "short", 0) + "\n";
    items.replace(R"("kind":"youtube#commentThread",)", "");
    items.replace(R"("kind":"youtube#comment",)", "");
    QVERIFY(!items.contains("youtube#"));
    const QString itemsPath = writeFile(dir, QStringLiteral("items.jsonl"), items);
    QCOMPARE(detectFormat(itemsPath.toStdString()).value(), std::string("youtube"));
    const auto report = importPath(*store, itemsPath);
    QVERIFY(report.ok());
    QCOMPARE(report->counts.imported, 2);
    QCOMPARE(report->counts.rejected, 0);
    QCOMPARE(count(*store, "SELECT length(text) FROM posts WHERE platform_id = 'long'"), 70000);
}

void TestImportYoutube::importsCommentThreadPages()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report =
        importPath(*store, dataPath(QStringLiteral("youtube_comment_threads.jsonl")));
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->format, std::string("youtube"));
    // Page 1: threads of 1+2, 1+7 and 1 comments; page 2: 1+1 (the top one rejected) and 1.
    QCOMPARE(report->counts.read, 15);
    QCOMPARE(report->counts.imported, 14);
    QCOMPARE(report->counts.rejected, 1);
    QCOMPARE(report->counts.warnings, 1);
    const auto &issues = report->firstIssues;
    QCOMPARE(issues.size(), size_t(2));
    // The thread with 7 of its 12 replies: 5 missing, said once, on the thread's line.
    QCOMPARE(issues[0].line, 1);
    QCOMPARE(issues[0].field, std::string("snippet.totalReplyCount"));
    QCOMPARE(issues[0].severity, std::string("warning"));
    QCOMPARE(issues[0].reason,
             std::string("thread UgyB2bom0002: 5 of 12 replies are not in the file "
                         "(commentThreads.list returns at most 5 per thread; comments.list with "
                         "parentId=UgyB2bom0002 fetches them all)"));
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE reply_to = 'UgyB2bom0002'"), 7);
    // A top-level comment without an author channel is rejected; its reply is kept.
    QCOMPARE(issues[1].line, 2);
    QCOMPARE(issues[1].field, std::string("snippet.topLevelComment.snippet.authorChannelId.value"));
    QCOMPARE(issues[1].reason, std::string("missing author channel id"));
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE platform_id = 'UgwD4anon0004'"), 0);
    QCOMPARE(text(*store, "SELECT kind || ':' || reply_to FROM posts WHERE platform_id = "
                          "'UgwD4anon0004.8Rep1'"),
             std::string("reply:UgwD4anon0004"));

    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE platform = 'youtube'"), 14);
    QCOMPARE(count(*store, "SELECT count(*) FROM accounts WHERE platform = 'youtube'"), 12);
    QCOMPARE(QString::fromStdString(
                 text(*store, "SELECT text FROM posts WHERE platform_id = 'UgxA1marie0001'")),
             QStringLiteral("Le député a menti, « la vérité » éclate 😡 #Vérité"));
    QCOMPARE(count(*store, "SELECT created_at FROM posts WHERE platform_id = 'UgxA1marie0001'"),
             1677664800);
    // A top-level comment is a Post carrying its video's URL; replies point to their parent.
    QCOMPARE(text(*store, "SELECT kind FROM posts WHERE platform_id = 'UgxA1marie0001'"),
             std::string("post"));
    QCOMPARE(postList(*store, "url", "UgxA1marie0001"),
             std::string("https://www.youtube.com/watch?v=Xk3Dp9qLm2A"));
    QCOMPARE(text(*store, "SELECT kind || ':' || reply_to FROM posts WHERE platform_id = "
                          "'UgxA1marie0001.9xRep1'"),
             std::string("reply:UgxA1marie0001"));
    QCOMPARE(text(*store, "SELECT text FROM posts WHERE platform_id = 'UgxA1marie0001.9xRep1'"),
             std::string("@marie_qc Tout \xC3\xA0 fait d'accord.\nOn continue demain."));
    QCOMPARE(postList(*store, "url", "UgxA1marie0001.9xRep1"), std::string());
    QCOMPARE(count(*store, "SELECT count(*) FROM post_urls"), 4);
    QCOMPARE(text(*store, "SELECT platform_id || '|' || handle || '|' || display_name FROM "
                          "accounts WHERE platform_id = 'UCmarieQC0000000000000001'"),
             std::string("UCmarieQC0000000000000001|marie_qc|@marie_qc"));
    QCOMPARE(count(*store, "SELECT count(*) FROM accounts WHERE location IS NOT NULL OR "
                           "created_at IS NOT NULL OR followers IS NOT NULL"),
             0);
    // A trailing U+FEFF is dropped; a fractional second is read.
    QCOMPARE(text(*store, "SELECT text FROM posts WHERE platform_id = 'UgyB2bom0002'"),
             std::string("Merci \xC3\xA0 tous pour vos commentaires"));
    QCOMPARE(count(*store, "SELECT created_at FROM posts WHERE platform_id = 'UgyB2bom0002'"),
             1677666600);
    // An old comment: only the HTML textDisplay, and a display name that is not a handle.
    QCOMPARE(text(*store, "SELECT text FROM posts WHERE platform_id = 'UgzC3old0003'"),
             std::string("C'est faux\xC2\xA0!\nVoir http://www.example.com/faits & <la suite> "
                         "\xF0\x9F\x98\x80"));
    QCOMPARE(text(*store, "SELECT coalesce(handle, 'NULL') || '|' || display_name FROM accounts "
                          "WHERE platform_id = 'UCjeanT00000000000000004'"),
             std::string("NULL|Jean Tremblay"));
    QCOMPARE(count(*store, "SELECT created_at FROM posts WHERE platform_id = 'UgzC3old0003'"),
             1433145600);
    QCOMPARE(QString::fromStdString(
                 text(*store, "SELECT text FROM posts WHERE platform_id = 'UgvE5wang0005'")),
             QStringLiteral("这位议员应该辞职。人民不会忘记！"));
}

void TestImportYoutube::importsPrettyCommentsPage()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report = importPath(*store, dataPath(QStringLiteral("youtube_comments_page.json")));
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->counts.imported, 3);
    QCOMPARE(report->counts.rejected, 0);
    QCOMPARE(report->counts.warnings, 0);
    // comments.list replies name their parent in snippet.parentId; each item has its line.
    QCOMPARE(text(*store, "SELECT group_concat(platform_id || '@' || source_line || '>' || "
                          "reply_to, ',') FROM (SELECT * FROM posts ORDER BY source_line)"),
             std::string("UgyB2bom0002.7Rep8@9>UgyB2bom0002,UgyB2bom0002.7Rep9@30>UgyB2bom0002,"
                         "UgyB2bom0002.7Rep10@51>UgyB2bom0002"));
    QCOMPARE(text(*store, "SELECT text FROM posts WHERE platform_id = 'UgyB2bom0002.7Rep10'"),
             std::string("Line one\nLine two \"quoted\" bold"));
    QCOMPARE(count(*store, "SELECT count(*) FROM post_urls"), 0);
}

void TestImportYoutube::acceptsArraysAndBareItems()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const QByteArray pageA =
        R"({"kind":"youtube#commentThreadListResponse","items":[)" +
        threadItem(comment("a1", "x", "first"), "a1", 1,
                   R"({"comments":[)" + comment("a1.r", "y", "reply", R"("parentId":"a1",)") +
                       "]}") +
        "]}";
    const QByteArray pageB =
        R"({"kind":"youtube#commentListResponse","items":[)" + comment("b1", "z", "alone") + "]}";
    // An array of responses.
    auto report = importPath(
        *store, writeFile(dir, QStringLiteral("a.json"), "[" + pageA + ",\n" + pageB + "]"));
    QVERIFY(report.ok());
    QCOMPARE(report->counts.imported, 3);
    QCOMPARE(text(*store, "SELECT kind || ':' || reply_to FROM posts WHERE platform_id = 'a1.r'"),
             std::string("reply:a1"));
    // A bare array of comment items; a JSONL of thread items with a whole page among them.
    report =
        importPath(*store, writeFile(dir, QStringLiteral("b.json"),
                                     "[" + comment("c1", "x", "one") + ",\n" +
                                         comment("c2", "x", "two", R"("parentId":"c1",)") + "]"));
    QVERIFY(report.ok());
    QCOMPARE(report->counts.imported, 2);
    QCOMPARE(text(*store, "SELECT kind || ':' || reply_to FROM posts WHERE platform_id = 'c2'"),
             std::string("reply:c1"));
    report = importPath(*store,
                        writeFile(dir, QStringLiteral("c.jsonl"),
                                  threadItem(comment("d1", "x", "three"), "d1", 0) + "\n" +
                                      R"({"kind":"youtube#commentThreadListResponse","items":[)" +
                                      threadItem(comment("d2", "x", "four"), "d2", 0) + "]}\n"));
    QVERIFY(report.ok());
    QCOMPARE(report->counts.imported, 2);
    QCOMPARE(report->counts.rejected, 0);
    // A bare item among pages is not walked past silently.
    report = importPath(*store, writeFile(dir, QStringLiteral("d.jsonl"),
                                          pageB + "\n" + comment("e1", "x", "five") + "\n"));
    QVERIFY(report.ok());
    QCOMPARE(report->counts.imported, 0);
    QCOMPARE(report->counts.duplicates, 1);
    QCOMPARE(report->counts.rejected, 1);
    QCOMPARE(report->firstIssues[0].line, 2);
    QCOMPARE(report->firstIssues[0].reason, std::string("no 'items' array in this document"));
}

void TestImportYoutube::displayTextBecomesPlainText_data()
{
    QTest::addColumn<QByteArray>("display");
    QTest::addColumn<QString>("plain");
    QTest::newRow("line breaks") << QByteArray("a<br>b<br />c<BR/>d<br >e")
                                 << QStringLiteral("a\nb\nc\nd\ne");
    QTest::newRow("links keep their text")
        << QByteArray(R"(see <a href=\"https://www.youtube.com/watch?v=x&amp;t=62\">1:02</a>)")
        << QStringLiteral("see 1:02");
    QTest::newRow("named references") << QByteArray("1 &lt; 2 &amp;&amp; &quot;q&quot; &apos;")
                                      << QStringLiteral("1 < 2 && \"q\" '");
    QTest::newRow("numeric references")
        << QByteArray("&#39;&#128512;&#x1F600;&#X41;") << QStringLiteral("'😀😀A");
    QTest::newRow("not references") << QByteArray("&unknown; & x &#; &#xZZ; AT&T")
                                    << QStringLiteral("&unknown; & x &#; &#xZZ; AT&T");
    QTest::newRow("a surrogate is not a character")
        << QByteArray("&#xD800;") << QStringLiteral("\uFFFD");
    QTest::newRow("other tags dropped")
        << QByteArray("<b>bold</b> <i>it</i>") << QStringLiteral("bold it");
    QTest::newRow("unclosed tag kept") << QByteArray("a <b") << QStringLiteral("a <b");
}

void TestImportYoutube::displayTextBecomesPlainText()
{
    QFETCH(QByteArray, display);
    QFETCH(QString, plain);
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QByteArray item = comment("h1", "x", display);
    item.replace(R"("textOriginal":")" + display + R"(",)", "");
    QVERIFY(!item.contains("textOriginal"));
    const auto report = importPath(*store, writeFile(dir, QStringLiteral("h.jsonl"), item + "\n"));
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->counts.imported, 1);
    QCOMPARE(QString::fromStdString(text(*store, "SELECT text FROM posts")), plain);
}

void TestImportYoutube::badItemsRejectedOrWarned()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QByteArray noId = comment("x", "a", "no id");
    noId.replace(R"("id":"x",)", "");
    QByteArray noSnippet = R"({"kind":"youtube#comment","id":"k11"})";
    const QByteArray content =
        comment("k1", "a", "good") + "\n" + // 1
        R"({"kind":"youtube#comment","id":"k2","snippet":{"textOriginal": broken}})"
        "\n" + // 2
        noId +
        "\n" +                                                                           // 3
        comment("k4", "a", "when?").replace("2023-05-01T10:00:00Z", "sometime") + "\n" + // 4
        comment("k5", "a", "x").replace(R"({"value":"UCa"})", "true") + "\n" +           // 5
        comment("k6", "a", "x")
            .replace(R"("textOriginal":"x")", R"("textOriginal":42)")
            .replace(R"("textDisplay":"x",)", "") +
        "\n" + // 6
        threadItem(comment("k7", "a", "t7"), "k7", 0)
            .replace(R"("totalReplyCount":0)", R"("totalReplyCount":"many")")
            .replace(R"("isPublic":true})", R"("isPublic":true},"replies":{"comments":"oops"})") +
        "\n" +                                                                        // 7
        threadItem(comment("k8", "a", "t8"), "k8", 1, R"({"comments":[5]})") + "\n" + // 8
        comment("k9", "a", "caf\xE9") + "\n" +                                        // 9
        R"({"kind":"youtube#video","id":"v10"})"
        "\n" + // 10
        noSnippet +
        "\n" +                                           // 11
        R"({"kind":"youtube#comment","id":"cut","snip)"; // 12
    const QString path = writeFile(dir, QStringLiteral("bad.jsonl"), content);
    QCOMPARE(detectFormat(path.toStdString()).value(), std::string("youtube"));
    const auto report = importPath(*store, path);
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->counts.imported, 5);
    QCOMPARE(report->counts.rejected, 8);
    QCOMPARE(report->counts.warnings, 4);
    const std::vector<std::string> expected = {"2 (record) error",
                                               "3 id error",
                                               "4 snippet.publishedAt error",
                                               "5 snippet.authorChannelId.value error",
                                               "6 snippet.textOriginal warning",
                                               "7 replies.comments warning",
                                               "7 snippet.totalReplyCount warning",
                                               "8 replies.comments[0] error",
                                               "9 (record) warning",
                                               "10 (record) error",
                                               "11 snippet error",
                                               "12 (record) error"};
    QCOMPARE(issueList(report.value()), expected);
    const auto &issues = report->firstIssues;
    QCOMPARE(issues[1].reason, std::string("missing id"));
    QCOMPARE(issues[2].reason, std::string("unrecognised timestamp 'sometime'"));
    QCOMPARE(issues[3].reason, std::string("expected an id, found a boolean"));
    QCOMPARE(issues[9].reason, std::string("neither a YouTube comment thread nor a comment"));
    QCOMPARE(issues[11].reason, std::string("the file ends inside this record (cut off)"));
    QCOMPARE(text(*store, "SELECT group_concat(platform_id, ',') FROM (SELECT platform_id FROM "
                          "posts ORDER BY source_line)"),
             std::string("k1,k6,k7,k8,k9"));
    QCOMPARE(text(*store, "SELECT '[' || text || ']' FROM posts WHERE platform_id = 'k6'"),
             std::string("[]"));
    QCOMPARE(text(*store, "SELECT text FROM posts WHERE platform_id = 'k9'"),
             std::string("caf\xEF\xBF\xBD"));
}

void TestImportYoutube::truncatedFileKeepsCompleteItems()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QByteArray bytes = fixture(QStringLiteral("youtube_comment_threads.jsonl"));
    bytes.chop(bytes.size() - bytes.indexOf("Qui êtes-vous")); // inside page 2's first thread
    const auto report = importPath(*store, writeFile(dir, QStringLiteral("cut.jsonl"), bytes));
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->counts.imported, 12);
    QCOMPARE(report->counts.rejected, 1);
    QCOMPARE(issueList(report.value()),
             (std::vector<std::string>{"1 snippet.totalReplyCount warning", "2 (record) error"}));
    QCOMPARE(report->firstIssues[1].reason,
             std::string("the file ends inside this record (cut off)"));
}

void TestImportYoutube::reimportAddsNothing()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QVERIFY(importPath(*store, dataPath(QStringLiteral("youtube_comment_threads.jsonl"))).ok());
    const auto again =
        importPath(*store, dataPath(QStringLiteral("youtube_comment_threads.jsonl")));
    QVERIFY(again.ok());
    QVERIFY(again->alreadyImported);
    QCOMPARE(again->counts.duplicates, 14);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts"), 14);
}

void TestImportYoutube::cliRoundTrip()
{
    QTemporaryDir dir;
    const QString casePath = dir.filePath(QStringLiteral("case.chorus"));
    const CliResult result = runCli({QStringLiteral("import"), casePath,
                                     dataPath(QStringLiteral("youtube_comment_threads.jsonl")),
                                     dataPath(QStringLiteral("youtube_comments_page.json"))});
    QCOMPARE(result.exitCode, 0);
    for (const char *line :
         {"youtube_comment_threads.jsonl: youtube: read 15, imported 14, duplicate 0, rejected 1",
          "youtube_comment_threads.jsonl:1: snippet.totalReplyCount: warning: thread "
          "UgyB2bom0002: 5 of 12 replies are not in the file",
          "youtube_comment_threads.jsonl:2: snippet.topLevelComment.snippet.authorChannelId.value: "
          "missing author channel id",
          "youtube_comments_page.json: youtube: read 3, imported 3, duplicate 0, rejected 0"})
        QVERIFY2(result.out.contains(QString::fromUtf8(line)), qPrintable(result.out));

    const QString posts = dir.filePath(QStringLiteral("posts.json"));
    QCOMPARE(runCli({QStringLiteral("export"), casePath, QStringLiteral("--posts"),
                     QStringLiteral("-o"), posts})
                 .exitCode,
             0);
    QFile file(posts);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray rows = QJsonDocument::fromJson(file.readAll()).array();
    QCOMPARE(rows.size(), 17);
    int repliesToThread2 = 0;
    QJsonObject old;
    for (const QJsonValue &row : rows) {
        repliesToThread2 +=
            row[QStringLiteral("reply_to")].toString() == QStringLiteral("UgyB2bom0002");
        if (row[QStringLiteral("post_id")].toString() == QStringLiteral("UgzC3old0003"))
            old = row.toObject();
    }
    QCOMPARE(repliesToThread2, 10); // 7 from the thread, 3 more from comments.list
    QCOMPARE(old[QStringLiteral("platform")].toString(), QStringLiteral("youtube"));
    QCOMPARE(old[QStringLiteral("kind")].toString(), QStringLiteral("post"));
    QCOMPARE(old[QStringLiteral("account_id")].toString(),
             QStringLiteral("UCjeanT00000000000000004"));
    QCOMPARE(old[QStringLiteral("created_at")].toString(), QStringLiteral("2015-06-01T08:00:00Z"));
    QVERIFY(old[QStringLiteral("text")].toString().startsWith(QStringLiteral("C'est faux")));
}

QTEST_GUILESS_MAIN(TestImportYoutube)
#include "tst_import_youtube.moc"
