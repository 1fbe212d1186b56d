#include "PostCollection.h"
#include "TestSupport.h"

#include "clustering/TextClusterAnalysis.h"
#include "network/CoActionExtractor.h"
#include "network/CoordinationIntervalEstimator.h"
#include "network/CoordinationNetworkBuilder.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>

using namespace chorus;
using namespace chorus::test;

namespace {

std::vector<CoEdge> build(const CaseStore &store, std::uint8_t types, std::int64_t window,
                          std::int64_t minWeight)
{
    NullProgress progress;
    CoActionExtractor extractor(store.db());
    CoordinationNetworkBuilder builder(window);
    for (CoActionType type : AllCoActionTypes)
        if (types & std::uint8_t(type)) {
            auto events = extractor.events(type, progress);
            if (!events)
                qFatal("%s", events.error().message.c_str());
            builder.add(type, std::move(events.value()));
        }
    return builder.edges(minWeight);
}

std::uint8_t bit(CoActionType type)
{
    return std::uint8_t(type);
}

} // namespace

class TestCoActionNetwork : public QObject
{
    Q_OBJECT
private slots:
    void realSampleCoRepostReferencePairs();
    void coRepostWeightsActionsAndGaps();
    void coReplyCountsRepliesToTheSamePost();
    void coLinkMeetsOnNormalizedUrls();
    void coHashtagUsesTheCaseFoldedSet();
    void coTextUsesTheLatestClustersRun();
    void combinedTypesAddWeights();
    void windowBoundaryIsInclusive();
    void largeSingleObjectStaysLinear();
    void boundedMemoryGivesTheSameEdges();
    void coActionRangesCoverEveryPairOnce();
    void intervalSuggestionFromFastObjects();
};

void TestCoActionNetwork::realSampleCoRepostReferencePairs()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QVERIFY(importPath(*store, dataPath(QStringLiteral("russian_coord_tweets.csv"))).ok());
    NullProgress progress;
    CoActionExtractor extractor(store->db());
    auto events = extractor.events(CoActionType::CoRepost, progress);
    QVERIFY(events.ok());
    QCOMPARE(events->size(), std::size_t(35124));
    CoordinationNetworkBuilder builder(10);
    builder.add(CoActionType::CoRepost, std::move(events.value()));
    const auto edges = builder.edges(1);
    std::map<std::int64_t, int> histogram;
    std::int64_t objects = 0;
    for (const CoEdge &e : edges) {
        ++histogram[e.weight];
        objects += e.weight;
        QVERIFY(e.source < e.target);
    }
    QCOMPARE(edges.size(), std::size_t(1092));
    QCOMPARE(histogram, (std::map<std::int64_t, int>{{1, 1090}, {2, 1}, {3, 1}}));
    QCOMPARE(objects, 1095);
    QCOMPARE(builder.edges(2).size(), std::size_t(2));
}

// X: A@0, A@10, B@30, C@100; Y: A@1000, B@1060; Z: A@2000, B@2061; window 60.
// A-B: X (gaps 30 and 20; A with itself never counts), Y (gap 60) -> weight 2, actions 3.
void TestCoActionNetwork::coRepostWeightsActionsAndGaps()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    PostCollection c;
    c.repost("A", 0, "X");
    c.repost("A", 10, "X");
    c.repost("B", 30, "X");
    c.repost("C", 100, "X");
    c.repost("A", 1000, "Y");
    c.repost("B", 1060, "Y");
    c.repost("A", 2000, "Z");
    c.repost("B", 2061, "Z");
    const auto ids = c.importInto(*store, dir);
    const auto edges = build(*store, bit(CoActionType::CoRepost), 60, 1);
    QCOMPARE(edges.size(), std::size_t(1));
    QCOMPARE(edges[0].source, ids.account("A"));
    QCOMPARE(edges[0].target, ids.account("B"));
    QCOMPARE(edges[0].weight, 2);
    QCOMPARE(edges[0].actions, 3);
    QCOMPARE(edges[0].meanGap, (30.0 + 20.0 + 60.0) / 3);
    QCOMPARE(edges[0].types, bit(CoActionType::CoRepost));
    QCOMPARE(build(*store, bit(CoActionType::CoRepost), 60, 3).size(), std::size_t(0));
}

