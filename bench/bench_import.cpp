// bench_import: imports a synthetic X archive CSV into a fresh case and prints the speed,
// the time per import stage and the peak memory; then loads the same CSV with the sqlite3
// shell's .import into a bare table, the floor that any importer pays for reading the
// CSV and writing its rows.
#include "SyntheticCollection.h"

#include "import/ImportRunner.h"
#include "store/CaseStore.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>

#include <sys/resource.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

namespace {

const char Usage[] = "usage: bench_import [--posts N] [--seed S] [--file X_ARCHIVE.csv]\n"
                     "                    [--case PATH.chorus] [--cache-mib N] [--no-floor]\n"
                     "Default: 100000 posts, file /tmp/chorus-bench-<N>.csv (generated if "
                     "missing), case /tmp/chorus-bench-import.chorus (replaced).\n";

double cpuSeconds(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

long peakRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss; // KiB on Linux
}

// Records when each import stage starts, for the per-stage breakdown.
class StageTimer final : public chorus::ProgressSink
{
public:
    explicit StageTimer(QElapsedTimer &clock) : m_clock(clock) {}
    void progress(std::int64_t, std::int64_t) override {}
    // The benchmark's own markers between the importer's stages.
    void mark(const std::string &description)
    {
        m_stages.push_back({description, m_clock.nsecsElapsed(), cpuSeconds(RUSAGE_SELF)});
    }
    void onStage(const chorus::StageEvent &event) override { mark(chorus::describeStage(event)); }
    struct Stage
    {
        std::string name;
        qint64 startNs;
        double startCpu;
    };
    std::vector<Stage> m_stages;

private:
    QElapsedTimer &m_clock;
};

void removeCase(const std::string &path)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        std::filesystem::remove(path + suffix);
}

