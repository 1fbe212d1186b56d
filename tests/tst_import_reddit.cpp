#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace chorus;
using namespace chorus::test;

class TestImportReddit : public QObject
{
    Q_OBJECT
private slots:
    void detectsOwnFixturesOnly();
    void detectsRecordLongerThanTheHead();
    void importsRealCommentDump();
    void importsSubmissionsAndCommentsMixed();
    void scansLinksAndMentionsInText();
    void badRecordsRejectedGoodKept();
    void escapesAndNumbersStrictJsonRefusesAreKept();
    void truncatedLastRecordRejectedCompleteOnesKept();
    void cliImportThenInfoAndExport();
};

namespace {

QString postText(const CaseStore &store, const char *platformId)
{
    const std::string sql =
        std::string("SELECT text FROM posts WHERE platform = 'reddit' AND platform_id = '") +
        platformId + "'";
    return QString::fromStdString(text(store, sql.c_str()));
}

std::string postFacts(const CaseStore &store, const char *platformId)
{
    const std::string sql =
        std::string("SELECT p.kind || '|' || coalesce(p.reply_to, '') || '|' || p.created_at || "
                    "'|' || a.platform_id || '|' || coalesce(p.language, 'none') FROM posts p "
                    "JOIN accounts a ON a.id = p.account_id WHERE p.platform_id = '") +
        platformId + "'";
    return text(store, sql.c_str());
}

QByteArray fixture(const QString &name)
{
    QFile file(dataPath(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture");
    return file.readAll();
}

ImportOptions redditFormat()
{
    ImportOptions options;
    options.format = "reddit";
    return options;
}

} // namespace

void TestImportReddit::detectsOwnFixturesOnly()
{
    const auto formats = detectedFormats();
    QCOMPARE(formats.at(QStringLiteral("reddit_comments.ndjson")), std::string("reddit"));
    QCOMPARE(formats.at(QStringLiteral("reddit_mixed.ndjson")), std::string("reddit"));
    const QStringList wrong = misdetectedFixtures(QStringLiteral("reddit_"), "reddit");
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QStringLiteral(", "))));
}

void TestImportReddit::detectsRecordLongerThanTheHead()
{
    // Dumps write keys alphabetically: a long selftext hides created_utc, subreddit and title
    // (and a long body hides created_utc, link_id and parent_id) from the 64 KiB head.
    const QByteArray longText = QByteArray("word \\u00e9 ").repeated(8000);
    const QByteArray submission =
        R"({"author":"writer","created_utc":1700000000,"id":"1aa","num_comments":0,)"
        R"("permalink":"/r/x/comments/1aa/t/","selftext":")" +
        longText + R"(","subreddit":"x","title":"Long","url":"https://e.org/"})";
    const QByteArray comment = R"({"author":"commenter","author_fullname":"t2_1","body":")" +
                               longText +
                               R"(","created_utc":1700000001,"id":"c1","link_id":"t3_1aa",)"
                               R"("parent_id":"t3_1aa","subreddit":"x"})";
    QTemporaryDir dir;
    for (const QByteArray &first : {submission, comment}) {
        QVERIFY(first.indexOf("\"created_utc\"") > 64 * 1024 ||
                first.indexOf("\"subreddit\"") > 64 * 1024);
        const QString path =
            writeFile(dir, QStringLiteral("long.ndjson"), first + "\n" + comment + "\n");
        QCOMPARE(detectFormat(path.toStdString()).value(), std::string("reddit"));
    }
    auto store = makeCase(dir);
    const auto report = importPath(
        *store, writeFile(dir, QStringLiteral("long.ndjson"), submission + "\n" + comment));
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->counts.imported, 2);
    QVERIFY(postText(*store, "t3_1aa").startsWith(QStringLiteral("Long\n\nword é word é")));
    QCOMPARE(postFacts(*store, "t1_c1"), std::string("reply|t3_1aa|1700000001|commenter|none"));
}

