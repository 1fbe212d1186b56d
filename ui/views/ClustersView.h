#pragma once

#include "views/ClusterSource.h"

#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace chorus::ui {

class CaseReader;
class SelectionController;

// The clusters of the latest analysis ranked by score, grouped under their campaign when
// they belong to one; each expands into the components that make up its score. Selecting one
// selects it everywhere (posts filter, timeline, highlighted accounts). GUI thread; reads through
// its own CaseReader.
class ClustersView : public QWidget
{
    Q_OBJECT
public:
    ClustersView(SelectionController *selection, QWidget *parent = nullptr);

    void openCase(const QString &path);
    void reload();
    QTreeWidget *tree() const { return m_tree; }
    int clusterCount() const;
    // Selects the cluster with this number (its rank in the run), if listed.
    void selectByNumber(int number);
    // Selects a campaign's row (its co-text network is drawn); false when there is none.
    bool selectCampaign(int campaign);

signals:
    void loaded(const std::vector<chorus::ui::ClusterItem> &top);
    // A campaign row became current (its number in the run).
    void campaignSelected(int campaign);
    void analysisRequested();
    // Right-click on a cluster or campaign row.
    void annotateClusterRequested(qint64 clusterId);
    void annotateCampaignRequested(int campaign);

private:
    void show(const std::vector<ClusterItem> &clusters);
    void followSelection(qint64 clusterId);
    QTreeWidgetItem *clusterItem(const ClusterItem &c);

    SelectionController *m_selection;
    CaseReader *m_reader;
    QTreeWidget *m_tree;
    QLabel *m_empty;
    std::vector<QTreeWidgetItem *> m_clusterItems; // by rank, whether top level or in a campaign
    quint64 m_generation = 0;
};

} // namespace chorus::ui
