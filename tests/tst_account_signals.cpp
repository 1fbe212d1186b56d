#include "PostCollection.h"
#include "TestSupport.h"

#include "clustering/TextClusterAnalysis.h"
#include "signals/AccountFactsLoader.h"
#include "signals/AccountSignals.h"

#include <QTest>

using namespace chorus;
using namespace chorus::test;

namespace {

constexpr std::int64_t Day = 86400;
constexpr std::int64_t Start = 1600128000; // 2020-09-15

// An ordinary account: created on its own day, one post an hour for a day, no reposts.
AccountFacts ordinary(std::int64_t id)
{
    AccountFacts a;
    a.id = id;
    a.platformId = "u" + std::to_string(id);
    a.handle = "person_" + std::to_string(id % 97);
    a.displayName = "Person " + std::to_string(id);
    a.bio = "Bio number " + std::to_string(id) + " about gardening";
    a.hasCreatedAt = true;
    a.createdAt = Start - Day * (3 * id + 400);
    a.posts = 24;
    a.firstPostAt = Start;
    a.lastPostAt = Start + 23 * 3600;
    a.hours.fill(1);
    return a;
}

const SignalResult &find(const std::vector<SignalResult> &all, const std::string &name)
{
    for (const SignalResult &s : all)
        if (s.signal == name)
            return s;
    qFatal("no signal %s", name.c_str());
}

bool contains(const std::string &text, const char *part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

class TestAccountSignals : public QObject
{
    Q_OBJECT
private slots:
    void ordinaryAccountsFireNothing();
    void creationBurst();
    void generatedHandles_data();
    void generatedHandles();
    void sharedNamesAndBios();
    void commonNamesRaiseTheBar();
    void postingRateAndRepostShare();
    void hourProfile();
    void clustersAndCommunities();
    void factsLoadedFromTheCase();
};

void TestAccountSignals::ordinaryAccountsFireNothing()
{
    std::vector<AccountFacts> accounts;
    for (int i = 1; i <= 50; ++i)
        accounts.push_back(ordinary(i));
    const AccountSignals evaluator(accounts);
    for (const AccountFacts &a : accounts)
        QVERIFY2(evaluator.fired(a).empty(),
                 evaluator.fired(a).empty() ? "" : evaluator.fired(a)[0].explanation.c_str());
    QCOMPARE(evaluator.evaluate(accounts[0]).size(), AccountSignals::signalNames().size());
}

void TestAccountSignals::creationBurst()
{
    std::vector<AccountFacts> accounts;
    for (int i = 1; i <= 40; ++i)
        accounts.push_back(ordinary(i));
    for (int i = 0; i < 12; ++i) {
        AccountFacts a = ordinary(100 + i);
        a.createdAt = Start - 10 * Day + i * 600; // 12 on 2020-09-05
        accounts.push_back(a);
    }
    const AccountSignals evaluator(accounts);
    const SignalResult burst = find(evaluator.evaluate(accounts.back()), "creation_burst_day");
    QVERIFY(burst.fired);
    QCOMPARE(burst.value, 12.0);
    QCOMPARE(burst.threshold, 10.0);
    QCOMPARE(burst.explanation,
             std::string(
                 "created 2020-09-05 with 11 other accounts; the median day with creations has 1.0 "
                 "(threshold 10.0)"));
    QVERIFY(!find(evaluator.evaluate(accounts.front()), "creation_burst_day").fired);
    QVERIFY(!find(evaluator.evaluate(accounts.back()), "creation_burst_week").fired); // 12 < 20
}

void TestAccountSignals::generatedHandles_data()
{
    QTest::addColumn<QString>("handle");
    QTest::addColumn<bool>("fired");
    QTest::addColumn<double>("value");
    QTest::newRow("name plus eight digits") << "anna84736251" << true << 8.0;
    QTest::newRow("random consonants") << "xkcdqzvb" << true << 8.0;
    QTest::newRow("ordinary name") << "john_smith" << false << 0.0;
    QTest::newRow("birth year") << "mary1990" << false << 4.0;
    QTest::newRow("digits only") << "12345678" << false << 8.0;
    QTest::newRow("Schwarzkopf") << "Schwarzkopf" << false << 0.0;
}

void TestAccountSignals::generatedHandles()
{
    QFETCH(QString, handle);
    QFETCH(bool, fired);
    QFETCH(double, value);
    AccountFacts a = ordinary(1);
    a.handle = handle.toStdString();
    const SignalResult s = find(AccountSignals({a}).evaluate(a), "generated_handle");
    QCOMPARE(s.fired, fired);
    QCOMPARE(s.value, value);
    QVERIFY(contains(s.explanation, a.handle.c_str()));
}

void TestAccountSignals::sharedNamesAndBios()
{
    std::vector<AccountFacts> accounts;
    for (int i = 1; i <= 10; ++i)
        accounts.push_back(ordinary(i));
    for (int i = 0; i < 3; ++i)
        accounts[std::size_t(i)].displayName = i == 0 ? "Patriot  News" : "patriot news";
    accounts[3].displayName = accounts[4].displayName = "Anna";
    accounts[5].bio = accounts[6].bio = "Proud patriot. Truth seeker.";
    accounts[7].bio = accounts[8].bio = accounts[9].bio = "hi"; // too short to count
    const AccountSignals evaluator(accounts);
    const SignalResult name = find(evaluator.evaluate(accounts[0]), "shared_display_name");
    QVERIFY(name.fired);
    QCOMPARE(name.value, 3.0);
    QCOMPARE(
        name.explanation,
        std::string(
            "display name shared by 3 accounts (threshold 3.0; the median name is used by 1.0)"));
    QVERIFY(!find(evaluator.evaluate(accounts[3]), "shared_display_name").fired);
    const SignalResult bio = find(evaluator.evaluate(accounts[5]), "shared_bio");
    QVERIFY(bio.fired);
    QCOMPARE(bio.value, 2.0);
    QVERIFY(!find(evaluator.evaluate(accounts[7]), "shared_bio").fired);
    // Hashed releases: display name equals the account id, never "shared".
    AccountFacts hashed = ordinary(20), twin = ordinary(21), third = ordinary(22);
    hashed.displayName = hashed.platformId = twin.displayName = third.displayName = "abc";
    twin.platformId = third.platformId = "abc";
    QVERIFY(
        !find(AccountSignals({hashed, twin, third}).evaluate(hashed), "shared_display_name").fired);
}

void TestAccountSignals::commonNamesRaiseTheBar()
{
    // Every name used by 4 accounts (a small name pool): 4 is ordinary here, 9 is not.
    std::vector<AccountFacts> accounts;
    for (int i = 0; i < 40; ++i) {
        accounts.push_back(ordinary(i + 1));
        accounts.back().displayName = "Name " + std::to_string(i / 4);
    }
    for (int i = 0; i < 9; ++i) {
        accounts.push_back(ordinary(100 + i));
        accounts.back().displayName = "Planted Name";
    }
    const AccountSignals evaluator(accounts);
    const SignalResult common = find(evaluator.evaluate(accounts[0]), "shared_display_name");
    QVERIFY(!common.fired);
    QCOMPARE(common.threshold, 8.0);
    QVERIFY(find(evaluator.evaluate(accounts.back()), "shared_display_name").fired);
}

void TestAccountSignals::postingRateAndRepostShare()
{
    AccountFacts busy = ordinary(1);
    busy.posts = 200;
    busy.reposts = 190;
    busy.lastPostAt = busy.firstPostAt + 2 * Day;
    AccountFacts few = ordinary(2);
    few.posts = few.reposts = 5;
    const AccountSignals evaluator({busy, few, ordinary(3)});
    const SignalResult rate = find(evaluator.evaluate(busy), "posting_rate");
    QVERIFY(rate.fired);
    QCOMPARE(rate.value, 100.0);
    QCOMPARE(rate.explanation, std::string("200 posts over 2.0 days = 100.0 a day (threshold 72)"));
    const SignalResult share = find(evaluator.evaluate(busy), "repost_share");
    QVERIFY(share.fired);
    QCOMPARE(share.value, 0.95);
    QVERIFY(contains(share.explanation, "190 of 200 posts are reposts (95.0%"));
    QVERIFY(!find(evaluator.evaluate(few), "repost_share").fired); // too few posts to judge
    QVERIFY(!find(evaluator.evaluate(ordinary(3)), "posting_rate").fired);
}

void TestAccountSignals::hourProfile()
{
    std::vector<AccountFacts> accounts;
    for (int i = 1; i <= 20; ++i)
        accounts.push_back(ordinary(i));
    AccountFacts night = ordinary(99);
    night.hours.fill(0);
    night.hours[3] = 30;
    night.posts = 30;
    accounts.push_back(night);
    const AccountSignals evaluator(accounts);
    const SignalResult s = find(evaluator.evaluate(night), "hour_profile");
    QVERIFY(s.fired);
    // The collection has 20 + 30 = 50 of 510 posts at 03:00: distance 1 - 50/510.
    QVERIFY(std::abs(s.value - (1 - 50.0 / 510)) < 1e-9);
    QVERIFY(contains(s.explanation, "busiest hour 3:00 UTC with 30 of 30 posts"));
    QVERIFY(!find(evaluator.evaluate(accounts[0]), "hour_profile").fired);
}

void TestAccountSignals::clustersAndCommunities()
{
    AccountFacts member = ordinary(1);
    member.topClusters = 2;
    member.community = 0;
    member.communitySize = 10;
    AccountFacts remote = ordinary(2);
    remote.community = 7;
    remote.communitySize = 3;
    const AccountSignals evaluator({member, remote});
    QCOMPARE(find(evaluator.evaluate(member), "top_cluster").value, 2.0);
    QVERIFY(find(evaluator.evaluate(member), "top_cluster").fired);
    const SignalResult community = find(evaluator.evaluate(member), "top_community");
    QVERIFY(community.fired);
    QVERIFY(contains(community.explanation, "in community 0 (rank 1 by size, 10 accounts"));
    QVERIFY(!find(evaluator.evaluate(remote), "top_community").fired);
    QVERIFY(!find(evaluator.evaluate(remote), "top_cluster").fired);
}

void TestAccountSignals::factsLoadedFromTheCase()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    // A's two reposts carry the same words: a clustering run that includes reposts makes
    // them one cluster, in which A (and only A) took part.
    const std::string words = "Vote early, vote often, and tell everyone you know to do the same";
    PostCollection c;
    c.account("A", {"anna84736251", 1500000000});
    c.repost("A", Start + 3 * 3600, "X", words);
    c.repost("A", Start + 3 * 3600 + 5, "Y", words);
    c.post({"A", Start + Day + 7 * 3600, "", "", {}, {}, "hello"});
    c.post({"B", Start, "", "", {}, {}, "hi"});
    const auto ids = c.importInto(*store, dir);
    const auto A = ids.account("A");
    NullProgress progress;
    ClusterParameters clustering;
    clustering.includeReposts = true;
    QVERIFY(runTextClusterAnalysis(store->db(), clustering, progress).ok());
    const std::vector<AccountFacts> facts = loadAccountFacts(store->db());
    QCOMPARE(facts.size(), std::size_t(2));
    const AccountFacts &a = facts[0];
    QCOMPARE(a.id, A);
    QCOMPARE(a.handle, std::string("anna84736251"));
    QVERIFY(a.hasCreatedAt);
    QCOMPARE(a.createdAt, 1500000000);
    QCOMPARE(a.posts, 3);
    QCOMPARE(a.reposts, 2);
    QCOMPARE(a.firstPostAt, Start + 3 * 3600);
    QCOMPARE(a.lastPostAt, Start + Day + 7 * 3600);
    QCOMPARE(a.hours[3], 2u);
    QCOMPARE(a.hours[7], 1u);
    QCOMPARE(a.topClusters, 1);
    QVERIFY(!facts[1].hasCreatedAt);
    QCOMPARE(facts[1].topClusters, 0);
}

QTEST_GUILESS_MAIN(TestAccountSignals)
#include "tst_account_signals.moc"
