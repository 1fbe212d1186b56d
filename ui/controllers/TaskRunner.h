#pragma once

#include "common/Error.h"
#include "common/Progress.h"
#include "common/TimeLeft.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>

class QThread;

namespace chorus::ui {

// Runs one long job (an import, an analysis) at a time on a worker thread, with progress
// and cooperative cancellation. The job gets a ProgressSink; the GUI polls it on a timer
// instead of receiving a signal per row, so a fast job cannot flood the event loop.
// Create and use from the GUI thread; the destructor cancels and waits.
class TaskRunner : public QObject
{
    Q_OBJECT
public:
    // Returns a summary for the user, or an Error (cancelled or failed).
    using Job = std::function<Result<QString>(ProgressSink &)>;

    explicit TaskRunner(QObject *parent = nullptr);
    ~TaskRunner() override;

    // false (and nothing happens) while another job runs.
    bool start(const QString &title, Job job);
    bool isRunning() const { return m_thread != nullptr; }

public slots:
    void cancel();

signals:
    void started(const QString &title);
    // total 0: unknown. stage: what the job does now.
    void progressChanged(qint64 done, qint64 total, const QString &stage);
    // "about 2 min left" for the current stage, in the user's language; empty while unknown.
    void timeLeftChanged(const QString &text);
    // ok false with cancelled true: the user cancelled; the case was left as it was.
    void finished(bool ok, bool cancelled, const QString &message);

private:
    struct Shared;
    void poll();
    void onThreadFinished();

    std::shared_ptr<Shared> m_shared;
    QThread *m_thread = nullptr;
    QTimer m_poll;
    TimeLeft m_timeLeft;
    std::uint64_t m_timedStage = 0; // Shared::stages when m_timeLeft was restarted
};

} // namespace chorus::ui
