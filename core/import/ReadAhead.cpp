#include "import/ReadAhead.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <variant>
#include <vector>

namespace chorus {

namespace {

struct IssueEvent
{
    bool rejected = false; // else a warning
    std::int64_t line = 0;
    std::string field;
    std::string reason;
    std::string excerpt;
};
struct ProgressEvent
{
    std::int64_t done = 0;
    std::int64_t total = 0;
};
using Event = std::variant<PostRecord, AccountRecord, IssueEvent, ProgressEvent, StageEvent>;
using Batch = std::vector<Event>;

// Large enough that the lock is taken rarely, small enough that the writer starts at once.
constexpr std::size_t BatchEvents = 256;
// Batches read ahead of the writer at most: a few MB of records.
constexpr std::size_t QueuedBatches = 16;

// The hand-over between the two threads.
class BatchQueue
{
public:
    // Reader side. Waits while the queue is full; drops the batch once the writer stopped.
    // Returns a batch the writer is done with, to be cleared and filled again here: the
    // records' strings are freed by the thread that allocated them, without contending for
    // its malloc arena (a tenth of the writer's time on Mastodon statuses).
    Batch push(Batch &&batch)
    {
        Batch spent;
        std::unique_lock lock(m_mutex);
        m_notFull.wait(lock, [&] { return m_batches.size() < QueuedBatches || m_stopped; });
        if (!m_spent.empty()) {
            spent = std::move(m_spent.back());
            m_spent.pop_back();
        }
        if (m_stopped)
            return spent;
        m_batches.push_back(std::move(batch));
        m_notEmpty.notify_one();
        return spent;
    }
    void finish(Status status, std::exception_ptr failure)
    {
        std::lock_guard lock(m_mutex);
        m_status = std::move(status);
        m_failure = failure;
        m_finished = true;
        m_notEmpty.notify_one();
    }

    // Writer side. Empty once the reader finished and everything was taken.
    std::optional<Batch> pop()
    {
        std::unique_lock lock(m_mutex);
        m_notEmpty.wait(lock, [&] { return !m_batches.empty() || m_finished; });
        if (m_batches.empty())
            return std::nullopt;
        Batch batch = std::move(m_batches.front());
        m_batches.pop_front();
        m_notFull.notify_one();
        return batch;
    }
    // Writer side: a delivered batch goes back to the reader (a few at most are kept).
    void recycle(Batch &&batch)
    {
        std::lock_guard lock(m_mutex);
        if (m_spent.size() < QueuedBatches)
            m_spent.push_back(std::move(batch));
    }
    // The writer takes no more: the reader is told to stop and is never left waiting.
    void stop()
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_batches.clear();
        m_notFull.notify_all();
    }
    // Polled by the importer (through QueueingSink::isCancelled) as often as it likes.
    bool stopped() const { return m_stopped.load(std::memory_order_relaxed); }
    Status status() const { return m_status; }
    std::exception_ptr failure() const { return m_failure; }

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_notFull;
    std::condition_variable m_notEmpty;
    std::deque<Batch> m_batches;
    std::vector<Batch> m_spent;         // delivered, for the reader to clear and reuse
    std::atomic<bool> m_stopped{false}; // written under m_mutex, read without
    bool m_finished = false;
    Status m_status;
    std::exception_ptr m_failure;
};

// What the importer reports to, on the reader's thread: events gathered into batches.
class QueueingSink final : public RecordSink, public ProgressSink
{
public:
    QueueingSink(BatchQueue &queue, RecordPreparer *preparer) : m_queue(queue), m_preparer(preparer)
    {
        m_batch.reserve(BatchEvents);
    }

