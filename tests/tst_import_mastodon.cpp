#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace chorus;
using namespace chorus::test;

class TestImportMastodon : public QObject
{
    Q_OBJECT
private slots:
    void detectsOwnFixturesOnly();
    void detectsStatusLongerThanTheHead();
    void importsRealPublicTimeline();
    void importsBoostsRepliesQuotesAndServers();
    void readsArrayPagesOnePerLine();
    void badRecordsRejectedGoodKept();
    void truncatedLastRecordRejectedCompleteOnesKept();
    void reimportAddsNothing();
    void cliImportThenInfoAndExport();
};

namespace {

QString postText(const CaseStore &store, const char *platformId)
{
    const std::string sql =
        std::string("SELECT text FROM posts WHERE platform = 'mastodon' AND platform_id = '") +
        platformId + "'";
    return QString::fromStdString(text(store, sql.c_str()));
}

std::string authorOf(const CaseStore &store, const char *platformId)
{
    const std::string sql = std::string("SELECT a.platform_id || '|' || a.handle FROM posts p "
                                        "JOIN accounts a ON a.id = p.account_id "
                                        "WHERE p.platform_id = '") +
                            platformId + "'";
    return text(store, sql.c_str());
}

ImportOptions mastodonFormat()
{
    ImportOptions options;
    options.format = "mastodon";
    return options;
}

// A status in the key order of Mastodon 4: `account` comes after `content`.
QByteArray modernStatus(const QByteArray &id, const QByteArray &content)
{
    return R"({"id":")" + id +
           R"(","created_at":"2024-01-02T03:04:05.000Z","in_reply_to_id":null,)"
           R"("in_reply_to_account_id":null,"sensitive":false,"spoiler_text":"",)"
           R"("visibility":"public","language":"en","uri":"https://m.example/users/u/statuses/)" +
           id + R"(","url":"https://m.example/@u/)" + id +
           R"(","replies_count":0,"reblogs_count":0,"favourites_count":0,"content":")" + content +
           R"(","reblog":null,"account":{"id":"9","username":"u","acct":"u",)"
           R"("url":"https://m.example/@u"},"media_attachments":[],"mentions":[],"tags":[]})";
}

} // namespace

void TestImportMastodon::detectsOwnFixturesOnly()
{
    const auto formats = detectedFormats();
    QCOMPARE(formats.at(QStringLiteral("mastodon_public_timeline.json")), std::string("mastodon"));
    QCOMPARE(formats.at(QStringLiteral("mastodon_statuses.jsonl")), std::string("mastodon"));
    const QStringList wrong = misdetectedFixtures(QStringLiteral("mastodon_"), "mastodon");
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QStringLiteral(", "))));
}

void TestImportMastodon::detectsStatusLongerThanTheHead()
{
    // The first status is longer than the 64 KiB head and its account comes after content.
    const QByteArray content = "<p>" + QByteArray("long words ").repeated(8000) + "</p>";
    const QByteArray file = "[\n" + modernStatus("7001", content) + ",\n" +
                            modernStatus("7002", "<p>short</p>") + "\n]\n";
    QVERIFY(file.indexOf("\"account\"") > 64 * 1024);
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("long.json"), file);
    QCOMPARE(detectFormat(path.toStdString()).value(), std::string("mastodon"));
    auto store = makeCase(dir);
    const auto report = importPath(*store, path);
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->counts.imported, 2);
    QCOMPARE(postText(*store, "7001").size(), 8000 * 11 - 1);
    QCOMPARE(authorOf(*store, "7002"), std::string("u@m.example|u@m.example"));
}