void TestCoActionNetwork::coReplyCountsRepliesToTheSamePost()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    PostCollection c;
    auto reply = [&](const char *account, std::int64_t time, const char *to) {
        PostCollection::Post p;
        p.account = account;
        p.time = time;
        p.replyTo = to;
        return c.post(p);
    };
    reply("A", 0, "t1");
    reply("B", 4, "t1");
    reply("C", 8, "t1");
    reply("B", 500, "t2");
    reply("C", 502, "t2");
    c.repost("A", 501, "t2"); // a repost is not a reply
    const auto ids = c.importInto(*store, dir);
    const auto edges = build(*store, bit(CoActionType::CoReply), 10, 1);
    QCOMPARE(edges.size(), std::size_t(3));
    // A-B (t1, gap 4), A-C (t1, gap 8), B-C (t1 gap 4, t2 gap 2).
    QCOMPARE(edges[0].weight, 1);
    QCOMPARE(edges[0].meanGap, 4.0);
    QCOMPARE(edges[1].meanGap, 8.0);
    QCOMPARE(edges[2].source, ids.account("B"));
    QCOMPARE(edges[2].target, ids.account("C"));
    QCOMPARE(edges[2].weight, 2);
    QCOMPARE(edges[2].actions, 2);
    QCOMPARE(edges[2].meanGap, 3.0);
    QCOMPARE(coActionNames(edges[2].types), std::string("co-reply"));
}

void TestCoActionNetwork::coLinkMeetsOnNormalizedUrls()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    PostCollection c;
    c.post({"A", 0, "", "", {"https://www.Example.com/a?utm_source=tw&id=7"}, {}, ""});
    c.post({"B", 5, "", "", {"http://example.com/a/?id=7#comments"}, {}, ""});
    c.post({"C", 6, "", "", {"http://example.com/a?id=8"}, {}, ""});
    c.post({"A", 100, "", "", {"example.org/b"}, {}, ""}); // not a URL: kept as it is
    c.post({"B", 110, "", "", {"example.org/b"}, {}, ""});
    c.post({"C", 111, "", "", {"Example.org/B"}, {}, ""}); // not a URL either: not folded
    const auto ids = c.importInto(*store, dir);
    const auto edges = build(*store, bit(CoActionType::CoLink), 10, 1);
    QCOMPARE(edges.size(), std::size_t(1));
    QCOMPARE(edges[0].source, ids.account("A"));
    QCOMPARE(edges[0].target, ids.account("B"));
    QCOMPARE(edges[0].weight, 2);
    QCOMPARE(edges[0].actions, 2);
    QCOMPARE(edges[0].meanGap, 7.5);
}

void TestCoActionNetwork::coHashtagUsesTheCaseFoldedSet()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    PostCollection c;
    c.post({"A", 0, "", "", {}, {"Vote", "Now"}, ""});
    c.post({"B", 20, "", "", {}, {"now", "VOTE", "#vote"}, ""});
    c.post({"C", 25, "", "", {}, {"vote"}, ""}); // a different set
    c.post({"A", 500, "", "", {}, {"x"}, ""});
    c.post({"B", 560, "", "", {}, {"X"}, ""});
    c.importInto(*store, dir);
    const auto edges = build(*store, bit(CoActionType::CoHashtag), 60, 1);
    QCOMPARE(edges.size(), std::size_t(1));
    QCOMPARE(edges[0].weight, 2);
    QCOMPARE(edges[0].actions, 2);
    QCOMPARE(edges[0].meanGap, 40.0);
}

