#include "PostCollection.h"
#include "TestSupport.h"

#include "clustering/CampaignLinker.h"

#include <cmath>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace chorus;
using namespace chorus::test;

// Campaigns end to end: a collection imported through the importer, then `chorus-cli
// analyze`, `campaigns --json` and `clusters --json`. 60 burst-created accounts flood
// replies in English and in French (two clusters, the same accounts: one campaign); 400
// ordinary accounts post two organic greetings, each posted by 40 of them picked at random,
// so the two greeting clusters share a few accounts by chance (not a campaign).
namespace {

constexpr std::int64_t Start = 1729000000;

void plant(PostCollection &c)
{
    Lcg random(7);
    const char *const Suffix[] = {"", "!", "!!", " #cdnpoli", " 😡", " ..."};
    for (int i = 0; i < 60; ++i) {
        const std::string account = "flood" + std::to_string(i);
        c.account(account, {"flood" + std::to_string(48213000 + i), Start - 86400 * 3});
        c.post({account,
                Start + std::int64_t(random.next(7200)),
                "",
                "t1",
                {},
                {},
                std::string("@mp MP Jane Doe took money from foreign interests and lied to "
                            "Canadians about it") +
                    Suffix[random.next(6)],
                "en"});
        c.post({account,
                Start + std::int64_t(random.next(7200)),
                "",
                "t2",
                {},
                {},
                std::string("@mp La députée Jane Doe a reçu de l'argent d'intérêts étrangers et "
                            "a menti aux Canadiens") +
                    Suffix[random.next(6)],
                "fr"});
    }
    const char *const Greetings[] = {
        "Good morning everyone, wishing you all a peaceful and happy Sunday",
        "Happy Friday friends, have a wonderful weekend with your families"};
    for (const char *greeting : Greetings)
        for (int k = 0; k < 40; ++k)
            c.post({"person" + std::to_string(random.next(400)),
                    Start + std::int64_t(random.next(86400)),
                    "",
                    "",
                    {},
                    {},
                    greeting,
                    "en"});
    // Everyone else says something of their own, so the case has 400 ordinary accounts.
    const char *const Words[] = {"garden", "bus",    "coffee", "match", "rain",  "library",
                                 "bakery", "bridge", "school", "piano", "river", "market"};
    for (int i = 0; i < 400; ++i) {
        std::string text = "Today";
        for (int w = 0; w < 8; ++w)
            text += std::string(" ") + Words[random.next(12)] + std::to_string(random.next(1000));
        PostCollection::Post post;
        post.account = "person" + std::to_string(i);
        post.time = Start + std::int64_t(random.next(86400));
        post.text = text;
        post.language = "en";
        c.post(post);
    }
}

} // namespace

class TestCampaigns : public QObject
{
    Q_OBJECT
private slots:
    void bilingualFloodIsOneCampaignGreetingsAreNot();
    void campaignsAreNumberedByTheirBestCluster();
    void chanceOfSharingIsTheHypergeometricTail();
    void usageErrors();
};

