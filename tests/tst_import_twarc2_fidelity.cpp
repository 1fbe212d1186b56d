// What real twarc2 captures need beyond reading tweets: retweets that carry their original,
// context posts told from collected ones, the API's HTML escaping, unwound links, places,
// edits, cut-off captures, and files that hold no tweets at all.
#include "TestSupport.h"

#include "import/ImportRunner.h"
#include "store/CaseStore.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace chorus;
using namespace chorus::test;

class TestImportTwarc2Fidelity : public QObject
{
    Q_OBJECT
private slots:
    void retweetCarriesItsOriginal();
    void contextPostsAreToldApart();
    void apiEscapingUnwoundLinksPlacesAndEdits();
    void replyThatQuotesKeepsBothRelations();
    void sameIdWithAnotherTextIsReported();
    void cutOffCaptureKeepsCompleteRecords();
    void strictFailsACutOffCapture();
    void flattenedKeepsInlinedUsersAndPlaces();
    void filesWithoutTweetsSayWhatTheyAre();
    void usersPageLongerThanTheHeadImportsAccounts();
    void csvErrorQuotesAShortExcerpt();
};

namespace {

QString fixture(const char *name)
{
    return dataPath(QString::fromLatin1(name));
}

struct Imported
{
    QTemporaryDir dir;
    std::unique_ptr<CaseStore> store;
    Result<ImportReport> report = Error{"not run"};
};

std::unique_ptr<Imported> importFixture(const char *name)
{
    auto result = std::make_unique<Imported>();
    result->store = makeCase(result->dir);
    result->report = importPath(*result->store, fixture(name));
    return result;
}

} // namespace

void TestImportTwarc2Fidelity::retweetCarriesItsOriginal()
{
    const auto imported = importFixture("twarc2_fidelity.jsonl");
    QVERIFY2(imported->report.ok(), imported->report.error().message.c_str());
    const CaseStore &store = *imported->store;
    QCOMPARE(text(store, "SELECT text FROM posts WHERE platform_id = '5002'"),
             std::string("RT @rally_fan: Just got back from Pierre Poilievre's rally in Kirkland "
                         "Lake and I'm still buzzing from the energy! & more to come #Poilievre "
                         "https://t.co/xyz"));
    QCOMPARE(text(store, "SELECT kind || ':' || repost_of FROM posts WHERE platform_id = '5002'"),
             std::string("repost:5001"));
    // The original's hashtag and link, and the retweet's own mention of its author.
    QCOMPARE(postList(store, "tag", "5002"), std::string("Poilievre"));
    QCOMPARE(postList(store, "url", "5002"), std::string("https://example.org/rally"));
    QCOMPARE(postList(store, "mention", "5002"), std::string("rally_fan"));
}

