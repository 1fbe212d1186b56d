// The Telegram Desktop importer (result.json) through the public pipeline: the real
// saved-messages export, a hand-written full export, old exports, broken input, the CLI.
#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace chorus;
using namespace chorus::test;

class TestImportTelegram : public QObject
{
    Q_OBJECT
private slots:
    void detectsOwnFixturesOnly();
    void detectsExportsLongerThanTheHead();
    void importsRealSavedMessagesExport();
    void importsFullExportWithChatsAndLeftChats();
    void oldExportLocalTimesWarnedOnce();
    void badMessagesRejectedOrWarned();
    void chatWithoutIdRejectsItsMessages();
    void truncatedFileKeepsCompleteMessages();
    void notAnExportIsFatal();
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

static std::string issueText(const ImportIssue &issue)
{
    return std::to_string(issue.line) + ": " + issue.field + ": " + issue.severity + ": " +
           issue.reason;
}

void TestImportTelegram::detectsOwnFixturesOnly()
{
    const auto formats = detectedFormats();
    QCOMPARE(formats.at(QStringLiteral("telegram_saved_messages.json")), std::string("telegram"));
    QCOMPARE(formats.at(QStringLiteral("telegram_full_export.json")), std::string("telegram"));
    const QStringList wrong = misdetectedFixtures(QStringLiteral("telegram_"), "telegram");
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QStringLiteral(", "))));
}

void TestImportTelegram::detectsExportsLongerThanTheHead()
{
    QTemporaryDir dir;
    // One chat of 600 messages: detection sees only the first 64 KiB.
    QByteArray chat = R"({"name": "Long", "type": "public_supergroup", "id": 42, "messages": [)";
    for (int i = 1; i <= 600; ++i)
        chat +=
            (i > 1 ? "," : "") + QByteArray("\n{\"id\": ") + QByteArray::number(i) +
            R"(, "type": "message", "date": "2023-01-01T00:00:00", "date_unixtime": "1672531200", "from": "A", "from_id": "user7", "text": ")" +
            QByteArray(150, 'x') + "\"}";
    chat += "]}\n";
    QVERIFY(chat.size() > 64 * 1024);
    const QString chatPath = writeFile(dir, QStringLiteral("long_chat.json"), chat);
    QCOMPARE(detectFormat(chatPath.toStdString()).value(), std::string("telegram"));

    // A full export whose contact list fills the head before the chats begin.
    QByteArray full =
        R"({"about": "Here is the data you requested.", "contacts": {"about": "c", "list": [)";
    for (int i = 0; i < 1000; ++i)
        full +=
            (i ? "," : "") + QByteArray("\n{\"user_id\": ") + QByteArray::number(5000 + i) +
            R"(, "first_name": "Contact", "last_name": "Person", "phone_number": "+1 555 0100", "date": "2022-01-01T12:00:00", "date_unixtime": "1641038400"})";
    full +=
        R"(]}, "chats": {"about": "x", "list": [{"name": "G", "type": "private_group", "id": 8, "messages": [
{"id": 1, "type": "message", "date": "2023-01-01T00:00:00", "date_unixtime": "1672531200", "from": "A", "from_id": "user7", "text": "hi"}]}]}})"
        "\n";
    QVERIFY(full.indexOf("\"chats\"") > 64 * 1024);
    const QString fullPath = writeFile(dir, QStringLiteral("long_full.json"), full);
    QCOMPARE(detectFormat(fullPath.toStdString()).value(), std::string("telegram"));

    auto store = makeCase(dir);
    QCOMPARE(importPath(*store, chatPath)->counts.imported, 600);
    const auto report = importPath(*store, fullPath);
    QVERIFY(report.ok());
    QCOMPARE(report->counts.imported, 1);
    QCOMPARE(report->counts.rejected, 0);
    QCOMPARE(text(*store, "SELECT text FROM posts WHERE platform_id = '8/1'"), std::string("hi"));
}

