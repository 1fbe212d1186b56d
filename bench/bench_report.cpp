// Evidence report speed: assembling the content from a case (queries, the top clusters' maps
// and co-text networks, the network figure) and laying out and writing the PDF (two passes).
//
//   chorus-generate --posts 1000000 --x-io posts.csv
//   chorus-cli import case.chorus posts.csv && chorus-cli analyze case.chorus
//   chorus-cli network case.chorus
//   bench_report case.chorus [--clusters N] [--out FILE.pdf]
//
// The case is only read: the report is not put on its audit trail.
#include "geo/WorldMap.h"
#include "render/ReportWriter.h"
#include "report/ReportContent.h"
#include "store/CaseStore.h"

#include <QFileInfo>
#include <QGuiApplication>

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

using namespace chorus;
using Clock = std::chrono::steady_clock;

namespace {

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double since(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_report CASE [--clusters N] [--out FILE.pdf]\n");
        return 2;
    }
    ReportOptions options;
    options.clusters = 20;
    std::string out = "/tmp/bench-report.pdf";
    for (int i = 2; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--clusters"))
            options.clusters = std::stoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--out"))
            out = argv[i + 1];
    }
    auto store = CaseStore::open(argv[1]);
    if (!store) {
        std::fprintf(stderr, "%s\n", store.error().message.c_str());
        return 1;
    }
    const auto world = WorldMap::standard();
    auto start = Clock::now();
    double cpu = cpuSeconds();
    NullProgress quiet;
    const auto content = assembleReport(*store.value(), options, 0, quiet);
    if (!content) {
        std::fprintf(stderr, "%s\n", content.error().message.c_str());
        return 1;
    }
    const double assembleWall = since(start), assembleCpu = cpuSeconds() - cpu;
    start = Clock::now();
    cpu = cpuSeconds();
    if (const Status written =
            render::writeReport(content.value(), world ? world.value().get() : nullptr, out, quiet);
        !written) {
        std::fprintf(stderr, "%s\n", written.error().message.c_str());
        return 1;
    }
    const double writeWall = since(start), writeCpu = cpuSeconds() - cpu;
    std::size_t accounts = 0;
    for (const ReportCluster &cluster : content->clusters)
        accounts += cluster.graph ? cluster.graph->nodes.size() : 0;
    std::printf("%lld posts, %lld accounts; %zu clusters reported (%zu accounts in their "
                "networks), network figure %zu accounts, %zu audit entries\n",
                (long long)content->summary.posts, (long long)content->summary.accounts,
                content->clusters.size(), accounts,
                content->network ? content->network->nodes.size() : 0, content->audit.size());
    std::printf("  assemble %6.2f s wall %6.2f s CPU\n", assembleWall, assembleCpu);
    std::printf("  write    %6.2f s wall %6.2f s CPU  %.1f MB\n", writeWall, writeCpu,
                double(QFileInfo(QString::fromStdString(out)).size()) / 1e6);
    std::printf("  total    %6.2f s wall\n", assembleWall + writeWall);
    return 0;
}