void TestImportReddit::importsRealCommentDump()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report = importPath(*store, dataPath(QStringLiteral("reddit_comments.ndjson")));
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->format, std::string("reddit"));
    QCOMPARE(report->counts.read, 27);
    QCOMPARE(report->counts.imported, 27);
    QCOMPARE(report->counts.rejected, 0);
    QCOMPARE(report->counts.warnings, 0);
    // 22 named authors and the one [deleted] account.
    QCOMPARE(count(*store, "SELECT count(*) FROM accounts WHERE platform = 'reddit'"), 23);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE kind = 'reply'"), 27);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts p JOIN accounts a ON a.id = p.account_id "
                           "WHERE a.platform_id = '[deleted]'"),
             5);

    // created_utc as a float, a string and an integer; ids as fullnames (with or without
    // `name` in the record); parent_id as the reply target.
    QCOMPARE(postFacts(*store, "t1_kod0bkd"),
             std::string("reply|t3_1afjd7n|1706745600|DubsAli|none"));
    QCOMPARE(postFacts(*store, "t1_kod0bke"),
             std::string("reply|t1_kihqg38|1706745600|Bitty_Bot|none"));
    QCOMPARE(postFacts(*store, "t1_c0cmuon"),
             std::string("reply|t1_c0cmozh|1251763201|[deleted]|none"));
    QCOMPARE(postFacts(*store, "t1_c13"), std::string("reply|t3_17863|1134365188|frjo|none"));
    QCOMPARE(count(*store, "SELECT source_line FROM posts WHERE platform_id = 't1_c63fp23'"), 27);

    // Removed and deleted bodies are kept: they show what happened to the comment.
    QCOMPARE(postText(*store, "t1_kod0bkj"), QStringLiteral("[removed]"));
    QCOMPARE(postText(*store, "t1_c0cmuon"), QStringLiteral("[deleted]"));
    QCOMPARE(postText(*store, "t1_kod0bkf"),
             QStringLiteral("Isn’t this sub supposed to boycott mc d lol"));
    // &gt; escapes of old dumps decoded.
    QVERIFY(
        postText(*store, "t1_c0cmuoo")
            .startsWith(QStringLiteral(
                ">Nebraska\n>Diocese of Grand Island (no priests listed in the database)\n\n")));
    QCOMPARE(postText(*store, "t1_c63fp23"),
             QStringLiteral("The idea was people would go around saying \"I read it on "
                            "reddit.\"\n\nI'm not sure if this has ever happened."));

    // Links of a Markdown text (the closing parenthesis of [text](url) is not part of them),
    // a u/ mention; no hashtags on Reddit.
    QCOMPARE(
        postList(*store, "url", "t1_kod0bke"),
        std::string("https://bittybot.net/docs|https://bittybot.net/paper-trading|"
                    "https://bittybot.net/predictions|"
                    "https://reddit.com/message/compose/?to=Bitty_Bot&subject=Bitty_Bot%"
                    "20Feedback|https://reddit.com/r/Bitty_Bot/comments/18iclk8/testing_area/"));
    QCOMPARE(postList(*store, "mention", "t1_kod0bke"), std::string("Cultural_Entrance312"));
    QCOMPARE(count(*store, "SELECT count(*) FROM post_mentions"), 1);
    QCOMPARE(count(*store, "SELECT count(*) FROM post_urls"), 5);
    QCOMPARE(count(*store, "SELECT count(*) FROM post_hashtags"), 0);

    // author_created_utc when the dump has it; nothing else is known about Reddit accounts.
    QCOMPARE(text(*store, "SELECT handle || '|' || created_at || '|' || coalesce(display_name, "
                          "'') || coalesce(location, '') || coalesce(followers, '') FROM "
                          "accounts WHERE platform_id = 'greenpowerranger'"),
             std::string("greenpowerranger|1328231460|"));
    QCOMPARE(count(*store, "SELECT count(*) FROM accounts WHERE platform_id = '[deleted]' AND "
                           "created_at IS NULL"),
             1);
}

