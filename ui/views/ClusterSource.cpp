#include "views/ClusterSource.h"

#include "query/ClusterQueries.h"
#include "store/CaseStore.h"

namespace chorus::ui {

Result<std::vector<ClusterItem>> loadLatestClusters(const CaseStore &store, int limit)
{
    const ClusterQueries queries(store);
    auto run = queries.latestRun();
    if (!run)
        return run.error();
    std::vector<ClusterItem> items;
    if (!run.value())
        return items;
    auto clusters = queries.clusters(*run.value(), limit);
    if (!clusters)
        return clusters.error();
    for (const ClusterInfo &c : clusters.value()) {
        ClusterItem item;
        item.id = c.id;
        item.number = c.number;
        item.size = c.size;
        item.accounts = c.accounts;
        item.firstAt = c.firstAt;
        item.lastAt = c.lastAt;
        item.score = c.score;
        item.representativeText = QString::fromStdString(c.representativeText);
        item.campaign = c.campaign;
        for (const ScoreComponent &component : c.components)
            item.components.push_back(
                {QString::fromStdString(component.name), component.value, component.contribution});
        items.push_back(std::move(item));
    }
    return items;
}

} // namespace chorus::ui
