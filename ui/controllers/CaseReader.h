#pragma once

#include "common/Error.h"
#include "common/ThreadPriority.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>

namespace chorus {
class CaseStore;
}

namespace chorus::ui {

// A reading connection to the open case on its own thread. Views hand it jobs (plain
// functions of the CaseStore, which run there in order) and get the results back on the
// GUI thread, so that no query ever blocks the window. One connection per thread: each
// model that queries owns its own reader. Create and use from the GUI thread; the
// destructor waits for the running job to end (interrupt() makes that quick).
class CaseReader : public QObject
{
    Q_OBJECT
public:
    // The thread runs `priority` below the window's. Panels pass BackgroundPriority::Panel so
    // that, in the first second of a large case when every view reads at once, the posts
    // table's answers (what the user types into) are not left waiting behind theirs.
    explicit CaseReader(QObject *parent = nullptr,
                        BackgroundPriority priority = BackgroundPriority::Reader);
    ~CaseReader() override;

    // Opens the case on the reader thread (an empty path closes it). Jobs queued before
    // see the old case.
    void open(const QString &path);

    // What openForWindow() found.
    enum class Opening {
        Opened,       // the case is open on this reader
        NeedsUpgrade, // an older case, not opened: its upgrade takes seconds at millions of
                      // posts, a task of its own (progress, Cancel)
    };
    // open() as a window opens a case the user picked: created when `create` and missing,
    // checked (needsUpgrade(), then CaseStore::open()), then done(result) on the GUI thread;
    // after an error or NeedsUpgrade no case is open here. All of it off the GUI thread: on a
    // cold disk the checks read pages far apart in a large file.
    void openForWindow(const QString &path, bool create, std::function<void(Result<Opening>)> done);

    // Runs job(store) on the reader thread, then done(result) on the GUI thread, unless
    // this reader was destroyed in between. Jobs are skipped while no case is open.
    template <typename Job, typename Done> void run(Job job, Done done)
    {
        post([this, job = std::move(job), done = std::move(done)](const CaseStore &store) {
            auto result = job(store);
            QMetaObject::invokeMethod(
                this, [done, result = std::move(result)]() mutable { done(std::move(result)); },
                Qt::QueuedConnection);
        });
    }

    // run() for a job that answers what a view shows when it is queued (a page, a count of its
    // filter): when interrupt() is called before its turn comes, the view has moved on, and it
    // is not run: done gets Error::cancel(). The job returns a Result.
    template <typename Job, typename Done> void runCurrent(Job job, Done done)
    {
        using Answer = decltype(job(std::declval<const CaseStore &>()));
        run(
            [this, queuedAt = m_interrupts.load(),
             job = std::move(job)](const CaseStore &store) -> Answer {
                if (m_interrupts.load() != queuedAt)
                    return Error::cancel();
                return job(store);
            },
            std::move(done));
    }

    // Makes the job running now stop with an error (its result reports it): its SQLite
    // statement, and our own loops that watch for it (InterruptWatch); and those queued with
    // runCurrent() before now not start (jobs queued before run whole otherwise: a view's
    // next query waited behind its last pages and count, up to 0.2 s at ten million posts).
    void interrupt();

private:
    void post(std::function<void(const CaseStore &)> job);
    // On the reader thread: the case its jobs see from now on (nullptr: none).
    void replaceStore(std::unique_ptr<CaseStore> store);

    QThread m_thread;
    QObject *m_worker = nullptr; // lives on m_thread
    std::mutex m_storeMutex;     // guards m_store against interrupt() from the GUI thread
    std::unique_ptr<CaseStore> m_store;
    std::atomic<quint64> m_interrupts{0}; // calls of interrupt(), for runCurrent()
};

} // namespace chorus::ui