void TestImportReddit::importsSubmissionsAndCommentsMixed()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report = importPath(*store, dataPath(QStringLiteral("reddit_mixed.ndjson")));
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->counts.read, 7);
    QCOMPARE(report->counts.imported, 7);
    QCOMPARE(report->counts.rejected, 0);
    QCOMPARE(report->counts.warnings, 0);
    QCOMPARE(count(*store, "SELECT count(*) FROM accounts"), 4);

    // A self post: title and selftext, escapes decoded, its own comments page is not a link.
    QCOMPARE(postText(*store, "t3_17abcde"),
             QStringLiteral("A & B: the vote\n\nBody with a link https://example.org/report_(2023)."
                            "\n\n> quoted & escaped, cc u/Some\\_User and /u/other-user (not "
                            "reddit.com/u/nobody)"));
    QCOMPARE(postFacts(*store, "t3_17abcde"), std::string("post||1700000000|OP_user|none"));
    QCOMPARE(postList(*store, "url", "t3_17abcde"),
             std::string("https://example.org/report_(2023)"));
    QCOMPARE(postList(*store, "mention", "t3_17abcde"), std::string("Some_User|other-user"));
    QCOMPARE(count(*store, "SELECT created_at FROM accounts WHERE platform_id = 'OP_user'"),
             1500000000);

    // A link post by a deleted author, created_utc as a string: its url, unescaped.
    QCOMPARE(postText(*store, "t3_17abcdf"), QStringLiteral("Look at this"));
    QCOMPARE(postFacts(*store, "t3_17abcdf"), std::string("post||1700000100|[deleted]|none"));
    QCOMPARE(postList(*store, "url", "t3_17abcdf"), std::string("https://news.example/a?x=1&y=2"));

    // Comments: float and fractional-string times, replies to the submission and to a comment.
    QCOMPARE(postFacts(*store, "t1_k1aaaaa"),
             std::string("reply|t3_17abcde|1700000200|Replier_1|none"));
    QCOMPARE(postList(*store, "url", "t1_k1aaaaa"), std::string("https://example.org/x"));
    QCOMPARE(count(*store, "SELECT created_at FROM accounts WHERE platform_id = 'Replier_1'"),
             1600000000);
    QCOMPARE(postFacts(*store, "t1_k1aaaab"),
             std::string("reply|t1_k1aaaaa|1700000300|[deleted]|none"));
    QCOMPARE(postText(*store, "t1_k1aaaab"), QStringLiteral("[removed]"));
    // A [removed] author is kept under the same [deleted] account.
    QCOMPARE(postFacts(*store, "t1_k1aaaac"),
             std::string("reply|t3_17abcdf|1700000400|[deleted]|none"));
    QCOMPARE(postText(*store, "t1_k1aaaac"), QStringLiteral("[deleted]"));
    QCOMPARE(count(*store, "SELECT count(*) FROM posts p JOIN accounts a ON a.id = p.account_id "
                           "WHERE a.platform_id = '[deleted]'"),
             3);

    // A removed selftext leaves the title alone.
    QCOMPARE(postText(*store, "t3_17abce0"), QStringLiteral("Removed self post"));
    QCOMPARE(postList(*store, "url", "t3_17abce0"), std::string());

    // The last line has no newline after it.
    QCOMPARE(postText(*store, "t1_k1aaaad"), QStringLiteral("Last line, no newline after it 🎉"));
    QCOMPARE(postFacts(*store, "t1_k1aaaad"),
             std::string("reply|t3_17abce0|1700000600|Late_Commenter|none"));
    QCOMPARE(count(*store, "SELECT created_at FROM accounts WHERE platform_id = 'Late_Commenter'"),
             1400000000);
    QCOMPARE(count(*store, "SELECT source_line FROM posts WHERE platform_id = 't1_k1aaaad'"), 7);
}

void TestImportReddit::scansLinksAndMentionsInText()
{
    const QByteArray body =
        R"(See HTTPS://Example.org/A?b=1, xhttp://no.example and <https://angle.example/x>; )"
        R"(also [a](https://md.example/p_(q)) and https://md.example/p\\_r. menu/item u/ab )"
        R"(u/valid_name-1 /u/Other reddit.com/u/no \\u/escaped (u/In_Parens) )"
        R"(u/twentyone_characters1 u/valid_name-1)";
    const QByteArray line =
        R"({"id":"s1","author":"a","created_utc":1,"parent_id":"t3_x","body":")" + body + R"("})";
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report =
        importPath(*store, writeFile(dir, QStringLiteral("scan.ndjson"), line), redditFormat());
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->counts.imported, 1);
    QCOMPARE(postList(*store, "url", "t1_s1"),
             std::string("HTTPS://Example.org/A?b=1|https://angle.example/x|"
                         "https://md.example/p_(q)|https://md.example/p_r"));
    QCOMPARE(postList(*store, "mention", "t1_s1"), std::string("In_Parens|Other|valid_name-1"));
}

