#include "store/FreshCaseJournal.h"

namespace chorus {

namespace {

// The journal mode after asking for `mode`, without waiting for other connections: one that
// has the case open keeps it in its log, and the import must not wait seconds for it.
std::string switchJournal(const Database &db, const char *mode)
{
    db.setBusyTimeout(0);
    std::string now;
    try {
        Statement pragma = db.prepare(std::string("PRAGMA journal_mode = ") + mode);
        if (pragma.step())
            now = pragma.text(0);
    } catch (const SqlError &) {
        // busy: another connection has the case open; it stays as it is
    }
    db.setBusyTimeout(DefaultBusyTimeoutMs);
    return now;
}

} // namespace

FreshCaseJournal::FreshCaseJournal(const Database &db, bool caseIsEmpty) : m_db(db)
{
    if (!caseIsEmpty)
        return;
    m_active = switchJournal(m_db, "DELETE") == "delete";
    if (m_active)
        m_db.execScript("PRAGMA synchronous = FULL;");
}

FreshCaseJournal::~FreshCaseJournal()
{
    if (!m_active)
        return;
    // Back to the log first: should another connection be reading at this moment, the case
    // stays with its rollback journal, and then with full synchronous writes, until CaseStore
    // sets the log again on its next open.
    if (switchJournal(m_db, "WAL") != "wal")
        return;
    try {
        m_db.execScript("PRAGMA synchronous = NORMAL;");
    } catch (const SqlError &) {
        // only on a closed connection
    }
}

} // namespace chorus
