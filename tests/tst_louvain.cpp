#include "graph/LouvainCommunities.h"

#include <QTest>

#include <random>

using namespace chorus;

namespace {

// Two cliques of `size` joined by one edge between their first nodes.
CompactGraph twoCliques(std::uint32_t size)
{
    std::vector<CompactGraph::Link> links;
    for (std::uint32_t base : {0u, size})
        for (std::uint32_t i = 0; i < size; ++i)
            for (std::uint32_t j = i + 1; j < size; ++j)
                links.push_back({base + i, base + j, 1});
    links.push_back({0, size, 1});
    return CompactGraph::fromLinks(2 * size, links);
}

} // namespace

class TestLouvain : public QObject
{
    Q_OBJECT
private slots:
    void findsTwoPlantedCliques();
    void deterministicBySeed();
    void resolutionSplitsMore();
    void plantedPartitionRecovered();
    void emptyGraph();
};

void TestLouvain::findsTwoPlantedCliques()
{
    NullProgress progress;
    for (std::uint64_t seed : {1u, 2u, 3u, 42u}) {
        const LouvainResult r = louvainCommunities(twoCliques(6), {1.0, seed, 20}, progress);
        QCOMPARE(r.communities, 2);
        for (std::uint32_t v = 0; v < 12; ++v)
            QCOMPARE(r.community[v], r.community[v < 6 ? 0 : 6]);
        QVERIFY(r.community[0] != r.community[6]);
        // Q = 2 * (30/62 - (31/62)^2) for two 6-cliques (15 edges each) plus the bridge.
        QVERIFY(std::abs(r.modularity - 2 * (15.0 / 31 - 0.25)) < 1e-9);
    }
}

void TestLouvain::deterministicBySeed()
{
    std::mt19937_64 random(7);
    std::vector<CompactGraph::Link> links;
    for (int i = 0; i < 3000; ++i)
        links.push_back({std::uint32_t(random() % 500), std::uint32_t(random() % 500), 1});
    const CompactGraph g = CompactGraph::fromLinks(500, links);
    NullProgress progress;
    const LouvainResult a = louvainCommunities(g, {1.0, 5, 20}, progress);
    const LouvainResult b = louvainCommunities(g, {1.0, 5, 20}, progress);
    QCOMPARE(a.community, b.community);
    QCOMPARE(a.modularity, b.modularity);
    QVERIFY(a.modularity > 0.1);
}

void TestLouvain::resolutionSplitsMore()
{
    NullProgress progress;
    const CompactGraph g = twoCliques(6);
    const LouvainResult coarse = louvainCommunities(g, {0.01, 1, 20}, progress);
    const LouvainResult fine = louvainCommunities(g, {1.0, 1, 20}, progress);
    QCOMPARE(coarse.communities, 1);
    QCOMPARE(fine.communities, 2);
}

void TestLouvain::plantedPartitionRecovered()
{
    // 10 groups of 20 nodes, dense inside (p=0.5), sparse across (40 random edges).
    std::mt19937_64 random(3);
    std::vector<CompactGraph::Link> links;
    for (std::uint32_t g = 0; g < 10; ++g)
        for (std::uint32_t i = 0; i < 20; ++i)
            for (std::uint32_t j = i + 1; j < 20; ++j)
                if (random() % 2)
                    links.push_back({g * 20 + i, g * 20 + j, 1});
    for (int k = 0; k < 40; ++k)
        links.push_back({std::uint32_t(random() % 200), std::uint32_t(random() % 200), 1});
    NullProgress progress;
    const LouvainResult r =
        louvainCommunities(CompactGraph::fromLinks(200, links), {1.0, 1, 20}, progress);
    QCOMPARE(r.communities, 10);
    for (std::uint32_t v = 0; v < 200; ++v)
        QCOMPARE(r.community[v], r.community[(v / 20) * 20]);
}

void TestLouvain::emptyGraph()
{
    NullProgress progress;
    const LouvainResult r = louvainCommunities(CompactGraph::fromLinks(0, {}), {}, progress);
    QCOMPARE(r.communities, 0);
    QCOMPARE(r.modularity, 0.0);
}

QTEST_GUILESS_MAIN(TestLouvain)
#include "tst_louvain.moc"