void TestImportTelegram::importsRealSavedMessagesExport()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report =
        importPath(*store, dataPath(QStringLiteral("telegram_saved_messages.json")));
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->format, std::string("telegram"));
    // 21 messages: 20 of type message, one pin (service).
    QCOMPARE(report->counts.read, 20);
    QCOMPARE(report->counts.imported, 20);
    QCOMPARE(report->counts.rejected, 0);
    QCOMPARE(report->counts.warnings, 2);
    const auto &issues = report->firstIssues;
    QCOMPARE(issues.size(), size_t(2));
    QCOMPARE(issueText(issues[0]),
             std::string("259: type: warning: 1 service message (joins, pins, calls, title "
                         "changes, ...) skipped: they are not posts"));
    // A 2020-21 export: only the zone-less local `date`, said once for the whole file.
    QCOMPARE(issues[1].line, 5);
    QCOMPARE(issues[1].field, std::string("date"));
    QCOMPARE(issues[1].severity, std::string("warning"));
    QVERIFY2(issues[1].reason.find("20 messages without date_unixtime") != std::string::npos &&
                 issues[1].reason.find("local time of the exporting machine") !=
                     std::string::npos &&
                 issues[1].reason.find("read as UTC") != std::string::npos &&
                 issues[1].reason.find("first: message 9999999999/173429") != std::string::npos,
             issues[1].reason.c_str());

    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE platform = 'telegram'"), 20);
    // The integer from_id of old exports is a user id.
    QCOMPARE(text(*store, "SELECT group_concat(platform_id || '=' || display_name, ',') FROM "
                          "(SELECT * FROM accounts ORDER BY platform_id)"),
             std::string("user10036995664=test,user9999999999=Ben"));
    QCOMPARE(count(*store, "SELECT count(*) FROM accounts WHERE platform = 'telegram' AND "
                           "handle IS NULL AND location IS NULL AND created_at IS NULL AND "
                           "followers IS NULL"),
             2);
    // "2020-08-01T22:01:49" read as UTC.
    QCOMPARE(count(*store, "SELECT created_at FROM posts WHERE platform_id = '9999999999/173429'"),
             1596319309);
    QCOMPARE(text(*store, "SELECT text FROM posts WHERE platform_id = '9999999999/173430'"),
             std::string("bold italic strikethrough underline @person http://google.com "
                         "monospace http://mystery.knightlab.com/"));
    QCOMPARE(postList(*store, "url", "9999999999/173430"),
             std::string("http://google.com/|http://mystery.knightlab.com/"));
    QCOMPARE(postList(*store, "mention", "9999999999/173430"), std::string("person"));
    // A text array that ends with "".
    QCOMPARE(
        QString::fromStdString(
            text(*store, "SELECT text FROM posts WHERE platform_id = '9999999999/225569'")),
        QStringLiteral(
            "Check out «Cat     @farsisticker» sticker set: https://t.me/addstickers/cat_farsi"));
    QCOMPARE(postList(*store, "mention", "9999999999/225569"), std::string("farsisticker"));
    QCOMPARE(postList(*store, "url", "9999999999/225569"),
             std::string("https://t.me/addstickers/cat_farsi"));
    QCOMPARE(text(*store, "SELECT text FROM posts WHERE platform_id = '9999999999/319973'"),
             std::string("Just some text with formatting like bold text some other text "
                         "italicized text and\n\nunderlined textand strikethrough text"));
    QCOMPARE(text(*store, "SELECT text FROM posts WHERE platform_id = '9999999999/323662'"),
             std::string("- a list\n- with line breaks\n- three \n- four"));
    // Media without a caption (photos, stickers, polls) are posts with empty text.
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE text = ''"), 6);
    // A forward stays a Post of the account that forwarded it.
    QCOMPARE(text(*store, "SELECT kind FROM posts WHERE platform_id = '9999999999/176390'"),
             std::string("post"));
    QCOMPARE(text(*store, "SELECT kind || ':' || reply_to FROM posts WHERE platform_id = "
                          "'9999999999/7'"),
             std::string("reply:9999999999/6"));
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE kind = 'reply'"), 1);
    // Two messages in the same second keep the file's order.
    QCOMPARE(text(*store, "SELECT group_concat(platform_id, ',') FROM (SELECT platform_id FROM "
                          "posts WHERE created_at = 1616433489 ORDER BY source_line)"),
             std::string("9999999999/7,9999999999/8"));
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE latitude IS NOT NULL"), 0);
}