// Runs the sqlite3 shell: .import of the same CSV into a table without constraints.
bool measureFloor(const std::string &csv, std::uint64_t rows)
{
    const std::string db = "/tmp/chorus-bench-floor.db";
    removeCase(db);
    const QString script =
        QStringLiteral("PRAGMA journal_mode = WAL;\nPRAGMA synchronous = NORMAL;\n"
                       ".mode csv\n.import %1 tweets\n")
            .arg(QString::fromStdString(csv));
    QProcess shell;
    const double cpuBefore = cpuSeconds(RUSAGE_CHILDREN);
    QElapsedTimer clock;
    clock.start();
    shell.start(QStringLiteral("sqlite3"), {QString::fromStdString(db)});
    if (!shell.waitForStarted()) {
        std::printf("floor: sqlite3 shell not found; skipped\n");
        return false;
    }
    shell.write(script.toUtf8());
    shell.closeWriteChannel();
    shell.waitForFinished(-1);
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    if (shell.exitCode() != 0) {
        std::printf("floor: sqlite3 failed: %s\n", shell.readAllStandardError().constData());
        return false;
    }
    const double cpu = cpuSeconds(RUSAGE_CHILDREN) - cpuBefore;
    std::printf("floor: sqlite3 .import into a bare table: %.2f s wall, %.2f s CPU: "
                "%.0f rows/s wall, %.0f rows/s CPU\n",
                seconds, cpu, double(rows) / seconds, double(rows) / cpu);
    removeCase(db);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    chorus::bench::GeneratorOptions options;
    options.posts = 100000;
    std::string file, casePath = "/tmp/chorus-bench-import.chorus";
    bool floor = true;
    long cacheMiB = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--posts" && hasValue)
            options.posts = std::strtoull(argv[++i], nullptr, 10);
        else if (arg == "--seed" && hasValue)
            options.seed = std::strtoull(argv[++i], nullptr, 10);
        else if (arg == "--file" && hasValue)
            file = argv[++i];
        else if (arg == "--case" && hasValue)
            casePath = argv[++i];
        else if (arg == "--cache-mib" && hasValue)
            cacheMiB = std::strtol(argv[++i], nullptr, 10);
        else if (arg == "--no-floor")
            floor = false;
        else {
            std::fputs(Usage, stderr);
            return 2;
        }
    }
    if (file.empty()) {
        file = "/tmp/chorus-bench-" + std::to_string(options.posts) +
               (options.seed == 1 ? "" : "-s" + std::to_string(options.seed)) + ".csv";
        if (!std::filesystem::exists(file)) {
            QElapsedTimer generate;
            generate.start();
            const chorus::bench::SyntheticCollection collection(options);
            if (!collection.writeXArchive(file)) {
                std::fprintf(stderr, "bench_import: %s\n", collection.errorString().c_str());
                return 1;
            }
            std::printf("generated %s in %.2f s\n", file.c_str(),
                        double(generate.nsecsElapsed()) / 1e9);
        }
    }
    const double megabytes = double(QFileInfo(QString::fromStdString(file)).size()) / 1e6;
    const long rssBefore = peakRssKiB();

    removeCase(casePath);
    const double cpuBefore = cpuSeconds(RUSAGE_SELF);
    QElapsedTimer clock;
    clock.start();
    auto store = chorus::CaseStore::open(casePath, chorus::CaseStore::OpenMode::OpenOrCreate);
    if (!store) {
        std::fprintf(stderr, "bench_import: %s\n", store.error().message.c_str());
        return 1;
    }
    if (cacheMiB > 0) // experiment: SQLite page cache other than the case default
        store.value()->db().execScript(
            ("PRAGMA cache_size = -" + std::to_string(cacheMiB * 1024)).c_str());
    StageTimer stages(clock);
    stages.mark("Preparing (format detection, source row)");
    chorus::ImportOptions importOptions;
    importOptions.onlyConnection = true; // as chorus-cli import
    const auto report = chorus::importFile(*store.value(), file, importOptions, stages);
    if (!report) {
        std::fprintf(stderr, "bench_import: %s\n", report.error().message.c_str());
        return 1;
    }
    stages.mark("Closing the case (WAL checkpoint)");
    store.value().reset();
    const qint64 totalNs = clock.nsecsElapsed();
    const double cpu = cpuSeconds(RUSAGE_SELF) - cpuBefore;
    const double seconds = double(totalNs) / 1e9;
    const auto &n = report.value().counts;
    std::printf("file: %s (%.1f MB)\n", file.c_str(), megabytes);
    std::printf("imported %lld posts (read %lld, rejected %lld, %lld accounts)\n",
                static_cast<long long>(n.imported), static_cast<long long>(n.read),
                static_cast<long long>(n.rejected), static_cast<long long>(n.newAccounts));
    // CPU time as well as wall time: the machine may be shared, and CPU time is what the
    // code costs.
    std::printf("import: %.2f s wall, %.2f s CPU: %.0f posts/s wall, %.0f posts/s CPU, "
                "%.1f MB/s wall\n",
                seconds, cpu, double(n.imported) / seconds, double(n.imported) / cpu,
                megabytes / seconds);
    const double cpuEnd = cpuSeconds(RUSAGE_SELF);
    for (size_t i = 0; i < stages.m_stages.size(); ++i) {
        const bool last = i + 1 == stages.m_stages.size();
        const qint64 end = last ? totalNs : stages.m_stages[i + 1].startNs;
        const double endCpu = last ? cpuEnd : stages.m_stages[i + 1].startCpu;
        std::printf("  %-52.52s %7.2f s wall %7.2f s CPU\n", stages.m_stages[i].name.c_str(),
                    double(end - stages.m_stages[i].startNs) / 1e9,
                    endCpu - stages.m_stages[i].startCpu);
    }
    std::printf("peak memory (ru_maxrss): %.1f MiB (%.1f MiB before the import)\n",
                double(peakRssKiB()) / 1024, double(rssBefore) / 1024);
    std::printf("case file: %.1f MB\n",
                double(QFileInfo(QString::fromStdString(casePath)).size()) / 1e6);
    if (floor)
        measureFloor(file, std::uint64_t(n.read));
    return n.rejected == 0 ? 0 : 1;
}
