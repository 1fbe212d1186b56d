#include "views/AccountEvidence.h"

#include "store/CaseStore.h"

namespace chorus::ui {

AccountEvidence loadAccountEvidence(const CaseStore &store, qint64 accountId)
{
    // Filled from core/analysis/NetworkQueries once the network analysis has landed.
    (void)store;
    (void)accountId;
    return {};
}

} // namespace chorus::ui