void TestCampaigns::bilingualFloodIsOneCampaignGreetingsAreNot()
{
    QTemporaryDir dir;
    const QString casePath = dir.filePath(QStringLiteral("case.chorus"));
    {
        auto store = makeCase(dir);
        PostCollection c;
        plant(c);
        c.importInto(*store, dir);
    }
    QVERIFY(runCli({"campaigns", casePath}).exitCode == 1); // no clustering run yet
    const CliResult analyzed = runCli({"analyze", casePath});
    QVERIFY2(analyzed.exitCode == 0, qPrintable(analyzed.err));

    const CliResult r = runCli({"campaigns", casePath, "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonArray campaigns = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(campaigns.size(), 1);
    const QJsonObject flood = campaigns.first().toObject();
    QCOMPARE(flood.value("id").toInt(), 1);
    QCOMPARE(flood.value("clusters").toArray().size(), 2);
    QCOMPARE(flood.value("accounts").toInt(), 60);
    QCOMPARE(flood.value("posts").toInt(), 120);
    QCOMPARE(flood.value("languages").toObject().value("en").toInt(), 60);
    QCOMPARE(flood.value("languages").toObject().value("fr").toInt(), 60);
    QVERIFY(flood.value("score").toDouble() > 0);
    const QJsonArray links = flood.value("links").toArray();
    QCOMPARE(links.size(), 1);
    QCOMPARE(links.first().toObject().value("shared_accounts").toInt(), 60);
    QCOMPARE(links.first().toObject().value("overlap").toDouble(), 1.0);

    // clusters --json names each cluster's campaign: the flood's two, and null for the
    // greetings.
    const CliResult clusters = runCli({"clusters", casePath, "--json"});
    QVERIFY2(clusters.exitCode == 0, qPrintable(clusters.err));
    int inCampaign = 0, outside = 0;
    for (const QJsonValue &value : QJsonDocument::fromJson(clusters.out.toUtf8()).array()) {
        const QJsonObject cluster = value.toObject();
        QVERIFY(cluster.contains("campaign"));
        if (cluster.value("campaign").isNull()) {
            ++outside;
            const QString text = cluster.value("text").toString();
            QVERIFY2(text.contains("Good morning") || text.contains("Happy Friday"),
                     qPrintable(text));
        } else {
            ++inCampaign;
            QCOMPARE(cluster.value("campaign").toInt(), 1);
        }
    }
    QCOMPARE(inCampaign, 2);
    QCOMPARE(outside, 2);

    const CliResult text = runCli({"campaigns", casePath});
    QVERIFY(text.out.contains("share 60 of 60 accounts"));

    // The network exports carry each account's campaigns for Gephi.
    const QString graphml = dir.filePath(QStringLiteral("net.graphml"));
    const CliResult network = runCli({"network", casePath, "--type", "co-text", "--window", "600",
                                      "--min-weight", "1", "-o", graphml});
    QVERIFY2(network.exitCode == 0, qPrintable(network.err));
    QFile file(graphml);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray xml = file.readAll();
    QVERIFY(xml.contains("attr.name=\"campaigns\""));
    QVERIFY(xml.contains("<data key=\"node_campaigns\">1</data>"));
}

// Two groups of accounts, each posting two texts of its own: two campaigns, the one that
// holds the best cluster first.
void TestCampaigns::campaignsAreNumberedByTheirBestCluster()
{
    QTemporaryDir dir;
    const QString casePath = dir.filePath(QStringLiteral("two.chorus"));
    {
        auto store = makeCase(dir, QStringLiteral("two.chorus"));
        PostCollection c;
        const char *const Texts[] = {
            "Stop the pipeline before it poisons every river in the north, sign today",
            "The pipeline company paid for this report, do not believe a single word",
            "Our mayor has been hiding the real cost of the new stadium from everyone",
            "Ask the mayor where the stadium money went before the next election"};
        for (int group = 0; group < 2; ++group)
            for (int i = 0; i < (group == 0 ? 12 : 25); ++i)
                for (int t = 0; t < 2; ++t) {
                    PostCollection::Post post;
                    post.account = "g" + std::to_string(group) + "_" + std::to_string(i);
                    post.time = Start + 600 * group + 7 * i + 3 * t;
                    post.text = Texts[2 * group + t];
                    post.language = "en";
                    c.post(post);
                }
        c.importInto(*store, dir);
    }
    QCOMPARE(runCli({"analyze", casePath}).exitCode, 0);
    const CliResult r = runCli({"campaigns", casePath, "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonArray campaigns = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(campaigns.size(), 2);
    auto best = [&](int index) {
        int lowest = 1000;
        for (const QJsonValue &number : campaigns.at(index).toObject().value("clusters").toArray())
            lowest = std::min(lowest, number.toInt());
        return lowest;
    };
    QCOMPARE(best(0), 1);
    QVERIFY(best(1) > best(0));
    QCOMPARE(campaigns.at(0).toObject().value("id").toInt(), 1);
    QCOMPARE(campaigns.at(1).toObject().value("id").toInt(), 2);
    QCOMPARE(campaigns.at(0).toObject().value("accounts").toInt() +
                 campaigns.at(1).toObject().value("accounts").toInt(),
             37);
}

void TestCampaigns::chanceOfSharingIsTheHypergeometricTail()
{
    // Two sets of 5 from 10 share all 5 with probability 1 / C(10, 5) = 1/252.
    QVERIFY(std::abs(chanceOfSharing(5, 5, 5, 10) - 1.0 / 252) < 1e-12);
    // At least 4: (C(5,4) C(5,1) + 1) / 252 = 26/252.
    QVERIFY(std::abs(chanceOfSharing(4, 5, 5, 10) - 26.0 / 252) < 1e-12);
    QCOMPARE(chanceOfSharing(0, 5, 5, 10), 1.0);
    QCOMPARE(chanceOfSharing(6, 5, 5, 10), 0.0);
    QCOMPARE(chanceOfSharing(2, 8, 8, 10), 1.0); // two sets of 8 from 10 always share 6
    // 60 of 60 accounts shared among 460: far beyond chance; 4 of 40 among 400: ordinary.
    QVERIFY(chanceOfSharing(60, 60, 60, 460) < 1e-60);
    QVERIFY(chanceOfSharing(4, 40, 40, 400) > 0.3);
}

void TestCampaigns::usageErrors()
{
    QCOMPARE(runCli({"campaigns"}).exitCode, 2);
    QCOMPARE(runCli({"campaigns", "a.chorus", "b.chorus"}).exitCode, 2);
    QTemporaryDir dir;
    QCOMPARE(runCli({"campaigns", dir.filePath("missing.chorus")}).exitCode, 1);
}

QTEST_GUILESS_MAIN(TestCampaigns)
#include "tst_campaigns.moc"