void TestImportTwarc2Fidelity::contextPostsAreToldApart()
{
    const auto imported = importFixture("twarc2_fidelity.jsonl");
    QVERIFY(imported->report.ok());
    const ImportCounts &counts = imported->report->counts;
    // Collected: three results of page 1, one of page 2, and the cut-off record of line 3.
    QCOMPARE(counts.read, 5);
    // Context: the retweeted 5001 and the quoted 5004; the page's repeat of its own 5005 in
    // includes is neither a context post nor a duplicate.
    QCOMPARE(counts.context, 2);
    QCOMPARE(counts.imported, 5);
    QCOMPARE(counts.duplicates, 1); // 5001 again on page 2
    QCOMPARE(counts.rejected, 1);
    const CaseStore &store = *imported->store;
    // 5001 was met as context, then collected on page 2: it is collected.
    QCOMPARE(text(store, "SELECT group_concat(platform_id, ',') FROM (SELECT platform_id FROM "
                         "posts WHERE context = 1 ORDER BY platform_id)"),
             std::string("5004"));
    const auto summary = store.summary();
    QVERIFY(summary.ok());
    QCOMPARE(summary->posts, 5);
    QCOMPARE(summary->contextPosts, 1);
    // The period is the collected posts': 5004 (2024-08-30) is context.
    QCOMPARE(summary->firstPostAt, 1725134400); // 2024-08-31T20:00:00Z, 5001
    QCOMPARE(summary->lastPostAt, 1725188400);  // 2024-09-01T11:00:00Z, 5005

    const CliResult info = runCli(
        {QStringLiteral("info"), QString::fromStdString(store.path()), QStringLiteral("--json")});
    QCOMPARE(info.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(info.out.toUtf8()).object();
    QCOMPARE(root.value(QStringLiteral("posts")).toInt(), 5);
    QCOMPARE(root.value(QStringLiteral("context_posts")).toInt(), 1);
}

void TestImportTwarc2Fidelity::apiEscapingUnwoundLinksPlacesAndEdits()
{
    const auto imported = importFixture("twarc2_fidelity.jsonl");
    QVERIFY(imported->report.ok());
    const CaseStore &store = *imported->store;
    // Only the API's own escaping is undone: "&amp;amp;" was a literal "&amp;".
    QCOMPARE(text(store, "SELECT text FROM posts WHERE platform_id = '5005'"),
             std::string("Tom & Jerry <b>not bold</b> &amp; https://t.co/short"));
    // The destination behind the shortener first, the link as shown kept too.
    QCOMPARE(text(store, "SELECT group_concat(url, ' ') FROM (SELECT url FROM post_urls u JOIN "
                         "posts p ON p.id = u.post_id WHERE p.platform_id = '5005' ORDER BY "
                         "u.rowid)"),
             std::string("https://example.org/real-destination https://bit.ly/3abc"));
    QCOMPARE(text(store, "SELECT place || '|' || place_country FROM posts WHERE platform_id = "
                         "'5005'"),
             std::string("Kirkland Lake, Ontario|CA"));
    QCOMPARE(text(store, "SELECT count(*) FROM posts WHERE latitude IS NOT NULL"),
             std::string("0"));
    QCOMPARE(text(store, "SELECT edit_history FROM posts WHERE platform_id = '5005'"),
             std::string("[\"5000\",\"5005\"]"));
    // A single version is no edit.
    QCOMPARE(text(store, "SELECT coalesce(edit_history, 'none') FROM posts WHERE platform_id = "
                         "'5002'"),
             std::string("none"));
}

void TestImportTwarc2Fidelity::replyThatQuotesKeepsBothRelations()
{
    const auto imported = importFixture("twarc2_fidelity.jsonl");
    QVERIFY(imported->report.ok());
    QCOMPARE(text(*imported->store, "SELECT kind || ':' || reply_to || ':' || quote_of FROM "
                                    "posts WHERE platform_id = '5003'"),
             std::string("reply:5001:5004"));
    // The account only mentioned (includes.users) is an account all the same.
    QCOMPARE(
        count(*imported->store, "SELECT count(*) FROM accounts WHERE handle = 'only_mentioned'"),
        1);
}

void TestImportTwarc2Fidelity::sameIdWithAnotherTextIsReported()
{
    const auto imported = importFixture("twarc2_fidelity.jsonl");
    QVERIFY(imported->report.ok());
    QCOMPARE(count(*imported->store,
                   "SELECT count(*) FROM import_issues WHERE line = 2 AND field = 'text' AND "
                   "severity = 'warning' AND reason LIKE 'post 5001 is already in the case "
                   "with a different text%'"),
             1);
    // The first text stays.
    QVERIFY(text(*imported->store, "SELECT text FROM posts WHERE platform_id = '5001'")
                .rfind("Just got back", 0) == 0);
}

void TestImportTwarc2Fidelity::cutOffCaptureKeepsCompleteRecords()
{
    const auto imported = importFixture("twarc2_fidelity.jsonl");
    QVERIFY(imported->report.ok());
    QCOMPARE(count(*imported->store,
                   "SELECT count(*) FROM import_issues WHERE line = 3 AND field = '(record)' "
                   "AND severity = 'error' AND reason = 'the file ends inside this record "
                   "(cut off)'"),
             1);
    QCOMPARE(count(*imported->store, "SELECT count(*) FROM posts WHERE platform_id = '5006'"), 0);

    QTemporaryDir dir;
    const QString casePath = dir.filePath(QStringLiteral("cli.chorus"));
    const CliResult result =
        runCli({QStringLiteral("import"), casePath, fixture("twarc2_fidelity.jsonl")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QStringLiteral("read 5 (and 2 context posts)")),
             qPrintable(result.out));
    QVERIFY2(result.out.contains(QStringLiteral(":3: (record): the file ends inside this "
                                                "record (cut off)")),
             qPrintable(result.out));
}

void TestImportTwarc2Fidelity::strictFailsACutOffCapture()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    ImportOptions options;
    options.strict = true;
    const auto report = importPath(*store, fixture("twarc2_fidelity.jsonl"), options);
    QVERIFY(!report.ok());
    QVERIFY2(report.error().message.find("cut off") != std::string::npos,
             report.error().message.c_str());
    QCOMPARE(count(*store, "SELECT count(*) FROM posts"), 0);
}