void TestImportReddit::badRecordsRejectedGoodKept()
{
    const QByteArray good = R"("author":"a_user","created_utc":1700000000,"parent_id":"t3_p")";
    const QByteArray file =
        R"({"id":"g1","body":"good",)" + good + "}\n" +                                       // 1
        R"({"id":"b2","body":"broken,)" + good + "\n" +                                       // 2
        R"({"body":"no id",)" + good + "}\n" +                                                // 3
        R"({"id":"b4","body":"no time","author":"a_user"})" + "\n" +                          // 4
        R"({"id":"b5","body":"x","created_utc":true,"author":"a_user"})" + "\n" +             // 5
        R"({"id":"b6","body":"x","created_utc":"yesterday","author":"a_user"})" + "\n" +      // 6
        R"({"id":"b7","body":"no author","created_utc":1700000000})" + "\n" +                 // 7
        R"({"id":"b8","body":"x","created_utc":1700000000,"author":42})" + "\n" +             // 8
        R"({"id":"b9","created_utc":1700000000,"author":"a_user","score":1})" + "\n" +        // 9
        R"({"id":"g10","body":"caf)" + "\xC3" + R"( ",)" + good + "}\n" +                     // 10
        R"({"id":"g11","body":11,)" + good + "}\n" +                                          // 11
        R"({"id":"g12","body":"x","author_created_utc":"soon",)" + good + "}\n" +             // 12
        R"({"id":"g13","body":"orphan","author":"a_user","created_utc":1700000000})" + "\n" + // 13
        R"({"id":"b14","title":"x","created_utc":-5,"author":"a_user"})" + "\n" +             // 14
        R"({"id":"g15","title":["not","text"],"created_utc":1700000000,"author":"a_user"})";
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report =
        importPath(*store, writeFile(dir, QStringLiteral("bad.ndjson"), file), redditFormat());
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->counts.imported, 6); // g1, g10, g11, g12, g13, g15
    QCOMPARE(report->counts.rejected, 9);
    QCOMPARE(report->counts.warnings, 5);
    const auto &issues = report->firstIssues;
    QCOMPARE(issues.size(), size_t(14));
    const auto expect = [&](size_t i, std::int64_t line, const char *field, const char *severity,
                            const char *reason) {
        QCOMPARE(issues[i].line, line);
        QCOMPARE(issues[i].field, std::string(field));
        QCOMPARE(issues[i].severity, std::string(severity));
        QVERIFY2(issues[i].reason.find(reason) != std::string::npos, issues[i].reason.c_str());
        QVERIFY(issues[i].excerpt.size() <= 200);
    };
    expect(0, 2, "(record)", "error", "invalid JSON");
    expect(1, 3, "id", "error", "missing id");
    expect(2, 4, "created_utc", "error", "missing timestamp");
    expect(3, 5, "created_utc", "error",
           "expected a timestamp (a number or a string), found a boolean");
    expect(4, 6, "created_utc", "error", "unrecognised timestamp 'yesterday'");
    expect(5, 7, "author", "error", "missing author");
    expect(6, 8, "author", "error", "expected a user name, found a number");
    expect(7, 9, "body", "error", "neither a comment (body) nor a submission (title)");
    expect(8, 10, "(record)", "warning", "invalid UTF-8");
    expect(9, 11, "body", "warning", "expected a string, found a number");
    expect(10, 12, "author_created_utc", "warning", "unrecognised timestamp 'soon'");
    expect(11, 13, "parent_id", "warning", "the comment is kept as a post");
    expect(12, 14, "created_utc", "error", "unrecognised timestamp '-5'");
    expect(13, 15, "title", "warning", "expected a string, found an array");

    QCOMPARE(postText(*store, "t1_g10"), QStringLiteral("caf\uFFFD "));
    QCOMPARE(postText(*store, "t1_g11"), QString());
    QCOMPARE(postFacts(*store, "t1_g13"), std::string("post||1700000000|a_user|none"));
    QCOMPARE(postFacts(*store, "t3_g15"), std::string("post||1700000000|a_user|none"));
    QCOMPARE(count(*store, "SELECT count(*) FROM accounts WHERE platform_id = 'a_user' AND "
                           "created_at IS NULL"),
             1);
}