void TestImportMastodon::importsRealPublicTimeline()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report =
        importPath(*store, dataPath(QStringLiteral("mastodon_public_timeline.json")));
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->format, std::string("mastodon"));
    QCOMPARE(report->counts.read, 20);
    QCOMPARE(report->counts.imported, 20);
    QCOMPARE(report->counts.rejected, 0);
    QCOMPARE(report->counts.warnings, 0);
    // yukkuri_sinai@mastodon.cloud posted twice.
    QCOMPARE(count(*store, "SELECT count(*) FROM accounts WHERE platform = 'mastodon'"), 19);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE kind = 'post'"), 20);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE language IS NULL"), 20);

    // Integer ids (Mastodon 1.x) kept as strings.
    QCOMPARE(postText(*store, "172429"),
             QStringLiteral("電話であれ、テキストであれ、伝達能力はしっかり鍛えてほしい。"));
    QCOMPARE(count(*store, "SELECT created_at FROM posts WHERE platform_id = '172429'"),
             1492150301);
    QCOMPARE(count(*store, "SELECT source_line FROM posts WHERE platform_id = '172429'"), 2);
    // <br /> and <br> inside a paragraph.
    QCOMPARE(postText(*store, "172407"),
             QStringLiteral("それっぽいウソ話とか\n変なリプライとかが一切無いこの空間は良いねー"));
    QVERIFY(postText(*store, "172427")
                .startsWith(QStringLiteral("JP管理人さん大変だなぁ。以下引用\n【お知らせ】")));
    // A shortened link: the invisible parts are kept, so the text holds the full URL.
    const QString link =
        QStringLiteral("http://inforati.jp/apple/mac-tips-techniques/system-hints/"
                       "how-to-capture-a-specific-window-with-macos-screen-shot-function.html");
    QCOMPARE(postText(*store, "172405"), link);
    QCOMPARE(QString::fromStdString(postList(*store, "url", "172405")), link);
    QCOMPARE(count(*store, "SELECT count(*) FROM post_urls"), 1);
    QCOMPARE(count(*store, "SELECT count(*) FROM post_hashtags"), 0);
    QCOMPARE(count(*store, "SELECT count(*) FROM post_mentions"), 0);

    // Local accounts (acct without a domain) get the domain of their profile URL.
    QCOMPARE(authorOf(*store, "172421"), std::string("Rossweisse@mstdn.jp|Rossweisse@mstdn.jp"));
    QCOMPARE(authorOf(*store, "172427"),
             std::string("cocoabottle@mastodon.cloud|cocoabottle@mastodon.cloud"));
    QCOMPARE(authorOf(*store, "172417"), std::string("chrolis@m6n.jp|chrolis@m6n.jp"));
    QCOMPARE(
        text(*store,
             "SELECT display_name || '|' || bio || '|' || followers || '|' || following || '|' || "
             "post_count || '|' || created_at || '|' || coalesce(location, 'none') FROM accounts "
             "WHERE platform_id = 'iorin0225@mstdn.jp'"),
        std::string("イオリン|フリーなエンジニア時々詩人。|1|0|10|1492088960|none"));
    // An empty display name is left empty.
    QCOMPARE(count(*store, "SELECT count(*) FROM accounts WHERE platform_id = "
                           "'cocoabottle@mastodon.cloud' AND display_name IS NULL"),
             1);
}

