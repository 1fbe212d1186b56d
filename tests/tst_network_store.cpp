#include "PostCollection.h"
#include "TestSupport.h"
#include "store/AuditTrail.h"

#include "clustering/TextClusterAnalysis.h"
#include "network/NetworkAnalysis.h"
#include "network/NetworkLayout.h"
#include "query/GraphQueries.h"
#include "query/NetworkQueries.h"
#include "store/AnalysisRuns.h"

#include <QTest>

#include <algorithm>
#include <cmath>

using namespace chorus;
using namespace chorus::test;

namespace {

struct Planted
{
    PostCollection collection;
    std::int64_t a = 0, b = 0, c = 0, d = 0, lone = 0;
    std::vector<std::int64_t> abPosts; // posts of a and b on X and Y
};

// a, b, c repost X and Y within seconds (a triangle of weight 2); d joins c on Z and W
// (weight 2); `lone` reposts alone. A link shared by a and b adds a co-link action.
Planted plant(const CaseStore &store, const QTemporaryDir &dir)
{
    Planted p;
    PostCollection &c = p.collection;
    c.account("acc-a", {"anna84736251", std::nullopt});
    std::vector<std::string> ab;
    ab.push_back(c.repost("acc-a", 100, "X"));
    ab.push_back(c.repost("acc-b", 103, "X"));
    c.repost("acc-c", 110, "X");
    ab.push_back(c.repost("acc-a", 500, "Y"));
    ab.push_back(c.repost("acc-b", 520, "Y"));
    c.repost("acc-c", 530, "Y");
    c.repost("acc-c", 900, "Z");
    c.repost("acc-d", 901, "Z");
    c.repost("acc-c", 1200, "W");
    c.repost("acc-d", 1230, "W");
    c.repost("acc-lone", 5000, "X");
    c.post({"acc-a", 2000, "", "", {"https://example.com/story?utm_source=a"}, {}, ""});
    c.post({"acc-b", 2004, "", "", {"http://www.example.com/story"}, {}, ""});
    const auto ids = c.importInto(store, dir);
    p.a = ids.account("acc-a");
    p.b = ids.account("acc-b");
    p.c = ids.account("acc-c");
    p.d = ids.account("acc-d");
    p.lone = ids.account("acc-lone");
    for (const std::string &post : ab)
        p.abPosts.push_back(ids.post(post));
    return p;
}

} // namespace

class TestNetworkStore : public QObject
{
    Q_OBJECT
private slots:
    void runIsStoredWithParameters();
    void queriesReadTheRun();
    void evidenceListsThePostsOfAnEdge();
    void cancelLeavesTheCaseUnchanged();
    void topCommunityFiresForTheRingNotThePair();
    void placedAccountsKeepTheirPlace();
    void largeDrawingsKeepTheLargestCommunities();
};

void TestNetworkStore::runIsStoredWithParameters()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const Planted p = plant(*store, dir);
    NetworkParameters parameters;
    parameters.types = std::uint8_t(CoActionType::CoRepost) | std::uint8_t(CoActionType::CoLink);
    parameters.windowSeconds = 60;
    parameters.minWeight = 2;
    NullProgress progress;
    const auto run = runNetworkAnalysis(store->db(), parameters, progress);
    QVERIFY2(run.ok(), run.ok() ? "" : run.error().message.c_str());
    QCOMPARE(run->edges, 4); // a-b (3: X, Y, link), a-c, b-c (2 each), c-d (2)
    QCOMPARE(run->nodes, 4);
    QCOMPARE(run->components, 1);
    QCOMPARE(run->eventsPerType.at("co-repost"), 11);
    QCOMPARE(run->eventsPerType.at("co-link"), 2);
    QCOMPARE(AnalysisRuns(store->db()).runs(RunKind::Network).size(), std::size_t(1));
    QCOMPARE(text(*store, "SELECT parameters FROM analysis_runs"),
             std::string("{\"layout\":true,\"min_weight\":2,\"resolution\":1,\"seed\":1,"
                         "\"types\":\"co-repost,co-link\",\"window_seconds\":60}"));
    QCOMPARE(count(*store, "SELECT count(*) FROM network_edges"), 4);
    // Read back through the query API, by the ids the importer gave the accounts.
    const NetworkQueries queries(*store);
    const auto edges = queries.edges(run->runId).value();
    const auto ab = std::find_if(edges.begin(), edges.end(), [&](const NetworkEdgeRow &e) {
        return e.source == p.a && e.target == p.b;
    });
    QVERIFY(ab != edges.end());
    QCOMPARE(std::to_string(ab->weight) + " " + std::to_string(ab->actions) + " " + ab->types,
             std::string("3 3 co-repost,co-link"));
    const auto nodes = queries.nodes(run->runId).value();
    QCOMPARE(std::count_if(nodes.begin(), nodes.end(),
                           [](const NetworkNode &n) { return n.x.has_value(); }),
             4);
    auto kcore = [&](std::int64_t account) {
        for (const NetworkNode &n : nodes)
            if (n.accountId == account)
                return n.kcore;
        return -1;
    };
    QCOMPARE(kcore(p.a), 2);
    QCOMPARE(kcore(p.d), 1);
    std::string handleExplanation;
    for (const AccountSignalRow &row : queries.accountSignals(run->runId, p.a).value())
        if (row.signal == "generated_handle")
            handleExplanation = row.explanation;
    QCOMPARE(handleExplanation,
             std::string("handle \"anna84736251\" is a name followed by 8 digits (threshold 6)"));
    QVERIFY(text(*store, "SELECT summary FROM analysis_runs").find("\"edges\":4") !=
            std::string::npos);
}