void TestImportReddit::escapesAndNumbersStrictJsonRefusesAreKept()
{
    // Half a surrogate pair (text cut at a UTF-16 length, then escaped by Python's json.dumps)
    // and integers past 64 bits: strict JSON parsers refuse both; the record is kept, the half
    // pair replaced (with a warning), the number read as a double.
    const QByteArray good = R"("author":"a_user","created_utc":1700000000,"parent_id":"t3_p")";
    const QByteArray file =
        R"({"id":"s1","body":"cut \ud83d",)" + good + "}\n" +
        R"({"id":"s2","body":"pair \ud83d\ude00 and \\ud800 typed",)" + good + "}\n" +
        R"({"id":"s3","body":"low \udc00","score":18446744073709551616,)" + good + "}\n" +
        R"({"id":"s4","body":"big","score":-99999999999999999999,"ratio":)" +
        R"(1.12345678901234567890123,)" + good + "}\n" + R"({"id":"s5","body":"end \ud83d",)" +
        good + "}"; // no newline after the last
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report =
        importPath(*store, writeFile(dir, QStringLiteral("odd.ndjson"), file), redditFormat());
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->counts.imported, 5);
    QCOMPARE(report->counts.rejected, 0);
    QCOMPARE(report->counts.warnings, 3);
    const auto &issues = report->firstIssues;
    QCOMPARE(issues.size(), size_t(3));
    QCOMPARE(issues[0].line, 1);
    QCOMPARE(issues[1].line, 3);
    QCOMPARE(issues[2].line, 5);
    for (const ImportIssue &issue : issues)
        QCOMPARE(issue.severity, std::string("warning"));
    QCOMPARE(postText(*store, "t1_s1"), QStringLiteral("cut \uFFFD"));
    QCOMPARE(postText(*store, "t1_s2"), QStringLiteral("pair \U0001F600 and \\ud800 typed"));
    QCOMPARE(postText(*store, "t1_s3"), QStringLiteral("low \uFFFD"));
    QCOMPARE(postText(*store, "t1_s4"), QStringLiteral("big"));
    QCOMPARE(postText(*store, "t1_s5"), QStringLiteral("end \uFFFD"));
}

void TestImportReddit::truncatedLastRecordRejectedCompleteOnesKept()
{
    QByteArray bytes = fixture(QStringLiteral("reddit_comments.ndjson"));
    bytes.chop(40); // inside line 27, which has no newline after it
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report = importPath(*store, writeFile(dir, QStringLiteral("cut.ndjson"), bytes));
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->counts.imported, 26);
    QCOMPARE(report->counts.rejected, 1);
    QCOMPARE(report->firstIssues.at(0).line, 27);
    QCOMPARE(report->firstIssues.at(0).field, std::string("(record)"));
    QVERIFY2(report->firstIssues.at(0).reason.find("cut off") != std::string::npos,
             report->firstIssues.at(0).reason.c_str());
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE platform_id = 't1_c63fp23'"), 0);
}

void TestImportReddit::cliImportThenInfoAndExport()
{
    QTemporaryDir dir;
    const QString casePath = dir.filePath(QStringLiteral("case.chorus"));
    const CliResult imported = runCli({QStringLiteral("import"), casePath,
                                       dataPath(QStringLiteral("reddit_comments.ndjson")),
                                       dataPath(QStringLiteral("reddit_mixed.ndjson"))});
    QCOMPARE(imported.exitCode, 0);
    for (const char *line :
         {"reddit_comments.ndjson: reddit: read 27, imported 27, duplicate 0, rejected 0",
          "reddit_mixed.ndjson: reddit: read 7, imported 7, duplicate 0, rejected 0"})
        QVERIFY2(imported.out.contains(QString::fromUtf8(line)), qPrintable(imported.out));

    const CliResult info = runCli({QStringLiteral("info"), casePath, QStringLiteral("--json")});
    QCOMPARE(info.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(info.out.toUtf8()).object();
    QCOMPARE(root.value(QStringLiteral("posts")).toInteger(), 34);
    // 23 + 3 new (OP_user, Replier_1, Late_Commenter; [deleted] is shared).
    QCOMPARE(root.value(QStringLiteral("accounts")).toInteger(), 26);
    const QJsonArray sources = root.value(QStringLiteral("sources")).toArray();
    QCOMPARE(sources.size(), 2);
    QCOMPARE(sources.at(1).toObject().value(QStringLiteral("format")).toString(),
             QStringLiteral("reddit"));

    const QString exported = dir.filePath(QStringLiteral("posts.json"));
    QCOMPARE(runCli({QStringLiteral("export"), casePath, QStringLiteral("--posts"),
                     QStringLiteral("-o"), exported})
                 .exitCode,
             0);
    QFile file(exported);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray posts = QJsonDocument::fromJson(file.readAll()).array();
    QCOMPARE(posts.size(), 34);
    const QJsonObject last = posts.at(33).toObject();
    QCOMPARE(last.value(QStringLiteral("post_id")).toString(), QStringLiteral("t1_k1aaaad"));
    QCOMPARE(last.value(QStringLiteral("kind")).toString(), QStringLiteral("reply"));
    QCOMPARE(last.value(QStringLiteral("reply_to")).toString(), QStringLiteral("t3_17abce0"));
    QCOMPARE(last.value(QStringLiteral("account_id")).toString(), QStringLiteral("Late_Commenter"));
}

QTEST_GUILESS_MAIN(TestImportReddit)
#include "tst_import_reddit.moc"
