// Graph drawing and export speed: a synthetic network of N nodes in planted communities and
// M edges (mostly inside communities), positioned, drawn by chorus-cli's renderer to SVG, PDF
// and PNG. Gephi users report exports that never finish at 50k nodes; this one must take
// seconds. Usage: bench_graph_export [--nodes N] [--edges M] [--labels L] [--out DIR]
#include "SyntheticGraph.h"
#include "render/GraphExport.h"

#include <QFileInfo>
#include <QGuiApplication>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

using namespace chorus;
using Clock = std::chrono::steady_clock;

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    std::size_t nodes = 40000, edges = 130000;
    int labels = 100;
    std::string out = "/tmp";
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--nodes"))
            nodes = std::stoul(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--edges"))
            edges = std::stoul(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--labels"))
            labels = std::stoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--out"))
            out = argv[i + 1];
    }
    const GraphScene scene = bench::syntheticGraphScene(nodes, edges);
    render::GraphStyle style;
    style.labels = labels;
    std::printf("%zu nodes, %zu edges, %d labels\n", nodes, edges, labels);
    for (const char *suffix : {"svg", "pdf", "png"}) {
        const std::string path = out + "/bench-graph." + suffix;
        const auto start = Clock::now();
        const Status written = render::writeGraphFile(scene, path, 2400, style);
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        if (!written) {
            std::fprintf(stderr, "%s\n", written.error().message.c_str());
            return 1;
        }
        std::printf("  %-4s %6.2f s  %8.1f MB\n", suffix, seconds,
                    double(QFileInfo(QString::fromStdString(path)).size()) / 1e6);
    }
    return 0;
}
