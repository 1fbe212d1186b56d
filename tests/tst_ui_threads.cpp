// The workbench's background threads run below its window's thread, so that on two cores the
// window gets a core first (common/ThreadPriority): a reader answering the views at nice 5, a
// long job and the threads it starts at nice 18. The window's own thread stays where it was.
// A panel's reader runs below the posts table's (nice 17), and a reader's interrupt() keeps the
// jobs queued for a view's old state from running.
#include "TestSupport.h"
#include "controllers/CaseReader.h"
#include "controllers/TaskRunner.h"
#include "store/CaseStore.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>

#ifdef __linux__
#include <sys/resource.h>
#include <unistd.h>
#endif

using namespace chorus;
using namespace chorus::ui;

namespace {

int thisThreadsNice()
{
#ifdef __linux__
    return getpriority(PRIO_PROCESS, static_cast<id_t>(gettid()));
#else
    return 0;
#endif
}

// Where a thread lowered `by` from `window` runs: off Linux priorities are left as they are.
int lowered(int window, int by)
{
#ifdef __linux__
    return std::min(19, window + by);
#else
    static_cast<void>(by);
    return window;
#endif
}

} // namespace

class TestUiThreads : public QObject
{
    Q_OBJECT

private slots:
    void backgroundThreadsRunBelowTheWindow()
    {
        const int window = thisThreadsNice();

        QTemporaryDir dir;
        const std::string path = test::makeCase(dir)->path();
        CaseReader reader;
        reader.open(QString::fromStdString(path));
        int readerNice = -100;
        reader.run([](const CaseStore &) { return thisThreadsNice(); },
                   [&readerNice](int nice) { readerNice = nice; });
        QTRY_COMPARE(readerNice, lowered(window, 5));
        CaseReader panel(nullptr, BackgroundPriority::Panel);
        panel.open(QString::fromStdString(path));
        int panelNice = -100;
        panel.run([](const CaseStore &) { return thisThreadsNice(); },
                  [&panelNice](int nice) { panelNice = nice; });
        QTRY_COMPARE(panelNice, lowered(window, 17));

        TaskRunner tasks;
        QSignalSpy finished(&tasks, &TaskRunner::finished);
        std::atomic<int> jobNice = -100, startedNice = -100;
        QVERIFY(tasks.start("nice", [&](ProgressSink &) -> Result<QString> {
            jobNice = thisThreadsNice();
            std::thread started([&] { startedNice = thisThreadsNice(); });
            started.join();
            return QString();
        }));
        QVERIFY(finished.wait(10000));
        QCOMPARE(jobNice.load(), lowered(window, 18));
        QCOMPARE(startedNice.load(), lowered(window, 18)); // inherited
        QCOMPARE(thisThreadsNice(), window);
    }

    void jobsQueuedForAnOldStateDoNotRun()
    {
        QTemporaryDir dir;
        const std::string path = test::makeCase(dir)->path();
        CaseReader reader;
        reader.open(QString::fromStdString(path));
        // The reader is busy while the view moves on: the jobs queued meanwhile wait.
        std::atomic<bool> release = false;
        bool busyDone = false;
        reader.run(
            [&release](const CaseStore &) {
                while (!release)
                    std::this_thread::yield();
                return true;
            },
            [&busyDone](bool) { busyDone = true; });
        std::atomic<int> oldRan = 0, plainRan = 0, newRan = 0;
        std::optional<Result<int>> oldAnswer, newAnswer;
        bool plainDone = false;
        reader.runCurrent([&oldRan](const CaseStore &) -> Result<int> { return ++oldRan; },
                          [&oldAnswer](Result<int> answer) { oldAnswer = std::move(answer); });
        reader.run([&plainRan](const CaseStore &) { return ++plainRan; },
                   [&plainDone](int) { plainDone = true; });
        reader.interrupt();
        reader.runCurrent(
            [&newRan](const CaseStore &store) -> Result<int> {
                ++newRan;
                return int(store.db().queryInt64("SELECT 41 + 1")); // not interrupted itself
            },
            [&newAnswer](Result<int> answer) { newAnswer = std::move(answer); });
        release = true;
        QTRY_VERIFY(newAnswer.has_value());
        QVERIFY(busyDone);
        QVERIFY(oldAnswer.has_value());
        QVERIFY(!oldAnswer->ok());
        QVERIFY(oldAnswer->error().cancelled);
        QCOMPARE(oldRan.load(), 0);
        QVERIFY(plainDone); // run() keeps its old contract: a queued job runs whole
        QCOMPARE(plainRan.load(), 1);
        QVERIFY(newAnswer->ok());
        QCOMPARE(newAnswer->value(), 42);
        QCOMPARE(newRan.load(), 1);
    }
};

QTEST_MAIN(TestUiThreads)
#include "tst_ui_threads.moc"
