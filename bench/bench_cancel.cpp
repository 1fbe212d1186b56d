// bench_cancel CASE [--job analyze|network|layout|report|index|import] [--file FILE]
//              [--at S,S,...] [--in-stage STAGE]:
// how long Cancel takes to stop a long job, and that it leaves the case as it was (a report: no
// file, no audit entry; an import of FILE: no source, no post; it makes CASE if there is none).
// The index step keeps the steps it committed before the Cancel, as it does in the workbench. The
// job runs on a worker thread as in the workbench; Cancel is asked for after each delay in turn
// (default 0.5, 1, 2, 3, 5, 8, 12, 20 seconds, until the job ends first), and the time from the
// request to the job's return is printed with the stage it was in. With --in-stage, each delay
// counts from when the job enters that stage (its CLI name, e.g. resolving-locations), for a
// stage too short to hit by a delay from the start. Target: within a second.
#include "clustering/TextClusterAnalysis.h"
#include "import/ImportRunner.h"
#include "network/NetworkAnalysis.h"
#include "network/NetworkLayout.h"
#include "query/NetworkQueries.h"
#include "render/ReportFile.h"
#include "store/CaseStore.h"
#include "store/TextIndex.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

using namespace chorus;

namespace {

// The report a report job writes; it must not exist after a Cancel.
const char *ReportPath = "/tmp/bench-cancel-report.pdf";

// A fingerprint of what the jobs write, to check that a cancelled job wrote nothing.
std::string caseState(const CaseStore &store)
{
    return std::to_string(store.db().queryInt64("SELECT count(*) FROM analysis_runs")) + "/" +
           std::to_string(store.db().queryInt64("SELECT coalesce(max(id), 0) FROM clusters")) +
           "/" + std::to_string(store.db().queryInt64("SELECT count(*) FROM network_edges")) + "/" +
           std::to_string(store.db().queryInt64("SELECT count(*) FROM audit_log")) + "/" +
           std::to_string(store.db().queryInt64("SELECT count(*) FROM sources")) + "/" +
           std::to_string(store.db().queryInt64("SELECT coalesce(max(id), 0) FROM posts")) + "/" +
           (QFileInfo::exists(QString::fromLatin1(ReportPath)) ? "file" : "no file") + "/" +
           (QFileInfo::exists(QString::fromLatin1(ReportPath) + QStringLiteral(".SHA256SUMS"))
                ? "manifest"
                : "no manifest");
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr,
                     "usage: bench_cancel CASE [--job analyze|network|layout|report|index|import] "
                     "[--file FILE] [--at S,...] [--in-stage STAGE]\n");
        return 2;
    }
    const std::string path = argv[1];
    std::string job = "analyze";
    std::string file, inStage;
    std::vector<double> delays = {0.5, 1, 2, 3, 5, 8, 12, 20};
    for (int i = 2; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--job")) {
            job = argv[i + 1];
        } else if (!std::strcmp(argv[i], "--file")) {
            file = argv[i + 1];
        } else if (!std::strcmp(argv[i], "--in-stage")) {
            inStage = argv[i + 1];
        } else if (!std::strcmp(argv[i], "--at")) {
            delays.clear();
            for (const char *p = argv[i + 1]; *p;) {
                char *end = nullptr;
                delays.push_back(std::strtod(p, &end));
                p = *end == ',' ? end + 1 : end;
                if (end == p && *p)
                    break;
            }
        }
    }
    // The report is drawn with QtGui: run with QT_QPA_PLATFORM=offscreen without a display.
    std::optional<QGuiApplication> app;
    if (job == "report")
        app.emplace(argc, argv);
    if (job == "import" && file.empty()) {
        std::fprintf(stderr, "--job import needs --file FILE\n");
        return 2;
    }
    auto store = CaseStore::open(path, job == "import" ? CaseStore::OpenMode::OpenOrCreate
                                                       : CaseStore::OpenMode::OpenExisting);
    if (!store) {
        std::fprintf(stderr, "%s\n", store.error().message.c_str());
        return 1;
    }
    std::printf("%-8s %10s %12s  %-8s %s\n", "job", "cancel at", "stopped in", "case", "stage");
    for (const double delay : delays) {
        const std::string before = caseState(*store.value());
        // The stage the job is in, as the workbench's progress sink sees it.
        CancelToken cancel;
        std::mutex stageMutex;
        std::string currentStage = "starting";
        CallbackProgress progress({}, &cancel, [&](const StageEvent &event) {
            const std::lock_guard lock(stageMutex);
            currentStage = stageId(event.stage);
            if (!event.subject.empty())
                currentStage += " " + event.subject;
        });
        bool ok = false;
        std::string error;
        std::atomic<bool> returned{false};
        std::thread worker([&] {
            const struct Returned
            {
                std::atomic<bool> &flag;
                ~Returned() { flag = true; }
            } marksReturn{returned};
            auto own = CaseStore::open(path); // a worker's own connection, as in the workbench
            if (!own) {
                error = own.error().message;
                return;
            }
            if (job == "import") {
                const auto imported = importFile(*own.value(), file, {}, progress);
                ok = bool(imported);
                error = imported ? "" : imported.error().message;
            } else if (job == "layout") {
                // Lay Out Again of the latest network run (the Graph panel's menu).
                const auto run = NetworkQueries(*own.value()).latestRun();
                if (!run || !run.value()) {
                    error = "no network run to lay out";
                    return;
                }
                const auto laid =
                    NetworkLayout(own.value()->db()).layOutAgain(run.value()->id, 1, progress);
                ok = bool(laid);
                error = laid ? "" : laid.error().message;
            } else if (job == "index") {
                const auto indexed = updateTextIndex(own.value()->db(), progress);
                ok = bool(indexed);
                error = indexed ? "" : indexed.error().message;
            } else if (job == "report") {
                ReportOptions options;
                options.clusters = 20;
                const auto written =
                    render::makeReportFile(*own.value(), options, ReportPath, true, progress);
                ok = bool(written);
                error = written ? "" : written.error().message;
            } else if (job == "network") {
                const auto run = runNetworkAnalysis(own.value()->db(), {}, progress);
                ok = bool(run);
                error = run ? "" : run.error().message;
            } else {
                const auto run = runTextClusterAnalysis(own.value()->db(), {}, progress);
                ok = bool(run);
                error = run ? "" : run.error().message;
            }
        });
        // The stage to count the delay from, when asked for: polled every millisecond.
        const auto stageNow = [&] {
            const std::lock_guard lock(stageMutex);
            return currentStage;
        };
        while (!inStage.empty() && !returned && stageNow().rfind(inStage, 0) != 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        std::this_thread::sleep_for(std::chrono::duration<double>(delay));
        const std::string stage = stageNow();
        QElapsedTimer stopping;
        stopping.start();
        cancel.request();
        worker.join();
        const double ms = double(stopping.nsecsElapsed()) / 1e6;
        if (ok) {
            std::printf("%-8s %9.1fs  finished first\n", job.c_str(), delay);
            QFile::remove(QString::fromLatin1(ReportPath));
            QFile::remove(QString::fromLatin1(ReportPath) + QStringLiteral(".SHA256SUMS"));
            break;
        }
        const bool unchanged = caseState(*store.value()) == before;
        std::printf("%-8s %9.1fs %10.0f ms  %-8s %s%s\n", job.c_str(), delay, ms,
                    unchanged ? "as before" : "CHANGED", stage.c_str(),
                    error.find("cancel") == std::string::npos ? (" (" + error + ")").c_str() : "");
    }
    return 0;
}
