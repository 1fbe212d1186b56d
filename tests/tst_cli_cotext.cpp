#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace chorus;
using namespace chorus::test;

// Co-text end to end, as a user gets there: a CSV collection imported with `chorus-cli
// import`, clustered with `analyze`, linked with `network --type co-text`. The collection
// holds a copy-paste campaign (100 accounts, 300 near-identical posts inside one hour), an
// organic duplicate (40 ordinary accounts posting the same greeting once each, spread over a
// day) and 200 ordinary posts with texts of their own.
namespace {

constexpr qint64 Start = 1729000000; // 2024-10-15T13:46:40Z
constexpr int CampaignAccounts = 100;
constexpr int OrganicAccounts = 40;

QByteArray campaignText(Lcg &random)
{
    static const char *const Places[] = {"Hearst", "Kirkland Lake", "Timmins"};
    static const char *const Endings[] = {"!", "!!", "! 🔥", "! #Rally", " 🇨🇦", "!!!"};
    QByteArray text = "Just got back from the rally in ";
    text += Places[random.next(3)];
    text += " and I'm still buzzing from the energy";
    text += Endings[random.next(6)];
    if (random.next(4) == 0)
        text.replace("buzzing", "buzing"); // a typo, as copy-pasters make
    return text;
}

QByteArray row(const QByteArray &id, const QByteArray &author, qint64 time, const QByteArray &text)
{
    QByteArray quoted = text;
    quoted.replace('"', "\"\"");
    return id + ',' + author + ',' + QByteArray::number(time) + ",\"" + quoted + "\"\n";
}

QByteArray collection()
{
    Lcg random(20241015);
    QByteArray csv = "id,user,when,message\n";
    int post = 0;
    for (int i = 0; i < 3 * CampaignAccounts; ++i) {
        const QByteArray author = "camp" + QByteArray::number(i % CampaignAccounts);
        csv += row("c" + QByteArray::number(++post), author, Start + qint64(random.next(3600)),
                   campaignText(random));
    }
    for (int i = 0; i < OrganicAccounts; ++i)
        csv += row("o" + QByteArray::number(++post), "organic" + QByteArray::number(i),
                   Start + qint64(random.next(86400)),
                   "Good morning everyone, wishing you all a peaceful and happy Sunday");
    static const char *const Words[] = {"garden",  "bus",    "coffee", "match",  "rain",
                                        "library", "bakery", "bridge", "school", "concert"};
    for (int i = 0; i < 200; ++i) {
        QByteArray text = "Today I thought about the ";
        for (int w = 0; w < 6; ++w)
            text += QByteArray(Words[random.next(10)]) + ' ' +
                    QByteArray::number(random.next(1000)) + ' ';
        csv += row("n" + QByteArray::number(++post), "person" + QByteArray::number(i),
                   Start + qint64(random.next(86400)), text);
    }
    return csv;
}

QList<QList<QByteArray>> csvRows(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QList<QList<QByteArray>> rows;
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i)
        rows.append(lines.at(i).split(','));
    return rows;
}

} // namespace

class TestCliCoText : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void campaignAccountsAreLinkedByCoText();
    void organicDuplicatesSpreadOverADayGiveFewEdges();
    void topClusterFiresForTheCampaignAccounts();

private:
    QTemporaryDir m_dir;
    QString m_case;
    QList<QList<QByteArray>> m_edges; // source,target,weight,actions,mean_gap,types
};

void TestCliCoText::initTestCase()
{
    m_case = m_dir.filePath(QStringLiteral("rally.chorus"));
    const QString file = writeFile(m_dir, QStringLiteral("posts.csv"), collection());
    const CliResult imported =
        runCli({"import", m_case, file, "--format", "csv", "--map", "author=user", "--map",
                "time=when", "--map", "text=message", "--map", "post_id=id"});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    const CliResult analyzed = runCli({"analyze", m_case});
    QVERIFY2(analyzed.exitCode == 0, qPrintable(analyzed.err));
    const CliResult clusters = runCli({"clusters", m_case, "--json"});
    QVERIFY2(clusters.exitCode == 0, qPrintable(clusters.err));
    const QJsonArray list = QJsonDocument::fromJson(clusters.out.toUtf8()).array();
    QVERIFY(!list.isEmpty());
    QCOMPARE(list.first().toObject().value("size").toInt(), 3 * CampaignAccounts);

    const QString edges = m_dir.filePath(QStringLiteral("cotext.csv"));
    const CliResult network = runCli({"network", m_case, "--type", "co-text", "--window", "60",
                                      "--min-weight", "1", "-o", edges});
    QVERIFY2(network.exitCode == 0, qPrintable(network.err));
    QVERIFY2(!network.out.contains("co-text 0"), qPrintable(network.out));
    m_edges = csvRows(edges);
}

void TestCliCoText::campaignAccountsAreLinkedByCoText()
{
    QSet<QByteArray> linked;
    int campaignEdges = 0;
    for (const QList<QByteArray> &edge : m_edges) {
        QCOMPARE(edge.at(5), QByteArray("co-text"));
        if (edge.at(0).startsWith("camp") && edge.at(1).startsWith("camp")) {
            ++campaignEdges;
            linked.insert(edge.at(0));
            linked.insert(edge.at(1));
        }
        // Campaign and organic accounts never share a cluster.
        QCOMPARE(edge.at(0).startsWith("camp"), edge.at(1).startsWith("camp"));
    }
    // 300 posts in an hour put about ten others within a minute of each post.
    QVERIFY2(campaignEdges > 500, qPrintable(QString::number(campaignEdges)));
    QCOMPARE(linked.size(), CampaignAccounts);
}

void TestCliCoText::organicDuplicatesSpreadOverADayGiveFewEdges()
{
    int organicEdges = 0;
    for (const QList<QByteArray> &edge : m_edges)
        if (edge.at(0).startsWith("organic"))
            ++organicEdges;
    // 40 posts over a day: about 0.6 pairs fall within a minute by chance.
    QVERIFY2(organicEdges <= 5, qPrintable(QString::number(organicEdges)));
}

void TestCliCoText::topClusterFiresForTheCampaignAccounts()
{
    const CliResult r = runCli({"accounts", m_case, "--top", "1000", "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    int campaignFired = 0, ordinaryFired = 0;
    const QJsonArray accounts =
        QJsonDocument::fromJson(r.out.toUtf8()).object().value("accounts").toArray();
    for (const QJsonValue &value : accounts) {
        const QJsonObject account = value.toObject();
        bool fired = false;
        for (const QJsonValue &signal : account.value("signals").toArray())
            fired = fired || signal.toObject().value("signal").toString() == "top_cluster";
        const QString id = account.value("platform_id").toString();
        if (fired && id.startsWith("camp"))
            ++campaignFired;
        if (fired && id.startsWith("person"))
            ++ordinaryFired;
    }
    QCOMPARE(campaignFired, CampaignAccounts);
    QCOMPARE(ordinaryFired, 0); // their texts are their own
}

QTEST_GUILESS_MAIN(TestCliCoText)
#include "tst_cli_cotext.moc"
