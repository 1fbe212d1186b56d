// The reader of wrapped JSON exports (Telegram, Bluesky captures, saved API pages) on its own:
// which elements it hands over, with what context, and how it treats broken input.
#include "import/JsonArrayStream.h"

#include <QBuffer>
#include <QJsonArray>
#include <QTest>

#include <string>
#include <vector>

using namespace chorus;

namespace {

struct Problem
{
    bool rejected;
    std::int64_t line;
    std::string field;
    std::string reason;
};

class CollectingSink final : public RecordSink
{
public:
    void post(PostRecord &&) override {}
    void account(AccountRecord &&) override {}
    void reject(std::int64_t line, std::string_view field, std::string_view reason,
                std::string_view) override
    {
        problems.push_back({true, line, std::string(field), std::string(reason)});
    }
    void warn(std::int64_t line, std::string_view field, std::string_view reason,
              std::string_view) override
    {
        problems.push_back({false, line, std::string(field), std::string(reason)});
    }
    std::vector<Problem> problems;
};

struct NoProgress final : ProgressSink
{
    void progress(std::int64_t, std::int64_t) override {}
};

struct Seen
{
    std::string path;
    QString id;
    QString contextName;
    std::int64_t line;
};

struct Outcome
{
    Status status;
    std::vector<Seen> seen;
    std::vector<Problem> problems;
};

Outcome readAll(const QByteArray &bytes, const std::vector<std::string> &paths)
{
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    CollectingSink sink;
    NoProgress progress;
    Outcome outcome;
    outcome.status =
        readJsonArraysAt(buffer, paths, sink, progress, [&](const JsonArrayElement &element) {
            const JsonValue id = element.object.value("id");
            const QString idText = id.isString() ? QString::fromStdString(id.toStdString())
                                                 : QString::fromStdString(id.json());
            outcome.seen.push_back(
                {element.path, idText,
                 QString::fromStdString(element.context.value("name").toStdString()),
                 element.line});
        });
    outcome.problems = sink.problems;
    return outcome;
}

} // namespace

class TestJsonArrayStream : public QObject
{
    Q_OBJECT
private slots:
    void singleChatWithContext();
    void fullExportWalksEveryChat();
    void pagesOneAfterAnother();
    void topLevelArrayOfDocuments();
    void brokenElementRejectedOthersKept();
    void cutOffInsideAnElementKeepsTheRest();
    void cutOffBetweenElementsIsAWarning();
    void badUtf8Repaired();
    void notJsonIsAnError();
    void hugeContextMemberLeftOut();
    void emptyPathTakesJsonLinesOfRecords();
    void documentWithoutTheArraysRejected();
    void escapesAcrossChunksAndRawLineBreaks();
};

void TestJsonArrayStream::singleChatWithContext()
{
    const QByteArray json = R"({
 "name": "Chat \"one\"", "type": "public_channel", "id": 7,
 "skip": {"messages": [{"id": 99}]},
 "messages": [
  {"id": 1, "text": ["a", {"type": "bold", "text": "]}"}]},
  {"id": 2, "text": "b \\\" ] }"}
 ]
})";
    const Outcome outcome = readAll(json, {"messages"});
    QVERIFY(outcome.status.ok());
    QCOMPARE(outcome.seen.size(), size_t(2));
    QCOMPARE(outcome.seen[0].id, QStringLiteral("1"));
    QCOMPARE(outcome.seen[0].contextName, QStringLiteral("Chat \"one\""));
    QCOMPARE(outcome.seen[0].line, 5);
    QCOMPARE(outcome.seen[1].id, QStringLiteral("2"));
    QCOMPARE(outcome.seen[1].line, 6);
    QVERIFY(outcome.problems.empty());
}

void TestJsonArrayStream::fullExportWalksEveryChat()
{
    const QByteArray json = R"({"about": "x", "chats": {"about": "y", "list": [
      {"name": "A", "messages": [{"id": 1}, {"id": 2}]},
      {"name": "B", "messages": []},
      {"name": "C", "messages": [{"id": 3}]}
    ]}, "left_chats": {"list": [{"name": "D", "messages": [{"id": 4}]}]}})";
    const Outcome outcome = readAll(json, {"chats.list.messages", "left_chats.list.messages"});
    QVERIFY(outcome.status.ok());
    QCOMPARE(outcome.seen.size(), size_t(4));
    QCOMPARE(outcome.seen[2].contextName, QStringLiteral("C"));
    QCOMPARE(outcome.seen[3].contextName, QStringLiteral("D"));
    QCOMPARE(outcome.seen[3].path, std::string("left_chats.list.messages"));
}

