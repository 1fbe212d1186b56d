// The graph drawing's edge budget (render::drawEdges): at most `budget` links in view are drawn,
// strongest first, and the count it returns says whether some were left out, without looking at
// every link of a drawing of millions.
#include "render/GraphPainter.h"

#include <QImage>
#include <QPainter>
#include <QTest>

using namespace chorus;

namespace {

// Nodes 0..n-1 on a line at x = 10 * i, y = 10; a link from each node to the next, the first
// `heavy` of them weight 5, the rest weight 1.
GraphScene chain(int n, int heavy)
{
    GraphScene scene;
    for (int i = 0; i < n; ++i) {
        GraphSceneNode node;
        node.accountId = i + 1;
        node.x = 10.0 * i;
        node.y = 10;
        scene.nodes.push_back(node);
    }
    for (int i = 0; i + 1 < n; ++i)
        scene.edges.push_back({std::uint32_t(i), std::uint32_t(i + 1), i < heavy ? 5 : 1, 0});
    return scene;
}

// Pixels darker than the white background in columns [from, to).
int inkBetween(const QImage &image, int from, int to)
{
    int ink = 0;
    for (int x = from; x < to; ++x)
        for (int y = 0; y < image.height(); ++y)
            ink += image.pixelColor(x, y) != Qt::white;
    return ink;
}

} // namespace

class TestGraphPainter : public QObject
{
    Q_OBJECT
private slots:
    void drawsTheBudgetAndSaysWhenItLeftSomeOut()
    {
        const GraphScene scene = chain(101, 10); // 100 links across x = 0..1000
        const render::NodePosition at = [](const GraphSceneNode &n) { return QPointF(n.x, n.y); };
        const auto draw = [&](const QRectF &visible, std::size_t budget, QImage &image) {
            image = QImage(1010, 20, QImage::Format_RGB32);
            image.fill(Qt::white);
            QPainter painter(&image);
            return render::drawEdges(painter, scene, at, visible, true, budget);
        };
        QImage image;
        // All in view, budget enough: every link counted.
        QCOMPARE(draw(QRectF(0, 0, 1010, 20), 1000, image), std::size_t(100));
        QVERIFY(inkBetween(image, 900, 990) > 0);
        // Budget 10: one more than the budget, and only the first ten (the heavy ones, x 0..100)
        // drawn.
        QCOMPARE(draw(QRectF(0, 0, 1010, 20), 10, image), std::size_t(11));
        QVERIFY(inkBetween(image, 0, 95) > 0);
        QCOMPARE(inkBetween(image, 120, 1010), 0);
        // Links out of view are not counted: x 500..600 holds ten links and the stubs of two.
        QCOMPARE(draw(QRectF(500, 0, 100, 20), 1000, image), std::size_t(12));
    }
};

QTEST_MAIN(TestGraphPainter)
#include "tst_ui_graph_painter.moc"