    void post(PostRecord &&post) override
    {
        if (m_preparer)
            m_preparer->prepare(post);
        add(std::move(post));
    }
    void account(AccountRecord &&account) override
    {
        if (m_preparer)
            m_preparer->prepare(account);
        add(std::move(account));
    }
    void reject(std::int64_t line, std::string_view field, std::string_view reason,
                std::string_view excerpt) override
    {
        add(IssueEvent{true, line, std::string(field), std::string(reason), std::string(excerpt)});
    }
    void warn(std::int64_t line, std::string_view field, std::string_view reason,
              std::string_view excerpt) override
    {
        add(IssueEvent{false, line, std::string(field), std::string(reason), std::string(excerpt)});
    }
    // Progress comes every few thousand records: handing it on at once bounds how long the
    // writer waits for a batch, and so how late the importer hears of a Cancel.
    void progress(std::int64_t done, std::int64_t total) override
    {
        add(ProgressEvent{done, total});
        flush();
    }
    // The writer stopped taking batches: the user cancelled or a write failed.
    bool isCancelled() const override { return m_queue.stopped(); }

    void flush()
    {
        if (m_batch.empty())
            return;
        // Dropped once stopped: isCancelled() says so.
        m_batch = m_queue.push(std::move(m_batch));
        m_batch.clear();
        m_batch.reserve(BatchEvents);
    }

protected:
    void onStage(const StageEvent &event) override { add(event); }

private:
    template <typename T> void add(T &&event)
    {
        if (m_queue.stopped())
            return; // nobody listens; the importer stops at its next isCancelled()
        m_batch.emplace_back(std::forward<T>(event));
        if (m_batch.size() >= BatchEvents)
            flush();
    }

    BatchQueue &m_queue;
    RecordPreparer *m_preparer;
    Batch m_batch;
};

// Hands one event on to the writer's sinks.
struct Deliver
{
    RecordSink &sink;
    ProgressSink &progress;

    void operator()(PostRecord &post) { sink.post(std::move(post)); }
    void operator()(AccountRecord &account) { sink.account(std::move(account)); }
    void operator()(IssueEvent &issue)
    {
        if (issue.rejected)
            sink.reject(issue.line, issue.field, issue.reason, issue.excerpt);
        else
            sink.warn(issue.line, issue.field, issue.reason, issue.excerpt);
    }
    void operator()(ProgressEvent &tick) { progress.progress(tick.done, tick.total); }
    void operator()(StageEvent &stage)
    {
        progress.stage(stage.stage, std::move(stage.subject), std::move(stage.detail));
    }
};

// Joins the reader however the writer leaves (return or exception): a thread is never left
// running on a device or sinks that are about to go away.
class ReaderThread
{
public:
    ReaderThread(BatchQueue &queue, std::thread thread)
        : m_queue(queue), m_thread(std::move(thread))
    {}
    ~ReaderThread()
    {
        if (m_thread.joinable()) {
            m_queue.stop();
            m_thread.join();
        }
    }
    void join() { m_thread.join(); }

private:
    BatchQueue &m_queue;
    std::thread m_thread;
};

} // namespace

Status readAhead(const ReadFunction &read, RecordSink &sink, ProgressSink &progress,
                 RecordPreparer *preparer)
{
    BatchQueue queue;
    ReaderThread reader(queue, std::thread([&] {
                            QueueingSink queued(queue, preparer);
                            Status status;
                            std::exception_ptr failure;
                            try {
                                status = read(queued, queued);
                                queued.flush();
                            } catch (...) {
                                failure = std::current_exception();
                            }
                            queue.finish(std::move(status), failure);
                        }));

    Deliver deliver{sink, progress};
    while (auto batch = queue.pop()) {
        for (Event &event : *batch)
            std::visit(deliver, event);
        queue.recycle(std::move(*batch));
        if (progress.isCancelled()) {
            queue.stop(); // what was read ahead is not written
            break;
        }
    }
    reader.join();
    if (queue.stopped())
        return Error::cancel(); // whatever the reader made of being stopped
    if (queue.failure())
        std::rethrow_exception(queue.failure());
    return queue.status();
}

} // namespace chorus
