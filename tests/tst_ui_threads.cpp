// The workbench's background threads run below its window's thread, so that on two cores the
// window gets a core first (common/ThreadPriority): a reader answering the views at nice 5, a
// long job and the threads it starts at nice 10. The window's own thread stays where it was.
#include "TestSupport.h"
#include "controllers/CaseReader.h"
#include "controllers/TaskRunner.h"
#include "store/CaseStore.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <atomic>
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

} // namespace

class TestUiThreads : public QObject
{
    Q_OBJECT

private slots:
    void backgroundThreadsRunBelowTheWindow()
    {
#ifndef __linux__
        QSKIP("thread priorities are set on Linux only");
#endif
        const int window = thisThreadsNice();

        QTemporaryDir dir;
        const std::string path = test::makeCase(dir)->path();
        CaseReader reader;
        reader.open(QString::fromStdString(path));
        int readerNice = -100;
        reader.run([](const CaseStore &) { return thisThreadsNice(); },
                   [&readerNice](int nice) { readerNice = nice; });
        QTRY_COMPARE(readerNice, std::min(19, window + 5));

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
        QCOMPARE(jobNice.load(), std::min(19, window + 10));
        QCOMPARE(startedNice.load(), std::min(19, window + 10)); // inherited
        QCOMPARE(thisThreadsNice(), window);
    }
};

QTEST_MAIN(TestUiThreads)
#include "tst_ui_threads.moc"
