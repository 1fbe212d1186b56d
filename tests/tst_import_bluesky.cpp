// The Bluesky importer through the public pipeline: the real repository capture, the awkward
// Jetstream fixture (both event generations and every quirk of formats.md), listRecords pages,
// detection, and a chorus-cli round trip. Bad input: tst_import_bluesky_badinput.
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace chorus;
using namespace chorus::test;

class TestImportBluesky : public QObject
{
    Q_OBJECT
private slots:
    void detectsOwnFixturesOnly();
    void detectsEveryLayout_data();
    void detectsEveryLayout();
    void importsRealCapture();
    void importsJetstreamQuirks();
    void jetstreamProblemsNameLineAndField();
    void importsListRecordsPage();
    void readsPagesAsLinesAndAsArray();
    void cliRoundTrip();
};

namespace {

const std::string Alice = "did:plc:alice5fsqt2ez4kxjmq7yv3b";
const std::string Bob = "did:plc:bob7mrzq3hx2k4nw6ejtp5ua";
const std::string Carol = "did:plc:carolq2w7n4xk5mzr3jt6ybe";
const std::string Dave = "did:plc:dave3k7q2mzx5nw4rjt6ybpe";

std::string post(const std::string &did, const std::string &rkey)
{
    return "at://" + did + "/app.bsky.feed.post/" + rkey;
}

// One post's stored row: kind, time, language, reply/repost/quote targets.
std::string row(const CaseStore &store, const std::string &platformId)
{
    Statement s = store.db().prepare(
        "SELECT kind || '|' || created_at || '|' || coalesce(language, '') || '|' || "
        "coalesce(reply_to, '') || '|' || coalesce(repost_of, '') || '|' || "
        "coalesce(quote_of, '') FROM posts WHERE platform = 'bluesky' AND platform_id = ?");
    s.bind(1, platformId);
    return s.step() ? s.text(0) : std::string("<no post>");
}

std::string postText(const CaseStore &store, const std::string &platformId)
{
    Statement s = store.db().prepare("SELECT text FROM posts WHERE platform_id = ?");
    s.bind(1, platformId);
    return s.step() ? s.text(0) : std::string("<no post>");
}

std::string handleOf(const CaseStore &store, const std::string &did)
{
    Statement s = store.db().prepare("SELECT coalesce(handle, '') FROM accounts WHERE "
                                     "platform = 'bluesky' AND platform_id = ?");
    s.bind(1, did);
    return s.step() ? s.text(0) : std::string("<no account>");
}

// Every problem of the case, one "line|field|severity|reason" per line, in order.
QStringList issues(const CaseStore &store)
{
    QStringList list;
    Statement s = store.db().prepare(
        "SELECT line || '|' || field || '|' || severity || '|' || reason FROM import_issues "
        "ORDER BY id");
    while (s.step())
        list << QString::fromStdString(s.text(0));
    return list;
}

} // namespace

void TestImportBluesky::detectsOwnFixturesOnly()
{
    const auto formats = detectedFormats();
    for (const char *name :
         {"bluesky_capture_atproto.json", "bluesky_jetstream.jsonl", "bluesky_listrecords.json"})
        QCOMPARE(formats.at(QString::fromUtf8(name)), std::string("bluesky"));
    const QStringList wrong = misdetectedFixtures(QStringLiteral("bluesky_"), "bluesky");
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QStringLiteral(", "))));
}