void TestImportMastodon::importsBoostsRepliesQuotesAndServers()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report = importPath(*store, dataPath(QStringLiteral("mastodon_statuses.jsonl")));
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    // Seven statuses, and as context the boosted original and the quoted status (a copy of
    // line 1, which stays a collected post).
    QCOMPARE(report->counts.read, 7);
    QCOMPARE(report->counts.context, 2);
    QCOMPARE(report->counts.imported, 8);
    QCOMPARE(report->counts.duplicates, 1);
    QCOMPARE(text(*store, "SELECT group_concat(platform_id) FROM posts WHERE context = 1"),
             std::string("109999999999999999"));
    QCOMPARE(report->counts.rejected, 0);
    QCOMPARE(report->counts.warnings, 0);
    QCOMPARE(count(*store, "SELECT count(*) FROM accounts"), 7);

    // HTML: entities, a mention and a hashtag link as written, a shortened link in full,
    // paragraphs and a line break.
    QCOMPARE(postText(*store, "110000000000000001"),
             QStringLiteral("L'élection & la \"vérité\" <3 @bob #Élection\n\nLire\u00A0: "
                            "https://news.example/article?id=7&lang=fr\nDeuxième ligne"));
    QCOMPARE(postList(*store, "tag", "110000000000000001"), std::string("Élection"));
    QCOMPARE(postList(*store, "mention", "110000000000000001"), std::string("bob@other.example"));
    // The content link and the card are the same URL, kept once; mention and tag links are not
    // URLs.
    QCOMPARE(postList(*store, "url", "110000000000000001"),
             std::string("https://news.example/article?id=7&lang=fr"));
    QCOMPARE(text(*store, "SELECT language FROM posts WHERE platform_id = '110000000000000001'"),
             std::string("fr"));
    QCOMPARE(
        text(*store, "SELECT handle || '|' || display_name || '|' || bio || '|' || followers || "
                     "'|' || following || '|' || post_count || '|' || created_at FROM accounts "
                     "WHERE platform_id = 'alice@social.example'"),
        std::string("alice@social.example|Alice 🌍|Journaliste & citoyenne\nMontréal|1200|80|345|"
                    "1667347200"));

    // A reply from a remote account; null language; the local mention qualified.
    QCOMPARE(text(*store, "SELECT kind || ':' || reply_to FROM posts WHERE platform_id = "
                          "'110000000000000002'"),
             std::string("reply:110000000000000001"));
    QCOMPARE(postText(*store, "110000000000000002"), QStringLiteral("@alice d'accord"));
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE platform_id = '110000000000000002' "
                           "AND language IS NULL"),
             1);
    QCOMPARE(postList(*store, "mention", "110000000000000002"),
             std::string("alice@social.example"));
    QCOMPARE(authorOf(*store, "110000000000000002"),
             std::string("bob@other.example|bob@other.example"));
    QCOMPARE(postList(*store, "url", "110000000000000002"), std::string());

    // A boost: a repost by the booster carrying the original's text; the original is a post.
    QCOMPARE(text(*store, "SELECT kind || ':' || repost_of FROM posts WHERE platform_id = "
                          "'110000000000000003'"),
             std::string("repost:109999999999999999"));
    QCOMPARE(authorOf(*store, "110000000000000003"),
             std::string("carol@social.example|carol@social.example"));
    QCOMPARE(postText(*store, "110000000000000003"), QStringLiteral("Original words #news"));
    QCOMPARE(postList(*store, "tag", "110000000000000003"), std::string("news"));
    QCOMPARE(text(*store, "SELECT kind || '|' || language || '|' || created_at || '|' || "
                          "source_line FROM posts WHERE platform_id = '109999999999999999'"),
             std::string("post|en|1677571200|3"));
    QCOMPARE(authorOf(*store, "109999999999999999"),
             std::string("dave@far.example|dave@far.example"));
    QCOMPARE(postList(*store, "tag", "109999999999999999"), std::string("news"));

    // An old server: integer ids for the status, its reply target and the account.
    QCOMPARE(text(*store, "SELECT kind || ':' || reply_to || ':' || created_at FROM posts "
                          "WHERE platform_id = '172500'"),
             std::string("reply:172429:1492150301"));
    QCOMPARE(authorOf(*store, "172500"), std::string("erin@mstdn.jp|erin@mstdn.jp"));
    QCOMPARE(postText(*store, "172500"), QStringLiteral("古いサーバー"));

    // Pleroma/Akkoma: few fields, plain content, quote_id.
    QCOMPARE(text(*store, "SELECT kind || ':' || quote_of FROM posts WHERE platform_id = "
                          "'AbCdEf123'"),
             std::string("quote:AbCdEf000"));
    QCOMPARE(postText(*store, "AbCdEf123"), QStringLiteral("plain text & more"));
    QCOMPARE(authorOf(*store, "AbCdEf123"),
             std::string("frank@pleroma.example|frank@pleroma.example"));

    // Mastodon 4.4 quote {state, quoted_status}.
    QCOMPARE(text(*store, "SELECT kind || ':' || quote_of FROM posts WHERE platform_id = "
                          "'110000000000000006'"),
             std::string("quote:110000000000000001"));

    // No profile URL: the domain of the status URL; an offset in created_at.
    QCOMPARE(authorOf(*store, "110000000000000007"),
             std::string("gina@social.example|gina@social.example"));
    QCOMPARE(count(*store, "SELECT created_at FROM posts WHERE platform_id = '110000000000000007'"),
             1677830400);

    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE kind = 'post'"), 3);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE platform <> 'mastodon'"), 0);
}

