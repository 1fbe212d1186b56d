// bench_ui_stall [--posts N] [--file FILE]
//                [--open CASE [--search WORDS [--kind K [--narrow-after MS]] [--search-after MS]]
//                 [--analyze] [--lay-out-again] [--report FILE.pdf] [--raise PANEL]]
//                [--trace-slow MS]
// The longest event-loop stall of the workbench window while it imports a collection (and
// builds its indexes), then analyses it (clusters, the coordination
// networks and account signals) in its worker thread, and reloads its views on each result; with
// --open, while it opens an existing case (a 10M-post one, say), with --analyze also while it
// analyses that case, and with --report while it writes the evidence report (File > Export Report's
// task). --search types WORDS into the posts table's filter once the case has opened (after 5 s, or
// MS with
// --search-after), and prints when its count and first rows came; then with --kind, narrowed
// to posts of that kind (3 s later, or MS with --narrow-after: while the posts table still
// works on the first search). A 5 ms timer ticks on the GUI thread; the largest gap between ticks
// is how long the window could not react. Target: <= 50 ms. --trace-slow prints every event
// the GUI thread took longer than MS to deliver, with its receiver's class and name: where a
// stall comes from. --raise brings a panel to the front as the case opens (graph, map: panels
// behind the timeline's tab read nothing until raised).
#include "MainWindow.h"
#include "SyntheticCollection.h"
#include "common/HugePageMalloc.h"
#include "controllers/CaseController.h"
#include "controllers/TaskRunner.h"
#include "dialogs/EvidenceExportAction.h"
#include "models/PostTableModel.h"
#include "query/NetworkQueries.h"
#include "store/CaseStore.h"
#include "views/ClustersView.h"
#include "views/GraphView.h"
#include "views/MapView.h"
#include "views/PostsView.h"
#include "views/TimelineView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <utility>
#include <vector>

using namespace chorus;

namespace {

// Where the GUI thread's time went between two ticks (Linux): on a core, waiting for one
// (the scheduler's run delay), or neither (blocked or asleep); and its page faults.
struct ThreadTimes
{
    double onCpuMs = 0;
    double waitingMs = 0;
    long majorFaults = 0;
    long minorFaults = 0;

    static ThreadTimes now()
    {
        ThreadTimes times;
        if (std::FILE *file = std::fopen("/proc/thread-self/schedstat", "r")) {
            unsigned long long onCpu = 0, waiting = 0;
            if (std::fscanf(file, "%llu %llu", &onCpu, &waiting) == 2) {
                times.onCpuMs = double(onCpu) / 1e6;
                times.waitingMs = double(waiting) / 1e6;
            }
            std::fclose(file);
        }
        rusage usage{};
        if (getrusage(RUSAGE_THREAD, &usage) == 0) {
            times.majorFaults = usage.ru_majflt;
            times.minorFaults = usage.ru_minflt;
        }
        return times;
    }
};

// Measures the gaps between ticks of a fast timer on the GUI thread.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setInterval(5);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const double gap = double(now - m_last) / 1e6;
            m_last = now;
            const ThreadTimes times = ThreadTimes::now();
            const ThreadTimes before = std::exchange(m_lastTimes, times);
            ++m_ticks;
            if (gap > m_max)
                m_max = gap;
            if (gap > 16)
                ++m_over16;
            if (gap > 50) {
                ++m_over50;
                if (m_over50Ends.size() < 8) {
                    const double onCpu = times.onCpuMs - before.onCpuMs;
                    const double waiting = times.waitingMs - before.waitingMs;
                    char line[200];
                    std::snprintf(line, sizeof line,
                                  "%.2f s into it: %.1f ms on a core, %.1f ms waiting for one, "
                                  "%.1f ms neither; %ld major, %ld minor page faults",
                                  double(now) / 1e9, onCpu, waiting,
                                  std::max(0.0, gap - onCpu - waiting),
                                  times.majorFaults - before.majorFaults,
                                  times.minorFaults - before.minorFaults);
                    m_over50Ends.push_back(line);
                }
            }
        });
    }
    void start()
    {
        m_max = 0;
        m_ticks = m_over16 = m_over50 = 0;
        m_over50Ends.clear();
        m_clock.start();
        m_last = 0;
        m_lastTimes = m_firstTimes = ThreadTimes::now();
        m_timer.start();
    }
    void report(const char *phase, double seconds) const
    {
        std::printf("%-28s %8.1f s  ticks %7lld  longest stall %7.1f ms  gaps >16 ms: %lld  "
                    ">50 ms: %lld\n",
                    phase, seconds, m_ticks, m_max, m_over16, m_over50);
        // How long the GUI thread was ready to run but had no core, in all: what the other
        // threads' priority changes.
        std::printf("  the GUI thread: %.1f ms on a core, %.1f ms waiting for one\n",
                    m_lastTimes.onCpuMs - m_firstTimes.onCpuMs,
                    m_lastTimes.waitingMs - m_firstTimes.waitingMs);
        for (const std::string &end : m_over50Ends)
            std::printf("  a gap over 50 ms ended %s\n", end.c_str());
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    double m_max = 0;
    long long m_ticks = 0, m_over16 = 0, m_over50 = 0;
    ThreadTimes m_firstTimes, m_lastTimes;
    std::vector<std::string> m_over50Ends;
};

