#include "TestSupport.h"

#include "analysis/CoActionExtractor.h"
#include "analysis/CoordinationNetworkBuilder.h"

#include <QTest>

#include <map>

using namespace chorus;
using namespace chorus::test;

class TestCoActionNetwork : public QObject
{
    Q_OBJECT
private slots:
    void realSampleCoRepostReferencePairs();
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
    }
    QCOMPARE(edges.size(), std::size_t(1092));
    QCOMPARE(histogram, (std::map<std::int64_t, int>{{1, 1090}, {2, 1}, {3, 1}}));
    QCOMPARE(objects, 1095);
    QCOMPARE(builder.edges(2).size(), std::size_t(2));
}

QTEST_GUILESS_MAIN(TestCoActionNetwork)
#include "tst_coaction_network.moc"
