#include "store/CancelWatch.h"

#include "store/SqlGuard.h"

#include <optional>

#include <sqlite3.h>

namespace chorus {

namespace {
// About a millisecond of work between polls: Cancel is felt at once, the poll costs nothing.
constexpr int StepsBetweenPolls = 10000;
} // namespace

CancelWatch::CancelWatch(const Database &db, const ProgressSink &progress)
    : m_db(db), m_progress(progress)
{
    // In place of the connection's own handler, which stops statements while it is
    // interrupted (Database::interrupt): this one does too.
    sqlite3_progress_handler(
        m_db.handle(), StepsBetweenPolls,
        [](void *watch) -> int {
            const auto *self = static_cast<const CancelWatch *>(watch);
            return self->m_progress.isCancelled() || self->m_db.interrupted() ? 1 : 0;
        },
        this);
}

CancelWatch::~CancelWatch()
{
    m_db.watchInterrupts();
}

Status writeCancellably(const Database &db, ProgressSink &progress, const char *what,
                        const std::function<void()> &write)
{
    auto written = guardSql(what, [&]() -> Result<bool> {
        Transaction transaction(db);
        std::optional<CancelWatch> watch(std::in_place, db, progress);
        write();
        watch.reset();
        transaction.commit();
        return true;
    });
    written = interruptedByCancel(std::move(written), progress);
    if (!written)
        return written.error();
    return {};
}

} // namespace chorus
