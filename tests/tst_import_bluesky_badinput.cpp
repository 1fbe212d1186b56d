// Broken Bluesky input: every bad line or record is reported with its line and field, the good
// ones are kept, and a capture cut off mid-record keeps what came before the cut.
#include "TestSupport.h"

#include <QTest>

using namespace chorus;
using namespace chorus::test;

class TestImportBlueskyBadInput : public QObject
{
    Q_OBJECT
private slots:
    void badJetstreamLines();
    void badCaptureRecords();
    void eventArrayCutBetweenRecords();
    void unparsedLinesAreNeverPosts();
};

namespace {

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

// A Jetstream post creation by did:plc:good with the given record key and record.
QByteArray postEvent(const QByteArray &rkey, const QByteArray &record,
                     const QByteArray &timeUs = "1732000000000000")
{
    return R"({"did":"did:plc:good","time_us":)" + timeUs +
           R"(,"kind":"commit","commit":{"rev":"r","operation":"create",)"
           R"("collection":"app.bsky.feed.post","rkey":")" +
           rkey + R"(","record":)" + record + "}}\n";
}

} // namespace

void TestImportBlueskyBadInput::badJetstreamLines()
{
    const QByteArray content =
        postEvent("g1", R"({"text":"good","createdAt":"2024-11-19T07:06:40Z"})") +
        R"({"did":"did:plc:good","time_us":1,"kind":"commit","commit":{"operation":)"
        "\n" +
        postEvent("g3",
                  "{\"text\":\"caf\xE9 cr\xC3\xA8me\",\"createdAt\":\"2024-11-19T07:06:41Z\"}") +
        postEvent("g4", R"({"text":42,"langs":"en","reply":"oops","facets":{"x":1},)"
                        R"("createdAt":"2024-11-19T07:06:42Z"})") +
        postEvent("g5", R"({"text":"no time at all"})", R"("soon")") +
        postEvent("g6", R"({"text":"no createdAt"})", "1732000006000000") +
        R"({"time_us":1,"kind":"commit","commit":{}})"
        "\n"
        R"({"did":42,"time_us":1,"kind":"commit"})"
        "\n"
        R"({"did":"did:plc:good","time_us":1,"kind":"sync"})"
        "\n"
        R"({"did":"did:plc:good","time_us":1,"kind":"commit","commit":{"operation":"create",)"
        R"("rkey":"x","record":{}}})"
        "\n"
        R"({"did":"did:plc:good","time_us":1,"kind":"commit","commit":{"operation":"archive",)"
        R"("collection":"app.bsky.feed.post","rkey":"x"}})"
        "\n"
        R"({"did":"did:plc:good","time_us":1,"kind":"commit","commit":{"operation":"create",)"
        R"("collection":"app.bsky.feed.repost","rkey":"r1","record":{"createdAt":"2024-11-19"}}})"
        "\n" +
        postEvent("x13", R"("just text")") +
        R"({"did":"did:plc:good","time_us":1,"kind":"commit","commit":{"operation":"create",)"
        R"("collection":"app.bsky.feed.post","record":{}}})"
        "\n"
        "[1, 2]\n" +
        postEvent("g16", R"({"text":"cut off in the mid)").chopped(1);
    QVERIFY(!content.endsWith('\n'));

    QTemporaryDir dir;
    auto store = makeCase(dir);
    const QString path = writeFile(dir, QStringLiteral("bad.jsonl"), content);
    QCOMPARE(detectFormat(path.toStdString()).value(), std::string("bluesky"));
    const auto report = importPath(*store, path);
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->counts.read, 16);
    QCOMPARE(report->counts.imported, 4);
    QCOMPARE(report->counts.rejected, 12);
    QCOMPARE(report->counts.warnings, 7);
    QCOMPARE(text(*store, "SELECT group_concat(text, '/') FROM (SELECT text FROM posts ORDER BY "
                          "source_line)"),
             std::string("good/caf\xEF\xBF\xBD cr\xC3\xA8me//no createdAt"));
    QCOMPARE(count(*store, "SELECT created_at FROM posts WHERE platform_id LIKE '%/g6'"),
             1732000006);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE language IS NOT NULL OR reply_to IS "
                           "NOT NULL"),
             0);

    QStringList found = issues(*store);
    QVERIFY2(found.value(0).startsWith(QStringLiteral("2|(record)|error|invalid JSON at offset")),
             qPrintable(found.value(0)));
    found.removeFirst();
    const QStringList expected = {
        QStringLiteral("3|(record)|warning|invalid UTF-8 or NUL bytes replaced"),
        QStringLiteral("4|commit.record.text|warning|expected a string, found a number; ignored"),
        QStringLiteral("4|commit.record.langs|warning|expected an array, found a string; ignored"),
        QStringLiteral("4|commit.record.reply|warning|expected an object, found a string; ignored"),
        QStringLiteral(
            "4|commit.record.facets|warning|expected an array, found an object; ignored"),
        QStringLiteral("5|time_us|warning|expected microseconds since 1970; ignored"),
        QStringLiteral("5|commit.record.createdAt|error|missing timestamp"),
        QStringLiteral("6|commit.record.createdAt|warning|missing timestamp; the event's time "
                       "(time_us) used instead"),
        QStringLiteral("7|did|error|missing id"),
        QStringLiteral("8|did|error|expected a DID (did:...)"),
        QStringLiteral("9|kind|error|neither a Jetstream commit, identity nor account event"),
        QStringLiteral("10|commit.collection|error|a commit without its collection"),
        QStringLiteral("11|commit.operation|error|expected create, update or delete"),
        QStringLiteral("12|commit.record.subject.uri|error|a repost without the at:// URI of the "
                       "post it reposts"),
        QStringLiteral("13|commit.record|error|a create or update without its record"),
        QStringLiteral("14|commit.rkey|error|missing or malformed record key"),
        QStringLiteral("15|(record)|error|expected a JSON object"),
        QStringLiteral("16|(record)|error|the file ends inside this record (cut off)"),
    };
    QCOMPARE(found, expected);
}

