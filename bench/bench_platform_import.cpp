// bench_platform_import: for each platform with a sample writer (or the one named), writes a
// seeded synthetic export of N records, imports it into a fresh case and prints records/s and
// the process's peak memory. Peak RSS is the maximum over the whole run, so run one format per
// process (--format) to read a format's own memory.
#include "PlatformSamples.h"

#include "import/ImportRunner.h"
#include "store/CaseStore.h"

#include <QElapsedTimer>

#include <sys/resource.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

namespace {

const char Usage[] = "usage: bench_platform_import [--format NAME] [--records N] [--seed S]\n"
                     "                             [--keep]\n"
                     "Default: every format, 1000000 records, files in /tmp (removed unless "
                     "--keep).\n";

long peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

void removeCase(const std::string &path)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        std::filesystem::remove(path + suffix);
}

struct SilentProgress final : chorus::ProgressSink
{
    void progress(std::int64_t, std::int64_t) override {}
};

} // namespace

int main(int argc, char **argv)
{
    std::string only;
    std::int64_t records = 1000000;
    std::uint64_t seed = 1;
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--format" && hasValue)
            only = argv[++i];
        else if (arg == "--records" && hasValue)
            records = std::strtoll(argv[++i], nullptr, 10);
        else if (arg == "--seed" && hasValue)
            seed = std::strtoull(argv[++i], nullptr, 10);
        else if (arg == "--keep")
            keep = true;
        else {
            std::fputs(Usage, stderr);
            return 2;
        }
    }
    bool found = false;
    for (const auto &sample : chorus::bench::platformSamples()) {
        if (!only.empty() && only != sample.format)
            continue;
        found = true;
        const std::string file = "/tmp/chorus-bench-" + std::string(sample.format) + "-" +
                                 std::to_string(records) + sample.extension;
        QElapsedTimer clock;
        clock.start();
        if (!sample.write(file, records, seed)) {
            std::fprintf(stderr, "%s: could not write %s: %s\n", sample.format, file.c_str(),
                         std::strerror(errno));
            return 1;
        }
        const double writeSeconds = double(clock.nsecsElapsed()) / 1e9;
        const auto size = std::filesystem::file_size(file);

        const std::string casePath = "/tmp/chorus-bench-platform.chorus";
        removeCase(casePath);
        auto store = chorus::CaseStore::open(casePath, chorus::CaseStore::OpenMode::OpenOrCreate);
        if (!store) {
            std::fprintf(stderr, "%s\n", store.error().message.c_str());
            return 1;
        }
        chorus::ImportOptions options;
        options.onlyConnection = true; // as chorus-cli import
        options.format = sample.format;
        SilentProgress progress;
        clock.restart();
        auto report = chorus::importFile(*store.value(), file, options, progress);
        const double seconds = double(clock.nsecsElapsed()) / 1e9;
        if (!report) {
            std::fprintf(stderr, "%s: %s\n", sample.format, report.error().message.c_str());
            return 1;
        }
        const auto &counts = report.value().counts;
        // The rate is of the file's records as written: a Bluesky file also holds likes,
        // which are read and skipped and which counts.read leaves out.
        std::printf("%-12s %9lld records (%lld read as posts), %7.1f MiB (written in %.1f s): "
                    "imported %lld posts, %lld rejected, in %.2f s: %.0f records/s, %.1f MiB/s; "
                    "peak RSS %ld MiB\n",
                    sample.format, static_cast<long long>(records),
                    static_cast<long long>(counts.read), double(size) / 1048576.0, writeSeconds,
                    static_cast<long long>(counts.imported),
                    static_cast<long long>(counts.rejected), seconds, double(records) / seconds,
                    double(size) / 1048576.0 / seconds, peakRssMiB());
        std::fflush(stdout);
        store.value().reset();
        removeCase(casePath);
        if (!keep)
            std::filesystem::remove(file);
    }
    if (!found) {
        std::fprintf(stderr, "no sample writer for format '%s'\n", only.c_str());
        return 2;
    }
    return 0;
}