void TestImportMastodon::readsArrayPagesOnePerLine()
{
    const QByteArray status = R"({"id":"%1","created_at":"2024-01-01T00:00:0%1Z","content":)"
                              R"("<p>s%1</p>","account":{"acct":"p@q.example"}})";
    const auto s = [&](int i) { return QByteArray(status).replace("%1", QByteArray::number(i)); };
    QTemporaryDir dir;
    const auto importFile = [&](const char *name, const QByteArray &content) {
        const QString path = writeFile(dir, QString::fromLatin1(name), content);
        [&] { QCOMPARE(detectFormat(path.toStdString()).value(), std::string("mastodon")); }();
        auto store = makeCase(dir, QString::fromLatin1(name) + QStringLiteral(".chorus"));
        const auto report = importPath(*store, path);
        [&] { QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str()); }();
        return std::make_pair(std::move(store), report.ok() ? report.value() : ImportReport{});
    };
    const char *placement = "SELECT group_concat(platform_id || '@' || source_line, ' ') FROM "
                            "(SELECT platform_id, source_line FROM posts ORDER BY platform_id)";

    // One API page per line, a line with one status, an empty page, a broken line, and no
    // newline at the end: each line on its own.
    const auto [pages, pagesReport] =
        importFile("pages.jsonl", "[" + s(1) + "," + s(2) + "]\n" + s(3) + "\n[" + s(4) + "," +
                                      s(5) + "]\n[]\n[{\"id\": \"x\",\n[" + s(6) + "]");
    QCOMPARE(pagesReport.counts.imported, 6);
    QCOMPARE(pagesReport.counts.rejected, 1);
    QCOMPARE(pagesReport.firstIssues.at(0).line, 5);
    QCOMPARE(pagesReport.firstIssues.at(0).field, std::string("(record)"));
    QCOMPARE(text(*pages, placement), std::string("1@1 2@1 3@2 4@3 5@3 6@6"));
    QCOMPARE(postText(*pages, "5"), QStringLiteral("s5"));

    // Pretty-printed pages written one after another, and two pages on one line.
    const auto [pretty, prettyReport] =
        importFile("pretty.json", "[\n  " + s(1) + ",\n  " + s(2) + "\n]\n[\n  " + s(3) + "\n]\n[" +
                                      s(4) + "][" + s(5) + "]\n");
    QCOMPARE(prettyReport.counts.imported, 5);
    QCOMPARE(prettyReport.counts.rejected, 0);
    QCOMPARE(text(*pretty, placement), std::string("1@2 2@3 3@6 4@8 5@8"));
}

