// Paint time of the graph panel: a synthetic positioned network (default 20,000 nodes and
// 100,000 edges) drawn by GraphCanvas into an offscreen raster image the size of a large
// panel, at full view and zoomed in 8x on the centre, and while dragging (edges hidden).
// Usage: bench_ui_graph_paint [--nodes N] [--edges M] [--frames F]
#include "SyntheticGraph.h"
#include "views/GraphCanvas.h"

#include <QApplication>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <vector>

using namespace chorus;
using Clock = std::chrono::steady_clock;

namespace {

// Median and worst milliseconds per frame.
void measure(const char *what, ui::GraphCanvas &canvas, int frames)
{
    QImage image(canvas.size(), QImage::Format_ARGB32_Premultiplied);
    std::vector<double> ms;
    for (int i = 0; i < frames; ++i) {
        const auto start = Clock::now();
        canvas.render(&image);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("  %-34s median %6.1f ms, worst %6.1f ms per frame\n", what, ms[ms.size() / 2],
                ms.back());
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::size_t nodes = 20000, edges = 100000;
    int frames = 15;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--nodes"))
            nodes = std::stoul(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--edges"))
            edges = std::stoul(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--frames"))
            frames = std::stoi(argv[i + 1]);
    }
    ui::GraphCanvas canvas;
    canvas.resize(1600, 1000);
    canvas.setScene(bench::syntheticGraphScene(nodes, edges));
    canvas.fit();
    std::printf("%zu nodes, %zu edges, 1600 x 1000 px, offscreen raster (QImage)\n", nodes, edges);
    measure("full view", canvas, frames);
    canvas.zoomBy(8, QPointF(800, 500));
    measure("zoomed 8x", canvas, frames);
    canvas.fit();
    // A drag in progress: edges are left out of large networks until the button is released.
    QMouseEvent press(QEvent::MouseButtonPress, QPointF(5, 5), QPointF(5, 5), Qt::LeftButton,
                      Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&canvas, &press);
    QMouseEvent move(QEvent::MouseMove, QPointF(40, 40), QPointF(40, 40), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&canvas, &move);
    measure("full view while dragging", canvas, frames);
    return 0;
}
