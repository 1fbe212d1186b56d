#pragma once

#include <QObject>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>
#include <mutex>

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
    explicit CaseReader(QObject *parent = nullptr);
    ~CaseReader() override;

    // Opens the case on the reader thread (an empty path closes it). Jobs queued before
    // see the old case.
    void open(const QString &path);

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

    // Makes the job running now stop with an error (its result reports it): its SQLite
    // statement, and our own loops that watch for it (InterruptWatch).
    void interrupt();

private:
    void post(std::function<void(const CaseStore &)> job);

    QThread m_thread;
    QObject *m_worker = nullptr; // lives on m_thread
    std::mutex m_storeMutex;     // guards m_store against interrupt() from the GUI thread
    std::unique_ptr<CaseStore> m_store;
};

} // namespace chorus::ui
