#include "graph/CompactGraph.h"
#include "graph/ForceLayout.h"
#include "graph/GraphAnalytics.h"
#include "network/NetworkTypes.h"

#include <QTest>

#include <array>
#include <cmath>

using namespace chorus;

namespace {

CompactGraph graph(std::size_t n, const std::vector<std::pair<std::uint32_t, std::uint32_t>> &pairs,
                   double weight = 1)
{
    std::vector<CompactGraph::Link> links;
    for (const auto &[a, b] : pairs)
        links.push_back({a, b, weight});
    return CompactGraph::fromLinks(n, links);
}

class CancelAfter final : public ProgressSink
{
public:
    explicit CancelAfter(int calls) : m_left(calls) {}
    void progress(std::int64_t, std::int64_t) override
    {
        --m_left;
        ++calls;
    }
    bool isCancelled() const override { return m_left <= 0; }
    int calls = 0;

private:
    int m_left;
};

} // namespace

class TestGraphAnalytics : public QObject
{
    Q_OBJECT
private slots:
    void componentsLargestFirst();
    void kcoreOfCliqueWithTail();
    void weightedDegreeSumsWeights();
    void betweennessOfAPath();
    void sampledBetweennessApproximatesExact();
    void edgesBecomeCompactGraph();
    void layoutDeterministicBySeed();
    void barnesHutSeparatesNodes();
    void layoutCancels();
    void layoutPacksComponentsApart();
    void layoutKeepsPinsAndPacksTheRestBelow();
};

void TestGraphAnalytics::componentsLargestFirst()
{
    // {0,1} and {2,3,4} and the isolated-by-edge pair {5,6}.
    const auto g = graph(7, {{0, 1}, {2, 3}, {3, 4}, {5, 6}});
    const GraphMetrics m = computeGraphMetrics(g);
    QCOMPARE(m.components, 3);
    QCOMPARE(m.component, (std::vector<int>{1, 1, 0, 0, 0, 2, 2}));
}

void TestGraphAnalytics::kcoreOfCliqueWithTail()
{
    // A 4-clique 0..3 with a tail 3-4-5: core numbers 3,3,3,3,1,1.
    const auto g = graph(6, {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}, {3, 4}, {4, 5}});
    QCOMPARE(computeGraphMetrics(g).kcore, (std::vector<int>{3, 3, 3, 3, 1, 1}));
}

void TestGraphAnalytics::weightedDegreeSumsWeights()
{
    const auto g = CompactGraph::fromLinks(3, {{0, 1, 2}, {1, 2, 5}});
    QCOMPARE(computeGraphMetrics(g).weightedDegree, (std::vector<double>{2, 7, 5}));
}

void TestGraphAnalytics::betweennessOfAPath()
{
    // Path 0-1-2-3: node 1 lies on (0,2) and (0,3), node 2 on (0,3) and (1,3).
    const GraphMetrics m = computeGraphMetrics(graph(4, {{0, 1}, {1, 2}, {2, 3}}));
    QCOMPARE(m.betweenness, (std::vector<double>{0, 2, 2, 0}));
    QVERIFY(!m.betweennessSampled);
    // A star: the centre is on all 3 pairs of leaves.
    QCOMPARE(computeGraphMetrics(graph(4, {{0, 1}, {0, 2}, {0, 3}})).betweenness[0], 3.0);
}

void TestGraphAnalytics::sampledBetweennessApproximatesExact()
{
    // Two stars joined by their centres; all sources sampled = exact.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs = {{0, 1}};
    for (std::uint32_t i = 2; i < 42; ++i)
        pairs.push_back({i % 2, i});
    const auto g = graph(42, pairs);
    const GraphMetrics exact = computeGraphMetrics(g);
    GraphMetricsOptions options;
    options.exactBetweennessLimit = 10;
    options.betweennessSamples = 42;
    const GraphMetrics all = computeGraphMetrics(g, options);
    QVERIFY(all.betweennessSampled);
    for (std::size_t v = 0; v < 42; ++v)
        QVERIFY(std::abs(all.betweenness[v] - exact.betweenness[v]) < 1e-9);
    options.betweennessSamples = 20;
    const GraphMetrics sampled = computeGraphMetrics(g, options);
    QVERIFY(std::abs(sampled.betweenness[0] - exact.betweenness[0]) < 0.25 * exact.betweenness[0]);
    QCOMPARE(computeGraphMetrics(g, options).betweenness, sampled.betweenness); // same seed
}

void TestGraphAnalytics::edgesBecomeCompactGraph()
{
    const std::vector<CoEdge> edges = {{10, 30, 2, 2, 1, 2}, {20, 30, 1, 1, 1, 2}};
    const CompactGraph g = CompactGraph::fromEdges(edges);
    QCOMPARE(g.accounts, (std::vector<std::int64_t>{10, 20, 30}));
    QCOMPARE(g.edgeCount(), std::size_t(2));
    QCOMPARE(g.degree(2), std::size_t(2));
}

void TestGraphAnalytics::layoutDeterministicBySeed()
{
    const auto g = graph(6, {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 3}, {2, 3}});
    NullProgress progress;
    LayoutOptions options;
    const auto a = forceLayout(g, options, progress);
    const auto b = forceLayout(g, options, progress);
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(a->size(), std::size_t(6));
    for (std::size_t i = 0; i < 6; ++i) {
        QCOMPARE(a.value()[i].x, b.value()[i].x);
        QCOMPARE(a.value()[i].y, b.value()[i].y);
        QVERIFY(std::isfinite(a.value()[i].x) && std::isfinite(a.value()[i].y));
    }
    options.seed = 2;
    const auto c = forceLayout(g, options, progress);
    QVERIFY(c.value()[0].x != a.value()[0].x || c.value()[0].y != a.value()[0].y);
}

