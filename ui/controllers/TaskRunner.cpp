#include "controllers/TaskRunner.h"

#include "common/ThreadPriority.h"
#include "controllers/StageText.h"

#include <QThread>

#include <atomic>
#include <mutex>
#include <optional>

namespace chorus::ui {

// State shared by the job (writes) and the GUI (polls).
struct TaskRunner::Shared final : ProgressSink
{
    CancelToken token;
    std::atomic<std::int64_t> done{0};
    std::atomic<std::int64_t> total{0};
    std::mutex stageMutex;
    std::optional<StageEvent> stage;
    std::atomic<std::uint64_t> stages{0}; // stages begun: the time left restarts with each
    std::optional<Result<QString>> result;

    void progress(std::int64_t d, std::int64_t t) override
    {
        done.store(d, std::memory_order_relaxed);
        total.store(t, std::memory_order_relaxed);
    }
    bool isCancelled() const override { return token.isCancelled(); }
    void onStage(const StageEvent &event) override
    {
        std::lock_guard lock(stageMutex);
        stage = event;
        done.store(0, std::memory_order_relaxed); // the last stage's count is not this one's
        total.store(0, std::memory_order_relaxed);
        stages.fetch_add(1, std::memory_order_relaxed);
    }
};

TaskRunner::TaskRunner(QObject *parent) : QObject(parent)
{
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, &TaskRunner::poll);
}

TaskRunner::~TaskRunner()
{
    if (m_thread) {
        m_shared->token.request();
        m_thread->wait();
        delete m_thread;
    }
}

bool TaskRunner::start(const QString &title, Job job)
{
    if (m_thread)
        return false;
    m_shared = std::make_shared<Shared>();
    m_thread = QThread::create([shared = m_shared, job = std::move(job)] {
        // Below the window's thread and the readers answering its views; the job's own
        // threads start from here and inherit it.
        lowerThisThreadsPriority(BackgroundPriority::Task);
        try {
            shared->result = job(*shared);
        } catch (const std::exception &e) {
            shared->result = Result<QString>(Error{e.what()});
        }
    });
    m_thread->setObjectName(QStringLiteral("TaskRunner"));
    connect(m_thread, &QThread::finished, this, &TaskRunner::onThreadFinished);
    emit started(title);
    m_thread->start();
    m_timeLeft.restart();
    m_timedStage = 0;
    m_poll.start();
    return true;
}

void TaskRunner::cancel()
{
    if (m_shared)
        m_shared->token.request();
}

void TaskRunner::poll()
{
    QString stage;
    {
        std::lock_guard lock(m_shared->stageMutex);
        if (m_shared->stage)
            stage = stageText(*m_shared->stage);
    }
    const std::int64_t done = m_shared->done.load();
    const std::int64_t total = m_shared->total.load();
    emit progressChanged(done, total, stage);
    if (const std::uint64_t stages = m_shared->stages.load(); stages != m_timedStage) {
        m_timedStage = stages;
        m_timeLeft.restart();
    }
    const auto left = m_timeLeft.estimate(done, total);
    emit timeLeftChanged(left && *left > 0 ? timeLeftText(*left) : QString());
}

void TaskRunner::onThreadFinished()
{
    m_poll.stop();
    m_thread->deleteLater();
    m_thread = nullptr;
    const Result<QString> result = m_shared->result
                                       ? *m_shared->result
                                       : Result<QString>(Error{"the task ended without a result"});
    if (result)
        emit finished(true, false, result.value());
    else
        emit finished(false, result.error().cancelled,
                      QString::fromStdString(result.error().message));
}

} // namespace chorus::ui
