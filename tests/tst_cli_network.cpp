#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QXmlStreamReader>

using namespace chorus;
using namespace chorus::test;

class TestCliNetwork : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void coRepostCsvOfTheRealSample();
    void graphMlAndGexfOpen();
    void accountsListsSignals();
    void edgeListsEvidence();
    void smallMemoryBudgetGivesTheSameEdges();
    void usageErrors();

private:
    QTemporaryDir m_dir;
    QString m_case;
};

void TestCliNetwork::initTestCase()
{
    m_case = m_dir.filePath(QStringLiteral("sample.chorus"));
    const CliResult r =
        runCli({"import", m_case, dataPath("russian_coord_tweets.csv"), "--format", "coortweet"});
    QCOMPARE(r.exitCode, 0);
}

void TestCliNetwork::coRepostCsvOfTheRealSample()
{
    const QString csv = m_dir.filePath(QStringLiteral("edges.csv"));
    const CliResult r = runCli({"network", m_case, "--type", "co-repost", "--window", "10",
                                "--min-weight", "1", "-o", csv});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("Edges:        1092\n"));
    QVERIFY(r.out.contains("Suggested window: "));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.first(), QByteArray("source,target,weight,actions,mean_gap,types"));
    QCOMPARE(lines.size(), 1 + 1092 + 1);                // header, edges, final newline
    QCOMPARE(lines.at(1).split(',').first().size(), 32); // hashed account ids
    const CliResult two = runCli({"network", m_case, "--type", "co-repost", "--window", "10"});
    QVERIFY(two.out.contains("Edges:        2\n"));
}

void TestCliNetwork::graphMlAndGexfOpen()
{
    for (const char *name : {"net.graphml", "net.gexf"}) {
        const QString path = m_dir.filePath(QString::fromLatin1(name));
        const CliResult r = runCli({"network", m_case, "--type", "co-repost", "--window", "10",
                                    "--min-weight", "1", "-o", path});
        QCOMPARE(r.exitCode, 0);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader reader(&file);
        int nodes = 0, edges = 0;
        while (!reader.atEnd()) {
            reader.readNext();
            if (reader.isStartElement() && reader.name() == QLatin1String("node"))
                ++nodes;
            if (reader.isStartElement() && reader.name() == QLatin1String("edge"))
                ++edges;
        }
        QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
        QCOMPARE(edges, 1092);
        QCOMPARE(nodes, 1525);
    }
}

void TestCliNetwork::accountsListsSignals()
{
    QVERIFY(
        runCli({"network", m_case, "--type", "co-repost", "--window", "10", "--min-weight", "1"})
            .exitCode == 0);
    const CliResult r = runCli({"accounts", m_case, "--top", "5", "--json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray accounts =
        QJsonDocument::fromJson(r.out.toUtf8()).object().value("accounts").toArray();
    QCOMPARE(accounts.size(), 5);
    const QJsonObject first = accounts.first().toObject();
    QVERIFY(first.value("in_network").toBool());
    QVERIFY(!first.value("signals").toArray().isEmpty());
    QVERIFY(!first.value("signals")
                 .toArray()
                 .first()
                 .toObject()
                 .value("explanation")
                 .toString()
                 .isEmpty());
    const CliResult text = runCli({"accounts", m_case, "--top", "2"});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains("repost_share: "));
}

void TestCliNetwork::edgeListsEvidence()
{
    // The two pairs that co-reposted more than one object within 10 s.
    QVERIFY(runCli({"network", m_case, "--type", "co-repost", "--window", "10"}).exitCode == 0);
    const QString csv = m_dir.filePath(QStringLiteral("strong.csv"));
    QVERIFY(
        runCli({"network", m_case, "--type", "co-repost", "--window", "10", "-o", csv}).exitCode ==
        0);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    int total = 0;
    for (int i = 1; i < 3; ++i) {
        const QList<QByteArray> cells = lines.at(i).split(',');
        const CliResult r = runCli({"edge", m_case, cells.at(0), cells.at(1), "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray evidence =
            QJsonDocument::fromJson(r.out.toUtf8()).object().value("evidence").toArray();
        // One piece of evidence per co-action; at least one per shared object.
        QCOMPARE(evidence.size(), cells.at(3).toInt());
        QVERIFY(evidence.size() >= cells.at(2).toInt());
        QVERIFY(evidence.first().toObject().value("post_a").toString().endsWith(
            evidence.first().toObject().value("object").toString()));
        total += cells.at(2).toInt();
    }
    QCOMPARE(total, 5); // weights 2 and 3
    QCOMPARE(runCli({"edge", m_case, "nobody", "nobody-else"}).exitCode, 1);
    QCOMPARE(runCli({"edge", m_case, "only-one"}).exitCode, 2);
}

void TestCliNetwork::smallMemoryBudgetGivesTheSameEdges()
{
    // 1 MiB: the pair table gets 256 KiB (8,192 slots) for 59,037 co-actions, so the pairs are
    // counted in several passes.
    QByteArray edges[2];
    const QStringList budgets[2] = {{}, {"--memory-budget", "1"}};
    for (int i = 0; i < 2; ++i) {
        const QString csv = m_dir.filePath(QStringLiteral("budget%1.csv").arg(i));
        const CliResult r =
            runCli(QStringList{"network", m_case, "--type", "co-repost", "--window", "600",
                               "--min-weight", "2", "--no-layout", "-o", csv} +
                   budgets[i]);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(i == 0 ? "Pair passes:  1\n" : "Pair passes:  "),
                 qPrintable(r.out));
        if (i == 1)
            QVERIFY2(!r.out.contains("Pair passes:  1\n"), qPrintable(r.out));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        edges[i] = file.readAll();
    }
    QCOMPARE(edges[0].count('\n'), 1 + 998);
    QCOMPARE(edges[1], edges[0]);
}

void TestCliNetwork::usageErrors()
{
    QCOMPARE(runCli({"network", m_case, "--memory-budget", "0"}).exitCode, 2);
    QCOMPARE(runCli({"network", m_case, "--memory-budget", "lots"}).exitCode, 2);
    QCOMPARE(runCli({"network"}).exitCode, 2);
    QCOMPARE(runCli({"network", m_case, "--type", "co-nothing"}).exitCode, 2);
    QCOMPARE(runCli({"network", m_case, "--window", "soon"}).exitCode, 2);
    QCOMPARE(runCli({"network", m_case, "--min-weight", "0"}).exitCode, 2);
    QCOMPARE(runCli({"network", m_case, "-o", m_dir.filePath("x.pdf")}).exitCode, 2);
    QCOMPARE(runCli({"accounts", m_case, "--top", "none"}).exitCode, 2);
    QCOMPARE(runCli({"network", m_dir.filePath("missing.chorus")}).exitCode, 1);
    QTemporaryDir empty;
    const QString fresh = empty.filePath("fresh.chorus");
    QCOMPARE(runCli({"import", fresh, dataPath("russian_coord_tweets.csv")}).exitCode, 0);
    const CliResult none = runCli({"accounts", fresh});
    QCOMPARE(none.exitCode, 1);
    QVERIFY(none.err.contains("no network run"));
}

QTEST_GUILESS_MAIN(TestCliNetwork)
#include "tst_cli_network.moc"