void TestImportBluesky::detectsEveryLayout_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("bluesky");
    QTest::newRow("older Jetstream commit")
        << QByteArray(R"({"did":"did:plc:a","time_us":1725000000000000,"type":"com","commit":)"
                      R"({"rev":"x","type":"c","collection":"app.bsky.feed.like","rkey":"k"}})"
                      "\n")
        << true;
    QTest::newRow("Jetstream starting with an identity event")
        << QByteArray(R"({"did":"did:plc:a","time_us":1,"kind":"identity","identity":)"
                      R"({"did":"did:plc:a","handle":"a.test","seq":1}})"
                      "\n")
        << true;
    QTest::newRow("Jetstream starting with an account event")
        << QByteArray(
               R"({"did":"did:plc:a","time_us":1,"kind":"account","account":{"active":true}})"
               "\n")
        << true;
    QTest::newRow("listRecords pages as lines")
        << QByteArray(R"({"records":[{"uri":"at://did:plc:a/app.bsky.feed.post/k","value":{}}]})"
                      "\n")
        << true;
    QTest::newRow("array of listRecords pages")
        << QByteArray(R"([{"records":[{"uri":"at://did:plc:a/app.bsky.feed.post/k"}]}])") << true;
    QTest::newRow("capture cut by the head")
        << QByteArray(R"({"capturedAt":"2024-01-01T00:00:00Z","accountMeta":{"Identity":{"DID":")")
        << true;
    QTest::newRow("records without at:// URIs")
        << QByteArray(R"({"records":[{"id":1,"name":"x"}]})") << false;
    QTest::newRow("a did without time_us")
        << QByteArray(R"({"did":"did:plc:a","kind":"commit","handle":"x"})"
                      "\n")
        << false;
}

void TestImportBluesky::detectsEveryLayout()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, bluesky);
    QTemporaryDir dir;
    const auto format =
        detectFormat(writeFile(dir, QStringLiteral("in.json"), content).toStdString());
    QCOMPARE(format.ok() && format.value() == "bluesky", bluesky);
}

void TestImportBluesky::importsRealCapture()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report =
        importPath(*store, dataPath(QStringLiteral("bluesky_capture_atproto.json")));
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->format, std::string("bluesky"));
    QCOMPARE(report->counts.read, 20);
    QCOMPARE(report->counts.imported, 20);
    QCOMPARE(report->counts.rejected, 0);
    QCOMPARE(report->counts.warnings, 0);
    QCOMPARE(report->counts.accountRecords, 1);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE kind = 'post'"), 8);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE kind = 'reply'"), 8);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE kind = 'quote'"), 4);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE language = 'en'"), 20);

    // The account comes from accountMeta: handle, profile and counts; the file has 20 of its
    // 86 posts.
    const std::string atproto = "did:plc:ewvi7nxzyoun6zhxrhs64oiz";
    QCOMPARE(count(*store, "SELECT count(*) FROM accounts"), 1);
    QCOMPARE(text(*store, "SELECT platform_id || '|' || handle || '|' || display_name || '|' || "
                          "followers || '|' || following || '|' || post_count FROM accounts"),
             atproto + "|atproto.com|AT Protocol Developers|47411|16|86");
    QCOMPARE(text(*store, "SELECT substr(bio, 1, 48) FROM accounts"),
             std::string("Social networking technology created by Bluesky."));

    const std::string first = post(atproto, "3kftlbujmfk24");
    QCOMPARE(row(*store, first), std::string("post|1701821997|en|||"));
    QVERIFY(postText(*store, first).find("hey developers, we're excited") == 0);
    // A reply (to the post above) and a quote of another account's post.
    QCOMPARE(row(*store, post(atproto, "3kftldxbvq22p")), "reply|1701822067|en|" + first + "||");
    QCOMPARE(row(*store, post(atproto, "3kd5uzahw5t2u")),
             "quote|1698877508|en|||" + post("did:plc:wqowuobffl66jv3kpsvo7ak4", "3kd5tr4uex22v"));
    QCOMPARE(postText(*store, post(atproto, "3kbg3t7ypo52j")),
             std::string("this change is rolling out to 'plc.directory' now!"));

    // Facet links give the full URL where the text shows "github.com/snarfed/brid...".
    const std::string bridgy = post(atproto, "3kfqkmk5kpv2o");
    QVERIFY(postText(*store, bridgy).find("github.com/snarfed/brid...") != std::string::npos);
    QCOMPARE(postList(*store, "url", bridgy), std::string("https://github.com/snarfed/bridgy-fed"));
    QCOMPARE(postList(*store, "mention", bridgy), std::string("did:plc:fdme4gb7mu7zrie7peay7tst"));
    QCOMPARE(postList(*store, "url", post(atproto, "3kblbjgnevy25")),
             std::string("https://atproto.com/community/projects#clients|"
                         "https://github.com/mozzius/graysky"));
    // A link card (embed.external) without facets.
    QCOMPARE(postList(*store, "url", post(atproto, "3kdk7yc3pbz22")),
             std::string("https://atproto.com/blog/repo-export"));
    QCOMPARE(count(*store, "SELECT count(*) FROM post_urls"), 17);
    QCOMPARE(count(*store, "SELECT count(*) FROM post_mentions"), 4);
    QCOMPARE(count(*store, "SELECT count(*) FROM post_hashtags"), 0);
}

