#include "PostCollection.h"
#include "TestSupport.h"

#include "network/NetworkTypes.h"
#include "query/GraphQueries.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTest>
#include <QXmlStreamReader>

using namespace chorus;
using namespace chorus::test;

// chorus-cli graph on a case built through the importer and the analyses: four accounts
// repost the same posts within seconds and post the same sentence (a ring, one community),
// two more share two posts (a pair). The drawing must hold one disc per account, the labels
// as text (an HTML-looking handle kept literally), and work with no display.
namespace {

const std::string Hostile = "<b>ring&one</b>";

struct Drawing
{
    int circles = 0;
    QStringList texts;
    QString error;
};

Drawing readSvg(const QString &path)
{
    QFile file(path);
    Drawing d;
    if (!file.open(QIODevice::ReadOnly)) {
        d.error = QStringLiteral("cannot read");
        return d;
    }
    QXmlStreamReader reader(&file);
    bool inText = false;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == QLatin1String("circle"))
            ++d.circles;
        if (reader.isStartElement() && reader.name() == QLatin1String("text")) {
            inText = true;
            d.texts << QString();
        }
        if (reader.isEndElement() && reader.name() == QLatin1String("text"))
            inText = false;
        if (inText && reader.isCharacters())
            d.texts.last() += reader.text();
    }
    if (reader.hasError())
        d.error = reader.errorString();
    return d;
}

} // namespace

class TestCliGraph : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void networkAsSvgHasOneDiscPerAccountAndItsLabels();
    void clusterCoTextNetwork();
    void pdfIsSearchableAndPngHasTheWidth();
    void egoKcoreAndTypeFilters();
    void usageErrors();

private:
    QTemporaryDir m_dir;
    QString m_case;
};

void TestCliGraph::initTestCase()
{
    m_case = m_dir.filePath(QStringLiteral("case.chorus"));
    auto store = makeCase(m_dir);
    PostCollection c;
    const std::vector<std::string> ring = {"r1", "r2", "r3", "r4"};
    for (std::size_t i = 0; i < ring.size(); ++i) {
        c.account(ring[i], {i == 0 ? Hostile : ring[i] + "_handle", std::nullopt});
        for (int object = 0; object < 3; ++object)
            c.repost(ring[i], 1000 * object + std::int64_t(i), "ring" + std::to_string(object));
        PostCollection::Post post;
        post.account = ring[i];
        post.time = 9000 + std::int64_t(i) * 5;
        post.text = "Just got back from the rally and I am still buzzing from the energy";
        c.post(post);
    }
    // Someone who posted the same words two hours later: in the cluster, linked to nobody.
    PostCollection::Post late;
    late.account = "late";
    late.time = 9000 + 7200;
    late.text = "Just got back from the rally and I am still buzzing from the energy";
    c.post(late);
    for (int object = 0; object < 2; ++object) {
        c.repost("q1", 50000 + 1000 * object, "pair" + std::to_string(object));
        c.repost("q2", 50003 + 1000 * object, "pair" + std::to_string(object));
    }
    c.importInto(*store, m_dir);
    store.reset();
    QCOMPARE(runCli({"analyze", m_case}).exitCode, 0);
    const CliResult network = runCli({"network", m_case, "--type", "co-repost,co-text"});
    QVERIFY2(network.exitCode == 0, qPrintable(network.err));
}

void TestCliGraph::networkAsSvgHasOneDiscPerAccountAndItsLabels()
{
    const QString svg = m_dir.filePath(QStringLiteral("net.svg"));
    const CliResult r = runCli({"graph", m_case, "-o", svg});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("6 accounts, 7 links"));
    const Drawing d = readSvg(svg);
    QVERIFY2(d.error.isEmpty(), qPrintable(d.error));
    QCOMPARE(d.circles, 6 + 2); // the accounts, and the legend's two communities
    QVERIFY(d.texts.contains(QString::fromStdString(Hostile)));
    for (const char *handle : {"r2_handle", "r3_handle", "r4_handle", "q1", "q2"})
        QVERIFY2(d.texts.contains(QString::fromLatin1(handle)), handle);
    QVERIFY(d.texts.contains("Coordination network"));
    // --labels 0: discs, no account labels.
    QCOMPARE(runCli({"graph", m_case, "-o", svg, "--labels", "0"}).exitCode, 0);
    QVERIFY(!readSvg(svg).texts.contains("r2_handle"));
    // Coloured by signals fired: the legend says so.
    QCOMPARE(runCli({"graph", m_case, "-o", svg, "--colour", "signals"}).exitCode, 0);
    QVERIFY(readSvg(svg).texts.contains("Signals fired"));
    QCOMPARE(runCli({"graph", m_case, "-o", svg, "--colour", "shoe size"}).exitCode, 2);
    // One community only.
    QCOMPARE(runCli({"graph", m_case, "-o", svg, "--community", "1"}).exitCode, 0);
    QCOMPARE(readSvg(svg).circles, 2 + 1);
}