void TestImportTelegram::importsFullExportWithChatsAndLeftChats()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto report = importPath(*store, dataPath(QStringLiteral("telegram_full_export.json")));
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->counts.read, 9);
    QCOMPARE(report->counts.imported, 9);
    QCOMPARE(report->counts.rejected, 0);
    QCOMPARE(report->counts.warnings, 2);
    QCOMPARE(issueText(report->firstIssues[0]),
             std::string("31: type: warning: 2 service messages (joins, pins, calls, title "
                         "changes, ...) skipped: they are not posts"));
    QCOMPARE(issueText(report->firstIssues[1]),
             std::string("243: type: warning: 1 unsupported message skipped: the export left "
                         "out their content"));

    // Message 10 exists in all three chats: three posts, one per chat.
    QCOMPARE(text(*store, "SELECT group_concat(platform_id, ',') FROM (SELECT platform_id FROM "
                          "posts ORDER BY source_line)"),
             std::string("1234567890/10,1234567890/11,2233445566/10,2233445566/11,2233445566/12,"
                         "2233445566/13,2233445566/14,2233445566/16,3344556677/10"));
    QCOMPARE(count(*store, "SELECT count(*) FROM accounts"), 5);

    QCOMPARE(QString::fromStdString(
                 text(*store, "SELECT text FROM posts WHERE platform_id = '1234567890/10'")),
             QStringLiteral("La vérité éclate #Vérité — lisez ici"));
    QCOMPARE(postList(*store, "tag", "1234567890/10"), std::string("Vérité"));
    QCOMPARE(postList(*store, "url", "1234567890/10"),
             std::string("https://example.org/article?id=7"));
    QCOMPARE(count(*store, "SELECT created_at FROM posts WHERE platform_id = '1234567890/10'"),
             1677664800);
    QCOMPARE(
        QString::fromStdString(text(*store, "SELECT a.platform_id || '|' || a.display_name FROM "
                                            "posts p JOIN accounts a ON a.id = p.account_id "
                                            "WHERE p.platform_id = '1234567890/10'")),
        QStringLiteral("channel1234567890|Nouvelles du Québec 🍁"));
    // A text_link with zero-width text: the link is hidden in the text, kept in urls.
    QCOMPARE(text(*store, "SELECT text FROM posts WHERE platform_id = '1234567890/11'"),
             std::string("Manifestation ce soir"));
    QCOMPARE(postList(*store, "url", "1234567890/11"),
             std::string("https://hidden.example.net/track"));
    QCOMPARE(text(*store, "SELECT latitude || ',' || longitude FROM posts WHERE platform_id = "
                          "'1234567890/11'"),
             std::string("46.8139,-71.208"));

    QCOMPARE(postList(*store, "mention", "2233445566/10"), std::string("Paul Roy|jean_d"));
    // A deleted account: from is null; the post and its account are kept without a name.
    QCOMPARE(text(*store, "SELECT coalesce(a.display_name, 'NULL') || '|' || p.text FROM posts p "
                          "JOIN accounts a ON a.id = p.account_id WHERE a.platform_id = "
                          "'user1999'"),
             std::string("NULL|Message d'un compte supprimé"));
    QCOMPARE(text(*store, "SELECT kind || ':' || reply_to FROM posts WHERE platform_id = "
                          "'2233445566/12'"),
             std::string("reply:2233445566/10"));
    // reply_to_peer_id names the other chat.
    QCOMPARE(text(*store, "SELECT kind || ':' || reply_to FROM posts WHERE platform_id = "
                          "'2233445566/13'"),
             std::string("reply:1234567890/11"));
    QCOMPARE(text(*store, "SELECT kind || ':' || coalesce(repost_of, '') FROM posts WHERE "
                          "platform_id = '2233445566/14'"),
             std::string("post:"));
    QCOMPARE(text(*store, "SELECT text FROM posts WHERE platform_id = '2233445566/12'"),
             std::string("On continue demain.\n\xC3\x80 suivre."));
    QCOMPARE(QString::fromStdString(
                 text(*store, "SELECT text FROM posts WHERE platform_id = '2233445566/16'")),
             QStringLiteral("https://t.me/nouvelles_qc/10 #Québec 这位议员应该辞职"));
    QCOMPARE(postList(*store, "tag", "2233445566/16"), std::string("Québec"));
    QCOMPARE(postList(*store, "url", "2233445566/16"), std::string("https://t.me/nouvelles_qc/10"));
    // Three messages in one second, in file order.
    QCOMPARE(text(*store, "SELECT group_concat(platform_id, ',') FROM (SELECT platform_id FROM "
                          "posts WHERE created_at = 1677668400 ORDER BY source_line)"),
             std::string("2233445566/10,2233445566/11,2233445566/12"));
    // The chat left (left_chats.list) is read too.
    QCOMPARE(text(*store, "SELECT a.platform_id FROM posts p JOIN accounts a ON a.id = "
                          "p.account_id WHERE p.platform_id = '3344556677/10'"),
             std::string("user1202"));
}