void TestImportBlueskyBadInput::badCaptureRecords()
{
    const QByteArray content =
        R"({"capturedAt":"2024-01-01T00:00:00Z",)"
        "\n"
        R"("accountMeta":{"Identity":{"DID":"did:plc:zed","Handle":"handle.invalid"},)"
        R"("Profile":{"DisplayName":7},"FollowersCount":"12","FollowsCount":3,"PostsCount":"many"},)"
        "\n"
        R"("postRecords":[)"
        "\n"
        R"({"uri":"at://did:plc:zed/app.bsky.feed.post/a1","cid":"c","value":{"text":"kept",)"
        R"("createdAt":"2024-01-01T00:00:01Z"}},)"
        "\n"
        R"({"uri":"at://zed.test/app.bsky.feed.post/a2","value":{"text":"handle in the uri",)"
        R"("createdAt":"2024-01-01T00:00:02Z"}},)"
        "\n"
        R"({"cid":"c","value":{"text":"no uri","createdAt":"2024-01-01T00:00:03Z"}},)"
        "\n"
        R"({"uri":"at://did:plc:zed/app.bsky.feed.post/a4"},)"
        "\n"
        R"({"uri":"at://did:plc:zed/app.bsky.feed.post/a5","value":{"text":"no time"}},)"
        "\n"
        R"({"uri":"at://did:plc:zed/app.bsky.feed.post/a6","value":{"text":"bad time",)"
        R"("createdAt":"2024-13-45T99:00:00Z"}},)"
        "\n"
        R"({"uri":"at://did:plc:zed/app.bsky.feed.like/a7","value":{"subject":)"
        R"({"uri":"at://did:plc:zed/app.bsky.feed.post/a1"},"createdAt":"2024-01-01T00:00:07Z"}},)"
        "\n"
        R"({"uri":"at://did:plc:zed/app.bsky.feed.post/a8","value":{"text":"odd embed",)"
        R"("embed":{"$type":"app.bsky.embed.record","record":{"uri":"https://not-at"}},)"
        R"("createdAt":"2024-01-01T00:00:08Z"}},)"
        "\n"
        R"({"uri":"at://did:plc:zed/app.bsky.feed.post/a9","value":{"text":"cut off he)";

    QTemporaryDir dir;
    auto store = makeCase(dir);
    const QString path = writeFile(dir, QStringLiteral("capture.json"), content);
    QCOMPARE(detectFormat(path.toStdString()).value(), std::string("bluesky"));
    const auto report = importPath(*store, path);
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->counts.read, 8);
    QCOMPARE(report->counts.imported, 2);
    QCOMPARE(report->counts.rejected, 6);
    QCOMPARE(report->counts.warnings, 4);
    QCOMPARE(text(*store, "SELECT group_concat(text || ':' || kind, '/') FROM (SELECT text, kind "
                          "FROM posts ORDER BY source_line)"),
             std::string("kept:post/odd embed:post"));
    // handle.invalid is atproto's "no verified handle": left empty, like the bad display name.
    QCOMPARE(text(*store, "SELECT coalesce(handle, '-') || '|' || coalesce(display_name, '-') || "
                          "'|' || followers || '|' || following || '|' || "
                          "coalesce(post_count, '-') FROM accounts"),
             std::string("-|-|12|3|-"));

    const QStringList expected = {
        QStringLiteral("4|accountMeta.Profile.DisplayName|warning|expected a string, found a "
                       "number; ignored"),
        QStringLiteral("4|accountMeta.PostsCount|warning|expected a whole number, found a "
                       "string; ignored"),
        QStringLiteral("5|uri|error|expected an at:// URI naming the author's DID"),
        QStringLiteral("6|uri|error|missing the record's at:// URI"),
        QStringLiteral("7|value|error|missing the record itself (value)"),
        QStringLiteral("8|value.createdAt|error|missing timestamp"),
        QStringLiteral("9|value.createdAt|error|unrecognised timestamp '2024-13-45T99:00:00Z'"),
        QStringLiteral("11|value.embed.record.uri|warning|expected an at:// URI; ignored"),
        QStringLiteral("12|(record)|error|the file ends inside this record (cut off)"),
        QStringLiteral("0|(file)|warning|skipped 1 records that are not posts or reposts: 1 "
                       "app.bsky.feed.like"),
    };
    QCOMPARE(issues(*store), expected);
}

