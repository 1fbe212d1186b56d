// bench_importer_read: an importer's own cost. Streams FILE through the named importer's
// read() into a sink that keeps nothing (no case, no SQLite, no hashing) and prints the
// records read and the CPU and wall time: the reading side of bench_platform_import, to
// tell parsing from storing. Make FILE with bench_platform_import --keep. FILE may be
// compressed (gzip, zstd, bzip2, xz): it is then decompressed as the import does, on the fly.
#include "import/Importer.h"
#include "import/input/ImportInput.h"

#include <QIODevice>

#include <cstdio>
#include <ctime>
#include <string>

namespace {

const char Usage[] = "usage: bench_importer_read --format NAME FILE\n";

struct CountingSink final : chorus::RecordSink
{
    std::int64_t posts = 0;
    std::int64_t accounts = 0;
    std::int64_t rejected = 0;
    std::int64_t warnings = 0;
    void post(chorus::PostRecord &&) override { ++posts; }
    void account(chorus::AccountRecord &&) override { ++accounts; }
    void reject(std::int64_t, std::string_view, std::string_view, std::string_view) override
    {
        ++rejected;
    }
    void warn(std::int64_t, std::string_view, std::string_view, std::string_view) override
    {
        ++warnings;
    }
};

struct SilentProgress final : chorus::ProgressSink
{
    void progress(std::int64_t, std::int64_t) override {}
};

double seconds(clockid_t clock)
{
    timespec t{};
    clock_gettime(clock, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 4 || std::string(argv[1]) != "--format") {
        std::fputs(Usage, stderr);
        return 2;
    }
    auto importer = chorus::importerByName(argv[2]);
    if (!importer) {
        std::fprintf(stderr, "unknown format '%s'\n", argv[2]);
        return 2;
    }
    auto input = chorus::ImportInput::open({argv[3], {}});
    if (!input) {
        std::fprintf(stderr, "%s\n", input.error().message.c_str());
        return 1;
    }
    QIODevice &file = input.value()->device();
    CountingSink sink;
    SilentProgress progress;
    const double cpu = seconds(CLOCK_PROCESS_CPUTIME_ID);
    const double wall = seconds(CLOCK_MONOTONIC);
    const chorus::Status status = importer->read(file, argv[3], {}, sink, progress);
    const chorus::ImportInput::Outcome decoded = input.value()->finish(true);
    const double cpuSeconds = seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu;
    const double wallSeconds = seconds(CLOCK_MONOTONIC) - wall;
    if (!status || decoded.failed) {
        std::fprintf(stderr, "%s\n",
                     !status ? status.error().message.c_str() : decoded.message.c_str());
        return 1;
    }
    std::printf("%s: %lld posts, %lld accounts, %lld rejected, %lld warnings; %.2f s CPU "
                "(%.0f posts/s), %.2f s wall (%.0f posts/s)\n",
                argv[2], static_cast<long long>(sink.posts), static_cast<long long>(sink.accounts),
                static_cast<long long>(sink.rejected), static_cast<long long>(sink.warnings),
                cpuSeconds, double(sink.posts) / cpuSeconds, wallSeconds,
                double(sink.posts) / wallSeconds);
    return 0;
}