void TestImportTwarc2Fidelity::flattenedKeepsInlinedUsersAndPlaces()
{
    const auto imported = importFixture("twarc2_flat_fidelity.jsonl");
    QVERIFY2(imported->report.ok(), imported->report.error().message.c_str());
    const CaseStore &store = *imported->store;
    QCOMPARE(imported->report->counts.read, 2);
    QCOMPARE(imported->report->counts.context, 1);
    QCOMPARE(text(store, "SELECT text FROM posts WHERE platform_id = '6002'"),
             std::string("RT @orig_flat: Buzzing from the energy in Kirkland Lake, what a rally "
                         "#cdnpoli"));
    QCOMPARE(postList(store, "tag", "6002"), std::string("cdnpoli"));
    QCOMPARE(count(store, "SELECT context FROM posts WHERE platform_id = '6001'"), 1);
    // The replied-to and the mentioned users exist only inside the tweet.
    QCOMPARE(text(store, "SELECT display_name FROM accounts WHERE platform_id = '9104'"),
             std::string("Someone Else"));
    QCOMPARE(text(store, "SELECT handle || '|' || followers FROM accounts WHERE platform_id = "
                         "'9105'"),
             std::string("mention_only_flat|77"));
    QCOMPARE(text(store, "SELECT place || '|' || place_country FROM posts WHERE platform_id = "
                         "'6003'"),
             std::string("Waikato District, New Zealand|NZ"));
}

void TestImportTwarc2Fidelity::filesWithoutTweetsSayWhatTheyAre()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const QByteArray twarc =
        R"("__twarc": {"url": "https://api.twitter.com/2/x", "version": "2.14.0"})";
    const struct
    {
        const char *name;
        QByteArray content;
        const char *expected;
    } files[] = {
        {"counts.jsonl",
         R"({"data": [{"end": "2024-09-01T01:00:00.000Z", "start": "2024-09-01T00:00:00.000Z", )"
         R"("tweet_count": 12}, {"end": "2024-09-01T02:00:00.000Z", "start": )"
         R"("2024-09-01T01:00:00.000Z", "tweet_count": 3}], "meta": {"total_tweet_count": 15}, )" +
             twarc + "}\n",
         "tweet counts per period"},
        {"lists.jsonl",
         R"({"data": [{"id": "84839422", "name": "Official Twitter Accounts", "private": false}], )"
         R"("meta": {"result_count": 1}, )" +
             twarc + "}\n",
         "lists"},
        {"compliance.jsonl",
         "{\"id\": \"1501\", \"action\": \"delete\", \"created_at\": \"2024-01-01T00:00:00.000Z\", "
         "\"reason\": \"deleted\", " +
             twarc + "}\n{\"id\": \"1502\", \"action\": \"delete\", " + twarc + "}\n",
         "compliance"},
    };
    for (const auto &file : files) {
        const QString path = writeFile(dir, QString::fromLatin1(file.name), file.content);
        QCOMPARE(detectFormat(path.toStdString()).value(), std::string("twarc2"));
        const auto report = importPath(*store, path);
        QVERIFY2(!report.ok(), file.name);
        QVERIFY2(report.error().message.find(file.expected) != std::string::npos,
                 report.error().message.c_str());
        QVERIFY2(report.error().message.find("not tweets") != std::string::npos,
                 report.error().message.c_str());
    }
    QCOMPARE(count(*store, "SELECT count(*) FROM sources"), 0);
    QCOMPARE(count(*store, "SELECT count(*) FROM import_issues"), 0);
}

void TestImportTwarc2Fidelity::usersPageLongerThanTheHeadImportsAccounts()
{
    QByteArray page = R"({"data": [)";
    for (int i = 0; i < 200; ++i) {
        if (i)
            page += ',';
        page += "{\"id\": \"" + QByteArray::number(80000 + i) + "\", \"username\": \"user" +
                QByteArray::number(i) + "\", \"name\": \"User\", \"description\": \"" +
                QByteArray(500, 'd') + "\", \"created_at\": \"2024-01-01T00:00:00.000Z\"}";
    }
    page += R"(], "includes": {"tweets": [{"id": "7001", "author_id": "80000", )"
            R"("created_at": "2024-02-01T00:00:00.000Z", "text": "pinned"}]}, )"
            R"("__twarc": {"url": "https://api.twitter.com/2/users"}})"
            "\n";
    QVERIFY(page.size() > 64 * 1024);
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("users.jsonl"), page);
    QCOMPARE(detectFormat(path.toStdString()).value(), std::string("twarc2"));
    auto store = makeCase(dir);
    const auto report = importPath(*store, path);
    QVERIFY2(report.ok(), report.error().message.c_str());
    QCOMPARE(count(*store, "SELECT count(*) FROM accounts"), 200);
    QCOMPARE(report->counts.rejected, 0);
    // The pinned tweet is context, not a collected post.
    QCOMPARE(report->counts.read, 0);
    QCOMPARE(report->counts.context, 1);
}

void TestImportTwarc2Fidelity::csvErrorQuotesAShortExcerpt()
{
    QTemporaryDir dir;
    const QString casePath = dir.filePath(QStringLiteral("c.chorus"));
    const CliResult result =
        runCli({QStringLiteral("import"), casePath, fixture("twarc2_fidelity.jsonl"),
                QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.size() < 600, qPrintable(result.err.left(700)));
    QVERIFY(result.err.contains(QStringLiteral("the file's columns are")));
}

QTEST_GUILESS_MAIN(TestImportTwarc2Fidelity)
#include "tst_import_twarc2_fidelity.moc"
