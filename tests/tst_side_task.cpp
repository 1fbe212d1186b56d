// common/SideTask: work on a thread of its own, its progress and Cancel relayed through the
// calling thread.
#include "common/SideTask.h"

#include <QTest>

#include <stdexcept>
#include <thread>
#include <vector>

using namespace chorus;

namespace {

// Records what reaches the job's sink, and on which thread.
class RecordingProgress final : public ProgressSink
{
public:
    void progress(std::int64_t done, std::int64_t total) override
    {
        reports.emplace_back(done, total);
        threads.push_back(std::this_thread::get_id());
    }
    bool isCancelled() const override
    {
        return cancelAfter >= 0 && int(reports.size()) > cancelAfter;
    }

    std::vector<std::pair<std::int64_t, std::int64_t>> reports;
    std::vector<std::thread::id> threads;
    int cancelAfter = -1;
};

} // namespace

class TestSideTask : public QObject
{
    Q_OBJECT
private slots:
    void resultAndProgressOnTheCallingThread();
    void cancelReachesTheWork();
    void exceptionRethrownByWait();
    void leavingTheScopeStopsTheWork();
};

void TestSideTask::resultAndProgressOnTheCallingThread()
{
    std::thread::id worker;
    SideTask<int> task([&](ProgressSink &relay) {
        worker = std::this_thread::get_id();
        for (int i = 1; i <= 5; ++i) {
            relay.progress(i, 5);
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return 42;
    });
    RecordingProgress progress;
    QCOMPARE(task.wait(progress), 42);
    QVERIFY(worker != std::this_thread::get_id());
    QVERIFY(!progress.reports.empty());
    QCOMPARE(progress.reports.back(), std::make_pair(std::int64_t(5), std::int64_t(5)));
    for (std::thread::id id : progress.threads)
        QVERIFY(id == std::this_thread::get_id());
}

void TestSideTask::cancelReachesTheWork()
{
    SideTask<bool> task([](ProgressSink &relay) {
        // Runs until told to stop: a Cancel that never arrived would hang here.
        while (!relay.isCancelled())
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return false;
    });
    RecordingProgress progress;
    progress.cancelAfter = 2;
    QCOMPARE(task.wait(progress), false);
}

void TestSideTask::exceptionRethrownByWait()
{
    SideTask<int> task([](ProgressSink &) -> int { throw std::runtime_error("out of luck"); });
    RecordingProgress progress;
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, task.wait(progress));
}

void TestSideTask::leavingTheScopeStopsTheWork()
{
    std::atomic<bool> stopped{false};
    {
        SideTask<int> task([&](ProgressSink &relay) {
            while (!relay.isCancelled())
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            stopped = true;
            return 0;
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    } // no wait(): the destructor stops the work and joins its thread
    QVERIFY(stopped);
}

QTEST_GUILESS_MAIN(TestSideTask)
#include "tst_side_task.moc"
