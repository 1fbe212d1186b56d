#include "views/ClusterSource.h"

#include "store/CaseStore.h"

namespace chorus::ui {

Result<std::vector<ClusterItem>> loadLatestClusters(const CaseStore &store, int limit)
{
    // Filled from core/analysis/ClusterQueries once the clustering engine has landed.
    (void)store;
    (void)limit;
    return std::vector<ClusterItem>{};
}

} // namespace chorus::ui