// Times the delivery of each event the GUI thread's event loop hands out (not those sent from
// inside another's delivery), and prints the slow ones.
class TracingApplication : public QApplication
{
public:
    TracingApplication(int &argc, char **argv, double slowMs)
        : QApplication(argc, argv), m_slowMs(slowMs)
    {
        m_clock.start();
    }
    bool notify(QObject *receiver, QEvent *event) override
    {
        // The GUI thread's only: the reader threads deliver their own events here too. Inside
        // a slow one, the widgets' paint events, each timed (a repaint sends them all).
        if (m_slowMs <= 0 || QThread::currentThread() != thread() ||
            (m_depth > 0 && event->type() != QEvent::Paint))
            return QApplication::notify(receiver, event);
        ++m_depth;
        const qint64 start = m_clock.nsecsElapsed();
        // Read before delivery: the receiver or the event may be gone after it.
        QByteArray what = QByteArray(receiver->metaObject()->className()) + " '" +
                          receiver->objectName().toUtf8() + "'";
        if (const QObject *owner = receiver->parent()) // whose reader, say
            what += QByteArray(" of ") + owner->metaObject()->className();
        const int type = int(event->type());
        const bool result = QApplication::notify(receiver, event);
        --m_depth;
        const double ms = double(m_clock.nsecsElapsed() - start) / 1e6;
        if (ms > (m_depth > 0 ? m_slowMs / 4 : m_slowMs))
            std::printf("  %s event at %8.1f s: %6.1f ms, type %d to %s\n",
                        m_depth > 0 ? "  paint" : "slow", double(start) / 1e9, ms, type,
                        what.constData());
        return result;
    }

private:
    double m_slowMs;
    int m_depth = 0;
    QElapsedTimer m_clock;
};

void waitMs(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Runs one task of the window (started by `start`) to its end, then lets the views reload on
// its result for `reloadMs`, reporting the stalls of each.
bool runAndReport(ui::MainWindow &window, StallMeter &meter, const char *task, int reloadMs,
                  const std::function<bool()> &start)
{
    QEventLoop loop;
    // A case that has just been imported may be indexing its texts: asked for another job, the
    // workbench cancels that step, starts the job, and resumes the step after. The step's
    // finishing is not the job's.
    bool started = false;
    const auto onStart =
        QObject::connect(window.caseController()->tasks(), &ui::TaskRunner::started, &loop,
                         [&started] { started = true; });
    const auto onFinish = QObject::connect(
        window.caseController()->tasks(), &ui::TaskRunner::finished, &loop,
        [&loop, &started](bool ok, bool, const QString &message) {
            if (!started)
                return;
            std::printf("%s: %s\n", ok ? "done" : "failed", message.toLocal8Bit().constData());
            loop.quit();
        });
    QElapsedTimer clock;
    clock.start();
    meter.start();
    if (!start())
        return false;
    loop.exec();
    QObject::disconnect(onStart);
    QObject::disconnect(onFinish);
    meter.report(task, double(clock.elapsed()) / 1000);

    clock.restart();
    meter.start();
    waitMs(reloadMs);
    const std::string reloading = "views reloading (" + std::to_string(reloadMs / 1000) + " s)";
    meter.report(reloading.c_str(), double(clock.elapsed()) / 1000);
    return true;
}

// Clustering, then the coordination networks and signals, with the default parameters; the
// network drawing is among the views that reload.
bool analyzeAndReport(ui::MainWindow &window, StallMeter &meter)
{
    return runAndReport(window, meter, "analysis", 10000,
                        [&] { return window.caseController()->runAnalysis({}); });
}

// When each panel first showed an answer of the case, and last did (a panel reloads when
// another's answer changes what it shows: the timeline when the top clusters arrive).
class PanelClock
{
public:
    explicit PanelClock(const QElapsedTimer &clock) : m_clock(clock) {}
    template <typename Sender, typename Signal>
    void watch(const char *name, Sender *sender, Signal signal)
    {
        const std::size_t i = m_panels.size();
        m_panels.push_back({name, -1, -1, 0});
        QObject::connect(sender, signal, sender, [this, i] {
            Panel &panel = m_panels[i];
            const qint64 now = m_clock.elapsed();
            if (panel.first < 0)
                panel.first = now;
            panel.last = now;
            ++panel.answers;
        });
    }
    void report() const
    {
        for (const Panel &panel : m_panels)
            std::printf("  %-16s first answer %6lld ms, last %6lld ms (%d answers)\n", panel.name,
                        panel.first, panel.last, panel.answers);
    }

private:
    struct Panel
    {
        const char *name;
        qint64 first, last;
        int answers;
    };
    const QElapsedTimer &m_clock;
    std::vector<Panel> m_panels;
};

// Searches the posts table as the filter bar does, and reports when the count and the first
// rows came.
void searchAndReport(ui::PostTableModel &model, const PostFilter &filter, StallMeter &meter,
                     int forMs = 3000)
{
    QElapsedTimer clock;
    qint64 counted = -1, shown = -1;
    const auto onCount = QObject::connect(&model, &ui::PostTableModel::countChanged, [&] {
        if (counted < 0)
            counted = clock.elapsed();
    });
    const auto onRows = QObject::connect(&model, &QAbstractItemModel::dataChanged, [&] {
        if (shown < 0)
            shown = clock.elapsed();
    });
    // A failed query never answers: say why, not only that nothing came.
    const auto onFailure =
        QObject::connect(&model, &ui::PostTableModel::queryFailed, [&](const QString &message) {
            std::printf("  query failed at %lld ms: %s\n", static_cast<long long>(clock.elapsed()),
                        qPrintable(message));
        });
    clock.start();
    meter.start();
    model.setFilter(filter);
    waitMs(forMs);
    const std::string what = "search (" + std::to_string(forMs / 1000.0).substr(0, 3) + " s)";
    meter.report(what.c_str(), double(clock.elapsed()) / 1000);
    std::printf("  search '%s'%s%s: %lld rows, count at %lld ms, first rows at %lld ms\n",
                filter.text.c_str(), filter.kind.empty() ? "" : ", kind ", filter.kind.c_str(),
                static_cast<long long>(model.rowCount()), static_cast<long long>(counted),
                static_cast<long long>(shown));
    QObject::disconnect(onCount);
    QObject::disconnect(onRows);
    QObject::disconnect(onFailure);
}

} // namespace