void TestImportTelegram::oldExportLocalTimesWarnedOnce()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const QByteArray group = R"({
 "name": "Vieux groupe",
 "type": "private_group",
 "id": 555,
 "messages": [
  {"id": 1, "type": "message", "date": "2019-05-01T12:00:00", "from": "Anne", "from_id": 42, "text": "bonjour"},
  {"id": 2, "type": "message", "date": "2019-05-01T12:00:05", "date_unixtime": "1556712005", "from": "Anne", "from_id": "user42", "text": "with zone"},
  {"id": 3, "type": "message", "date": "2019-05-01T12:00:09", "from": "Anne", "from_id": 42, "text": ["a ", {"type": "hashtag", "text": "#vieux"}, ""]}
 ]
}
)";
    const auto report = importPath(*store, writeFile(dir, QStringLiteral("old.json"), group));
    QVERIFY(report.ok());
    QCOMPARE(report->counts.imported, 3);
    QCOMPARE(report->counts.warnings, 1);
    QCOMPARE(report->firstIssues[0].line, 6);
    QCOMPARE(report->firstIssues[0].field, std::string("date"));
    QVERIFY2(report->firstIssues[0].reason.find("2 messages without date_unixtime") == 0 &&
                 report->firstIssues[0].reason.find("first: message 555/1") != std::string::npos,
             report->firstIssues[0].reason.c_str());
    QCOMPARE(count(*store, "SELECT created_at FROM posts WHERE platform_id = '555/1'"), 1556712000);
    // The integer 42 and the string "user42" are the same account.
    QCOMPARE(count(*store, "SELECT count(*) FROM accounts"), 1);
    QCOMPARE(text(*store, "SELECT platform_id FROM accounts"), std::string("user42"));
    QCOMPARE(postList(*store, "tag", "555/3"), std::string("vieux"));

    // An old channel export has no from_id: the posts are the channel's own.
    const QByteArray channel =
        R"({"name": "Canal ancien", "type": "public_channel", "id": 777, "messages": [
{"id": 3, "type": "message", "date": "2019-05-02T08:00:00", "text": "annonce"}]})";
    const auto channelReport =
        importPath(*store, writeFile(dir, QStringLiteral("channel.json"), channel));
    QVERIFY(channelReport.ok());
    QCOMPARE(channelReport->counts.imported, 1);
    QCOMPARE(text(*store, "SELECT a.platform_id || '|' || a.display_name FROM posts p JOIN "
                          "accounts a ON a.id = p.account_id WHERE p.platform_id = '777/3'"),
             std::string("channel777|Canal ancien"));
}