void TestImportBluesky::importsJetstreamQuirks()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report = importPath(*store, dataPath(QStringLiteral("bluesky_jetstream.jsonl")));
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    // 11 posts and reposts, plus an update of one of them (a duplicate, the first kept).
    QCOMPARE(report->counts.read, 12);
    QCOMPARE(report->counts.imported, 11);
    QCOMPARE(report->counts.duplicates, 1);
    QCOMPARE(report->counts.rejected, 0);
    QCOMPARE(report->counts.warnings, 7);
    QCOMPARE(report->counts.accountRecords, 2); // identity events with a handle
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE platform = 'bluesky'"), 11);

    // Handles only from identity events (both generations); the others have none.
    QCOMPARE(handleOf(*store, Alice), std::string("alice.example.com"));
    QCOMPARE(handleOf(*store, Bob), std::string("bob.test"));
    QCOMPARE(handleOf(*store, Carol), std::string());
    QCOMPARE(handleOf(*store, Dave), std::string());
    QCOMPARE(count(*store, "SELECT count(*) FROM accounts WHERE location IS NOT NULL"), 0);

    // Multi-byte characters before the mention: the byte range is right, no warning on line 2.
    const std::string a1 = post(Alice, "3lbq2xk4ab22c");
    QCOMPARE(row(*store, a1), std::string("post|1732096862|fr|||"));
    QCOMPARE(postText(*store, a1), std::string("Ça coûte 5 € ☕ — merci @marie.example.org ! Lire : "
                                               "example.org/rapport-20… #Vérité"));
    QCOMPARE(postList(*store, "mention", a1), std::string("did:plc:marie6tq2w7nzk4xr3jm5ybp"));
    QCOMPARE(postList(*store, "url", a1),
             std::string("https://example.org/rapport-2024-final?id=7"));
    QCOMPARE(postList(*store, "tag", a1), std::string("Vérité|budget"));

    // Older generation ("type": "com", commit "type": "c"), +00:00, earlier than line 2.
    const std::string b1 = post(Bob, "3lbq2wz7dd22a");
    QCOMPARE(row(*store, b1), std::string("post|1732096680|zh|||"));
    QCOMPARE(postText(*store, b1),
             std::string("Old Jetstream line: 这是一个测试")); // not the update
    const std::string lineOfB1 = "SELECT source_line FROM posts WHERE platform_id = '" + b1 + "'";
    QCOMPARE(count(*store, lineOfB1.c_str()), 4);

    QCOMPARE(row(*store, post(Carol, "3lbq2yreply3c")), "reply|1732097100|fr|" + a1 + "||");
    const std::string q1 = post(Bob, "3lbq2yquote4d");
    QCOMPARE(row(*store, q1), "quote|1732097190||||" + a1);
    QCOMPARE(postList(*store, "url", q1), std::string("https://news.example.net/story/42"));
    // Reposts of both generations: no text, created at the record's createdAt.
    const std::string r1 = "at://" + Carol + "/app.bsky.feed.repost/3lbq2yrepo5e";
    QCOMPARE(row(*store, r1), "repost|1732097220|||" + a1 + "|");
    QCOMPARE(postText(*store, r1), std::string());
    QCOMPARE(row(*store, "at://" + Dave + "/app.bsky.feed.repost/3lbq2yrepo6f"),
             "repost|1732097230|||" + b1 + "|");
    // Deleted posts stay (evidence); the unreadable createdAt falls back to time_us; a record
    // embed of a feed generator is not a quote.
    QCOMPARE(row(*store, post(Bob, "3lbq2zdele9i")), std::string("post|1732097300|fr|||"));
    QCOMPARE(row(*store, post(Dave, "3lbq2ztime3l")), std::string("post|1732097620||||"));
    QCOMPARE(row(*store, post(Alice, "3lbq2zfeed4m")), std::string("post|1732097630||||"));
    // Out-of-range and character-counted mention offsets keep the mentioned DID.
    QCOMPARE(postList(*store, "mention", post(Carol, "3lbq2zrange1j")), Bob);
    QCOMPARE(postList(*store, "mention", post(Dave, "3lbq2zchars2k")), Carol);
    // Nothing of the likes, follows, blocks, profiles or the post deleted but not in the file.
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE platform_id LIKE '%like%' OR "
                           "platform_id LIKE '%graph%' OR platform_id LIKE '%3lbq2aaaaaa2a'"),
             0);
}