void TestJsonArrayStream::pagesOneAfterAnother()
{
    const QByteArray json = "{\"items\": [{\"id\": \"a\"}], \"nextPageToken\": \"t\"}\n"
                            "{\"items\": [{\"id\": \"b\"}, {\"id\": \"c\"}]}\n";
    const Outcome outcome = readAll(json, {"items"});
    QVERIFY(outcome.status.ok());
    QCOMPARE(outcome.seen.size(), size_t(3));
    QCOMPARE(outcome.seen[2].id, QStringLiteral("c"));
    QCOMPARE(outcome.seen[2].line, 2);
}

void TestJsonArrayStream::topLevelArrayOfDocuments()
{
    const Outcome outcome =
        readAll(R"([{"items": [{"id": 1}]}, {"items": [{"id": 2}]}, 5, [6]])", {"items"});
    QVERIFY(outcome.status.ok());
    QCOMPARE(outcome.seen.size(), size_t(2));
    const Outcome records = readAll(R"([{"id": 1}, {"id": 2}])", {""});
    QCOMPARE(records.seen.size(), size_t(2));
}

void TestJsonArrayStream::brokenElementRejectedOthersKept()
{
    const QByteArray json = "{\"messages\": [\n{\"id\": 1},\n{\"id\": 2, \"text\": tru},\n"
                            "7,\n{\"id\": 3}\n]}";
    const Outcome outcome = readAll(json, {"messages"});
    QVERIFY(outcome.status.ok());
    QCOMPARE(outcome.seen.size(), size_t(2));
    QCOMPARE(outcome.seen[1].id, QStringLiteral("3"));
    QCOMPARE(outcome.problems.size(), size_t(2));
    QVERIFY(outcome.problems[0].rejected);
    QCOMPARE(outcome.problems[0].line, 3);
    QCOMPARE(outcome.problems[1].line, 4);
    QCOMPARE(outcome.problems[1].reason, std::string("expected a JSON object"));
}

void TestJsonArrayStream::cutOffInsideAnElementKeepsTheRest()
{
    const QByteArray json = "{\"messages\": [\n{\"id\": 1},\n{\"id\": 2},\n{\"id\": 3, \"te";
    const Outcome outcome = readAll(json, {"messages"});
    QVERIFY(outcome.status.ok());
    QCOMPARE(outcome.seen.size(), size_t(2));
    QCOMPARE(outcome.problems.size(), size_t(1));
    QVERIFY(outcome.problems[0].rejected);
    QCOMPARE(outcome.problems[0].line, 4);
    QCOMPARE(outcome.problems[0].reason, std::string("the file ends inside this record (cut off)"));
}

void TestJsonArrayStream::cutOffBetweenElementsIsAWarning()
{
    const Outcome outcome = readAll("{\"messages\": [{\"id\": 1}, {\"id\": 2}", {"messages"});
    QVERIFY(outcome.status.ok());
    QCOMPARE(outcome.seen.size(), size_t(2));
    QCOMPARE(outcome.problems.size(), size_t(1));
    QVERIFY(!outcome.problems[0].rejected);
    QCOMPARE(outcome.problems[0].field, std::string("(file)"));
}

void TestJsonArrayStream::badUtf8Repaired()
{
    const Outcome outcome = readAll("{\"messages\": [{\"id\": \"x\xff\"}]}", {"messages"});
    QVERIFY(outcome.status.ok());
    QCOMPARE(outcome.seen.size(), size_t(1));
    QCOMPARE(outcome.seen[0].id, QStringLiteral("x\uFFFD"));
    QCOMPARE(outcome.problems.size(), size_t(1));
    QVERIFY(!outcome.problems[0].rejected);
}

void TestJsonArrayStream::notJsonIsAnError()
{
    QVERIFY(!readAll("id,text\n1,hello\n", {"messages"}).status.ok());
    QVERIFY(!readAll("", {"messages"}).status.ok());
    const Outcome broken = readAll("{\"messages\": [{\"id\": 1}] \"x\": 2}", {"messages"});
    QVERIFY(!broken.status.ok());
    QVERIFY2(broken.status.error().message.find("line 1") != std::string::npos,
             broken.status.error().message.c_str());
    QCOMPARE(broken.seen.size(), size_t(1));
}

void TestJsonArrayStream::hugeContextMemberLeftOut()
{
    QByteArray json = "{\"name\": \"";
    json += QByteArray(2 << 20, 'a');
    json += "\", \"id\": 5, \"messages\": [{\"id\": 1}]}";
    const Outcome outcome = readAll(json, {"messages"});
    QVERIFY(outcome.status.ok());
    QCOMPARE(outcome.seen.size(), size_t(1));
    QCOMPARE(outcome.seen[0].contextName, QString());
}