// Two clustering runs over the same case, both made by the clusterer: the first includes
// reposts (C's repost of the same words joins the cluster), the second does not. Co-text
// must follow the latest run only, so A-C (1 s apart) is linked in the first run's view but
// not in the network built after the second.
void TestCoActionNetwork::coTextUsesTheLatestClustersRun()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const std::string same = "Just got back from the rally and I am still buzzing from the energy";
    const std::string other = "Nobody asked the farmers what they think of the new pipeline plan";
    PostCollection c;
    c.post({"A", 0, "", "", {}, {}, same});
    c.post({"B", 50, "", "", {}, {}, same});
    c.repost("C", 1, "t9", same);
    c.post({"A", 300, "", "", {}, {}, other});
    c.post({"B", 310, "", "", {}, {}, other});
    const auto ids = c.importInto(*store, dir);
    NullProgress progress;
    ClusterParameters withReposts;
    withReposts.includeReposts = true;
    QVERIFY(runTextClusterAnalysis(store->db(), withReposts, progress).ok());
    const auto older = build(*store, bit(CoActionType::CoText), 60, 1);
    QCOMPARE(older.size(), std::size_t(3)); // A-B, A-C, B-C on the first cluster
    QVERIFY(runTextClusterAnalysis(store->db(), {}, progress).ok()); // the latest
    const auto edges = build(*store, bit(CoActionType::CoText), 60, 1);
    QCOMPARE(edges.size(), std::size_t(1));
    QCOMPARE(edges[0].source, ids.account("A"));
    QCOMPARE(edges[0].target, ids.account("B"));
    QCOMPARE(edges[0].weight, 2);
    QCOMPARE(edges[0].meanGap, 30.0);
}

void TestCoActionNetwork::combinedTypesAddWeights()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    PostCollection c;
    c.repost("A", 0, "X");
    c.repost("B", 2, "X");
    c.post({"A", 100, "", "", {"https://news.example/x"}, {}, ""});
    c.post({"B", 104, "", "", {"https://news.example/x"}, {}, ""});
    c.importInto(*store, dir);
    QCOMPARE(build(*store, bit(CoActionType::CoRepost), 60, 2).size(), std::size_t(0));
    const auto edges =
        build(*store, bit(CoActionType::CoRepost) | bit(CoActionType::CoLink), 60, 2);
    QCOMPARE(edges.size(), std::size_t(1));
    QCOMPARE(edges[0].weight, 2);
    QCOMPARE(edges[0].actions, 2);
    QCOMPARE(edges[0].meanGap, 3.0);
    QCOMPARE(coActionNames(edges[0].types), std::string("co-repost,co-link"));
}

void TestCoActionNetwork::windowBoundaryIsInclusive()
{
    std::vector<CoEvent> events = {{1, 1, 100, 1}, {1, 2, 110, 2}, {2, 1, 100, 3}, {2, 3, 111, 4}};
    CoordinationNetworkBuilder builder(10);
    builder.add(CoActionType::CoRepost, events);
    const auto edges = builder.edges(1);
    QCOMPARE(edges.size(), std::size_t(1)); // gap 10 linked, gap 11 not
    QCOMPARE(edges[0].target, 2);
    // Self-pairs: one account acting twice on an object is never an edge.
    CoordinationNetworkBuilder self(10);
    self.add(CoActionType::CoRepost, {{1, 7, 0, 1}, {1, 7, 1, 2}});
    QCOMPARE(self.edges(1).size(), std::size_t(0));
}