void TestImportBluesky::jetstreamProblemsNameLineAndField()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QVERIFY(importPath(*store, dataPath(QStringLiteral("bluesky_jetstream.jsonl"))).ok());
    const std::string b1 = post(Bob, "3lbq2wz7dd22a");
    const QStringList expected = {
        QString::fromStdString("15|text|warning|post " + b1 +
                               " is already in the case with a different text; the first text "
                               "was kept"),
        QString::fromStdString("17|commit.operation|warning|post " + post(Bob, "3lbq2zdele9i") +
                               " was deleted by its author at 2024-11-20T10:10:00Z; kept as "
                               "evidence (the deletion is on an earlier line)"),
        QString::fromStdString("18|commit.operation|warning|post " + post(Alice, "3lbq2xk4ab22c") +
                               " was deleted by its author at 2024-11-20T10:11:40Z; kept as "
                               "evidence"),
        QStringLiteral("21|commit.record.facets[0].index|warning|mention byte range 6..999 lies "
                       "outside the text (15 bytes): clamped to 6..15 ('@bob.test'); its DID is "
                       "kept"),
        QStringLiteral("22|commit.record.facets[0].index|warning|mention byte range 11..22 covers "
                       "'avec @carol', not an @handle (offsets not counted in UTF-8 bytes?); its "
                       "DID is kept"),
        QStringLiteral("23|commit.record.createdAt|warning|unrecognised timestamp 'yesterday'; "
                       "the event's time (time_us) used instead"),
        QStringLiteral(
            "0|(file)|warning|skipped 9 events that are not posts or reposts: 2 "
            "app.bsky.feed.like, 1 account status events, 1 app.bsky.actor.profile, 1 "
            "app.bsky.graph.block, 1 app.bsky.graph.follow, 1 deletions of other records, 1 "
            "deletions of posts or reposts not in this file, 1 identity events without a valid "
            "handle"),
    };
    QCOMPARE(issues(*store), expected);
}

void TestImportBluesky::importsListRecordsPage()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report = importPath(*store, dataPath(QStringLiteral("bluesky_listrecords.json")));
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->counts.read, 3);
    QCOMPARE(report->counts.imported, 3);
    QCOMPARE(report->counts.warnings, 0);
    QCOMPARE(report->counts.accountRecords, 0);
    const std::string erin = "did:plc:erin4xq7mz2k5nw3rjt6ybpa";
    QCOMPARE(handleOf(*store, erin), std::string()); // a page names no handle
    const std::string first = post(erin, "3lc2aaa5tm22v");
    QCOMPARE(row(*store, first), std::string("post|1733039742|fr|||"));
    QCOMPARE(row(*store, post(erin, "3lc2abb2fx22w")), "reply|1733040600|fr|" + first + "||");
    QCOMPARE(postText(*store, post(erin, "3lc2abb2fx22w")),
             std::string("Merci à tous pour vos réponses.\nLa suite demain."));
    // The same URL as a facet and as the link card: stored once.
    const std::string story = post(erin, "3lc2abc7kq22x");
    QCOMPARE(row(*store, story), std::string("post|1733041800|fr|||"));
    QCOMPARE(postList(*store, "url", story),
             std::string("https://lemonde.example/enquete/comptes-coordonnes"));
    QCOMPARE(postList(*store, "tag", story), std::string("Bluesky|désinfo"));
}

