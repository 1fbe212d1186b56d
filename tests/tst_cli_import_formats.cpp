#include "TestSupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace chorus;
using namespace chorus::test;

// chorus-cli import with the twarc2, twarc-csv, x-v1 and generic csv formats.
class TestCliImportFormats : public QObject
{
    Q_OBJECT
private slots:
    void genericCsvWithMaps();
    void formatCsvWithoutMapsFails();
    void mapWithoutFormatCsvIsUsageError();
    void detectsEachFormatInOneRun();
    void helpListsFormatsAndRoles();
};

void TestCliImportFormats::genericCsvWithMaps()
{
    QTemporaryDir dir;
    const QString casePath = dir.filePath(QStringLiteral("case.chorus"));
    const CliResult result = runCli(
        {QStringLiteral("import"), casePath, dataPath(QStringLiteral("generic_posts.csv")),
         QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--map"),
         QStringLiteral("author=user"), QStringLiteral("--map"), QStringLiteral("time=when")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QStringLiteral(
                 "generic_posts.csv: csv: read 8, imported 6, duplicate 0, rejected 2")),
             qPrintable(result.out));
    QVERIFY(result.out.contains(
        QStringLiteral("generic_posts.csv:8: when: unrecognised timestamp 'next tuesday'")));
    QVERIFY(result.out.contains(QStringLiteral("generic_posts.csv:9: user: missing author")));

    const CliResult info = runCli({QStringLiteral("info"), casePath, QStringLiteral("--json")});
    QCOMPARE(info.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(info.out.toUtf8()).object();
    QCOMPARE(root.value(QStringLiteral("posts")).toInteger(), 6);
    QCOMPARE(root.value(QStringLiteral("accounts")).toInteger(), 4);
    QCOMPARE(root.value(QStringLiteral("issues")).toInteger(), 2);
}

void TestCliImportFormats::formatCsvWithoutMapsFails()
{
    QTemporaryDir dir;
    const QString casePath = dir.filePath(QStringLiteral("case.chorus"));
    const CliResult result =
        runCli({QStringLiteral("import"), casePath, dataPath(QStringLiteral("generic_posts.csv")),
                QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(
        result.err.contains(QStringLiteral(
            "generic_posts.csv: the csv format needs the role 'author': add --map author=COLUMN")),
        qPrintable(result.err));
    QVERIFY(result.err.contains(
        QStringLiteral("the file's columns are: post, user, screen_name, when")));
    QVERIFY(!QFile::exists(casePath));
}

void TestCliImportFormats::mapWithoutFormatCsvIsUsageError()
{
    QTemporaryDir dir;
    const QString casePath = dir.filePath(QStringLiteral("case.chorus"));
    const CliResult result =
        runCli({QStringLiteral("import"), casePath, dataPath(QStringLiteral("generic_posts.csv")),
                QStringLiteral("--map"), QStringLiteral("author=user")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QStringLiteral("--format csv")), qPrintable(result.err));
    QVERIFY(!QFile::exists(casePath));
}

void TestCliImportFormats::detectsEachFormatInOneRun()
{
    QTemporaryDir dir;
    const QString casePath = dir.filePath(QStringLiteral("case.chorus"));
    const CliResult result = runCli(
        {QStringLiteral("import"), casePath, dataPath(QStringLiteral("twarc2_pages.jsonl")),
         dataPath(QStringLiteral("twarc2_flat.jsonl")), dataPath(QStringLiteral("twarc_csv.csv")),
         dataPath(QStringLiteral("x_v1_tweets.jsonl"))});
    QCOMPARE(result.exitCode, 0);
    for (const char *line :
         {"twarc2_pages.jsonl: twarc2: read 6 (and 1 context posts), imported 7, duplicate 0, "
          "rejected 0",
          "twarc2_flat.jsonl: twarc2: read 3 (and 1 context posts), imported 3, duplicate 1, "
          "rejected 0",
          "twarc_csv.csv: twarc-csv: read 7, imported 6, duplicate 0, rejected 1",
          "x_v1_tweets.jsonl: x-v1: read 4 (and 2 context posts), imported 5, duplicate 1, "
          "rejected 0"})
        QVERIFY2(result.out.contains(QString::fromUtf8(line)), qPrintable(result.out));
}

void TestCliImportFormats::helpListsFormatsAndRoles()
{
    const CliResult help = runCli({QStringLiteral("import"), QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    const QString text = help.out.simplified();
    QVERIFY2(text.contains(QStringLiteral(
                 "(x-io, coortweet, twarc-csv, twarc2, x-v1, telegram, youtube, bluesky, "
                 "mastodon, reddit, 4cat, crowdtangle, csv)")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Roles: author, time, text, post_id")));
}

QTEST_GUILESS_MAIN(TestCliImportFormats)
#include "tst_cli_import_formats.moc"
