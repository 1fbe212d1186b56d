#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace chorus;
using namespace chorus::test;

class TestCliClusters : public QObject
{
    Q_OBJECT
private slots:
    void analyzeThenClustersJson();
    void readableTable();
    void usageErrors();
    void clustersWithoutRunFails();
    void analyzeStopsOverItsMemoryBudget();

private:
    QString importedCase(const QTemporaryDir &dir)
    {
        const QString path = dir.filePath("case.chorus");
        const CliResult imported = runCli({"import", path, dataPath("near_duplicates_xio.csv")});
        if (imported.exitCode != 0)
            qFatal("import failed");
        return path;
    }
};

void TestCliClusters::analyzeThenClustersJson()
{
    QTemporaryDir dir;
    const QString path = importedCase(dir);
    const CliResult analyzed = runCli({"analyze", path, "--json"});
    QCOMPARE(analyzed.exitCode, 0);
    const QJsonObject run = QJsonDocument::fromJson(analyzed.out.toUtf8()).object();
    QCOMPARE(run.value("run").toInteger(), 1);
    QCOMPARE(run.value("clusters").toInteger(), 2);
    QCOMPARE(run.value("clustered_posts").toInteger(), 9);
    QCOMPARE(run.value("input_posts").toInteger(), 14);

    const CliResult listed = runCli({"clusters", path, "--json", "--members"});
    QCOMPARE(listed.exitCode, 0);
    const QJsonArray clusters = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    QCOMPARE(clusters.size(), 2);
    const QJsonObject first = clusters.at(0).toObject();
    QCOMPARE(first.keys(), (QStringList{"accounts", "campaign", "first", "geography", "id", "last",
                                        "members", "score", "size", "text"}));
    QCOMPARE(first.value("id").toInt(), 1);
    QCOMPARE(first.value("size").toInt(), 6);
    QCOMPARE(first.value("accounts").toInt(), 5);
    QCOMPARE(first.value("first").toString(), QString("2019-06-01T18:00:00Z"));
    QCOMPARE(first.value("last").toString(), QString("2019-06-01T18:05:00Z"));
    QVERIFY(first.value("text").toString().contains("Kirkland Lake"));
    QCOMPARE(first.value("members").toArray(),
             (QJsonArray{"2001", "2002", "2003", "2004", "2005", "2006"}));
    const QJsonObject second = clusters.at(1).toObject();
    QVERIFY(second.value("score").toDouble() < first.value("score").toDouble());
    QCOMPARE(second.value("members").toArray(), (QJsonArray{"2101", "2102", "2103"}));

    // Without --members no member lists; --top limits.
    const CliResult top = runCli({"clusters", path, "--json", "--top", "1"});
    const QJsonArray topOnly = QJsonDocument::fromJson(top.out.toUtf8()).array();
    QCOMPARE(topOnly.size(), 1);
    QVERIFY(!topOnly.at(0).toObject().contains("members"));

    // Reposts join only when asked; the new run becomes the latest.
    QCOMPARE(runCli({"analyze", path, "--include-reposts"}).exitCode, 0);
    const CliResult latest = runCli({"clusters", path, "--json"});
    QCOMPARE(QJsonDocument::fromJson(latest.out.toUtf8()).array().size(), 3);
    const CliResult older = runCli({"clusters", path, "--json", "--run", "1"});
    QCOMPARE(QJsonDocument::fromJson(older.out.toUtf8()).array().size(), 2);
}

void TestCliClusters::readableTable()
{
    QTemporaryDir dir;
    const QString path = importedCase(dir);
    const CliResult analyzed =
        runCli({"analyze", path, "--threshold", "0.6", "--shingle", "4", "--min-cluster", "4"});
    QCOMPARE(analyzed.exitCode, 0);
    QVERIFY2(analyzed.out.contains("Run 1: 1 clusters holding 6 of 14 posts"),
             qPrintable(analyzed.out));
    const CliResult table = runCli({"clusters", path, "--members"});
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.contains("score = size 2.58 + account spread 2.50 + burstiness 2.00"));
    QVERIFY(table.out.contains("Just got back from the rally in Kirkland Lake"));
    QVERIFY(table.out.contains("2006"));
}

void TestCliClusters::usageErrors()
{
    QCOMPARE(runCli({"analyze"}).exitCode, 2);
    QCOMPARE(runCli({"analyze", "c.chorus", "--threshold", "1.5"}).exitCode, 2);
    QCOMPARE(runCli({"analyze", "c.chorus", "--threshold", "abc"}).exitCode, 2);
    QCOMPARE(runCli({"analyze", "c.chorus", "--min-cluster", "1"}).exitCode, 2);
    QCOMPARE(runCli({"clusters", "c.chorus", "--top", "0"}).exitCode, 2);
    QCOMPARE(runCli({"analyze", "missing.chorus"}).exitCode, 1);
}

void TestCliClusters::clustersWithoutRunFails()
{
    QTemporaryDir dir;
    const QString path = importedCase(dir);
    const CliResult result = runCli({"clusters", path});
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.err.contains("no clustering run"));
}

void TestCliClusters::analyzeStopsOverItsMemoryBudget()
{
    QTemporaryDir dir;
    const QString path = importedCase(dir);
    auto runs = [&path] {
        auto store = CaseStore::open(path.toStdString());
        return store ? count(*store.value(), "SELECT count(*) FROM analysis_runs") : -1;
    };
    // 1 MiB is less than any run needs: it stops before it starts, saying what it needs.
    const CliResult small = runCli({"analyze", path, "--memory-budget", "1"});
    QCOMPARE(small.exitCode, 1);
    QVERIFY2(small.err.contains("needs about") && small.err.contains("budget of 1 MB") &&
                 small.err.contains("nothing was changed"),
             qPrintable(small.err));
    QCOMPARE(runs(), 0);
    // The environment sets the budget of every command; an option overrides it.
    qputenv("CHORUS_MEMORY_BUDGET", "1");
    const CliResult fromEnvironment = runCli({"analyze", path});
    const CliResult overridden = runCli({"analyze", path, "--memory-budget", "4096"});
    qunsetenv("CHORUS_MEMORY_BUDGET");
    QCOMPARE(fromEnvironment.exitCode, 1);
    QCOMPARE(overridden.exitCode, 0);
    QCOMPARE(runs(), 1);
    QCOMPARE(runCli({"analyze", path, "--memory-budget", "-5"}).exitCode, 2);
    QCOMPARE(runCli({"analyze", path, "--memory-budget", "0.5"}).exitCode, 2);
    QCOMPARE(runCli({"analyze", path, "--memory-budget", "1e30"}).exitCode, 2);
    // A negative or malformed variable is no budget: half the RAM, enough here. A budget too
    // large to count in bytes is no limit, not a wrapped-around small one.
    for (const char *value : {"-1", "lots", "17592186044416"}) {
        qputenv("CHORUS_MEMORY_BUDGET", value);
        const CliResult run = runCli({"analyze", path});
        qunsetenv("CHORUS_MEMORY_BUDGET");
        QVERIFY2(run.exitCode == 0, qPrintable(QString::fromLatin1(value) + ": " + run.err));
    }
    QCOMPARE(runCli({"analyze", path, "--memory-budget", "17592186044416"}).exitCode, 0);
}

QTEST_GUILESS_MAIN(TestCliClusters)
#include "tst_cli_clusters.moc"