// 50,000 reposts of one post over a day by distinct accounts, window 10 s: the sliding
// window visits only the pairs within 10 s of each other, never all 1.25 billion pairs.
void TestCoActionNetwork::largeSingleObjectStaysLinear()
{
    const std::int64_t n = 50000;
    std::vector<CoEvent> events;
    std::vector<std::int64_t> times;
    for (std::int64_t i = 0; i < n; ++i) {
        times.push_back(i * 86400 / n);
        events.push_back({0, std::uint32_t(n - i), times.back(), i + 1});
    }
    std::int64_t expected = 0; // pairs within 10 s, counted independently with a binary search
    for (std::int64_t i = 0; i < n; ++i)
        expected += (std::upper_bound(times.begin(), times.end(), times[std::size_t(i)] + 10) -
                     times.begin()) -
                    i - 1;
    CoordinationNetworkBuilder builder(10);
    builder.add(CoActionType::CoRepost, std::move(events));
    const auto edges = builder.edges(1);
    QCOMPARE(std::int64_t(edges.size()), expected);
    QCOMPARE(builder.coActions(), expected);
    QVERIFY(expected > 5 * n && expected < 7 * n);
}

// The pairs of a network too large for the pair memory are counted in several passes (and
// threads): the edges must be exactly those of one pass, of every weight, across two types.
// Every field of every edge, in order.
static bool sameEdges(const std::vector<CoEdge> &got, const std::vector<CoEdge> &expected)
{
    return std::equal(got.begin(), got.end(), expected.begin(), expected.end(),
                      [](const CoEdge &a, const CoEdge &b) {
                          return a.source == b.source && a.target == b.target &&
                                 a.weight == b.weight && a.actions == b.actions &&
                                 a.meanGap == b.meanGap && a.types == b.types;
                      });
}

void TestCoActionNetwork::boundedMemoryGivesTheSameEdges()
{
    std::uint64_t state = 12345;
    const auto next = [&state](std::uint64_t below) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return (state >> 33) % below;
    };
    std::vector<CoEvent> reposts, links;
    for (std::int64_t i = 0; i < 60000; ++i) {
        // A few popular objects, 3,000 accounts, a day: many pairs, a share of them repeated.
        const auto object = std::uint32_t(next(40) * next(40) / 40);
        CoEvent e{object, std::uint32_t(1 + next(3000)), std::int64_t(next(86400)), i + 1};
        (i % 3 == 0 ? links : reposts).push_back(e);
    }
    bool filtered = false;
    bool countedKept = false;
    const auto build = [&](std::size_t memory, int *passes, std::int64_t minWeight = 1) {
        CoordinationNetworkBuilder builder(120, memory);
        builder.add(CoActionType::CoRepost, reposts);
        builder.add(CoActionType::CoLink, links);
        auto edges = builder.edges(minWeight);
        *passes = builder.passes();
        filtered = builder.filtered();
        countedKept = builder.countedKept();
        return edges;
    };
    int onePass = 0;
    int manyPasses = 0;
    const auto whole = build(CoordinationNetworkBuilder::DefaultPairMemory, &onePass);
    QVERIFY(!filtered);
    const auto bounded = build(64 * 1024, &manyPasses);
    QVERIFY(!filtered); // weight 1 edges: every pair counts
    QCOMPARE(onePass, 1);
    QVERIFY2(manyPasses > 20, qPrintable(QString::number(manyPasses)));

    // With a minimum weight of 2 and pairs that take more than one pass, only the pairs that
    // co-acted more than once are counted: the same edges of weight 2 or more, to the bit.
    std::vector<CoEdge> heavy;
    std::copy_if(whole.begin(), whole.end(), std::back_inserter(heavy),
                 [](const CoEdge &e) { return e.weight >= 2; });
    QVERIFY(heavy.size() > 1000 && heavy.size() < whole.size() / 2);
    // Counted in passes over the events when the pairs' co-actions do not fit the memory
    int filteredPasses = 0;
    const auto repeated = build(256 * 1024, &filteredPasses, 2);
    QVERIFY(filtered && !countedKept);
    QVERIFY(filteredPasses > 1);
    QVERIFY(sameEdges(repeated, heavy));
    // ... and from those co-actions, kept in memory, when they do.
    const auto kept = build(2 << 20, &filteredPasses, 2);
    QVERIFY(filtered && countedKept);
    QVERIFY(sameEdges(kept, heavy));
    QVERIFY(whole.size() > 100000);
    QVERIFY(std::any_of(whole.begin(), whole.end(), [](const CoEdge &e) {
        return e.weight >= 2 &&
               e.types == (bit(CoActionType::CoRepost) | bit(CoActionType::CoLink));
    }));
    QVERIFY(sameEdges(bounded, whole));
}