void TestImportTelegram::badMessagesRejectedOrWarned()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const QByteArray content =
        "{\"name\": \"Bad\", \"type\": \"private_supergroup\", \"id\": 900, \"messages\": [\n"
        R"({"id": 1, "type": "message", "date_unixtime": "1677664800", "from": "A", "from_id": "user1", "text": "good"},)"
        "\n"
        R"({"id": 2, "type": "message", "date_unixtime": "1677664800", "from_id": "user1", "text": tru},)"
        "\n"
        R"({"type": "message", "date_unixtime": "1677664800", "from_id": "user1", "text": "no id"},)"
        "\n"
        R"({"id": 4, "type": "sticker_pack", "date_unixtime": "1677664800", "from_id": "user1"},)"
        "\n"
        R"({"id": 5, "type": "message", "date_unixtime": "yesterday", "from_id": "user1", "text": "x"},)"
        "\n"
        R"({"id": 6, "type": "message", "date_unixtime": "1677664806", "from_id": {"user": 1}, "text": "x"},)"
        "\n"
        R"({"id": 7, "type": "message", "date_unixtime": "1677664807", "from": "B", "text": "no author"},)"
        "\n"
        R"({"id": 8, "type": "message", "date_unixtime": "1677664808", "from": 5, "from_id": "user2", "text": 42, "text_entities": "none", "location_information": {"latitude": "46.8", "longitude": -71.2}},)"
        "\n"
        "{\"id\": 9, \"type\": \"message\", \"date_unixtime\": \"1677664809\", \"from_id\": "
        "\"user2\", \"text\": [\"caf\xE9\", 7, {\"type\": \"bold\"}]},\n"
        R"({"id": 10, "type": "message", "date_unixtime": "1677664810", "from_id": "user2", "text": "far", "location_information": {"latitude": 95.0, "longitude": 10.0}},)"
        "\n"
        "7,\n"
        R"({"id": 11, "type": "message", "date": "2023-13-45T99:00:00", "from_id": "user2", "text": "bad date"})"
        "\n]}\n";
    const QString path = writeFile(dir, QStringLiteral("bad.json"), content);
    QCOMPARE(detectFormat(path.toStdString()).value(), std::string("telegram"));
    const auto report = importPath(*store, path);
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->counts.imported, 4);
    QCOMPARE(report->counts.rejected, 8);
    QCOMPARE(report->counts.warnings, 7);
    QCOMPARE(text(*store, "SELECT group_concat(platform_id, ',') FROM (SELECT platform_id FROM "
                          "posts ORDER BY source_line)"),
             std::string("900/1,900/8,900/9,900/10"));

    std::vector<std::string> got;
    for (const ImportIssue &issue : report->firstIssues)
        got.push_back(std::to_string(issue.line) + " " + issue.field + " " + issue.severity);
    const std::vector<std::string> expected = {"3 (record) error",
                                               "4 id error",
                                               "5 type error",
                                               "6 date_unixtime error",
                                               "7 from_id error",
                                               "8 from_id error",
                                               "9 from warning",
                                               "9 text warning",
                                               "9 text_entities warning",
                                               "9 location_information warning",
                                               "10 (record) warning",
                                               "10 text warning",
                                               "11 latitude/longitude warning",
                                               "12 (record) error",
                                               "13 date error"};
    QCOMPARE(got, expected);
    const auto &issues = report->firstIssues;
    QCOMPARE(issues[1].reason, std::string("missing id"));
    QCOMPARE(issues[2].reason,
             std::string("unknown message type 'sticker_pack' (expected message, service or "
                         "unsupported)"));
    QVERIFY(issues[3].reason.find("yesterday") != std::string::npos);
    QCOMPARE(issues[4].reason, std::string("expected an id, found an object"));
    QCOMPARE(issues[5].reason, std::string("missing author id"));
    QVERIFY(issues[14].reason.find("'2023-13-45T99:00:00'") != std::string::npos);
    QCOMPARE(text(*store, "SELECT text FROM posts WHERE platform_id = '900/9'"),
             std::string("caf\xEF\xBF\xBD"));
    QCOMPARE(text(*store, "SELECT text || '|' || coalesce(latitude, 'none') FROM posts WHERE "
                          "platform_id = '900/8'"),
             std::string("|none"));
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE latitude IS NOT NULL"), 0);
}

void TestImportTelegram::chatWithoutIdRejectsItsMessages()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    // The chat's id comes after its messages: they cannot be named, and are not merged with
    // another chat's messages of the same ids.
    const QByteArray content = R"({"name": "X", "type": "personal_chat", "messages": [
{"id": 1, "type": "message", "date_unixtime": "1677664800", "from_id": "user1", "text": "a"}], "id": 5})";
    const auto report = importPath(*store, writeFile(dir, QStringLiteral("noid.json"), content));
    QVERIFY(report.ok());
    QCOMPARE(report->counts.imported, 0);
    QCOMPARE(report->counts.rejected, 1);
    QCOMPARE(report->firstIssues[0].line, 2);
    QCOMPARE(report->firstIssues[0].field, std::string("chat.id"));
}

void TestImportTelegram::truncatedFileKeepsCompleteMessages()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QByteArray bytes = fixture(QStringLiteral("telegram_full_export.json"));
    bytes.chop(bytes.size() - bytes.indexOf("On continue demain")); // inside message 12
    const auto report = importPath(*store, writeFile(dir, QStringLiteral("cut.json"), bytes));
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    QCOMPARE(report->counts.imported, 4);
    QCOMPARE(report->counts.rejected, 1);
    QCOMPARE(report->counts.warnings, 1); // the two service messages before the cut
    const ImportIssue &cut = report->firstIssues[0];
    QCOMPARE(cut.line, 194);
    QCOMPARE(cut.field, std::string("(record)"));
    QCOMPARE(cut.reason, std::string("the file ends inside this record (cut off)"));
    QCOMPARE(text(*store, "SELECT group_concat(platform_id, ',') FROM (SELECT platform_id FROM "
                          "posts ORDER BY source_line)"),
             std::string("1234567890/10,1234567890/11,2233445566/10,2233445566/11"));
}