void TestImportMastodon::badRecordsRejectedGoodKept()
{
    const QByteArray account = R"("account":{"acct":"ok","url":"https://m.example/@ok"})";
    const QByteArray when = R"("created_at":"2024-01-01T00:00:00Z")";
    const QByteArray file =
        "{\"id\":\"1\"," + when + ",\"content\":\"<p>good</p>\"," + account + "}\n" +       // 1
        "{\"id\":\"2\"," + when + ",\"content\":\"<p>broken\n" +                            // 2
        "{" + when + ",\"content\":\"no id\"," + account + "}\n" +                          // 3
        "{\"id\":\"4\",\"content\":\"no time\"," + account + "}\n" +                        // 4
        "{\"id\":\"5\",\"created_at\":\"yesterday\",\"content\":\"x\"," + account + "}\n" + // 5
        "{\"id\":\"6\"," + when + ",\"content\":\"no account\"}\n" +                        // 6
        "{\"id\":\"7\"," + when + ",\"content\":\"x\",\"account\":\"ok\"}\n" +              // 7
        "{\"id\":[8]," + when + ",\"content\":\"x\"," + account + "}\n" +                   // 8
        "{\"id\":\"9\"," + when + ",\"content\":9,\"tags\":\"x\"," + account + "}\n" +      // 9
        "{\"id\":\"10\"," + when + ",\"content\":\"caf\xC3 \"," + account + "}\n" +         // 10
        "{\"id\":\"11\"," + when + ",\"content\":\"\"," + account +                         // 11
        ",\"reblog\":{\"id\":\"12\",\"created_at\":\"never\",\"content\":\"orig\"," + account +
        "}}\n" + "{\"id\":\"13\"," + when +
        ",\"content\":\"x\",\"account\":{\"note\":\"\"}}\n" +                            // 12
        "[{\"id\":\"14\"," + when + ",\"content\":\"in a page\"," + account + "},42]\n"; // 13
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report =
        importPath(*store, writeFile(dir, QStringLiteral("bad.jsonl"), file), mastodonFormat());
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->counts.imported, 5); // 1, 9, 10, 11 and 14
    QCOMPARE(report->counts.rejected, 9);
    QCOMPARE(report->counts.warnings, 4);
    const auto &issues = report->firstIssues;
    QCOMPARE(issues.size(), size_t(13));
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
    expect(2, 4, "created_at", "error", "missing timestamp");
    expect(3, 5, "created_at", "error", "unrecognised timestamp 'yesterday'");
    expect(4, 6, "account", "error", "missing account");
    expect(5, 7, "account", "error", "expected an account object");
    expect(6, 8, "id", "error", "expected an id, found an array");
    expect(7, 9, "content", "warning", "expected a string, found a number");
    expect(8, 9, "tags", "warning", "expected an array, found a string");
    expect(9, 10, "(record)", "warning", "invalid UTF-8");
    expect(10, 11, "reblog.created_at", "warning", "embedded status skipped");
    expect(11, 12, "account.acct", "error", "missing acct");
    expect(12, 13, "[1]", "error", "expected a JSON object");

    QCOMPARE(postText(*store, "9"), QString());
    QCOMPARE(postText(*store, "10"), QStringLiteral("caf\uFFFD"));
    // The boost is kept with its reference; the broken original is not imported.
    QCOMPARE(text(*store, "SELECT kind || ':' || repost_of FROM posts WHERE platform_id = '11'"),
             std::string("repost:12"));
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE platform_id = '12'"), 0);
    QCOMPARE(postText(*store, "14"), QStringLiteral("in a page"));
    QCOMPARE(count(*store, "SELECT count(*) FROM import_issues"), 13);
}