// The ranges that threads walk cover every co-action once, however the co-actions are
// spread: one object holding most of them is cut inside.
void TestCoActionNetwork::coActionRangesCoverEveryPairOnce()
{
    std::vector<CoEvent> events;
    for (std::int64_t i = 0; i < 3000; ++i) // one viral object, an action every 2 s
        events.push_back({7, std::uint32_t(1 + i % 500), i * 2, i + 1});
    for (std::uint32_t o = 0; o < 50; ++o) // and small ones
        for (std::int64_t k = 0; k < 5; ++k)
            events.push_back({o + 100, std::uint32_t(1 + k), 1000 * o + 7 * k, 0});
    sortEvents(events);
    std::vector<std::pair<std::int64_t, std::int64_t>> all;
    forEachCoAction(events, 30, [&](const CoEvent &a, const CoEvent &b) {
        all.emplace_back(a.post * 100000 + a.time, b.post * 100000 + b.time);
    });
    QVERIFY(all.size() > 40000);
    for (std::size_t parts : {std::size_t(1), std::size_t(2), std::size_t(3), std::size_t(7)}) {
        const std::vector<std::size_t> bounds = splitCoActions(events, 30, parts);
        QCOMPARE(bounds.size(), parts + 1);
        QCOMPARE(bounds.front(), std::size_t(0));
        QCOMPARE(bounds.back(), events.size());
        std::vector<std::pair<std::int64_t, std::int64_t>> walked;
        std::vector<std::size_t> perPart;
        for (std::size_t k = 0; k < parts; ++k) {
            QVERIFY(bounds[k] <= bounds[k + 1]);
            const std::size_t before = walked.size();
            forEachCoActionIn(
                events, 30, bounds[k], bounds[k + 1], [&](const CoEvent &a, const CoEvent &b) {
                    walked.emplace_back(a.post * 100000 + a.time, b.post * 100000 + b.time);
                });
            perPart.push_back(walked.size() - before);
        }
        QCOMPARE(walked, all);
        // About as many in each: within a tenth of an even share.
        for (std::size_t n : perPart)
            QVERIFY2(std::abs(double(n) - double(all.size()) / double(parts)) <
                         double(all.size()) / 10,
                     qPrintable(QString::number(n)));
    }
}

void TestCoActionNetwork::intervalSuggestionFromFastObjects()
{
    // 10 objects shared 4 times. Object 0 is the quickest (second action after 1 s) and
    // reached half of its actions (the 2nd) after 1 s. The others are slower.
    std::vector<CoEvent> events;
    for (std::uint32_t o = 0; o < 10; ++o)
        for (std::int64_t k = 0; k < 4; ++k)
            events.push_back(
                {o, std::uint32_t(k + 1), 1000 * o + k * (o + 1) * 5 / (o == 0 ? 5 : 1), 0});
    sortEvents(events);
    const IntervalSuggestion s = estimateCoordinationInterval(events);
    QCOMPARE(s.sharedObjects, 10);
    QCOMPARE(s.fastObjects, 1);
    QCOMPARE(s.seconds, 1);
    QVERIFY(s.explanation.find("median of 1 s") != std::string::npos);
    QCOMPARE(estimateCoordinationInterval({}).seconds, 0);
}

QTEST_GUILESS_MAIN(TestCoActionNetwork)
#include "tst_coaction_network.moc"