void TestImportTelegram::notAnExportIsFatal()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    ImportOptions options;
    options.format = "telegram";
    const auto csv =
        importPath(*store, writeFile(dir, QStringLiteral("a.csv"), "id,text\n1,hello\n"), options);
    QVERIFY(!csv.ok());
    QVERIFY2(csv.error().message.find("not valid JSON") != std::string::npos,
             csv.error().message.c_str());
    // Broken between messages: the structure is lost, the import fails and writes nothing.
    const auto broken = importPath(
        *store,
        writeFile(
            dir, QStringLiteral("b.json"),
            R"({"id": 1, "messages": [{"id": 1, "type": "message", "date_unixtime": "1", "from_id": "user1", "text": "a"} {"id": 2}]})"),
        options);
    QVERIFY(!broken.ok());
    QVERIFY2(broken.error().message.find("line 1: not valid JSON") != std::string::npos,
             broken.error().message.c_str());
    // Only contacts, no chats: nothing to import, and said so.
    const auto contacts = importPath(
        *store,
        writeFile(dir, QStringLiteral("c.json"), R"({"about": "x", "contacts": {"list": []}})"),
        options);
    QVERIFY(contacts.ok());
    QCOMPARE(contacts->counts.rejected, 1);
    QCOMPARE(contacts->firstIssues[0].reason,
             std::string("no 'messages' or 'chats.list.messages' or 'left_chats.list.messages' "
                         "array in this document"));
    QCOMPARE(count(*store, "SELECT count(*) FROM posts"), 0);
}

void TestImportTelegram::reimportAddsNothing()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QVERIFY(importPath(*store, dataPath(QStringLiteral("telegram_full_export.json"))).ok());
    const auto again = importPath(*store, dataPath(QStringLiteral("telegram_full_export.json")));
    QVERIFY(again.ok());
    QVERIFY(again->alreadyImported);
    QCOMPARE(again->counts.duplicates, 9);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts"), 9);
    QCOMPARE(count(*store, "SELECT count(*) FROM sources"), 1);
}

void TestImportTelegram::cliRoundTrip()
{
    QTemporaryDir dir;
    const QString casePath = dir.filePath(QStringLiteral("case.chorus"));
    const CliResult result = runCli({QStringLiteral("import"), casePath,
                                     dataPath(QStringLiteral("telegram_full_export.json")),
                                     dataPath(QStringLiteral("telegram_saved_messages.json"))});
    QCOMPARE(result.exitCode, 0);
    for (const char *line :
         {"telegram_full_export.json: telegram: read 9, imported 9, duplicate 0, rejected 0",
          "telegram_full_export.json:243: type: warning: 1 unsupported message skipped",
          "telegram_saved_messages.json: telegram: read 20, imported 20, duplicate 0, rejected 0",
          "telegram_saved_messages.json:5: date: warning: 20 messages without date_unixtime"})
        QVERIFY2(result.out.contains(QString::fromUtf8(line)), qPrintable(result.out));

    const QString posts = dir.filePath(QStringLiteral("posts.json"));
    QCOMPARE(runCli({QStringLiteral("export"), casePath, QStringLiteral("--posts"),
                     QStringLiteral("-o"), posts})
                 .exitCode,
             0);
    QFile file(posts);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray rows = QJsonDocument::fromJson(file.readAll()).array();
    QCOMPARE(rows.size(), 29);
    QJsonObject reply;
    for (const QJsonValue &row : rows)
        if (row[QStringLiteral("post_id")].toString() == QStringLiteral("2233445566/13"))
            reply = row.toObject();
    QCOMPARE(reply[QStringLiteral("platform")].toString(), QStringLiteral("telegram"));
    QCOMPARE(reply[QStringLiteral("kind")].toString(), QStringLiteral("reply"));
    QCOMPARE(reply[QStringLiteral("reply_to")].toString(), QStringLiteral("1234567890/11"));
    QCOMPARE(reply[QStringLiteral("account_id")].toString(), QStringLiteral("user1202"));
    QCOMPARE(reply[QStringLiteral("text")].toString(), QStringLiteral("Voir le canal"));
    QCOMPARE(reply[QStringLiteral("created_at")].toString(),
             QStringLiteral("2023-03-01T11:01:00Z"));
    QCOMPARE(reply[QStringLiteral("source_line")].toInt(), 210);
}

QTEST_GUILESS_MAIN(TestImportTelegram)
#include "tst_import_telegram.moc"