void TestImportMastodon::truncatedLastRecordRejectedCompleteOnesKept()
{
    QFile fixture(dataPath(QStringLiteral("mastodon_statuses.jsonl")));
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    QByteArray bytes = fixture.readAll();
    bytes.chop(bytes.size() - bytes.indexOf("\"content\": \"<p>Je cite")); // inside line 6
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto cut = importPath(*store, writeFile(dir, QStringLiteral("cut.jsonl"), bytes));
    QVERIFY2(cut.ok(), cut.ok() ? "" : cut.error().message.c_str());
    QCOMPARE(cut->counts.imported, 6); // lines 1-5 and the boosted original
    QCOMPARE(cut->counts.rejected, 1);
    QCOMPARE(cut->firstIssues.at(0).line, 6);
    QCOMPARE(cut->firstIssues.at(0).field, std::string("(record)"));
    QVERIFY2(cut->firstIssues.at(0).reason.find("cut off") != std::string::npos,
             cut->firstIssues.at(0).reason.c_str());
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE platform_id = '110000000000000006'"),
             0);

    // A saved array that stops inside its third status: the first two are kept.
    QFile real(dataPath(QStringLiteral("mastodon_public_timeline.json")));
    QVERIFY(real.open(QIODevice::ReadOnly));
    QByteArray array = real.readAll();
    array.truncate(array.indexOf("\"id\": 172426"));
    QTemporaryDir arrayDir;
    auto arrayStore = makeCase(arrayDir);
    const auto cutArray = importPath(
        *arrayStore, writeFile(arrayDir, QStringLiteral("cut.json"), array), mastodonFormat());
    QVERIFY2(cutArray.ok(), cutArray.ok() ? "" : cutArray.error().message.c_str());
    QCOMPARE(cutArray->counts.imported, 2);
    QCOMPARE(cutArray->counts.rejected, 1);
    QCOMPARE(cutArray->firstIssues.at(0).line, 78); // where the third status starts
    QCOMPARE(text(*arrayStore, "SELECT group_concat(platform_id) FROM (SELECT platform_id FROM "
                               "posts ORDER BY platform_id)"),
             std::string("172427,172429"));
}

void TestImportMastodon::reimportAddsNothing()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QVERIFY(importPath(*store, dataPath(QStringLiteral("mastodon_statuses.jsonl"))).ok());
    const auto again = importPath(*store, dataPath(QStringLiteral("mastodon_statuses.jsonl")));
    QVERIFY(again.ok());
    QVERIFY(again->alreadyImported);
    QCOMPARE(again->counts.duplicates, 9);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts"), 8);
    QCOMPARE(count(*store, "SELECT count(*) FROM sources"), 1);
}

void TestImportMastodon::cliImportThenInfoAndExport()
{
    QTemporaryDir dir;
    const QString casePath = dir.filePath(QStringLiteral("case.chorus"));
    const CliResult imported = runCli({QStringLiteral("import"), casePath,
                                       dataPath(QStringLiteral("mastodon_public_timeline.json"))});
    QCOMPARE(imported.exitCode, 0);
    QVERIFY2(imported.out.contains(QStringLiteral(
                 "mastodon_public_timeline.json: mastodon: read 20, imported 20, duplicate 0, "
                 "rejected 0")),
             qPrintable(imported.out));

    const CliResult info = runCli({QStringLiteral("info"), casePath, QStringLiteral("--json")});
    QCOMPARE(info.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(info.out.toUtf8()).object();
    QCOMPARE(root.value(QStringLiteral("posts")).toInteger(), 20);
    QCOMPARE(root.value(QStringLiteral("accounts")).toInteger(), 19);
    QCOMPARE(root.value(QStringLiteral("issues")).toInteger(), 0);
    const QJsonObject source = root.value(QStringLiteral("sources")).toArray().at(0).toObject();
    QCOMPARE(source.value(QStringLiteral("format")).toString(), QStringLiteral("mastodon"));

    const QString exported = dir.filePath(QStringLiteral("posts.json"));
    const CliResult exportRun = runCli({QStringLiteral("export"), casePath,
                                        QStringLiteral("--posts"), QStringLiteral("-o"), exported});
    QCOMPARE(exportRun.exitCode, 0);
    QFile file(exported);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray posts = QJsonDocument::fromJson(file.readAll()).array();
    QCOMPARE(posts.size(), 20);
    const QJsonObject first = posts.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("platform")).toString(), QStringLiteral("mastodon"));
    QCOMPARE(first.value(QStringLiteral("post_id")).toString(), QStringLiteral("172429"));
    QCOMPARE(first.value(QStringLiteral("account_id")).toString(),
             QStringLiteral("iorin0225@mstdn.jp"));
    QCOMPARE(first.value(QStringLiteral("text")).toString(),
             QStringLiteral("電話であれ、テキストであれ、伝達能力はしっかり鍛えてほしい。"));
}

QTEST_GUILESS_MAIN(TestImportMastodon)
#include "tst_import_mastodon.moc"