void TestImportBluesky::readsPagesAsLinesAndAsArray()
{
    const QByteArray page1 =
        R"({"records":[{"uri":"at://did:plc:p1/app.bsky.feed.post/k1","cid":"c",)"
        R"("value":{"text":"one","createdAt":"2024-05-01T00:00:01Z"}},)"
        R"({"uri":"at://did:plc:p1/app.bsky.feed.post/k2","cid":"c",)"
        R"("value":{"text":"two","createdAt":"2024-05-01T00:00:02.5+02:00"}}],"cursor":"k2"})";
    const QByteArray page2 =
        R"({"records":[{"uri":"at://did:plc:p1/app.bsky.feed.repost/k3","cid":"c","value":)"
        R"({"subject":{"uri":"at://did:plc:p2/app.bsky.feed.post/x","cid":"c"},)"
        R"("createdAt":"2024-05-01T00:00:03Z"}}]})";
    for (const QByteArray &content :
         {page1 + "\n" + page2 + "\n", "[" + page1 + ",\n" + page2 + "]"}) {
        QTemporaryDir dir;
        auto store = makeCase(dir);
        const auto report = importPath(*store, writeFile(dir, QStringLiteral("p.json"), content));
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
        QCOMPARE(report->format, std::string("bluesky"));
        QCOMPARE(report->counts.imported, 3);
        QCOMPARE(report->counts.warnings, 0);
        QCOMPARE(row(*store, "at://did:plc:p1/app.bsky.feed.post/k2"),
                 std::string("post|1714514402||||"));
        QCOMPARE(row(*store, "at://did:plc:p1/app.bsky.feed.repost/k3"),
                 std::string("repost|1714521603|||at://did:plc:p2/app.bsky.feed.post/x|"));
    }

    // A listRecords of likes holds no posts: the file is refused as such.
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto likes = importPath(
        *store,
        writeFile(dir, QStringLiteral("likes.json"),
                  R"({"records":[{"uri":"at://did:plc:p1/app.bsky.feed.like/k9",)"
                  R"("value":{"subject":{"uri":"at://x/y/z"},"createdAt":"2024-05-01"}}]})"));
    QVERIFY(!likes.ok());
    QVERIFY2(likes.error().message.find("no records found") != std::string::npos,
             likes.error().message.c_str());
}

void TestImportBluesky::cliRoundTrip()
{
    QTemporaryDir dir;
    const QString casePath = dir.filePath(QStringLiteral("case.chorus"));
    const CliResult result = runCli({QStringLiteral("import"), casePath,
                                     dataPath(QStringLiteral("bluesky_jetstream.jsonl")),
                                     dataPath(QStringLiteral("bluesky_capture_atproto.json"))});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(
        result.out.contains(QStringLiteral("bluesky_jetstream.jsonl: bluesky: read 12, "
                                           "imported 11, duplicate 1, rejected 0, warnings 7")),
        qPrintable(result.out));
    QVERIFY(result.out.contains(QStringLiteral(
        "bluesky_capture_atproto.json: bluesky: read 20, imported 20, duplicate 0, rejected 0")));
    QVERIFY(result.out.contains(
        QStringLiteral("bluesky_jetstream.jsonl:23: commit.record.createdAt: warning: "
                       "unrecognised timestamp 'yesterday'")));

    const QString out = dir.filePath(QStringLiteral("posts.json"));
    const CliResult exported = runCli(
        {QStringLiteral("export"), QStringLiteral("--posts"), QStringLiteral("-o"), out, casePath});
    QCOMPARE(exported.exitCode, 0);
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray posts = QJsonDocument::fromJson(file.readAll()).array();
    QCOMPARE(posts.size(), 31);
    int reposts = 0;
    for (const QJsonValue &value : posts) {
        const QJsonObject p = value.toObject();
        QCOMPARE(p.value(QStringLiteral("platform")).toString(), QStringLiteral("bluesky"));
        if (p.value(QStringLiteral("post_id")).toString() ==
            QString::fromStdString(post(Alice, "3lbq2xk4ab22c"))) {
            QCOMPARE(p.value(QStringLiteral("handle")).toString(),
                     QStringLiteral("alice.example.com"));
            QCOMPARE(p.value(QStringLiteral("created_at")).toString(),
                     QStringLiteral("2024-11-20T10:01:02Z"));
        }
        if (p.value(QStringLiteral("kind")).toString() == QStringLiteral("repost")) {
            ++reposts;
            QVERIFY(p.value(QStringLiteral("repost_of"))
                        .toString()
                        .startsWith(QStringLiteral("at://")));
        }
    }
    QCOMPARE(reposts, 2);
}

QTEST_GUILESS_MAIN(TestImportBluesky)
#include "tst_import_bluesky.moc"
