#pragma once

#include "store/Database.h"

namespace chorus {

// While it lives, a case without posts that no other connection has open writes through a
// rollback journal instead of its write-ahead log. An import into a fresh case writes the
// whole case once: through the log it was written twice (into the log, then copied into the
// case file when the log is checkpointed), and pages spilled from the cache were read back
// out of the log. A rollback journal keeps only the pages that existed before (a few), and a
// failed or killed import still leaves the case as it was: SQLite rolls the journal back
// when the case is next opened. Synchronous writes are full meanwhile, as a rollback
// journal needs for a power cut. The case returns to its log afterwards (and CaseStore sets
// it again on every open, should another program have opened the case meanwhile).
// Create it outside any transaction, before the import's own. Only chorus-cli asks for it
// (ImportOptions::onlyConnection): the workbench's panels open connections of their own at
// any moment, and one opened while the journal is in use finds the case locked.
class FreshCaseJournal
{
public:
    FreshCaseJournal(const Database &db, bool caseIsEmpty);
    ~FreshCaseJournal();
    FreshCaseJournal(const FreshCaseJournal &) = delete;
    FreshCaseJournal &operator=(const FreshCaseJournal &) = delete;

    // Whether the case writes through the rollback journal now.
    bool active() const { return m_active; }

private:
    const Database &m_db;
    bool m_active = false;
};

} // namespace chorus