void TestCliGraph::clusterCoTextNetwork()
{
    const QString svg = m_dir.filePath(QStringLiteral("cluster.svg"));
    const CliResult r = runCli({"graph", m_case, "-o", svg, "--cluster", "1"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("Co-text network of cluster #1: 4 accounts, 6 links"),
             qPrintable(r.out));
    QVERIFY2(r.out.contains("1 account with no such link not drawn"), qPrintable(r.out));
    const Drawing d = readSvg(svg);
    QCOMPARE(d.circles, 4 + 1);
    QVERIFY(!d.texts.contains("late"));
    QCOMPARE(runCli({"graph", m_case, "-o", svg, "--cluster", "9"}).exitCode, 1);
}

void TestCliGraph::pdfIsSearchableAndPngHasTheWidth()
{
    const QString pdf = m_dir.filePath(QStringLiteral("net.pdf"));
    QCOMPARE(runCli({"graph", m_case, "-o", pdf}).exitCode, 0);
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    QVERIFY(text.waitForFinished(30000));
    const QString words = QString::fromUtf8(text.readAllStandardOutput());
    QVERIFY2(words.contains("r3_handle") && words.contains(QString::fromStdString(Hostile)),
             qPrintable(words));
    const QString png = m_dir.filePath(QStringLiteral("net.png"));
    QCOMPARE(runCli({"graph", m_case, "-o", png, "--width", "900"}).exitCode, 0);
    const QImage image(png);
    QCOMPARE(image.width(), 900);
    QCOMPARE(image.height(), 600);
}

// The panel's filters, on the scene it is given.
void TestCliGraph::egoKcoreAndTypeFilters()
{
    auto store = CaseStore::open(m_case.toStdString());
    QVERIFY(store.ok());
    NullProgress progress;
    const GraphQueries queries(*store.value());
    auto accountOf = [&](const std::string &handle) {
        const auto scene = queries.scene({}, progress);
        for (const GraphSceneNode &n : scene->nodes)
            if (n.label == handle)
                return n.accountId;
        return std::int64_t(0);
    };
    GraphSceneOptions ego;
    ego.egoAccount = accountOf("r2_handle");
    QVERIFY(ego.egoAccount != 0);
    QCOMPARE(queries.scene(ego, progress)->nodes.size(), std::size_t(4)); // the ring
    ego.egoAccount = accountOf("q1");
    const auto pair = queries.scene(ego, progress);
    QCOMPARE(pair->nodes.size(), std::size_t(2));
    QCOMPARE(pair->edges.size(), std::size_t(1));
    GraphSceneOptions core;
    core.minKcore = 3; // each ring account has three ring partners; the pair has one
    QCOMPARE(queries.scene(core, progress)->nodes.size(), std::size_t(4));
    GraphSceneOptions text;
    text.types = std::uint8_t(CoActionType::CoText);
    const auto cotext = queries.scene(text, progress);
    QCOMPARE(cotext->nodes.size(), std::size_t(4));
    for (const GraphSceneEdge &e : cotext->edges)
        QVERIFY(e.types & std::uint8_t(CoActionType::CoText));
}

void TestCliGraph::usageErrors()
{
    QCOMPARE(runCli({"graph", m_case}).exitCode, 2);                                // no -o
    QCOMPARE(runCli({"graph", m_case, "-o", m_dir.filePath("x.jpg")}).exitCode, 2); // ending
    QCOMPARE(runCli({"graph", m_case, "-o", m_dir.filePath("x.svg"), "--width", "5"}).exitCode, 2);
    QCOMPARE(runCli({"graph", m_case, "-o", m_dir.filePath("x.svg"), "--type", "co-x"}).exitCode,
             2);
    QCOMPARE(runCli({"graph", m_case, "-o", "/nonexistent-dir/x.svg"}).exitCode, 1);
    QVERIFY(!QFile::exists("/nonexistent-dir/x.svg"));
}

QTEST_GUILESS_MAIN(TestCliGraph)
#include "tst_cli_graph.moc"