void TestNetworkStore::queriesReadTheRun()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const Planted p = plant(*store, dir);
    NetworkQueries queries(*store);
    QVERIFY(!queries.latestRun().value().has_value());
    NullProgress progress;
    QVERIFY(runNetworkAnalysis(store->db(), {}, progress).ok());
    const auto run = queries.latestRun();
    QVERIFY(run.ok() && run.value().has_value());
    const std::int64_t id = run.value()->id;
    QCOMPARE(run.value()->parameters.windowSeconds, 60);
    const auto partners = queries.partners(id, p.c);
    QVERIFY(partners.ok());
    QCOMPARE(partners->size(), std::size_t(3));
    QCOMPARE(partners.value()[0].weight, 2);
    QCOMPARE(partners.value()[0].sourcePlatformId, std::string("acc-a"));
    const auto nodes = queries.nodes(id);
    QCOMPARE(nodes->size(), std::size_t(4));
    QVERIFY(std::find(nodes.value()[0].firedSignals.begin(), nodes.value()[0].firedSignals.end(),
                      "generated_handle") != nodes.value()[0].firedSignals.end());
    const auto top = queries.topAccounts(id, 10);
    QVERIFY(top.ok());
    QCOMPARE(top.value()[0].node.accountId, p.a); // the one with a signal comes first
    QCOMPARE(top.value()[0].posts, 3);
    QVERIFY(top.value()[0].inNetwork);
    const auto signalRows = queries.accountSignals(id, p.a);
    QCOMPARE(signalRows->size(), top.value()[0].signalRows.size());
}

void TestNetworkStore::evidenceListsThePostsOfAnEdge()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    Planted p = plant(*store, dir);
    NullProgress progress;
    const auto run = runNetworkAnalysis(store->db(), {}, progress);
    QVERIFY(run.ok());
    const auto evidence = NetworkQueries(*store).evidence(run->runId, p.a, p.b, progress);
    QVERIFY(evidence.ok());
    QCOMPARE(evidence->size(), std::size_t(3));
    const EdgeEvidence &x = evidence.value()[0];
    QCOMPARE(x.type, std::string("co-repost"));
    QCOMPARE(x.object, std::string("X"));
    QCOMPARE(x.postA, p.abPosts[0]);
    QCOMPARE(x.postB, p.abPosts[1]);
    QCOMPARE(x.timeB - x.timeA, 3);
    QCOMPARE(x.platformPostA, std::string("p1"));
    QCOMPARE(x.platformPostB, std::string("p2"));
    QCOMPARE(evidence.value()[1].object, std::string("Y"));
    QCOMPARE(evidence.value()[2].type, std::string("co-link"));
    QCOMPARE(evidence.value()[2].object, std::string("example.com/story"));
    // b before a: the pair is still told from a's side.
    const auto reversed = NetworkQueries(*store).evidence(run->runId, p.b, p.a, progress);
    QCOMPARE(reversed.value()[0].postA, p.abPosts[1]);
    // Co-text evidence names the cluster by its number in the clusters run.
    // Clustered by the clusterer after a second import of the collection with two more
    // posts: only those are new.
    const std::string words = "Same words posted by both accounts within a few seconds";
    p.collection.post({"acc-a", 7000, "", "", {}, {}, words});
    p.collection.post({"acc-b", 7005, "", "", {}, {}, words});
    p.collection.importInto(*store, dir);
    QVERIFY(runTextClusterAnalysis(store->db(), {}, progress).ok());
    const auto withText = runNetworkAnalysis(store->db(), {}, progress);
    const auto textEvidence = NetworkQueries(*store).evidence(withText->runId, p.a, p.b, progress);
    QCOMPARE(textEvidence->size(), std::size_t(4));
    QCOMPARE(textEvidence.value()[0].type, std::string("co-text"));
    QCOMPARE(textEvidence.value()[0].object, std::string("cluster 1"));
    QCOMPARE(textEvidence.value()[0].textB, words);
}

