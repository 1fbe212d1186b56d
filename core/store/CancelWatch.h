#pragma once

#include "common/Error.h"
#include "common/Progress.h"
#include "store/Database.h"

#include <functional>

namespace chorus {

// While it lives, a long statement on `db` (a CREATE INDEX over millions of posts, a step of
// the text index) stops soon after `progress` is cancelled, instead of running to its end:
// SQLite's progress handler polls isCancelled() every few thousand virtual-machine steps and
// the statement fails with SQLITE_INTERRUPT (an SqlError), which the job reports as cancelled
// (interruptedByCancel). Create it after the job's Transaction, so that the rollback runs
// without it, and end it before the commit (hold it in a std::optional and reset it), so that
// no commit is ever interrupted. One per connection at a time.
class CancelWatch
{
public:
    CancelWatch(const Database &db, const ProgressSink &progress);
    ~CancelWatch();
    CancelWatch(const CancelWatch &) = delete;
    CancelWatch &operator=(const CancelWatch &) = delete;

private:
    const Database &m_db;
    const ProgressSink &m_progress;
};

// A job's error stands for the user's cancel when the user did cancel: the SQLite message of
// an interrupted statement ("interrupted") is not a failure to report.
template <typename T> Result<T> interruptedByCancel(Result<T> result, const ProgressSink &progress)
{
    if (!result && !result.error().cancelled && progress.isCancelled())
        return Error::cancel();
    return result;
}

// Runs `write` in a transaction of its own under a CancelWatch: a Cancel while a statement runs
// rolls it back whole and is reported as cancelled, an SQL error as `what` failing; else it is
// committed.
Status writeCancellably(const Database &db, ProgressSink &progress, const char *what,
                        const std::function<void()> &write);

} // namespace chorus