int main(int argc, char **argv)
{
    useHugePagesForMalloc(argv); // as the workbench does (app/gui/main.cpp)
    std::uint64_t posts = 1000000;
    std::string file, existingCase, search, kind, raised;
    int searchAfterMs = 5000;
    int narrowAfterMs = 3000;
    bool analyzeExisting = false;
    bool layOutAgain = false;
    std::string report;
    double slowMs = 0;
    for (int i = 1; i < argc; ++i) {
        analyzeExisting = analyzeExisting || !std::strcmp(argv[i], "--analyze");
        layOutAgain = layOutAgain || !std::strcmp(argv[i], "--lay-out-again");
    }
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--analyze") || !std::strcmp(argv[i], "--lay-out-again"))
            --i; // a flag: no value follows
        else if (!std::strcmp(argv[i], "--posts"))
            posts = std::stoull(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--file"))
            file = argv[i + 1];
        else if (!std::strcmp(argv[i], "--open"))
            existingCase = argv[i + 1];
        else if (!std::strcmp(argv[i], "--search"))
            search = argv[i + 1];
        else if (!std::strcmp(argv[i], "--kind"))
            kind = argv[i + 1];
        else if (!std::strcmp(argv[i], "--narrow-after"))
            narrowAfterMs = std::stoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--search-after"))
            searchAfterMs = std::stoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--report"))
            report = argv[i + 1];
        else if (!std::strcmp(argv[i], "--raise"))
            raised = argv[i + 1];
        else if (!std::strcmp(argv[i], "--trace-slow"))
            slowMs = std::stod(argv[i + 1]);
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TracingApplication app(argc, argv, slowMs);
    // A message box (a case that did not open, a task that failed) waits for a click nobody
    // gives here: say what it says and stop.
    QTimer messageBoxes;
    messageBoxes.setInterval(50);
    QObject::connect(&messageBoxes, &QTimer::timeout, [] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            std::fprintf(stderr, "%s\n", qPrintable(box->text()));
            std::exit(1);
        }
    });
    messageBoxes.start();
    QTemporaryDir dir;
    if (!existingCase.empty()) {
        // Opening: the summary, then the views' counts, first pages, clusters and timeline
        // on their reader threads; page anchors of the posts table after them.
        // The window is shown and painted first, as when a case is opened from the File menu:
        // its first paint (fonts, the style's pixmaps) is the start of the program, reported
        // on its own line.
        ui::MainWindow window;
        StallMeter meter;
        meter.start();
        window.show();
        waitMs(500);
        meter.report("window shown, first paint", 0.5);
        QElapsedTimer clock;
        PanelClock panels(clock);
        panels.watch("case opened", window.caseController(), &ui::CaseController::caseOpened);
        panels.watch("posts count", window.postsView()->model(), &ui::PostTableModel::countChanged);
        panels.watch("clusters", window.clustersView(), &ui::ClustersView::loaded);
        panels.watch("timeline", window.timelineView(), &ui::TimelineView::loaded);
        panels.watch("graph", window.graphView(), &ui::GraphView::loaded);
        panels.watch("map", window.mapView(), &ui::MapView::loaded);
        clock.start();
        meter.start();
        if (!window.openCase(QString::fromStdString(existingCase)))
            return 1;
        if (!raised.empty())
            window.raisePanel(QString::fromStdString(raised));
        meter.report("openCase() returned", double(clock.elapsed()) / 1000); // opening queued
        for (int waited = 0; !window.caseController()->hasCase() && waited < 10000; waited += 5)
            waitMs(5);
        if (!window.caseController()->hasCase()) {
            std::fprintf(stderr, "the case did not open within 10 s\n");
            return 1;
        }
        // The search comes when the views have loaded, or as early as --search-after says
        // (before the posts table has read the posts' keys, say).
        const int loadingMs = search.empty() ? 5000 : searchAfterMs;
        waitMs(std::max(0, loadingMs - int(clock.elapsed()))); // from openCase()
        const std::string loading =
            "opening, views loading (" + std::to_string(loadingMs / 1000.0).substr(0, 3) + " s)";
        meter.report(loading.c_str(), double(clock.elapsed()) / 1000);
        panels.report();
        if (!search.empty()) {
            PostFilter filter;
            filter.text = search;
            searchAndReport(*window.postsView()->model(), filter, meter,
                            kind.empty() ? 3000 : narrowAfterMs);
            // Then narrowed, as a user picks a kind in the filter bar (--narrow-after).
            if (!kind.empty()) {
                filter.kind = kind;
                searchAndReport(*window.postsView()->model(), filter, meter);
            }
            // The panels again: their loads with the search's reads competing for the cores.
            std::printf("panels, the searches made meanwhile:\n");
            panels.report();
        }
        if (analyzeExisting && !analyzeAndReport(window, meter))
            return 1;
        if (layOutAgain) {
            // The run to lay out, found before the timing starts.
            const auto store = CaseStore::open(existingCase);
            const auto run = store ? NetworkQueries(*store.value()).latestRun()
                                   : Result<std::optional<NetworkRunInfo>>(store.error());
            if (!run || !run.value()) {
                std::fprintf(stderr, "no network run to lay out\n");
                return 1;
            }
            const std::int64_t runId = run.value()->id;
            if (!runAndReport(window, meter, "lay out again", 3000,
                              [&] { return window.caseController()->layOutNetwork(runId); }))
                return 1;
        }
        if (!report.empty() && !runAndReport(window, meter, "report", 2000, [&] {
                return ui::startReportExport(window.caseController(),
                                             QString::fromStdString(report));
            }))
            return 1;
        return 0;
    }
    if (file.empty()) {
        file = dir.filePath(QStringLiteral("posts.csv")).toStdString();
        bench::GeneratorOptions options;
        options.posts = posts;
        bench::SyntheticCollection collection(options);
        if (!collection.writeXArchive(file)) {
            std::fprintf(stderr, "%s\n", collection.errorString().c_str());
            return 1;
        }
        std::printf("generated %llu posts into %s\n", static_cast<unsigned long long>(posts),
                    file.c_str());
    }

    ui::MainWindow window;
    window.show();
    if (!window.openCase(dir.filePath(QStringLiteral("stall.chorus")), true))
        return 1;
    // The case opens off the GUI thread: an empty one in a few ms.
    for (int waited = 0; !window.caseController()->hasCase() && waited < 10000; waited += 50)
        waitMs(50);
    if (!window.caseController()->hasCase()) {
        std::fprintf(stderr, "the new case did not open within 10 s\n");
        return 1;
    }
    waitMs(500);

    StallMeter meter;
    // The views reload on the new case: counts, first pages, timeline aggregates.
    if (!runAndReport(window, meter, "import", 3000, [&] {
            return window.caseController()->importFiles({QString::fromStdString(file)});
        }))
        return 1;
    // The workbench's import builds its indexes at its end (the text index, the filters' and
    // the views'): they are in the import's line. An index step still running (one the import
    // was stopped in, resumed) is timed on its own line; the analysis would pause it.
    QElapsedTimer indexing;
    indexing.start();
    meter.start();
    while (window.caseController()->tasks()->isRunning() && indexing.elapsed() < 3600 * 1000)
        waitMs(50);
    meter.report("index step", double(indexing.elapsed()) / 1000);
    return analyzeAndReport(window, meter) ? 0 : 1;
}
