#include "PostCollection.h"
#include "TestSupport.h"

#include "report/ExportText.h"
#include "report/NetworkExport.h"

#include <QFile>
#include <QTest>
#include <QXmlStreamReader>

using namespace chorus;
using namespace chorus::test;

namespace {

const std::string Hostile = "<script>&\"'\x01";

NetworkExportData hostileData()
{
    NetworkExportData data;
    NetworkNode a;
    a.accountId = 1;
    a.platformId = "=cmd|' /C calc'!A0";
    a.handle = Hostile;
    a.community = 0;
    a.degree = 1;
    a.weightedDegree = 3;
    a.x = 1.5;
    a.y = -2;
    a.firedSignals = {"generated_handle", "posting_rate"};
    NetworkNode b;
    b.accountId = 2;
    b.platformId = "plain,id";
    b.handle = "bob";
    b.community = 1;
    data.nodes = {a, b};
    data.edges = {{1, 2, a.platformId, b.platformId, 3, 4, 2.5, "co-repost,co-link"}};
    return data;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// Parses the whole document; returns the attribute/element text values seen.
QStringList parse(const QByteArray &xml, QString *error)
{
    QXmlStreamReader reader(xml);
    QStringList values;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement())
            for (const QXmlStreamAttribute &attribute : reader.attributes())
                values << attribute.value().toString();
        if (reader.isCharacters() && !reader.isWhitespace())
            values << reader.text().toString();
    }
    if (reader.hasError())
        *error = reader.errorString();
    return values;
}

} // namespace

class TestNetworkExport : public QObject
{
    Q_OBJECT
private slots:
    void csvHasHeaderAndGuardsFormulas();
    void graphMlIsWellFormedAndEscaped();
    void gexfIsWellFormedAndEscaped();
    void fileTypeByEnding();
    void hostileAccountsThroughThePipeline();
    void csvCells_data();
    void csvCells();
};

void TestNetworkExport::csvHasHeaderAndGuardsFormulas()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("edges.csv"));
    QVERIFY(writeEdgeCsv(hostileData(), path.toStdString()).ok());
    QCOMPARE(readAll(path),
             QByteArray("source,target,weight,actions,mean_gap,types\n"
                        "'=cmd|' /C calc'!A0,\"plain,id\",3,4,2.500,\"co-repost,co-link\"\n"));
}

void TestNetworkExport::graphMlIsWellFormedAndEscaped()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("net.graphml"));
    QVERIFY(writeGraphMl(hostileData(), path.toStdString()).ok());
    const QByteArray xml = readAll(path);
    QString error;
    const QStringList values = parse(xml, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(values.contains(
        QStringLiteral("<script>&\"'"))); // round-trips as text, control char dropped
    QVERIFY(!xml.contains("<script>"));
    QVERIFY(xml.contains("&lt;script&gt;&amp;"));
    QVERIFY(values.contains(QStringLiteral("generated_handle;posting_rate")));
    QVERIFY(values.contains(QStringLiteral("co-repost,co-link")));
    QVERIFY(xml.contains("attr.name=\"community\""));
    QVERIFY(xml.contains("<edge source=\"a1\" target=\"a2\">"));
}

void TestNetworkExport::gexfIsWellFormedAndEscaped()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("net.gexf"));
    QVERIFY(writeGexf(hostileData(), path.toStdString()).ok());
    const QByteArray xml = readAll(path);
    QString error;
    const QStringList values = parse(xml, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(values.contains(QStringLiteral("<script>&\"'")));
    QVERIFY(!xml.contains("<script>"));
    QVERIFY(xml.contains("xmlns=\"http://gexf.net/1.3\""));
    QVERIFY(xml.contains("<viz:position x=\"1.5\" y=\"-2\" z=\"0\"/>"));
    QVERIFY(xml.contains("weight=\"3\""));
}

void TestNetworkExport::fileTypeByEnding()
{
    QVERIFY(isNetworkFileName("a.CSV"));
    QVERIFY(isNetworkFileName("a.graphml"));
    QVERIFY(isNetworkFileName("a.gexf"));
    QVERIFY(!isNetworkFileName("a.xml"));
    QTemporaryDir dir;
    QVERIFY(
        !writeNetworkFile(hostileData(), dir.filePath(QStringLiteral("a.txt")).toStdString()).ok());
    QVERIFY(!writeNetworkFile(hostileData(), "/nonexistent-dir/a.csv").ok());
}

// The same hostile account, but imported from a file and linked by the network analysis:
// the files chorus-cli writes keep its handle as text, guard its id against formulas, and
// every edge joins two nodes of the file.
void TestNetworkExport::hostileAccountsThroughThePipeline()
{
    QTemporaryDir dir;
    const QString casePath = dir.filePath(QStringLiteral("hostile.chorus"));
    {
        auto store = makeCase(dir, QStringLiteral("hostile.chorus"));
        PostCollection c;
        c.account("=cmd|' /C calc'!A0", {"<script>&\"'", std::nullopt});
        for (int object = 0; object < 2; ++object) {
            c.repost("=cmd|' /C calc'!A0", 100 * object, "post" + std::to_string(object));
            c.repost("plain,id", 100 * object + 5, "post" + std::to_string(object));
        }
        c.importInto(*store, dir);
    }
    for (const char *name : {"net.graphml", "net.gexf", "net.csv"}) {
        const QString path = dir.filePath(QString::fromLatin1(name));
        const CliResult r = runCli({"network", casePath, "--type", "co-repost", "-o", path});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QByteArray bytes = readAll(path);
        if (path.endsWith(QStringLiteral(".csv"))) {
            QCOMPARE(bytes.split('\n').at(1).left(22), QByteArray("'=cmd|' /C calc'!A0,\"p"));
            continue;
        }
        QString error;
        const QStringList values = parse(bytes, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(values.contains(QStringLiteral("<script>&\"'")));
        QVERIFY(!bytes.contains("<script>"));
        // Every edge endpoint is a node of the file.
        QXmlStreamReader reader(bytes);
        QStringList nodes, endpoints;
        while (!reader.atEnd()) {
            reader.readNext();
            if (reader.isStartElement() && reader.name() == QLatin1String("node"))
                nodes << reader.attributes().value(QLatin1String("id")).toString();
            if (reader.isStartElement() && reader.name() == QLatin1String("edge"))
                endpoints << reader.attributes().value(QLatin1String("source")).toString()
                          << reader.attributes().value(QLatin1String("target")).toString();
        }
        QCOMPARE(nodes.size(), 2);
        QCOMPARE(endpoints.size(), 2);
        for (const QString &endpoint : endpoints)
            QVERIFY2(nodes.contains(endpoint), qPrintable(endpoint));
    }
}

void TestNetworkExport::csvCells_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("expected");
    QTest::newRow("formula") << "=cmd"
                             << "'=cmd";
    QTest::newRow("plus") << "+1"
                          << "'+1";
    QTest::newRow("minus") << "-1"
                           << "'-1";
    QTest::newRow("at") << "@SUM(A1)"
                        << "'@SUM(A1)";
    QTest::newRow("tab") << "\tx"
                         << "'\tx";
    QTest::newRow("carriage return") << "\rx"
                                     << "\"'\rx\"";
    QTest::newRow("quote doubled") << "a\"b"
                                   << "\"a\"\"b\"";
    QTest::newRow("plain") << "abc"
                           << "abc";
}

void TestNetworkExport::csvCells()
{
    QFETCH(QString, cell);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(csvCell(cell.toStdString())), expected);
}

QTEST_GUILESS_MAIN(TestNetworkExport)
#include "tst_network_export.moc"
