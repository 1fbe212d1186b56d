#pragma once

#include "query/PostQueries.h"

#include <QObject>
#include <QSet>

namespace chorus::ui {

// The linked selection shared by all views: the account being inspected, the cluster
// chosen, and a time range. Any view may set them; every view listens and follows.
// Setting a value equal to the current one emits nothing, so views may echo freely.
// GUI thread.
class SelectionController : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    qint64 accountId() const { return m_accountId; }
    qint64 clusterId() const { return m_clusterId; }
    // A group of accounts chosen together (a rubber band in the graph): it filters the posts
    // and the timeline. Empty when none.
    const QSet<qint64> &accountGroup() const { return m_accountGroup; }
    bool hasTimeRange() const { return m_to > m_from; }
    qint64 timeFrom() const { return m_from; }
    qint64 timeTo() const { return m_to; }
    // The accounts of the selected cluster (empty until known), for highlighting.
    const QSet<qint64> &clusterAccounts() const { return m_clusterAccounts; }

    // The cluster, account group and time range as a posts filter (the account is
    // inspected, not filtered).
    PostFilter filter() const;

public slots:
    void selectAccount(qint64 accountId);
    void selectCluster(qint64 clusterId);
    void selectAccountGroup(const QSet<qint64> &accounts);
    // from >= to clears the range. Times are UTC epoch seconds, to exclusive.
    void selectTimeRange(qint64 from, qint64 to);
    void setClusterAccounts(qint64 clusterId, const QSet<qint64> &accounts);
    void clear();

signals:
    void accountSelected(qint64 accountId);
    void clusterSelected(qint64 clusterId);
    void accountGroupSelected();
    void timeRangeSelected(qint64 from, qint64 to);
    void clusterAccountsChanged();
    // Cluster or time range changed: the posts filter changed.
    void filterChanged();

private:
    qint64 m_accountId = 0;
    qint64 m_clusterId = 0;
    qint64 m_from = 0;
    qint64 m_to = 0;
    QSet<qint64> m_clusterAccounts;
    QSet<qint64> m_accountGroup;
};

} // namespace chorus::ui