void TestNetworkStore::cancelLeavesTheCaseUnchanged()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    plant(*store, dir);
    CancelToken token;
    token.request();
    CallbackProgress progress({}, &token);
    const auto run = runNetworkAnalysis(store->db(), {}, progress);
    QVERIFY(!run.ok());
    QVERIFY(run.error().cancelled);
    QCOMPARE(count(*store, "SELECT count(*) FROM analysis_runs"), 0);
    QCOMPARE(count(*store, "SELECT count(*) FROM network_edges"), 0);
}

// Four accounts repost the same three posts within seconds (a ring, community 0), two others
// share two posts (a community of two, below the minimum size of three): top_community
// fires for the ring only. Built through the importer and the network analysis.
void TestNetworkStore::topCommunityFiresForTheRingNotThePair()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    PostCollection c;
    const std::vector<std::string> ring = {"r1", "r2", "r3", "r4"};
    for (int object = 0; object < 3; ++object)
        for (std::size_t i = 0; i < ring.size(); ++i)
            c.repost(ring[i], 1000 * object + std::int64_t(i), "ring" + std::to_string(object));
    for (int object = 0; object < 2; ++object) {
        c.repost("q1", 50000 + 1000 * object, "pair" + std::to_string(object));
        c.repost("q2", 50003 + 1000 * object, "pair" + std::to_string(object));
    }
    const auto ids = c.importInto(*store, dir);
    NullProgress progress;
    const auto run = runNetworkAnalysis(store->db(), {}, progress);
    QVERIFY2(run.ok(), run.ok() ? "" : run.error().message.c_str());
    QCOMPARE(run->communities, 2);
    const NetworkQueries queries(*store);
    auto fired = [&](const std::string &account) {
        for (const AccountSignalRow &row :
             queries.accountSignals(run->runId, ids.account(account)).value())
            if (row.signal == "top_community")
                return true;
        return false;
    };
    for (const std::string &account : ring)
        QVERIFY2(fired(account), account.c_str());
    QVERIFY(!fired("q1"));
    QVERIFY(!fired("q2"));
}

