// Graph drawing and export speed: a synthetic network of N nodes in planted communities and
// M edges (mostly inside communities), positioned, drawn by chorus-cli's renderer to SVG, PDF
// and PNG. Gephi users report exports that never finish at 50k nodes; this one must take
// seconds. Usage: bench_graph_export [--nodes N] [--edges M] [--labels L] [--out DIR]
#include "render/GraphExport.h"

#include <QFileInfo>
#include <QGuiApplication>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
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
    std::mt19937_64 random(1);
    std::normal_distribution<double> spread(0, 1);
    const std::size_t communities = std::max<std::size_t>(1, nodes / 400);
    GraphScene scene;
    scene.title = "Synthetic network";
    scene.subtitle = std::to_string(nodes) + " accounts, " + std::to_string(edges) + " links";
    scene.nodes.resize(nodes);
    for (std::size_t v = 0; v < nodes; ++v) {
        const std::size_t c = v % communities;
        const double angle = 2 * 3.14159265 * double(c) / double(communities);
        GraphSceneNode &n = scene.nodes[v];
        n.accountId = std::int64_t(v);
        n.label = "account" + std::to_string(v);
        n.community = int(c);
        n.x = 40 * std::cos(angle) * (1 + double(c % 7)) + spread(random);
        n.y = 40 * std::sin(angle) * (1 + double(c % 7)) + spread(random);
    }
    for (std::size_t e = 0; e < edges; ++e) {
        const auto a = std::uint32_t(random() % nodes);
        auto b =
            std::uint32_t(random() % 10 == 0 ? random() % nodes
                                             : (a + communities * (1 + random() % 20)) % nodes);
        if (a == b)
            b = (b + 1) % std::uint32_t(nodes);
        scene.edges.push_back({a, b, std::int64_t(1 + random() % 5), "co-repost"});
    }
    for (const GraphSceneEdge &e : scene.edges) {
        scene.nodes[e.a].weight += double(e.weight);
        scene.nodes[e.b].weight += double(e.weight);
    }
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