void TestGraphAnalytics::barnesHutSeparatesNodes()
{
    // Two 30-node rings joined by one edge: linked nodes end closer than unlinked ones.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    for (std::uint32_t i = 0; i < 30; ++i) {
        pairs.push_back({i, (i + 1) % 30});
        pairs.push_back({30 + i, 30 + (i + 1) % 30});
    }
    pairs.push_back({0, 30});
    const auto g = graph(60, pairs);
    NullProgress progress;
    LayoutOptions options;
    const auto a = barnesHutLayout(g, options, progress);
    const auto b = barnesHutLayout(g, options, progress);
    QVERIFY(a.ok());
    auto distance = [&](std::size_t u, std::size_t v) {
        return std::hypot(a.value()[u].x - a.value()[v].x, a.value()[u].y - a.value()[v].y);
    };
    double linked = 0, across = 0;
    for (std::uint32_t i = 1; i < 30; ++i) {
        linked += distance(i, (i + 1) % 30);
        across += distance(i, 30 + i);
    }
    QVERIFY2(linked < across,
             qPrintable(QString::number(linked) + " vs " + QString::number(across)));
    for (std::size_t i = 0; i < 60; ++i)
        QCOMPARE(a.value()[i].x, b.value()[i].x);
}

void TestGraphAnalytics::layoutCancels()
{
    const auto g = graph(3, {{0, 1}, {1, 2}});
    CancelAfter cancel(5);
    LayoutOptions options;
    const auto boost = forceLayout(g, options, cancel);
    QVERIFY(!boost.ok());
    QVERIFY(boost.error().cancelled);
    CancelAfter cancelBh(5);
    const auto bh = barnesHutLayout(g, options, cancelBh);
    QVERIFY(!bh.ok() && bh.error().cancelled);
    QCOMPARE(cancelBh.calls, 5);
}

// Two triangles and a lone pair: each component keeps to its own box, none overlaps another.
void TestGraphAnalytics::layoutPacksComponentsApart()
{
    const auto g = graph(8, {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 3}, {6, 7}});
    NullProgress progress;
    const auto points = forceLayout(g, {}, progress);
    QVERIFY(points.ok());
    auto box = [&](std::initializer_list<std::size_t> nodes) {
        double minX = 1e9, maxX = -1e9, minY = 1e9, maxY = -1e9;
        for (std::size_t v : nodes) {
            minX = std::min(minX, points.value()[v].x), maxX = std::max(maxX, points.value()[v].x);
            minY = std::min(minY, points.value()[v].y), maxY = std::max(maxY, points.value()[v].y);
        }
        return std::array<double, 4>{minX, maxX, minY, maxY};
    };
    const auto a = box({0, 1, 2}), b = box({3, 4, 5}), c = box({6, 7});
    auto apart = [](const std::array<double, 4> &p, const std::array<double, 4> &q) {
        return p[1] < q[0] || q[1] < p[0] || p[3] < q[2] || q[3] < p[2];
    };
    QVERIFY(apart(a, b) && apart(a, c) && apart(b, c));
    for (std::size_t v = 0; v < 8; ++v)
        QVERIFY(std::isfinite(points.value()[v].x) && std::isfinite(points.value()[v].y));
}

// Node 0 of a five-node ring is pinned far from where a layout would put it, node 5 of a
// separate triangle is free: the pin stays exactly, the ring gathers around it, and the free
// triangle is packed below the pinned area.
void TestGraphAnalytics::layoutKeepsPinsAndPacksTheRestBelow()
{
    const auto g = graph(8, {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 0}, {5, 6}, {6, 7}, {7, 5}});
    LayoutOptions options;
    options.pins.resize(8);
    options.pins[0] = LayoutPoint{100, -50};
    options.pins[2] = LayoutPoint{102, -50};
    NullProgress progress;
    const auto points = forceLayout(g, options, progress);
    QVERIFY(points.ok());
    QCOMPARE(points.value()[0].x, 100.0);
    QCOMPARE(points.value()[0].y, -50.0);
    QCOMPARE(points.value()[2].x, 102.0);
    double ringBottom = -1e9;
    for (std::size_t v : {1, 3, 4}) {
        QVERIFY(std::isfinite(points.value()[v].x) && std::isfinite(points.value()[v].y));
        QVERIFY2(std::hypot(points.value()[v].x - 101, points.value()[v].y + 50) < 10,
                 "a free node of the ring stays near its pinned neighbours");
        ringBottom = std::max(ringBottom, points.value()[v].y);
    }
    for (std::size_t v : {5, 6, 7})
        QVERIFY(points.value()[v].y > ringBottom);
    // Same pins, same seed: the same drawing.
    const auto again = forceLayout(g, options, progress);
    for (std::size_t v = 0; v < 8; ++v)
        QCOMPARE(again.value()[v].x, points.value()[v].x);
    // A pin list of the wrong length is refused rather than read out of bounds.
    options.pins.resize(3);
    QVERIFY(!forceLayout(g, options, progress).ok());
}

QTEST_GUILESS_MAIN(TestGraphAnalytics)
#include "tst_graph_analytics.moc"