// The analyst drags account a: it is stored pinned; laying the run out again moves the
// others but not a; a new network run keeps the pin; unpinning frees it; a stranger is refused.
void TestNetworkStore::placedAccountsKeepTheirPlace()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const Planted p = plant(*store, dir);
    NullProgress progress;
    const auto run = runNetworkAnalysis(store->db(), {}, progress);
    QVERIFY(run.ok());
    const NetworkLayout layout(store->db());
    const NetworkQueries queries(*store);
    auto nodeOf = [&](std::int64_t runId, std::int64_t account) {
        for (const NetworkNode &n : queries.nodes(runId).value())
            if (n.accountId == account)
                return n;
        return NetworkNode{};
    };
    QVERIFY(!nodeOf(run->runId, p.a).pinned);
    const double bx = *nodeOf(run->runId, p.b).x;
    QVERIFY(layout.place(run->runId, {{p.a, 40, -30, true}}).ok());
    NetworkNode a = nodeOf(run->runId, p.a);
    QVERIFY(a.pinned);
    QCOMPARE(*a.x, 40.0);
    QCOMPARE(*a.y, -30.0);

    // Cancelled, it leaves every position as it was.
    CancelAtPoll cancel(Stage::LayingOut, 1);
    const auto stopped = layout.layOutAgain(run->runId, 7, cancel);
    QVERIFY(!stopped.ok() && stopped.error().cancelled);
    QCOMPARE(*nodeOf(run->runId, p.b).x, bx);
    QCOMPARE(*nodeOf(run->runId, p.a).x, 40.0);

    const auto again = layout.layOutAgain(run->runId, 7, progress);
    QVERIFY(again.ok());
    QCOMPARE(again->nodes, 4);
    QCOMPARE(again->pinned, 1);
    a = nodeOf(run->runId, p.a);
    QCOMPARE(*a.x, 40.0);
    QCOMPARE(*a.y, -30.0);
    // b shares a triangle with the pinned a: it was laid out next to it, not left where it was.
    const NetworkNode b = nodeOf(run->runId, p.b);
    QVERIFY(*b.x != bx);
    QVERIFY(std::hypot(*b.x - 40, *b.y + 30) < 10);

    // A new run of the same network keeps the analyst's pin.
    const auto next = runNetworkAnalysis(store->db(), {}, progress);
    QVERIFY(next.ok() && next->runId != run->runId);
    a = nodeOf(next->runId, p.a);
    QVERIFY(a.pinned);
    QCOMPARE(*a.x, 40.0);

    QCOMPARE(layout.unpinAll(next->runId).value(), 1);
    QVERIFY(!nodeOf(next->runId, p.a).pinned);
    // lone has no links: not a node of the run. Nothing is changed.
    const Status stranger = layout.place(next->runId, {{p.b, 1, 1, true}, {p.lone, 0, 0, true}});
    QVERIFY(!stranger.ok());
    QVERIFY(!nodeOf(next->runId, p.b).pinned);
    QVERIFY(!layout.place(9999, {{p.a, 0, 0, true}}).ok());

    // Each change of the drawing is on the audit trail (the refused ones are not); the chain holds.
    QCOMPARE(count(*store, "SELECT count(*) FROM audit_log WHERE action = 'layout'"), 3);
    QCOMPARE(
        text(*store,
             "SELECT details FROM audit_log WHERE action = 'layout' ORDER BY seq DESC LIMIT 1"),
        std::string("{\"change\":\"unpinned\",\"accounts\":1,\"pinned\":0}"));
    QVERIFY(AuditTrail(store->db()).verify().ok);
}

// Six accounts repost three posts together, three others two other posts: two components and
// two communities. With room for six accounts the drawing keeps the larger group and says
// how many it left out; a component can be drawn alone; the parts are listed largest first.
void TestNetworkStore::largeDrawingsKeepTheLargestCommunities()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    PostCollection c;
    for (int i = 0; i < 6; ++i)
        for (int post = 0; post < 3; ++post)
            c.repost("big-" + std::to_string(i), 1000 * post + i, "P" + std::to_string(post));
    for (int i = 0; i < 3; ++i)
        for (int post = 0; post < 2; ++post)
            c.repost("small-" + std::to_string(i), 50000 + 1000 * post + i,
                     "Q" + std::to_string(post));
    const auto ids = c.importInto(*store, dir);
    NullProgress progress;
    QVERIFY(runNetworkAnalysis(store->db(), {}, progress).ok());
    GraphSceneOptions options;
    options.maxNodes = 6;
    const auto scene = GraphQueries(*store).scene(options, progress);
    QVERIFY(scene.ok());
    QCOMPARE(scene->nodes.size(), std::size_t(6));
    QCOMPARE(scene->edges.size(), std::size_t(15));
    QCOMPARE(scene->hiddenAccounts, std::size_t(3));
    for (const GraphSceneNode &n : scene->nodes)
        QVERIFY(n.label.rfind("big-", 0) == 0);
    QVERIFY(scene->subtitle.find("3 accounts left out") != std::string::npos);
    QCOMPARE(scene->communities.size(), std::size_t(2));
    QCOMPARE(scene->communities[0].accounts, 6);
    QCOMPARE(scene->components.size(), std::size_t(2));
    QCOMPARE(scene->components[1].accounts, 3);

    options.maxNodes = 0;
    options.component = scene->components[1].number;
    const auto small = GraphQueries(*store).scene(options, progress);
    QCOMPARE(small->nodes.size(), std::size_t(3));
    QCOMPARE(small->hiddenAccounts, std::size_t(0));
    QVERIFY(small->subject == GraphScene::Subject::Component);
    for (const GraphSceneNode &n : small->nodes)
        QVERIFY(n.accountId == ids.account("small-0") || n.accountId == ids.account("small-1") ||
                n.accountId == ids.account("small-2"));
}

QTEST_GUILESS_MAIN(TestNetworkStore)
#include "tst_network_store.moc"
