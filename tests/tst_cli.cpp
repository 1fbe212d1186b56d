#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace chorus;
using namespace chorus::test;

class TestCli : public QObject
{
    Q_OBJECT
private slots:
    void versionAndHelp();
    void usageErrorsExitTwo();
    void importThenInfoJson();
    void failedFirstImportLeavesNoCase();
    void strictFailureExitsOne();
    void textIndexLeftForLater();
};

void TestCli::versionAndHelp()
{
    const CliResult version = runCli({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith(QStringLiteral("chorus-cli ")));
    const CliResult help = runCli({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QStringLiteral("import CASE FILE")));
}

void TestCli::usageErrorsExitTwo()
{
    QCOMPARE(runCli({}).exitCode, 2);
    QCOMPARE(runCli({QStringLiteral("frobnicate")}).exitCode, 2);
    QCOMPARE(runCli({QStringLiteral("import"), QStringLiteral("only-a-case.chorus")}).exitCode, 2);
    QCOMPARE(runCli({QStringLiteral("import"), QStringLiteral("--map"), QStringLiteral("broken"),
                     QStringLiteral("c.chorus"), QStringLiteral("f.csv")})
                 .exitCode,
             2);
}

void TestCli::importThenInfoJson()
{
    QTemporaryDir dir;
    const QString casePath = dir.filePath(QStringLiteral("case.chorus"));
    const CliResult imported =
        runCli({QStringLiteral("import"), casePath, dataPath(QStringLiteral("x_io_tweets.csv"))});
    QCOMPARE(imported.exitCode, 0);
    QVERIFY2(imported.out.contains(QStringLiteral(
                 "x_io_tweets.csv: x-io: read 8, imported 7, duplicate 0, rejected 1")),
             qPrintable(imported.out));
    QVERIFY(imported.out.contains(
        QStringLiteral("x_io_tweets.csv:9: tweet_time: unrecognised timestamp")));

    const CliResult again =
        runCli({QStringLiteral("import"), casePath, dataPath(QStringLiteral("x_io_tweets.csv"))});
    QCOMPARE(again.exitCode, 0);
    QVERIFY(again.out.contains(QStringLiteral("already imported: nothing added")));

    const CliResult info = runCli({QStringLiteral("info"), casePath, QStringLiteral("--json")});
    QCOMPARE(info.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(info.out.toUtf8()).object();
    QCOMPARE(root.value(QStringLiteral("posts")).toInteger(), 7);
    QCOMPARE(root.value(QStringLiteral("accounts")).toInteger(), 3);
    QCOMPARE(root.value(QStringLiteral("issues")).toInteger(), 1);
    const QJsonArray sources = root.value(QStringLiteral("sources")).toArray();
    QCOMPARE(sources.size(), 1);
    const QJsonObject source = sources.first().toObject();
    QCOMPARE(source.value(QStringLiteral("file")).toString(), QStringLiteral("x_io_tweets.csv"));
    QCOMPARE(source.value(QStringLiteral("format")).toString(), QStringLiteral("x-io"));
    QCOMPARE(source.value(QStringLiteral("sha256")).toString(),
             QString::fromLatin1(fileHash(dataPath(QStringLiteral("x_io_tweets.csv")))));
    QCOMPARE(source.value(QStringLiteral("read")).toInteger(), 8);
    QCOMPARE(source.value(QStringLiteral("imported")).toInteger(), 7);
    QCOMPARE(source.value(QStringLiteral("duplicates")).toInteger(), 0);
    QCOMPARE(source.value(QStringLiteral("rejected")).toInteger(), 1);
}

void TestCli::failedFirstImportLeavesNoCase()
{
    QTemporaryDir dir;
    const QString casePath = dir.filePath(QStringLiteral("new.chorus"));
    const QString bad = writeFile(dir, QStringLiteral("bad.json"), "{\"data\": [");
    const CliResult result = runCli({QStringLiteral("import"), casePath, bad});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("bad.json")), qPrintable(result.err));
    QCOMPARE(result.err.trimmed().count(QLatin1Char('\n')), 0); // one line
    QVERIFY(!QFile::exists(casePath));
}

void TestCli::strictFailureExitsOne()
{
    QTemporaryDir dir;
    const QString casePath = dir.filePath(QStringLiteral("case.chorus"));
    const CliResult result = runCli({QStringLiteral("import"), casePath, QStringLiteral("--strict"),
                                     dataPath(QStringLiteral("x_io_tweets.csv"))});
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.err.contains(QStringLiteral("strict import: nothing was imported")));
}

void TestCli::textIndexLeftForLater()
{
    QTemporaryDir dir;
    const QString casePath = dir.filePath(QStringLiteral("case.chorus"));
    const auto pendingPosts = [&] {
        const CliResult info = runCli({QStringLiteral("info"), casePath, QStringLiteral("--json")});
        return QJsonDocument::fromJson(info.out.toUtf8())
            .object()
            .value(QStringLiteral("text_index_pending"))
            .toInteger(-1);
    };
    QCOMPARE(
        runCli({QStringLiteral("import"), casePath, dataPath(QStringLiteral("x_io_tweets.csv"))})
            .exitCode,
        0);
    QCOMPARE(pendingPosts(), 7);
    QVERIFY(runCli({QStringLiteral("info"), casePath})
                .out.contains(QStringLiteral("Text search index: 7 posts not indexed yet")));

    const CliResult indexed = runCli({QStringLiteral("index"), casePath});
    QCOMPARE(indexed.exitCode, 0);
    QVERIFY2(indexed.out.contains(QStringLiteral("text search index: 7 posts indexed")),
             qPrintable(indexed.out));
    QCOMPARE(pendingPosts(), 0);

    const CliResult withIndex = runCli({QStringLiteral("import"), QStringLiteral("--index-text"),
                                        casePath, dataPath(QStringLiteral("twarc2_pages.jsonl"))});
    QCOMPARE(withIndex.exitCode, 0);
    QVERIFY2(withIndex.out.contains(QStringLiteral("posts indexed")), qPrintable(withIndex.out));
    QCOMPARE(pendingPosts(), 0);
    QCOMPARE(
        runCli({QStringLiteral("index"), dir.filePath(QStringLiteral("absent.chorus"))}).exitCode,
        1);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
