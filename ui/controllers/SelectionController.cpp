#include "controllers/SelectionController.h"

#include <algorithm>

namespace chorus::ui {

PostFilter SelectionController::filter() const
{
    PostFilter filter;
    filter.clusterId = m_clusterId;
    filter.accountIds.assign(m_accountGroup.begin(), m_accountGroup.end());
    std::sort(filter.accountIds.begin(), filter.accountIds.end());
    if (hasTimeRange()) {
        filter.from = m_from;
        filter.to = m_to;
    }
    return filter;
}

void SelectionController::selectAccount(qint64 accountId)
{
    if (accountId == m_accountId)
        return;
    m_accountId = accountId;
    emit accountSelected(accountId);
}

void SelectionController::selectCluster(qint64 clusterId)
{
    if (clusterId == m_clusterId)
        return;
    m_clusterId = clusterId;
    m_clusterAccounts.clear();
    emit clusterSelected(clusterId);
    emit clusterAccountsChanged();
    emit filterChanged();
}

void SelectionController::selectAccountGroup(const QSet<qint64> &accounts)
{
    if (accounts == m_accountGroup)
        return;
    m_accountGroup = accounts;
    emit accountGroupSelected();
    emit filterChanged();
}

void SelectionController::selectTimeRange(qint64 from, qint64 to)
{
    if (to <= from)
        from = to = 0;
    if (from == m_from && to == m_to)
        return;
    m_from = from;
    m_to = to;
    emit timeRangeSelected(from, to);
    emit filterChanged();
}

void SelectionController::setClusterAccounts(qint64 clusterId, const QSet<qint64> &accounts)
{
    if (clusterId != m_clusterId)
        return; // a late answer for a cluster no longer selected
    m_clusterAccounts = accounts;
    emit clusterAccountsChanged();
}

void SelectionController::clear()
{
    selectAccount(0);
    selectCluster(0);
    selectAccountGroup({});
    selectTimeRange(0, 0);
}

} // namespace chorus::ui