void TestJsonArrayStream::emptyPathTakesJsonLinesOfRecords()
{
    // A collector's flattened output: one record per line, no wrapper.
    const Outcome lines = readAll("{\"id\": 1, \"items\": [{\"id\": 9}]}\n\n{\"id\": 2}\n", {""});
    QVERIFY(lines.status.ok());
    QCOMPARE(lines.seen.size(), size_t(2));
    QCOMPARE(lines.seen[0].id, QStringLiteral("1"));
    QCOMPARE(lines.seen[1].id, QStringLiteral("2"));
    QCOMPARE(lines.seen[1].line, 3);
    QCOMPARE(lines.seen[1].path, std::string());
    QVERIFY(lines.problems.empty());
    const Outcome cut = readAll("{\"id\": 1}\n{\"id\": 2, \"te", {""});
    QCOMPARE(cut.seen.size(), size_t(1));
    QCOMPARE(cut.problems.size(), size_t(1));
    QVERIFY(cut.problems[0].rejected);
    QCOMPARE(cut.problems[0].line, 2);
}

void TestJsonArrayStream::documentWithoutTheArraysRejected()
{
    // A bare record among pages would otherwise be walked, found empty and lost silently.
    const QByteArray json = "{\"items\": [{\"id\": \"a\"}]}\n"
                            "{\"id\": \"b\", \"snippet\": {\"items\": [{\"id\": \"c\"}]}}\n"
                            "{\"items\": []}\n";
    const Outcome outcome = readAll(json, {"items"});
    QVERIFY(outcome.status.ok());
    QCOMPARE(outcome.seen.size(), size_t(1));
    QCOMPARE(outcome.problems.size(), size_t(1));
    QVERIFY(outcome.problems[0].rejected);
    QCOMPARE(outcome.problems[0].line, 2);
    QCOMPARE(outcome.problems[0].field, std::string("(record)"));
    QCOMPARE(outcome.problems[0].reason, std::string("no 'items' array in this document"));
    const Outcome array =
        readAll(R"([{"items": [{"id": 1}]}, {"other": 1}])", {"items", "x.items"});
    QCOMPARE(array.seen.size(), size_t(1));
    QCOMPARE(array.problems.size(), size_t(1));
    QCOMPARE(array.problems[0].reason,
             std::string("no 'items' or 'x.items' array in this document"));
}

void TestJsonArrayStream::escapesAcrossChunksAndRawLineBreaks()
{
    // The reader takes 1 MiB chunks: the backslash of an escaped quote is the first chunk's
    // last byte, and the string goes on in the next one.
    QByteArray json = "{\"messages\": [{\"id\": 1, \"text\": \"";
    json += QByteArray((1 << 20) - json.size() - 1, 'a');
    QCOMPARE(json.size(), (1 << 20) - 1);
    json += "\\\"}\", \"more\": \"x\\\\\"},\n";
    // A raw line break inside a string (not JSON, but Qt's parser takes it) is a line.
    json += "{\"id\": 2, \"text\": \"raw\nbreak\"},\n{\"id\": 3}\n]}";
    QByteArray copy = json;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    CollectingSink sink;
    NoProgress progress;
    // An element is valid only during the call: what is checked is copied out.
    struct Element
    {
        std::string text, more;
        std::optional<std::int64_t> id;
    };
    std::vector<Element> seen;
    std::vector<std::int64_t> lines;
    const Status status = readJsonArraysAt(
        buffer, {"messages"}, sink, progress, [&](const JsonArrayElement &element) {
            seen.push_back({element.object.value("text").toStdString(),
                            element.object.value("more").toStdString(),
                            element.object.value("id").toInteger()});
            lines.push_back(element.line);
        });
    QVERIFY(status.ok());
    QCOMPARE(seen.size(), size_t(3));
    const std::string &text = seen[0].text;
    QCOMPARE(text.size(), size_t((1 << 20) - 34 + 2));
    QVERIFY(text.ends_with("a\"}"));
    QCOMPARE(seen[0].more, std::string("x\\"));
    QCOMPARE(seen[1].text, std::string("raw\nbreak"));
    QCOMPARE(seen[2].id, std::optional<std::int64_t>(3));
    QCOMPARE(lines, (std::vector<std::int64_t>{1, 2, 4}));
    QVERIFY(sink.problems.empty());
}

QTEST_GUILESS_MAIN(TestJsonArrayStream)
#include "tst_json_array_stream.moc"