void TestImportBlueskyBadInput::eventArrayCutBetweenRecords()
{
    // Jetstream events saved as a JSON array whose closing bracket never came.
    const QByteArray content =
        "[" + postEvent("e1", R"({"text":"one","createdAt":"2024-11-19T07:06:40Z"})").chopped(1) +
        ",\n" + postEvent("e2", R"({"text":"two","createdAt":"2024-11-19T07:06:41Z"})").chopped(1) +
        ",\n";
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report = importPath(*store, writeFile(dir, QStringLiteral("a.json"), content));
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->format, std::string("bluesky"));
    QCOMPARE(report->counts.imported, 2);
    QCOMPARE(report->counts.rejected, 0);
    QCOMPARE(issues(*store),
             QStringList{QStringLiteral(
                 "2|(file)|warning|the file ends before its JSON array closes (cut off?)")});
}

void TestImportBlueskyBadInput::unparsedLinesAreNeverPosts()
{
    // Likes are counted from the raw line (even a broken one); a post whose record happens to
    // hold a "collection" member of its own, or whose JSON is spaced, is parsed and kept.
    const QByteArray content =
        postEvent("p1", R"({"text":"a post","createdAt":"2024-11-19T07:06:40Z",)"
                        R"("x":{"collection":"app.bsky.feed.like"}})") +
        R"({"did":"did:plc:good","time_us":1,"kind":"commit","commit":{"operation":"create",)"
        R"("collection":"app.bsky.feed.like","rkey":"l1","record":{"subject":{"uri":"at://x"}}}})"
        "\n"
        R"({"did":"did:plc:good","time_us":1,"kind":"commit","commit":{"operation":"create",)"
        R"("collection":"app.bsky.feed.like","rkey":"l2","record":{"subj)"
        "\n"
        R"({"did": "did:plc:good", "time_us": 1, "kind": "commit", "commit": {"operation": )"
        R"("create", "collection": "app.bsky.feed.post", "rkey": "p2", "record": {"text": )"
        R"("spaced", "createdAt": "2024-11-19T07:06:41Z"}}})"
        "\n";
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report = importPath(*store, writeFile(dir, QStringLiteral("u.jsonl"), content));
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->counts.imported, 2);
    QCOMPARE(report->counts.rejected, 0);
    QCOMPARE(text(*store, "SELECT group_concat(text, '/') FROM (SELECT text FROM posts ORDER BY "
                          "source_line)"),
             std::string("a post/spaced"));
    QCOMPARE(issues(*store), QStringList{QStringLiteral("0|(file)|warning|skipped 2 events that "
                                                        "are not posts or reposts: 2 "
                                                        "app.bsky.feed.like")});
}

QTEST_GUILESS_MAIN(TestImportBlueskyBadInput)
#include "tst_import_bluesky_badinput.moc"
